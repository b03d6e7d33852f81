// The SQLite store: articles, mentions, events, near-copy links and fused stories in one file.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { EventRecord } from '../events/model.js';
import { actorId, fusionKey, groupStories } from './fusion.js';
import { bandKeys, blobToSignature, signature, signatureToBlob, similarity } from './minhash.js';
import type { StoredArticle } from './model.js';
import { APPLICATION_ID, SCHEMA, SCHEMA_VERSION } from './schema.js';

/** Estimated Jaccard above which an article counts as a syndicated copy of an earlier one. */
export const NEAR_COPY_THRESHOLD = 0.8;

/** A store file that is missing its marks, corrupt, or from a newer Atalaya. */
export class StoreError extends Error {
  override name = 'StoreError';
}

export interface PutResult {
  replaced: string[];
  duplicateOf: string | null;
  similarity: number | null;
}

type Db = Database.Database;

/**
 * Opens (creating when absent) an Atalaya store.
 * @example const store = openStore('atalaya.db'); store.close();
 */
export function openStore(file: string, opts: { readonly?: boolean } = {}): Store {
  if (opts.readonly && !existsSync(file)) throw new StoreError(`${file}: no such store (run "atalaya ingest" first)`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new StoreError(`${file}: is a directory, not an Atalaya store`);
  let db: Db;
  try {
    db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
  } catch (err) {
    throw new StoreError(`${file}: cannot open: ${(err as Error).message}`);
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_schema").get() as { n: number }).n;
    if (appId !== APPLICATION_ID && (appId !== 0 || tables > 0)) {
      throw new StoreError(`${file}: not an Atalaya store (an SQLite file of another application)`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new StoreError(`${file}: made by a newer Atalaya (schema ${version}; this one reads ${SCHEMA_VERSION})`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      if (appId === 0) {
        db.exec(SCHEMA);
        db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      }
    } else if (appId === 0) {
      throw new StoreError(`${file}: empty store (run "atalaya ingest" first)`);
    }
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError(`${file}: not a usable Atalaya store: ${(err as Error).message}`);
  }
  return new Store(db, file);
}

export class Store {
  constructor(readonly db: Db, readonly file: string) {}

  close(): void {
    this.db.close();
  }

  /** True when this article, with this text, was already coded by this coder version. */
  isCurrent(id: string, hash: string, coder: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM articles WHERE id = ? AND hash = ? AND coder = ?').get(id, hash, coder);
  }

  /** Runs `fn` in one transaction (a savepoint when nested). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /**
   * Stores one coded article, replacing any stored article with the same id or the same text.
   * Returns the fusion keys whose stories must be recomputed (see `refuse`).
   */
  put(a: StoredArticle, coder: string, touched: Set<string>): PutResult {
    const db = this.db;
    const old = db.prepare('SELECT id FROM articles WHERE id = ? OR hash = ?').all(a.id, a.hash) as Array<{ id: string }>;
    for (const o of old) this.remove(o.id, touched);
    const sig = signature(a.text);
    const keys = bandKeys(sig);
    const near = this.nearestCopy(sig, keys, a.id);
    db.prepare(`INSERT INTO articles (id, hash, coder, title, outlet, url, published, language, text, signature, duplicate_of, similarity)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(a.id, a.hash, coder, a.title, a.outlet, a.url, a.published, a.language, a.text, signatureToBlob(sig), near?.id ?? null, near?.similarity ?? null);
    const band = db.prepare('INSERT OR IGNORE INTO article_bands (band, bucket, article) VALUES (?, ?, ?)');
    keys.forEach((k, b) => band.run(b, k, a.id));
    const mention = db.prepare('INSERT INTO mentions (article, start, "end", text, actor_id, actor) VALUES (?, ?, ?, ?, ?, ?)');
    for (const m of a.mentions) mention.run(a.id, m.start, m.end, m.text, m.actor ? actorId(m.actor) : null, m.actor ? JSON.stringify(m.actor) : null);
    for (const e of a.events) this.insertEvent(e, near ? null : touched);
    return { replaced: old.map((o) => o.id), duplicateOf: near?.id ?? null, similarity: near?.similarity ?? null };
  }

  /** Events of a near-copy are kept with the copy but not fused: the original already counts. */
  private insertEvent(e: EventRecord, touched: Set<string> | null): void {
    const key = touched ? fusionKey(e) ?? `${e.type}|${e.status}|#${e.id}` : null;
    const { lastInsertRowid } = this.db.prepare(`INSERT INTO events (id, article, type, mode, status, date_start, date_end, confidence, fusion_key, record)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(e.id, e.article, e.type, e.mode, e.status, e.date?.start ?? null, e.date?.end ?? null, e.confidence, key, JSON.stringify(e));
    const actor = this.db.prepare(`INSERT INTO event_actors (event, side, actor_id, name, kind, country, org, sector, role)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const side of ['source', 'target'] as const) {
      for (const a of e[side]) actor.run(e.id, side, actorId(a), a.name, a.kind, a.country, a.org, a.sector, a.role);
    }
    this.db.prepare('INSERT INTO events_fts (rowid, evidence) VALUES (?, ?)').run(lastInsertRowid, e.evidence.text);
    if (key) touched!.add(key);
  }

  private remove(id: string, touched: Set<string>): void {
    const db = this.db;
    for (const r of db.prepare('SELECT fusion_key FROM events WHERE article = ? AND fusion_key IS NOT NULL').all(id) as Array<{ fusion_key: string }>) touched.add(r.fusion_key);
    db.prepare('DELETE FROM events_fts WHERE rowid IN (SELECT seq FROM events WHERE article = ?)').run(id);
    db.prepare('DELETE FROM event_actors WHERE event IN (SELECT id FROM events WHERE article = ?)').run(id);
    db.prepare('DELETE FROM events WHERE article = ?').run(id);
    db.prepare('DELETE FROM mentions WHERE article = ?').run(id);
    db.prepare('DELETE FROM article_bands WHERE article = ?').run(id);
    db.prepare('DELETE FROM articles WHERE id = ?').run(id);
  }

  /** The earliest stored original this text is a near-copy of, by MinHash over LSH buckets. */
  private nearestCopy(sig: Uint32Array, keys: number[], self: string): { id: string; similarity: number } | null {
    const candidates = new Set<string>();
    const q = this.db.prepare('SELECT article FROM article_bands WHERE band = ? AND bucket = ?').pluck();
    keys.forEach((k, b) => { for (const id of q.all(b, k) as string[]) if (id !== self) candidates.add(id); });
    let best: { id: string; similarity: number; published: string } | null = null;
    const get = this.db.prepare('SELECT signature, published FROM articles WHERE id = ? AND duplicate_of IS NULL');
    for (const id of [...candidates].sort()) {
      const row = get.get(id) as { signature: Buffer; published: string | null } | undefined;
      if (!row) continue;
      const s = similarity(sig, blobToSignature(row.signature));
      if (s < NEAR_COPY_THRESHOLD) continue;
      const published = row.published ?? '9999';
      if (!best || s > best.similarity || (s === best.similarity && published < best.published)) best = { id, similarity: s, published };
    }
    return best ? { id: best.id, similarity: best.similarity } : null;
  }

  /** Recomputes the stories of the given fusion keys from the events that hold them now. */
  refuse(keys: Iterable<string>): void {
    const db = this.db;
    const members = db.prepare(`SELECT e.id, e.article, e.date_start AS start, e.date_end AS "end", e.confidence, a.published
      FROM events e JOIN articles a ON a.id = e.article WHERE e.fusion_key = ?`);
    const setStory = db.prepare('UPDATE events SET story = ? WHERE id = ?');
    const insert = db.prepare(`INSERT INTO stories (id, fusion_key, type, status, date_start, date_end, event, sources, events)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const key of keys) {
      db.prepare('DELETE FROM stories WHERE fusion_key = ?').run(key);
      const rows = members.all(key) as Array<{ id: string; article: string; start: string | null; end: string | null; confidence: number; published: string | null }>;
      const byId = new Map(rows.map((r) => [r.id, r]));
      const [type, status] = key.split('|') as [string, string];
      for (const story of groupStories(key, rows)) {
        const evs = story.members.map((id) => byId.get(id)!);
        const rep = [...evs].sort((x, y) => y.confidence - x.confidence || (x.published ?? '9999').localeCompare(y.published ?? '9999') || x.id.localeCompare(y.id))[0]!;
        const starts = evs.map((e) => e.start).filter((d): d is string => !!d).sort();
        const ends = evs.map((e) => e.end).filter((d): d is string => !!d).sort();
        insert.run(story.id, key, type, status, starts[0] ?? null, ends[ends.length - 1] ?? null, rep.id, new Set(evs.map((e) => e.article)).size, evs.length);
        for (const e of evs) setStory.run(story.id, e.id);
      }
    }
  }

  counts(): { articles: number; events: number; stories: number; duplicates: number } {
    const n = (sql: string) => (this.db.prepare(sql).pluck().get() as number);
    return {
      articles: n('SELECT count(*) FROM articles'), events: n('SELECT count(*) FROM events'),
      stories: n('SELECT count(*) FROM stories'), duplicates: n('SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL'),
    };
  }
}
