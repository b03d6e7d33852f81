// Cross-article fusion: which stored events describe the same real-world event (one story).
import { createHash } from 'node:crypto';
import type { Actor, EventRecord } from '../events/model.js';
import { UNDIRECTED } from '../extract/draft.js';
import { fold } from '../text/normalize.js';

/** Reports of one event may date it a day apart (time zones, "ayer" written after midnight). */
export const DATE_SLACK_DAYS = 1;

/** The id under which the store and the API know an actor: its KB id, else its folded name. */
export const actorId = (a: Actor): string => a.kb_id ?? `name:${fold(a.name).replace(/\s+/g, ' ').trim()}`;

/**
 * Events can fuse only when this key is equal: same type, status and actor set
 * (sides ignored for two-sided types such as CONSULT). Null when the event names no actor.
 * @example fusionKey(e) // => 'CONSULT|occurred|emmanuel-macron+luiz-inacio-lula-da-silva'
 */
export function fusionKey(e: Pick<EventRecord, 'type' | 'status' | 'source' | 'target'>): string | null {
  const ids = (as: Actor[]) => [...new Set(as.map(actorId))].sort();
  const src = ids(e.source);
  const tgt = ids(e.target);
  if (!src.length && !tgt.length) return null;
  const actors = UNDIRECTED.has(e.type) ? [...new Set([...src, ...tgt])].sort().join('+') : `${src.join('+')}>${tgt.join('+')}`;
  return `${e.type}|${e.status}|${actors}`;
}

export interface FusableEvent {
  id: string;
  start: string | null;
  end: string | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/**
 * Groups events of one fusion key into stories: connected runs of overlapping date ranges
 * (with a day of slack). Order-independent, so re-ingesting in any order gives the same stories.
 * Undated events stay alone. Story ids derive from the key and the smallest member id.
 */
export function groupStories(key: string, events: FusableEvent[]): Array<{ id: string; members: string[] }> {
  const dated = events.filter((e) => e.start && e.end)
    .map((e) => ({ id: e.id, s: dayNumber(e.start!), t: dayNumber(e.end!) }))
    .sort((a, b) => a.s - b.s || a.t - b.t || (a.id < b.id ? -1 : 1));
  const groups: string[][] = [];
  let reach = -Infinity;
  for (const e of dated) {
    if (groups.length && e.s <= reach + DATE_SLACK_DAYS) {
      groups[groups.length - 1]!.push(e.id);
      reach = Math.max(reach, e.t);
    } else {
      groups.push([e.id]);
      reach = e.t;
    }
  }
  for (const e of events) if (!(e.start && e.end)) groups.push([e.id]);
  return groups.map((members) => {
    members.sort();
    return { id: storyId(key, members[0]!), members };
  });
}

export const storyId = (key: string, firstEventId: string): string =>
  `st_${createHash('sha1').update(`${key}\u0000${firstEventId}`).digest('hex').slice(0, 12)}`;
