// `atalaya kb check`: validates the knowledge base and prints its counts.
import { checkKb } from '../kb/check.js';
import { loadKbData } from '../kb/load.js';

export function kbCheckCommand(opts: { kb: string[]; warnings?: boolean }): number {
  const { data, problems } = loadKbData({ userFiles: opts.kb });
  const report = checkKb(data, problems);
  for (const e of report.errors) process.stdout.write(`error: ${e.file}: ${e.message}\n`);
  if (opts.warnings) for (const w of report.warnings) process.stdout.write(`warning: ${w.file}: ${w.message}\n`);
  process.stdout.write(Object.entries(report.counts).map(([k, v]) => `${k} ${v}`).join(', ') + '\n');
  process.stdout.write(`${report.errors.length} errors, ${report.warnings.length} warnings\n`);
  return report.errors.length ? 1 : 0;
}
