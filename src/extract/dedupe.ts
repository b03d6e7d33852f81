// Merges events of one article that report the same happening twice (headline and body, "la llamada" again).
import type { Actor, EventRecord, PloverType } from '../events/model.js';

const UNDIRECTED: ReadonlySet<PloverType> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
const BASIS_RANK = { explicit: 3, relative: 2, inferred: 1, publication: 0 } as const;

const actorKey = (a: Actor): string => a.kb_id ?? `${a.name}|${a.country ?? ''}|${a.org ?? ''}`;
const side = (as: Actor[]): string => as.map(actorKey).sort().join(',');
const statusGroup = (s: EventRecord['status']): string => (s === 'refused' || s === 'denied' || s === 'negated' ? 'negative' : s);

const codeKey = (a: Actor): string => a.org ?? a.country ?? a.name;
const codes = (as: Actor[]): string => [...new Set(as.map(codeKey))].sort().join(',');

function sameActors(a: EventRecord, b: EventRecord): boolean {
  // In one sentence the same parties may be named twice ("visitó Washington, donde se reunió con Biden").
  const key = a.evidence.start === b.evidence.start ? codes : side;
  if (UNDIRECTED.has(a.type)) return key([...a.source, ...a.target]) === key([...b.source, ...b.target]);
  return key(a.source) === key(b.source) && key(a.target) === key(b.target);
}

const WEAK_DAYS = 3;

function datesOverlap(a: EventRecord, b: EventRecord): boolean {
  // An undated mention ("las próximas conversaciones") is the same event as a dated one of the same kind.
  if (!a.date || !b.date) return true;
  if (a.date.start <= b.date.end && b.date.start <= a.date.end) return true;
  // A headline in the news present, dated by publication, reports the lead event of a few days before.
  const weak = a.date.basis === 'publication' || b.date.basis === 'publication';
  const gap = Math.abs(Date.parse(a.date.start) - Date.parse(b.date.start)) / 86_400_000;
  return weak && gap <= WEAK_DAYS;
}

/** "La visita de Ashtiani" (no target) repeats "Shoigu recibió a Ashtiani": same type, its actors inside the other's. */
function partOf(part: EventRecord, whole: EventRecord): boolean {
  if (part.type !== whole.type || part.target.length > 0 || whole.target.length === 0) return false;
  if (statusGroup(part.status) !== statusGroup(whole.status)) return false;
  const wholeKeys = new Set([...whole.source, ...whole.target].map(actorKey));
  return part.source.every((a) => wholeKeys.has(actorKey(a))) && datesOverlap(part, whole);
}

/** Which of two reports of one event to keep: the better-dated, then the more confident, then the earlier. */
function better(a: EventRecord, b: EventRecord): EventRecord {
  const ra = a.date ? BASIS_RANK[a.date.basis] : -1;
  const rb = b.date ? BASIS_RANK[b.date.basis] : -1;
  if (ra !== rb) return ra > rb ? a : b;
  if (a.target.length !== b.target.length) return a.target.length > b.target.length ? a : b;
  if (a.confidence !== b.confidence) return a.confidence > b.confidence ? a : b;
  return a.evidence.start <= b.evidence.start ? a : b;
}

/**
 * One record per event within an article; the kept record takes a mode or attribution the other had.
 * @example dedupeArticleEvents([headlineCall, bodyCall]).length // => 1
 */
export function dedupeArticleEvents(events: EventRecord[]): EventRecord[] {
  const kept: EventRecord[] = [];
  for (const e of events) {
    const i = kept.findIndex((k) => (k.type === e.type && statusGroup(k.status) === statusGroup(e.status) && sameActors(k, e) && datesOverlap(k, e))
      || partOf(e, k) || partOf(k, e));
    if (i < 0) { kept.push(e); continue; }
    if (partOf(kept[i] as EventRecord, e)) { kept[i] = { ...e, mode: e.mode ?? (kept[i] as EventRecord).mode }; continue; }
    if (partOf(e, kept[i] as EventRecord)) { kept[i] = { ...(kept[i] as EventRecord), mode: (kept[i] as EventRecord).mode ?? e.mode }; continue; }
    const k = kept[i] as EventRecord;
    const win = better(k, e);
    const lose = win === k ? e : k;
    kept[i] = { ...win, mode: win.mode ?? lose.mode, attribution: win.attribution ?? lose.attribution, location: win.location ?? lose.location, confidence: Math.min(0.98, Math.max(win.confidence, lose.confidence) + 0.03) };
  }
  return kept;
}
