// The command-line loop over codeStream: read inputs, code (in process or on workers), report
// per-item problems on stderr under a progress bar, and count.
import type { BatchStats } from '../cli/batch.js';
import { formatProblem } from '../cli/batch.js';
import type { Article, ItemProblem, ReadResult } from '../ingest/article.js';
import { readInputs } from '../ingest/index.js';
import { codeStream, type CodeStreamOptions, type StreamItem } from './code-stream.js';

export type CodedItem = Extract<StreamItem, { kind: 'coded' }>;

export interface RunOptions extends Omit<CodeStreamOptions, 'onKbProblems'> {
  /** Fallback publication date (YYYY-MM-DD). */
  published?: string;
  /** Largest article text accepted, in UTF-8 bytes (see ReadOptions). */
  maxBytes?: number;
  /** No progress bar (the summary is the caller's). */
  quiet?: boolean;
  /** Articles for which this returns true are counted as skipped and not coded (already stored). */
  skip?: (article: Article) => boolean;
  /** Called for each coded article, in input order; awaited (back-pressure reaches the workers). */
  onCoded: (item: CodedItem) => void | Promise<void>;
}

/**
 * Codes every article of `inputs` (files, folders, "-") and calls `onCoded` for each, in input
 * order; never throws for a bad item. Knowledge-base warnings and item problems go to stderr.
 * @example await runInputs(['news.jsonl'], { workers: 2, onCoded: (c) => console.log(c.events.length) })
 */
export async function runInputs(inputs: string[], opts: RunOptions): Promise<BatchStats> {
  const t0 = performance.now();
  const stats: BatchStats = { articles: 0, events: 0, errors: 0, warnings: 0, skipped: 0, seconds: 0 };
  // cli-progress loads only for a terminal.
  const bar = process.stderr.isTTY && !opts.quiet
    ? new (await import('cli-progress')).SingleBar({ format: 'coding | {value} articles | {events} events | {errors} errors', stream: process.stderr, hideCursor: true, noTTYOutput: false })
    : null;
  const report = (p: ItemProblem): void => {
    if (p.level === 'error') stats.errors++; else stats.warnings++;
    if (bar) bar.stop();
    process.stderr.write(formatProblem(p) + '\n');
    if (bar) bar.start(0, stats.articles, { events: stats.events, errors: stats.errors });
  };
  async function* unskipped(): AsyncGenerator<ReadResult> {
    for await (const r of readInputs(inputs, { published: opts.published, maxBytes: opts.maxBytes })) {
      if (r.kind === 'article' && opts.skip?.(r.article)) { stats.skipped++; continue; }
      yield r;
    }
  }
  const stream = codeStream(unskipped(), {
    ...opts,
    onKbProblems: (problems) => {
      for (const p of problems) process.stderr.write(`warning: ${p.file}: ${p.message}\n`);
      if (stats.articles + stats.errors + stats.warnings === 0) bar?.start(0, 0, { events: 0, errors: 0 });
    },
  });
  for await (const item of stream) {
    if (item.kind === 'problem') { report(item.problem); continue; }
    stats.articles++;
    stats.events += item.lines?.length ?? item.events.length;
    await opts.onCoded(item);
    bar?.update(stats.articles, { events: stats.events, errors: stats.errors });
  }
  bar?.stop();
  stats.seconds = (performance.now() - t0) / 1000;
  return stats;
}
