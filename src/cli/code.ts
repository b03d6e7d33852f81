// `atalaya code`: stream articles through the coder (in process or on worker threads) and print event records.
import type { Writable } from 'node:stream';
import { csvHeader } from '../events/csv.js';
import { defaultWorkers } from '../pipeline/code-stream.js';
import { runInputs } from '../pipeline/run.js';
import { summaryLine } from './batch.js';

export interface CodeOptions {
  format: 'jsonl' | 'json' | 'csv';
  published?: string;
  /** Largest article text accepted, in UTF-8 bytes (the readers' default when absent). */
  maxBytes?: number;
  out: Writable;
  kb: string[];
  quiet?: boolean;
  /** Worker threads: a number, true for one per core; absent codes in this thread. Output is the same. */
  workers?: number | true;
}

/** Returns the exit code: 0 when at least one article was coded, 1 when none could be. */
export async function codeCommand(inputs: string[], opts: CodeOptions): Promise<number> {
  const write = (s: string): Promise<void> => new Promise((resolve) => { if (opts.out.write(s)) resolve(); else opts.out.once('drain', resolve); });
  let first = true;
  if (opts.format === 'csv') await write(csvHeader() + '\n');
  if (opts.format === 'json') await write('[');
  const stats = await runInputs(inputs, {
    workers: opts.workers === true ? defaultWorkers() : opts.workers ?? 1,
    kbFiles: opts.kb,
    published: opts.published,
    maxBytes: opts.maxBytes,
    quiet: opts.quiet,
    // Events are rendered where they are coded (on the workers with --workers): only strings come back.
    render: opts.format === 'csv' ? 'csv' : 'json',
    onCoded: async (coded) => {
      const lines = coded.lines ?? [];
      if (lines.length === 0) return;
      if (opts.format === 'json') {
        let text = '';
        for (const line of lines) { text += (first ? '\n' : ',\n') + line; first = false; }
        await write(text);
      } else await write(lines.join('\n') + '\n');
    },
  });
  if (opts.format === 'json') await write('\n]\n');
  if (opts.out !== process.stdout) await new Promise<void>((r) => opts.out.end(r));
  if (!opts.quiet) process.stderr.write(summaryLine(stats) + '\n');
  return stats.articles > 0 ? 0 : 1;
}
