// Dates of drafts: each date to its nearest trigger, shared within an occasion, anchors, and date lists.
import type { EventDate } from '../events/model.js';
import type { Token } from '../text/model.js';
import type { ClauseView } from './clause.js';
import { type DateExpression, resolveDate } from './dates.js';
import { type Discourse, type Draft, type SpeechAct, refKey } from './draft.js';
import type { Trigger } from './triggers.js';

export function tokenRange(tokens: Token[], start: number, end: number): { start: number; end: number } {
  let a = tokens.findIndex((t) => t.end > start);
  if (a < 0) a = tokens.length;
  let b = a;
  while (b < tokens.length && (tokens[b] as Token).start < end) b++;
  return { start: a, end: b };
}

/** Each date goes to the nearest trigger (or verb of saying) in the sentence; one trigger may take several. */
export function assignDates(drafts: Draft[], dates: Array<{ d: DateExpression; tok: { start: number; end: number } }>, speech: SpeechAct[], published: string | null, discourse: Discourse,
  tokens: Token[], timeShift: ReadonlySet<string>, preteriteEndings: readonly string[], sinceWords: ReadonlySet<string>, whenWords: ReadonlySet<string>,
  complementizers: ReadonlySet<string>): void {
  const tokensBetween = (a: Trigger, b: Trigger): Token[] => tokens.slice(Math.min(a.end, b.end), Math.max(a.start, b.start));
  const taken = new Map<Draft, Array<{ d: DateExpression; tok: { start: number; end: number } }>>();
  const speechDates = new Map<SpeechAct, DateExpression>();
  for (const dt of dates) {
    let best: Draft | SpeechAct | null = null;
    let bestDist = Infinity;
    const dist = (s: number, e: number): number => (dt.tok.start >= e ? dt.tok.start - e : s - dt.tok.end + 1);
    // "suspendido desde agosto de 2022": a "since" date dates only an adjacent or "not since" event.
    // ("desde el jueves, cuando Quito declaró…" dates the "cuando" clause.)
    const since = (sinceWords.has(tokens[dt.tok.start - 1]?.norm ?? '') || sinceWords.has(tokens[dt.tok.start]?.norm ?? ''))
      && !(tokens[dt.tok.end]?.text === ',' && whenWords.has(tokens[dt.tok.end + 1]?.norm ?? ''));
    for (const d of drafts) {
      const n = dist(d.tr.start, d.tr.end);
      if (since && n > 3 && !d.status.lastOccurrenceSince) continue;
      if (n < bestDist) { bestDist = n; best = d; }
    }
    for (const a of speech) {
      if (a.noVerb) continue; // "según X" reports but has no time of its own
      const n = dist(a.verb, a.verb + 1);
      // A verb of saying takes only a date right next to it ("dijo el viernes", "informó ayer").
      if (n > 2) continue;
      if (n < bestDist) { bestDist = n; best = a; }
    }
    if (!best) continue;
    if ('tr' in best) taken.set(best, [...(taken.get(best) ?? []), dt]);
    else speechDates.set(best, dt.d);
  }
  for (const d of drafts) {
    let own = taken.get(d)?.[0]?.d ?? null;
    if (!own && d.status.status === 'planned') {
      // "mantendrá encuentros con Xi … durante la cumbre que se celebrará del 22 al 24": the plan's dates.
      const plan = drafts.find((o) => o !== d && o.status.status === 'planned' && taken.get(o)?.length
        && !tokensBetween(o.tr, d.tr).some((t) => timeShift.has(t.norm)));
      own = plan ? taken.get(plan)?.[0]?.d ?? null : null;
    }
    if (!own && d.status.lean === 'past') {
      // "acordó ayer suspender…, después de una conversación con…": one occasion, one date.
      // The occasion's date beats the date of its reporting ("…, según informó este viernes…").
      // Day dates are shared freely; vaguer ones only with a noun or a verb in the same tense ("vetó el año
      // pasado" does not date "ha pedido").
      const sibling = drafts.find((o) => o !== d && o.status.lean === 'past' && taken.get(o)?.length
        && (DAY_KINDS.has(taken.get(o)?.[0]?.d.kind ?? '') || d.tr.tense === 'none' || d.tr.tense === o.tr.tense)
        && !tokensBetween(o.tr, d.tr).some((t) => timeShift.has(t.norm)));
      own = sibling ? taken.get(sibling)?.[0]?.d ?? null : null;
    }
    const act = speech.find((a) => d.tr.start >= a.segment[0] && d.tr.start < a.segment[1] && speechDates.has(a));
    const expr = own ?? (d.status.lean === 'past' && act ? speechDates.get(act) ?? null : null);
    d.dateExpr = expr;
    d.date = expr && published ? resolveDate(expr, published, d.status.lean) : null;
    const reportingDate = !own && !!expr;
    const pastClause = tokens.some((t) => /^\p{Ll}/u.test(t.text) && t.text.length > 3 && preteriteEndings.some((e) => t.norm.endsWith(e)));
    if (expr && published && d.tr.tense === 'none' && d.status.status === 'occurred' && !pastClause) {
      // A noun has no tense: "la cumbre … del 22 al 24 de octubre" is the nearer October.
      const ahead = resolveDate(expr, published, 'future');
      const gap = (x: EventDate | null): number => (x ? Math.abs(Date.parse(x.start) - Date.parse(published)) : Infinity);
      if (gap(ahead) < gap(d.date)) d.date = ahead;
    }
    if (d.date && published && d.status.status === 'occurred' && d.date.start > published) {
      // "La cumbre se celebra del 11 al 12 de julio" (published the 11th… or earlier): not yet happened.
      d.status = { ...d.status, status: 'planned', lean: 'future', reason: `${d.status.reason}; dated after publication` };
    }
    // A plan's date carries to the next sentence or two ("Está previsto que los dos gobiernos firmen…"), no further.
    if (d.date && d.status.status === 'planned' && !reportingDate) discourse.planAnchor = { date: d.date, sentence: discourse.sentence };
    if (!d.date && d.status.status === 'planned' && discourse.planAnchor && discourse.sentence - discourse.planAnchor.sentence <= 2) d.date = { ...discourse.planAnchor.date, basis: 'inferred' };
    if (d.date && !reportingDate && !discourse.anchor && published && isLeadDate(d.date, published) && d.status.status === 'occurred') discourse.anchor = d.date;
    const fallback = ['occurred', 'refused', 'denied'].includes(d.status.status);
    if (!d.date && fallback && discourse.anchor) d.date = { ...discourse.anchor, basis: 'inferred' };
    else if (!d.date && published && fallback) d.date = { start: published, end: published, precision: 'day', basis: 'publication' };
  }
  // Several dates on one trigger: "tendrá lugar en Ginebra del 9 al 10 de enero, … en Bruselas … el 12 de enero".
  for (const d of drafts) {
    const list = (taken.get(d) ?? []).sort((a, b) => a.tok.start - b.tok.start);
    // Only a list of dates of one kind splits an event ("del 9 al 10 de enero…, el 12 de enero…"; "el lunes…, el martes…").
    const calendar = list.every((x) => CALENDAR_KINDS.has(x.d.kind)) || list.every((x) => x.d.kind === 'weekday');
    // "acusó este lunes a EE. UU. de alentar las protestas que el domingo…": a date in a subordinate clause is that clause's.
    const coordinated = calendar && list.every((x, k) => k === 0 || (x.tok.start - (list[k - 1]?.tok.end ?? 0) <= 22
      && !tokens.slice(list[k - 1]?.tok.end ?? 0, x.tok.start).some((t) => complementizers.has(t.norm))));
    if (list.length >= 2 && published && list[0]?.d === d.dateExpr && coordinated) {
      d.extraDates = list.slice(1);
      d.primaryDateEnd = list[0]?.tok.end;
    }
  }
}

export const CALENDAR_KINDS: ReadonlySet<string> = new Set(['date', 'date_range', 'day_of_month']);

/** Date expressions that name one day: only these are shared between events of one sentence. */
export const DAY_KINDS: ReadonlySet<string> = new Set(['date', 'day_of_month', 'weekday', 'weekday_day', 'relative_day', 'offset']);

/** A stated day within a week before publication: the occasion the article reports. */
export function isLeadDate(date: EventDate, published: string): boolean {
  if (date.precision !== 'day' || date.basis === 'publication') return false;
  const days = (Date.parse(published) - Date.parse(date.start)) / 86_400_000;
  return days >= 0 && days <= 7;
}

/** One event per further date of a trigger, each with the place and organisation named in its stretch. */
export function distributeDates(d: Draft, clause: ClauseView, published: string | null): Draft[] {
  if (!d.extraDates || !published) return [];
  const out: Draft[] = [];
  d.extraDates.forEach((dt, k) => {
    const prevEnd = k === 0 ? (d.primaryDateEnd ?? 0) : (d.extraDates?.[k - 1]?.tok.end ?? 0);
    const inStretch = clause.mentions.filter((m) => m.tokStart >= prevEnd && m.tokEnd <= dt.tok.start && m.refs.length > 0);
    const parties = inStretch.filter((m) => !(m.place && clause.prepositionOf(m) === 'in')).flatMap((m) => m.refs).filter((r) => r.type === 'org' || r.type === 'state');
    const loc = clause.locationIn(prevEnd, dt.tok.start);
    const sourceKeys = new Set(d.source.map(refKey));
    const target = parties.filter((r) => !sourceKeys.has(refKey(r)));
    out.push({
      ...d,
      extraDates: undefined,
      dateExpr: dt.d,
      date: resolveDate(dt.d, published, d.status.lean),
      target: target.length ? target : d.target,
      location: loc?.place ? { name: loc.place.name, country: loc.place.country } : d.location,
    });
  });
  return out;
}
