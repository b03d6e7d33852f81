// Read queries over the store: stories and events with filters, actors, network, stats, articles.
// Every value reaches SQL as a bound parameter; only fixed fragments are joined.
import type { Actor, EventRecord, PloverType } from '../events/model.js';
import { TONE } from '../events/tone.js';
import { fold } from '../text/normalize.js';
import type { Store } from './sqlite.js';

export interface Filters {
  actor?: string;
  country?: string;
  type?: string[];
  status?: string[];
  from?: string;
  to?: string;
  q?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

export type StoryEvent = EventRecord & { story: string | null; sources: number; articles: string[] };

/** An FTS5 query the engine rejected: the caller's fault, not the server's. */
export class SearchSyntaxError extends Error {
  override name = 'SearchSyntaxError';
}

interface Where {
  sql: string;
  params: unknown[];
}

/**
 * WHERE clause over a table aliased `s` with columns type, status, date_start, date_end;
 * `eventCol` holds an event id, and `textHit` is the SQL test for a full-text hit (one `?`).
 */
function where(f: Filters, eventCol: string, textHit: string): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const inList = (col: string, values: string[]) => {
    parts.push(`${col} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (f.type?.length) inList('s.type', f.type);
  if (f.status?.length) inList('s.status', f.status);
  if (f.from) { parts.push('s.date_end >= ?'); params.push(f.from); }
  if (f.to) { parts.push('s.date_start <= ?'); params.push(f.to); }
  if (f.actor) { parts.push(`${eventCol} IN (SELECT event FROM event_actors WHERE actor_id = ?)`); params.push(f.actor); }
  if (f.country) { parts.push(`${eventCol} IN (SELECT event FROM event_actors WHERE country = ?)`); params.push(f.country); }
  if (f.q) {
    parts.push(textHit);
    params.push(f.q);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const STORY_TEXT_HIT = 's.id IN (SELECT story FROM events WHERE seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?))';
const EVENT_TEXT_HIT = 's.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)';

/** Runs a statement, turning FTS5 syntax errors into SearchSyntaxError. */
function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const msg = (err as Error).message;
    if (/fts5|syntax error|unterminated|no such column/i.test(msg)) throw new SearchSyntaxError(`invalid search query: ${msg}`);
    throw err;
  }
}

export class StoreReader {
  constructor(private readonly store: Store) {
    store.db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : null));
  }

  private get db() {
    return this.store.db;
  }

  private storyArticles(story: string): string[] {
    return this.db.prepare('SELECT DISTINCT article FROM events WHERE story = ? ORDER BY article').pluck().all(story) as string[];
  }

  private withStory(record: string, story: string | null, sources: number): StoryEvent {
    const e = JSON.parse(record) as EventRecord;
    return { ...e, story, sources, articles: story ? this.storyArticles(story) : [e.article] };
  }

  private listSql(f: Filters, view: 'stories' | 'events'): { count: string; rows: string; params: unknown[] } {
    if (view === 'stories') {
      const w = where(f, 's.event', STORY_TEXT_HIT);
      return {
        count: `SELECT count(*) FROM stories s ${w.sql}`,
        rows: `SELECT s.id AS story, s.sources, e.record FROM stories s JOIN events e ON e.id = s.event ${w.sql} ORDER BY s.date_start DESC NULLS LAST, s.id`,
        params: w.params,
      };
    }
    const w = where(f, 's.id', EVENT_TEXT_HIT);
    const base = `FROM events s LEFT JOIN stories st ON st.id = s.story ${w.sql ? `${w.sql} AND` : 'WHERE'} s.story IS NOT NULL`;
    return { count: `SELECT count(*) ${base}`, rows: `SELECT s.record, s.story, st.sources ${base} ORDER BY s.date_start DESC NULLS LAST, s.id`, params: w.params };
  }

  /** Stories (one per real-world event) or single events, newest first. */
  events(f: Filters, page: Page, view: 'stories' | 'events'): { total: number; items: StoryEvent[] } {
    return guarded(() => {
      const q = this.listSql(f, view);
      const total = this.db.prepare(q.count).pluck().get(...q.params) as number;
      const rows = this.db.prepare(`${q.rows} LIMIT ? OFFSET ?`).all(...q.params, page.limit, page.offset) as Array<{ record: string; story: string; sources: number }>;
      return { total, items: rows.map((r) => this.withStory(r.record, r.story, r.sources)) };
    });
  }

  /** One event (by event or story id) with every source article's evidence. */
  event(id: string): { event: StoryEvent; sources: unknown[] } | null {
    const row = id.startsWith('st_')
      ? this.db.prepare('SELECT e.record, e.story, s.sources FROM stories s JOIN events e ON e.id = s.event WHERE s.id = ?').get(id)
      : this.db.prepare('SELECT e.record, e.story, s.sources FROM events e LEFT JOIN stories s ON s.id = e.story WHERE e.id = ?').get(id);
    if (!row) return null;
    const r = row as { record: string; story: string | null; sources: number | null };
    const event = this.withStory(r.record, r.story, r.sources ?? 1);
    const members = r.story
      ? this.db.prepare('SELECT record FROM events WHERE story = ? ORDER BY date_start, article, id').pluck().all(r.story) as string[]
      : [r.record];
    const article = this.db.prepare('SELECT id, title, outlet, url, published, duplicate_of FROM articles WHERE id = ?');
    const copies = this.db.prepare('SELECT id FROM articles WHERE duplicate_of = ? ORDER BY id').pluck();
    const sources = members.map((m) => {
      const e = JSON.parse(m) as EventRecord;
      return {
        event: e.id, article: { ...(article.get(e.article) as object), copies: copies.all(e.article) },
        evidence: e.evidence, status: e.status, date: e.date, attribution: e.attribution,
      };
    });
    return { event, sources };
  }

  actors(f: Filters & { name?: string }, page: Page): { total: number; items: unknown[] } {
    return guarded(() => {
      const w = where(f, 's.id', EVENT_TEXT_HIT);
      const nameSql = f.name ? `${w.sql ? ' AND' : 'WHERE'} fold(a.name) LIKE ? ESCAPE '\\'` : '';
      const nameParam = f.name ? [`%${fold(f.name).replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [];
      const sql = `FROM event_actors a JOIN events s ON s.id = a.event AND s.story IS NOT NULL ${w.sql}${nameSql}`;
      const total = this.db.prepare(`SELECT count(DISTINCT a.actor_id) ${sql}`).pluck().get(...w.params, ...nameParam) as number;
      const items = this.db.prepare(`SELECT a.actor_id AS id, max(a.name) AS name, max(a.kind) AS kind, max(a.country) AS country,
          max(a.org) AS org, max(a.sector) AS sector, count(DISTINCT s.story) AS events ${sql}
        GROUP BY a.actor_id ORDER BY events DESC, id LIMIT ? OFFSET ?`).all(...w.params, ...nameParam, page.limit, page.offset);
      return { total, items };
    });
  }

  actor(id: string): { actor: Record<string, unknown>; counterparts: unknown[]; timeline: unknown[] } | null {
    const actor = this.db.prepare(`SELECT a.actor_id AS id, max(a.name) AS name, max(a.kind) AS kind, max(a.country) AS country,
        max(a.org) AS org, max(a.sector) AS sector, count(DISTINCT s.story) AS events
      FROM event_actors a JOIN events s ON s.id = a.event AND s.story IS NOT NULL WHERE a.actor_id = ? GROUP BY a.actor_id`).get(id) as Record<string, unknown> | undefined;
    if (!actor) return null;
    const pairs = this.db.prepare(`SELECT b.actor_id AS id, max(b.name) AS name, st.type, count(DISTINCT st.id) AS n
      FROM event_actors a JOIN stories st ON st.event = a.event JOIN event_actors b ON b.event = a.event AND b.actor_id <> a.actor_id
      WHERE a.actor_id = ? GROUP BY b.actor_id, st.type`).all(id) as Array<{ id: string; name: string; type: string; n: number }>;
    const counterparts = new Map<string, { id: string; name: string; events: number; types: Record<string, number> }>();
    for (const p of pairs) {
      const c = counterparts.get(p.id) ?? { id: p.id, name: p.name, events: 0, types: {} };
      c.events += p.n;
      c.types[p.type] = p.n;
      counterparts.set(p.id, c);
    }
    const months = this.db.prepare(`SELECT substr(st.date_start, 1, 7) AS month, st.type, count(DISTINCT st.id) AS n
      FROM event_actors a JOIN stories st ON st.event = a.event WHERE a.actor_id = ? AND st.date_start IS NOT NULL
      GROUP BY month, st.type ORDER BY month`).all(id) as Array<{ month: string; type: string; n: number }>;
    const timeline = new Map<string, { month: string; count: number; types: Record<string, number> }>();
    for (const m of months) {
      const t = timeline.get(m.month) ?? { month: m.month, count: 0, types: {} };
      t.count += m.n;
      t.types[m.type] = m.n;
      timeline.set(m.month, t);
    }
    return { actor, counterparts: [...counterparts.values()].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id)), timeline: [...timeline.values()] };
  }

  article(id: string): { article: Record<string, unknown>; mentions: unknown[]; events: unknown[] } | null {
    const article = this.db.prepare('SELECT id, title, outlet, url, published, language, text, duplicate_of FROM articles WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!article) return null;
    const mentions = (this.db.prepare('SELECT start, "end", text, actor FROM mentions WHERE article = ? ORDER BY start').all(id) as Array<{ start: number; end: number; text: string; actor: string | null }>)
      .map((m) => ({ ...m, actor: m.actor ? JSON.parse(m.actor) as Actor : null }));
    const events = (this.db.prepare('SELECT record, story FROM events WHERE article = ? ORDER BY seq').all(id) as Array<{ record: string; story: string | null }>)
      .map((r) => {
        const e = JSON.parse(r.record) as EventRecord;
        return { id: e.id, type: e.type, status: e.status, story: r.story, evidence: e.evidence };
      });
    return { article, mentions, events };
  }

  /** Directed actor-pair edges over stories, with counts by type and a tone from conflict to cooperation. */
  network(f: Filters, maxEdges: number): { nodes: unknown[]; edges: unknown[] } {
    return guarded(() => {
      const w = where(f, 's.event', STORY_TEXT_HIT);
      const rows = this.db.prepare(`SELECT a.actor_id AS src, b.actor_id AS tgt, s.type, count(*) AS n
        FROM stories s JOIN event_actors a ON a.event = s.event AND a.side = 'source' JOIN event_actors b ON b.event = s.event AND b.side = 'target'
        ${w.sql} GROUP BY src, tgt, s.type`).all(...w.params) as Array<{ src: string; tgt: string; type: PloverType; n: number }>;
      const edges = new Map<string, { source: string; target: string; count: number; types: Record<string, number>; tone: number }>();
      for (const r of rows) {
        if (r.src === r.tgt) continue;
        const k = `${r.src}\u0000${r.tgt}`;
        const e = edges.get(k) ?? { source: r.src, target: r.tgt, count: 0, types: {}, tone: 0 };
        e.count += r.n;
        e.types[r.type] = r.n;
        e.tone += TONE[r.type] * r.n;
        edges.set(k, e);
      }
      const kept = [...edges.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)).slice(0, maxEdges)
        .map((e) => ({ ...e, tone: Math.round((e.tone / e.count) * 100) / 100 }));
      const ids = [...new Set(kept.flatMap((e) => [e.source, e.target]))];
      const node = this.db.prepare(`SELECT actor_id AS id, max(name) AS name, max(kind) AS kind, max(country) AS country, max(org) AS org
        FROM event_actors WHERE actor_id = ? GROUP BY actor_id`);
      const degree = new Map<string, number>();
      for (const e of kept) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + e.count);
      return { nodes: ids.map((id) => ({ ...(node.get(id) as object), events: degree.get(id) ?? 0 })), edges: kept };
    });
  }

  stats(f: Filters): { total: number; by_type: Record<string, number>; by_status: Record<string, number>; by_month: unknown[] } {
    return guarded(() => {
      const w = where(f, 's.event', STORY_TEXT_HIT);
      const rows = this.db.prepare(`SELECT s.type, s.status, substr(s.date_start, 1, 7) AS month, count(*) AS n FROM stories s ${w.sql}
        GROUP BY s.type, s.status, month`).all(...w.params) as Array<{ type: string; status: string; month: string | null; n: number }>;
      const byType: Record<string, number> = {};
      const byStatus: Record<string, number> = {};
      const byMonth = new Map<string, number>();
      let total = 0;
      for (const r of rows) {
        total += r.n;
        byType[r.type] = (byType[r.type] ?? 0) + r.n;
        byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
        if (r.month) byMonth.set(`${r.month}\u0000${r.type}`, (byMonth.get(`${r.month}\u0000${r.type}`) ?? 0) + r.n);
      }
      const by_month = [...byMonth].map(([k, count]) => { const [month, type] = k.split('\u0000'); return { month, type, count }; })
        .sort((a, b) => a.month!.localeCompare(b.month!) || a.type!.localeCompare(b.type!));
      return { total, by_type: byType, by_status: byStatus, by_month };
    });
  }
}
