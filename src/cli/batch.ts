// Runs the coder over inputs as a stream: per-item problems to stderr, progress on a terminal, a summary.
import { Coder, UnsupportedArticle, type CodedArticle } from '../coder.js';
import { readInputs } from '../ingest/index.js';
import type { Article, ItemProblem } from '../ingest/article.js';

export interface BatchStats {
  articles: number;
  events: number;
  errors: number;
  warnings: number;
  /** Articles left alone because `skip` said they were already done. */
  skipped: number;
  seconds: number;
}

export const formatProblem = (p: ItemProblem): string =>
  `${p.level}: ${p.origin.file}${p.origin.line ? `:${p.origin.line}` : ''}: ${p.message}`;

/**
 * Codes every article of `inputs`, calling `onArticle` for each; never throws for a bad item.
 * @example await codeInputs(['examples/'], coder, { onArticle: (c) => console.log(c.events.length) })
 */
export async function codeInputs(
  inputs: string[],
  coder: Coder,
  opts: {
    published?: string;
    onArticle: (coded: CodedArticle) => void | Promise<void>;
    quiet?: boolean;
    /** Articles for which this returns true are counted as skipped and not coded (already stored). */
    skip?: (article: Article) => boolean;
  },
): Promise<BatchStats> {
  const t0 = performance.now();
  const stats: BatchStats = { articles: 0, events: 0, errors: 0, warnings: 0, skipped: 0, seconds: 0 };
  const bar = process.stderr.isTTY && !opts.quiet
    ? new (await import('cli-progress')).SingleBar({ format: 'coding | {value} articles | {events} events | {errors} errors', stream: process.stderr, hideCursor: true, noTTYOutput: false })
    : null;
  bar?.start(0, 0, { events: 0, errors: 0 });
  const report = (p: ItemProblem): void => {
    if (p.level === 'error') stats.errors++; else stats.warnings++;
    if (bar) bar.stop();
    process.stderr.write(formatProblem(p) + '\n');
    if (bar) bar.start(0, stats.articles, { events: stats.events, errors: stats.errors });
  };
  for await (const item of readInputs(inputs, { published: opts.published })) {
    if (item.kind === 'problem') { report(item.problem); continue; }
    if (opts.skip?.(item.article)) { stats.skipped++; continue; }
    try {
      const coded = coder.code(item.article);
      stats.articles++;
      stats.events += coded.events.length;
      await opts.onArticle(coded);
    } catch (err) {
      const level = err instanceof UnsupportedArticle ? 'warning' : 'error';
      report({ level, origin: item.article.origin, message: err instanceof UnsupportedArticle ? `skipped: ${err.message}` : `cannot code article ${item.article.id}: ${(err as Error).message}` });
    }
    bar?.update(stats.articles, { events: stats.events, errors: stats.errors });
  }
  bar?.stop();
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}

export const summaryLine = (s: BatchStats): string =>
  `coded ${s.articles} articles, ${s.events} events, ${s.errors} errors in ${s.seconds.toFixed(1)} s${s.warnings ? ` (${s.warnings} warnings)` : ''}`;
