// `atalaya eval GOLD INPUT…`: code the inputs and score them against the gold.
import { Coder } from '../coder.js';
import { formatReport } from '../eval/report.js';
import { evaluate } from '../eval/run.js';

export interface EvalOptions { json?: boolean; verbose?: boolean; minRecall?: number; minPrecision?: number; kb: string[] }

export async function evalCommand(goldPath: string, inputs: string[], opts: EvalOptions): Promise<number> {
  let report;
  try { report = await evaluate(goldPath, inputs, new Coder({ kbFiles: opts.kb })); } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 2;
  }
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
