// `atalaya export`: stories or events from a store as JSONL, CSV, PLOVER JSON or GDELT-style TSV.
import type { Writable } from 'node:stream';
import { csvHeader, csvRow } from '../events/csv.js';
import { GDELT_COLUMNS, toGdeltRow } from '../events/gdelt.js';
import { toPlover } from '../events/plover.js';
import { type Filters, SearchSyntaxError, StoreReader } from '../store/query.js';
import { openStore, StoreError } from '../store/sqlite.js';

export type ExportFormat = 'jsonl' | 'csv' | 'plover' | 'gdelt';

export interface ExportOptions extends Filters {
  db: string;
  format: ExportFormat;
  view: 'stories' | 'events';
  header?: boolean;
  out: Writable;
}

const cell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Returns the exit code: 0 on success, 2 for an unusable store or a bad search query. */
export async function exportCommand(opts: ExportOptions): Promise<number> {
  let store;
  try {
    store = openStore(opts.db, { readonly: true });
  } catch (err) {
    if (err instanceof StoreError) { process.stderr.write(`error: ${err.message}\n`); return 2; }
    throw err;
  }
  const write = (s: string): Promise<void> => new Promise((resolve) => { if (opts.out.write(s)) resolve(); else opts.out.once('drain', resolve); });
  const reader = new StoreReader(store);
  const article = store.db.prepare('SELECT published, outlet, url FROM articles WHERE id = ?');
  let n = 0;
  try {
    if (opts.format === 'csv') await write(`${csvHeader()},story,sources,articles\n`);
    if (opts.format === 'gdelt' && opts.header) await write(GDELT_COLUMNS.join('\t') + '\n');
    // Rows are collected per page so no statement stays open while the next query runs.
    let offset = 0;
    for (;;) {
      const page = reader.events(opts, { limit: 500, offset }, opts.view);
      for (const e of page.items) {
        const meta = article.get(e.article) as { published: string | null; outlet: string | null; url: string | null } | undefined;
        if (opts.format === 'jsonl') await write(JSON.stringify(e) + '\n');
        else if (opts.format === 'csv') await write(`${csvRow(e)},${cell(e.story)},${e.sources},${cell(e.articles.join(';'))}\n`);
        else if (opts.format === 'plover') await write(JSON.stringify(toPlover(e, meta)) + '\n');
        else await write(toGdeltRow(e, meta).join('\t') + '\n');
        n++;
      }
      offset += page.items.length;
      if (!page.items.length || offset >= page.total) break;
    }
  } catch (err) {
    if (err instanceof SearchSyntaxError) { process.stderr.write(`error: ${err.message}\n`); return 2; }
    throw err;
  } finally {
    store.close();
  }
  if (opts.out !== process.stdout) await new Promise<void>((r) => opts.out.end(r));
  process.stderr.write(`exported ${n} ${opts.view}\n`);
  return 0;
}
