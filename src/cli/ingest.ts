// `atalaya ingest`: code articles and store them, near-copies linked and events fused into stories.
import { readFileSync } from 'node:fs';
import { defaultWorkers } from '../pipeline/code-stream.js';
import { runInputs } from '../pipeline/run.js';
import { textHash, type StoredArticle } from '../store/model.js';
import { openStore, StoreError, type Store } from '../store/sqlite.js';

export interface IngestOptions {
  db: string;
  published?: string;
  kb: string[];
  quiet?: boolean;
  /** Recode articles even when the stored copy is current. */
  force?: boolean;
  /** Articles per transaction. */
  batch?: number;
  /** Worker threads: a number, true for one per core; absent codes in this thread. The store is the same. */
  workers?: number | true;
  /** Largest article text accepted, in UTF-8 bytes. */
  maxBytes?: number;
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
/** Stored with each article: a newer coder recodes it, the same one skips it. */
export const CODER_VERSION = `atalaya@${pkg.version}`;

export interface IngestStats {
  stored: number;
  unchanged: number;
  events: number;
  duplicates: number;
  errors: number;
  warnings: number;
  seconds: number;
}

/**
 * Writes a batch in one transaction; an article that fails rolls back alone and is reported.
 * Returns how many were stored and how many were near-copies.
 */
export function writeBatch(store: Store, batch: StoredArticle[], onError: (a: StoredArticle, err: Error) => void): { stored: number; duplicates: number } {
  let stored = 0;
  let duplicates = 0;
  store.transaction(() => {
    const touched = new Set<string>();
    for (const a of batch) {
      try {
        const r = store.transaction(() => store.put(a, CODER_VERSION, touched));
        stored++;
        if (r.duplicateOf) duplicates++;
      } catch (err) {
        onError(a, err as Error);
      }
    }
    store.refuse(touched);
  });
  return { stored, duplicates };
}

/** Returns the exit code: 0 when every input was stored or already current, 1 when none could be, 2 for a bad store. */
export async function ingestCommand(inputs: string[], opts: IngestOptions): Promise<number> {
  let store: Store;
  try {
    store = openStore(opts.db);
  } catch (err) {
    if (err instanceof StoreError) { process.stderr.write(`error: ${err.message}\n`); return 2; }
    throw err;
  }
  const size = opts.batch ?? 200;
  const stats: IngestStats = { stored: 0, unchanged: 0, events: 0, duplicates: 0, errors: 0, warnings: 0, seconds: 0 };
  let pending: StoredArticle[] = [];
  const flush = (): void => {
    const r = writeBatch(store, pending, (a, err) => {
      stats.errors++;
      process.stderr.write(`error: ${a.id}: not stored: ${err.message}\n`);
    });
    stats.stored += r.stored;
    stats.duplicates += r.duplicates;
    pending = [];
  };
  try {
    const coded = await runInputs(inputs, {
      workers: opts.workers === true ? defaultWorkers() : opts.workers ?? 1,
      kbFiles: opts.kb,
      stored: true,
      published: opts.published,
      maxBytes: opts.maxBytes,
      quiet: opts.quiet,
      skip: opts.force ? undefined : (a) => store.isCurrent(a.id, textHash(a.text), CODER_VERSION),
      onCoded: (c) => {
        if (!c.stored) throw new Error(`no stored form for ${c.article.id}`);
        pending.push(c.stored);
        if (pending.length >= size) flush();
      },
    });
    flush();
    Object.assign(stats, { unchanged: coded.skipped, events: coded.events, errors: stats.errors + coded.errors, warnings: coded.warnings, seconds: coded.seconds });
    const totals = store.counts();
    if (!opts.quiet) {
      process.stderr.write(`stored ${stats.stored} articles (${stats.unchanged} unchanged, ${stats.duplicates} near-copies), ${stats.events} events, `
        + `${stats.errors} errors in ${stats.seconds.toFixed(1)} s${stats.warnings ? ` (${stats.warnings} warnings)` : ''}\n`
        + `${opts.db}: ${totals.articles} articles, ${totals.events} events, ${totals.stories} stories\n`);
    }
    return stats.stored + stats.unchanged > 0 ? 0 : 1;
  } finally {
    store.close();
  }
}

