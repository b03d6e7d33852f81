// `atalaya code`: stream articles through the coder and print event records.
import type { Writable } from 'node:stream';
import { Coder } from '../coder.js';
import { csvHeader, csvRow } from '../events/csv.js';
import { codeInputs, summaryLine } from './batch.js';

export interface CodeOptions {
  format: 'jsonl' | 'json' | 'csv';
  published?: string;
  out: Writable;
  kb: string[];
  quiet?: boolean;
}

/** Returns the exit code: 0 when at least one article was coded, 1 when none could be. */
export async function codeCommand(inputs: string[], opts: CodeOptions): Promise<number> {
  const coder = new Coder({ kbFiles: opts.kb });
  for (const p of coder.kbProblems) process.stderr.write(`warning: ${p.file}: ${p.message}\n`);
  const write = (s: string): Promise<void> => new Promise((resolve) => { if (opts.out.write(s)) resolve(); else opts.out.once('drain', resolve); });
  let first = true;
  if (opts.format === 'csv') await write(csvHeader() + '\n');
  if (opts.format === 'json') await write('[');
  const stats = await codeInputs(inputs, coder, {
    published: opts.published,
    quiet: opts.quiet,
    onArticle: async (coded) => {
      for (const e of coded.events) {
        if (opts.format === 'jsonl') await write(JSON.stringify(e) + '\n');
        else if (opts.format === 'csv') await write(csvRow(e) + '\n');
        else { await write((first ? '\n' : ',\n') + JSON.stringify(e)); first = false; }
      }
    },
  });
  if (opts.format === 'json') await write('\n]\n');
  if (opts.out !== process.stdout) await new Promise<void>((r) => opts.out.end(r));
  if (!opts.quiet) process.stderr.write(summaryLine(stats) + '\n');
  return stats.articles > 0 ? 0 : 1;
}
