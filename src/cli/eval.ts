// `atalaya eval GOLD INPUT…`: code the inputs and score them against the gold.
import { Coder } from '../coder.js';
import type { EventRecord } from '../events/model.js';
import { loadGold } from '../eval/gold.js';
import { formatReport } from '../eval/report.js';
import { scoreGold } from '../eval/score.js';
import { codeInputs } from './batch.js';

export interface EvalOptions { json?: boolean; verbose?: boolean; minRecall?: number; minPrecision?: number; kb: string[] }

export async function evalCommand(goldPath: string, inputs: string[], opts: EvalOptions): Promise<number> {
  let gold;
  try { gold = loadGold(goldPath); } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 2;
  }
  const coder = new Coder({ kbFiles: opts.kb });
  const events: EventRecord[] = [];
  const coded = new Set<string>();
  await codeInputs(inputs, coder, {
    quiet: true,
    onArticle: (c) => {
      // Gold publication dates fill in for articles that carry none.
      if (!c.article.published && gold.articles[c.article.id]?.published) {
        c = coder.code({ ...c.article, published: gold.articles[c.article.id]?.published ?? null });
      }
      coded.add(c.article.id);
      events.push(...c.events);
    },
  });
  const report = scoreGold(gold, events, coded);
  if (opts.json) {
    process.stdout.write(JSON.stringify({ summary: report.summary, articles: report.articles.map((a) => ({
      article: a.article, coded: a.coded, gold_core: a.goldCore, emitted: a.emitted, matched: a.matched.map((p) => ({ gold: p.gold.id, event: p.event.id })),
      missed_core: a.missedCore.map((m) => m.gold.id), missed_other: a.missedOther.map((g) => g.id),
      extras: a.extras.map((x) => ({ event: x.event, duplicate_of: x.duplicateOf })), forbidden_hits: a.forbiddenHits,
    })) }, null, 2) + '\n');
  } else {
    process.stdout.write(formatReport(report, opts.verbose) + '\n');
  }
  const s = report.summary;
  if (opts.minRecall !== undefined && s.core_recall < opts.minRecall) return 1;
  if (opts.minPrecision !== undefined && s.precision < opts.minPrecision) return 1;
  return 0;
}
