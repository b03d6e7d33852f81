#!/usr/bin/env node
// The `atalaya` command line: code, ingest, serve, export, clean, eval, kb check, mentions, explain.
import { createWriteStream, readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from '@commander-js/extra-typings';

/** A command whose module loads when it runs: `code` does not pay for the server, the store or the HTML reader. */
const lazy = <A extends unknown[], R>(load: () => Promise<(...a: A) => R>) => async (...a: A): Promise<Awaited<R>> => await (await load())(...a);
const codeCommand = lazy(async () => (await import('./code.js')).codeCommand);
const cleanCommand = lazy(async () => (await import('./clean.js')).cleanCommand);
const evalCommand = lazy(async () => (await import('./eval.js')).evalCommand);
const explainCommand = lazy(async () => (await import('./explain.js')).explainCommand);
const mentionsCommand = lazy(async () => (await import('./explain.js')).mentionsCommand);
const exportCommand = lazy(async () => (await import('./export.js')).exportCommand);
const ingestCommand = lazy(async () => (await import('./ingest.js')).ingestCommand);
const kbCheckCommand = lazy(async () => (await import('./kb.js')).kbCheckCommand);
const serveCommand = lazy(async () => (await import('./serve.js')).serveCommand);

// "atalaya code … | head" closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => { if (err.code === 'EPIPE') process.exit(0); throw err; });

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const isoDate = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('expected YYYY-MM-DD');
  return v;
};
const percent = (v: string): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a percentage 0-100');
  return n;
};
const collect = (v: string, prev: string[]): string[] => [...prev, v];
const byteCount = (v: string): number => {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(v.trim());
  const n = m ? Math.round(Number(m[1]) * 1024 ** ' kmg'.indexOf((m[2] || ' ').toLowerCase())) : NaN;
  if (!(n >= 1)) throw new InvalidArgumentError('expected a size in bytes, e.g. 500000, 200k or 20m');
  return n;
};
const workerCount = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError('expected a number of worker threads (0-256)');
  return n;
};
const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
};
const positive = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
};
const DEFAULT_DB = process.env.ATALAYA_DB ?? 'atalaya.db';

const program = new Command()
  .name('atalaya')
  .description('Codes Spanish news into sourced political event data (PLOVER types, dated actors, status, evidence).')
  .version(pkg.version)
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));

program.command('code')
  .description('Code articles into event records (JSONL by default) on stdout or --out.')
  .argument('[inputs...]', 'files or folders (.txt/.md with front matter, .jsonl/.ndjson, .html); "-" reads JSONL from stdin')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl', 'json', 'csv'] as const).default('jsonl' as const))
  .option('-p, --published <date>', 'publication date for articles that give none (YYYY-MM-DD)', isoDate)
  .option('--max-bytes <n>', 'largest article text accepted, in bytes ("200k", "20m"); larger ones are skipped with an error (default 5m)', byteCount)
  .option('-o, --out <file>', 'write events to this file instead of stdout')
  .option('--kb <file>', 'extra knowledge-base file (YAML or CSV), repeatable', collect, [] as string[])
  .option('-q, --quiet', 'no progress bar or summary')
  .option('-w, --workers [n]', 'code on N worker threads (one per core when N is left out); the output is the same', workerCount)
  .addHelpText('after', '\nExample:\n  atalaya code examples/ --format csv --out events.csv\n  cat news.jsonl | atalaya code - --published 2024-05-13\n  atalaya code feed.jsonl --workers --quiet > events.jsonl')
  .action(async (inputs, opts) => {
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    process.exitCode = await codeCommand(inputs.length ? inputs : ['-'], { ...opts, out });
  });

program.command('ingest')
  .description('Code articles and store them in SQLite: near-copies linked, events fused into stories across outlets.')
  .argument('[inputs...]', 'files or folders, as for "code"; "-" reads JSONL from stdin')
  .option('--db <file>', 'the store (SQLite)', DEFAULT_DB)
  .option('-p, --published <date>', 'publication date for articles that give none (YYYY-MM-DD)', isoDate)
  .option('--kb <file>', 'extra knowledge-base file (YAML or CSV), repeatable', collect, [] as string[])
  .option('--force', 'recode articles even when the stored copy is current')
  .option('--batch <n>', 'articles per transaction', positive, 200)
  .option('--max-bytes <n>', 'largest article text accepted, in bytes ("200k", "20m"; default 5m)', byteCount)
  .option('-w, --workers [n]', 'code on N worker threads (one per core when N is left out); the store is the same', workerCount)
  .option('-q, --quiet', 'no progress bar or summary')
  .addHelpText('after', '\nRe-ingesting an article (same id or same text) replaces its rows; unchanged articles are skipped.\n\nExample:\n  atalaya ingest examples/ --db atalaya.db')
  .action(async (inputs, opts) => {
    process.exitCode = await ingestCommand(inputs.length ? inputs : ['-'], opts);
  });

program.command('serve')
  .description('Serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web UI (/) over a store.')
  .option('--db <file>', 'the store (SQLite)', DEFAULT_DB)
  .option('--port <n>', 'port (env PORT)', port, process.env.PORT ? port(process.env.PORT) : 3000)
  .option('--host <host>', 'interface to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
  .addHelpText('after', '\nPOST /api/articles is allowed only when ATALAYA_TOKEN is set and presented as a bearer token.\n\nExample:\n  atalaya serve --db atalaya.db --port 3000')
  .action(async (opts) => {
    process.exitCode = await serveCommand({ ...opts, token: process.env.ATALAYA_TOKEN || undefined });
  });

program.command('export')
  .description('Export stories (default) or single events from a store.')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl', 'csv', 'plover', 'gdelt'] as const).default('jsonl' as const))
  .addOption(new Option('--view <view>', 'stories (fused, default) or single events').choices(['stories', 'events'] as const).default('stories' as const))
  .option('--db <file>', 'the store (SQLite)', DEFAULT_DB)
  .option('--actor <id>', 'actor id (KB id such as emmanuel-macron, or name:<name>)')
  .option('--country <iso3>', 'events with an actor of this country')
  .option('--type <types>', 'PLOVER types, comma-separated')
  .option('--status <statuses>', 'statuses, comma-separated')
  .option('--from <date>', 'events ending on or after (YYYY-MM-DD)', isoDate)
  .option('--to <date>', 'events starting on or before (YYYY-MM-DD)', isoDate)
  .option('-q, --query <text>', 'full-text search over evidence (FTS5 syntax)')
  .option('--header', 'gdelt: write a header line (GDELT files have none)')
  .option('-o, --out <file>', 'write to this file instead of stdout')
  .addHelpText('after', '\nExample:\n  atalaya export --format csv --type CONSULT --from 2025-01-01 > consult.csv')
  .action(async (opts) => {
    const list = (v?: string) => v?.split(',').map((x) => x.trim()).filter(Boolean);
    const out = opts.out ? createWriteStream(opts.out) : process.stdout;
    process.exitCode = await exportCommand({
      db: opts.db, format: opts.format, view: opts.view, header: opts.header, out,
      actor: opts.actor, country: opts.country?.toUpperCase(), type: list(opts.type?.toUpperCase()), status: list(opts.status), from: opts.from, to: opts.to, q: opts.query,
    });
  });

program.command('clean')
  .description('Print the cleaned text of an article and every removed block with the rule that removed it.')
  .argument('<file>', 'an article file')
  .addHelpText('after', '\nExample:\n  atalaya clean ../shared/seeds/000.txt')
  .action(async (file) => { process.exitCode = await cleanCommand(file); });

program.command('eval')
  .description('Code the inputs and score them against a gold file: core recall, precision, forbidden hits, field accuracy.')
  .argument('<gold>', 'gold JSON (see docs/annotation-guide.md)')
  .argument('<inputs...>', 'the articles the gold describes')
  .option('--json', 'print a machine-readable report')
  .option('-v, --verbose', 'also list non-core misses')
  .option('--min-recall <pct>', 'exit 1 when core recall is below this', percent)
  .option('--min-precision <pct>', 'exit 1 when precision is below this', percent)
  .option('--kb <file>', 'extra knowledge-base file, repeatable', collect, [] as string[])
  .addHelpText('after', '\nExample:\n  atalaya eval ../shared/seeds/gold.json ../shared/seeds/*.txt --min-recall 80')
  .action(async (gold, inputs, opts) => { process.exitCode = await evalCommand(gold, inputs, opts); });

program.command('mentions')
  .description('Print each actor mention, its span and its resolution with the reason.')
  .argument('<file>', 'an article file')
  .option('--kb <file>', 'extra knowledge-base file, repeatable', collect, [] as string[])
  .addHelpText('after', '\nExample:\n  atalaya mentions ../shared/seeds/000.txt')
  .action(async (file, opts) => { process.exitCode = await mentionsCommand(file, opts); });

program.command('explain')
  .description('Per sentence: mentions, dates, trigger candidates and why each event was emitted or dropped.')
  .argument('<file>', 'an article file')
  .option('--kb <file>', 'extra knowledge-base file, repeatable', collect, [] as string[])
  .addHelpText('after', '\nExample:\n  atalaya explain ../shared/seeds/002.txt')
  .action(async (file, opts) => { process.exitCode = await explainCommand(file, opts); });

const kb = program.command('kb').description('Knowledge-base tools.');
kb.command('check')
  .description('Validate data/kb and user files: schema errors, duplicate aliases, overlapping role dates.')
  .option('--kb <file>', 'extra knowledge-base file, repeatable', collect, [] as string[])
  .option('--warnings', 'list warnings too')
  .addHelpText('after', '\nExample:\n  atalaya kb check --kb my-mayors.yaml')
  .action(async (opts) => { process.exitCode = await kbCheckCommand(opts); });

await program.parseAsync(process.argv);
