// Whether one coded event agrees with one gold event, field by field, as the annotation guide defines it.
import type { Actor, EventRecord, EventStatus, PloverType } from '../events/model.js';
import { fold } from '../text/normalize.js';
import type { GoldEventT, GoldForbiddenT } from './gold.js';

/** Types whose direction does not matter when matching. */
const UNDIRECTED: ReadonlySet<PloverType> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

/** Actor codes an event side carries: each actor's country and org. */
export function sideCodes(actors: Actor[]): Set<string> {
  const codes = new Set<string>();
  for (const a of actors) {
    if (a.country) codes.add(a.country);
    if (a.org) codes.add(a.org);
  }
  return codes;
}

function sideMatches(codes: Set<string>, gold: string[] | undefined): boolean {
  if (!gold || gold.length === 0) return true;
  return gold.some((c) => codes.has(c));
}

/** Source/target agreement; both orders are tried for undirected types. */
export function actorsMatch(ev: EventRecord, gold: { source?: string[]; target?: string[] }, undirected: boolean): boolean {
  const src = sideCodes(ev.source);
  const tgt = sideCodes(ev.target);
  if (sideMatches(src, gold.source) && sideMatches(tgt, gold.target)) return true;
  if (!undirected) return false;
  const both = new Set([...src, ...tgt]);
  // Undirected: the actor set must cover both gold sides, in either order.
  return (sideMatches(tgt, gold.source) && sideMatches(src, gold.target))
    || (sideMatches(both, gold.source) && sideMatches(both, gold.target) && src.size + tgt.size >= 2);
}

export function typeMatches(ev: EventRecord, gold: { type: PloverType[] }): boolean {
  return gold.type.includes(ev.type);
}

export function statusMatches(status: EventStatus, gold: string | undefined): boolean {
  if (!gold || gold === 'any') return true;
  if (gold === 'negative') return status === 'refused' || status === 'denied' || status === 'negated';
  return status === gold;
}

/** Inclusive ISO-date ranges overlap; a gold event without a date accepts any date. */
export function dateMatches(ev: EventRecord, gold: GoldEventT): boolean {
  if (!gold.date) return true;
  if (!ev.date) return false;
  return ev.date.start <= gold.date[1] && gold.date[0] <= ev.date.end;
}

/** Share of the gold surnames found among the event's actor names (1 when the gold names none). */
export function nameScore(ev: EventRecord, gold: GoldEventT): number {
  if (!gold.names || gold.names.length === 0) return 1;
  const names = [...ev.source, ...ev.target].map((a) => fold(a.name)).join(' | ');
  const found = gold.names.filter((n) => names.includes(fold(n))).length;
  return found / gold.names.length;
}

export interface FieldAgreement {
  actors: boolean;
  type: boolean;
  date: boolean;
  status: boolean;
  names: number;
}

export function compare(ev: EventRecord, gold: GoldEventT): FieldAgreement {
  const undirected = UNDIRECTED.has(ev.type) || gold.type.some((t) => UNDIRECTED.has(t));
  return {
    actors: actorsMatch(ev, gold, undirected),
    type: typeMatches(ev, gold),
    date: dateMatches(ev, gold),
    status: statusMatches(ev.status, gold.status),
    names: nameScore(ev, gold),
  };
}

/** A full match: every field the guide scores agrees. */
export function isFullMatch(a: FieldAgreement): boolean {
  return a.actors && a.type && a.date && a.status;
}

/** An event hits a forbidden entry when type, the given sides (in the given direction) and status agree. */
export function hitsForbidden(ev: EventRecord, f: GoldForbiddenT): boolean {
  const dateOk = !f.date || !ev.date || (ev.date.start <= f.date[1] && f.date[0] <= ev.date.end);
  return typeMatches(ev, f) && actorsMatch(ev, f, false) && statusMatches(ev.status, f.status) && dateOk;
}
