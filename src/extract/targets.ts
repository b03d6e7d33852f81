// Targets a sentence leaves implicit: places, object adjectives, authors, and the discourse's last parties.
import type { PloverType } from '../events/model.js';
import type { ClauseView } from './clause.js';
import { type Discourse, type Draft, type ExtractEngines, HOSTILE } from './draft.js';
import { type ActorRef, toActor } from './mentions.js';
import type { Trigger } from './triggers.js';

/** "los ataques contra Járkov", "en el norte de la región ucraniana de Járkov": the attacked state. */
export function placeTarget(tr: Trigger, clause: ClauseView, limit: number): string | null {
  for (const m of clause.mentions) {
    if (m.tokStart < tr.end || m.tokStart >= limit) continue;
    const prep = clause.prepositionOf(m);
    if (m.place && ['against', 'on', 'to', 'in', 'of', 'toward'].includes(prep)) return m.place.country;
    const group = m.refs[0];
    if (group?.type === 'group' && group.country && ['in', 'against', 'on'].includes(prep)) return group.country;
    const comma = clause.tokens.findIndex((t, j) => j >= tr.end && t.text === ',');
    if (m.adjectival && m.tokStart > tr.end + 1 && (comma < 0 || m.tokStart < comma)) {
      const ref = m.refs[0];
      if (ref?.type === 'state') return ref.code;
    }
  }
  return null;
}

export const REACTIONS: ReadonlySet<PloverType> = new Set(['THREATEN', 'ACCUSE', 'REJECT']);

/** Acts addressed to the other side of an exchange when no one is named ("reclamó un alto el fuego"). */
export const PARTNERED: ReadonlySet<PloverType> = new Set(['REQUEST', 'SUPPORT', 'AGREE']);

/**
 * A warning, condemnation or protest with no named target ("condenaron la irrupción", "advirtió de
 * que…") is aimed at the author of the last hostile act, or else at the other party of the exchange.
 */
export function fillReactionTargets(drafts: Draft[], discourse: Discourse, eng: ExtractEngines): void {
  const countries = (refs: ActorRef[]): Set<string> => new Set(refs.map((r) => toActor(r, eng.kb, null)?.country ?? '').filter(Boolean));
  for (const d of drafts) {
    if (!(REACTIONS.has(d.tr.sense.type) || PARTNERED.has(d.tr.sense.type)) || d.target.length) continue;
    const mine = countries(d.source);
    // "Irán ejecutó a un británico, lo que Londres calificó de acto bárbaro": this sentence's hostile act first.
    const here = drafts.find((o) => o !== d && o.tr.end <= d.tr.start && HOSTILE.has(o.tr.sense.type) && o.tr.sense.type !== 'THREATEN' && o.status.status === 'occurred');
    const hostile = here ? { source: here.source, target: here.target } : discourse.lastHostile;
    if (REACTIONS.has(d.tr.sense.type) && d.tr.sense.type !== 'THREATEN' && hostile && ![...countries(hostile.source)].some((c) => mine.has(c))) { d.target = hostile.source; continue; }
    const pair = discourse.personPair ?? discourse.pair;
    if (!pair) continue;
    if ([...countries(pair[0])].some((c) => mine.has(c))) d.target = pair[1];
    else if ([...countries(pair[1])].some((c) => mine.has(c))) d.target = pair[0];
  }
}

/**
 * Last resort for targets: a protest with none is against its own state's government; a warning or
 * condemnation with none is aimed at the other state the sentence names.
 */
export function fillFromSentence(drafts: Draft[], clause: ClauseView, eng: ExtractEngines): void {
  for (const d of drafts) {
    if (d.target.length) continue;
    const mine = new Set(d.source.map((r) => toActor(r, eng.kb, null)).flatMap((a) => [a?.country, a?.org]).filter(Boolean));
    if (d.tr.sense.type === 'PROTEST') {
      const home = d.location?.country ?? [...mine][0];
      if (home && /^[A-Z]{3}$/.test(home)) d.target = [{ type: 'state', code: home, sector: 'GOV' }];
      continue;
    }
    // "X reclamó una tregua, una exigencia que Y no aceptó": Y rejects what X asked.
    const asked = d.tr.sense.type === 'REJECT' ? drafts.find((o) => o !== d && o.tr.end <= d.tr.start && ['REQUEST', 'AGREE', 'CONSULT'].includes(o.tr.sense.type)) : undefined;
    if (asked) {
      const theirs = asked.source.filter((r) => !mine.has(toActor(r, eng.kb, null)?.country ?? ''));
      if (theirs.length) { d.target = theirs; continue; }
    }
    if (!['ACCUSE', 'THREATEN', 'REJECT', 'SUPPORT'].includes(d.tr.sense.type)) continue;
    const other = clause.mentions.find((m) => m.tokStart > d.tr.end && m.refs[0]?.type === 'state' && !mine.has(m.refs[0].code));
    if (other) d.target = other.refs;
  }
}

export const ADJ_TARGETED: ReadonlySet<PloverType> = new Set(['SUPPORT', 'ACCUSE', 'REJECT', 'REQUEST', 'SANCTION', 'CONCEDE', 'AID', 'COERCE', 'THREATEN', 'MOBILIZE']);

/** "respaldó el plan de autonomía marroquí": the state named by an adjective in the object. */
export function fillFromObjectAdjective(drafts: Draft[], clause: ClauseView, eng: ExtractEngines): void {
  for (const d of drafts) {
    if (d.target.length || !ADJ_TARGETED.has(d.tr.sense.type)) continue;
    const mine = new Set(d.source.map((r) => toActor(r, eng.kb, null)?.country));
    const end = clause.tokens.findIndex((t, j) => j >= d.tr.end && /^[,;.]$/.test(t.text));
    const stop = end < 0 ? clause.tokens.length : end;
    const adj = clause.mentions.find((m) => m.adjectival && m.tokStart >= d.tr.end && m.tokStart < stop
      && m.refs[0]?.type === 'state' && !mine.has(m.refs[0].code));
    // "exigieron la salida de las tropas francesas": a group named inside the object.
    const group = d.tr.sense.type === 'REQUEST' ? clause.mentions.find((m) => !m.adjectival && m.tokStart >= d.tr.end && m.tokStart < stop
      && m.refs[0]?.type === 'group' && m.refs[0].country && !mine.has(m.refs[0].country)) : undefined;
    // "vetó una resolución presentada por Francia", "rechazó las críticas de la oposición": the author.
    const author = ['REJECT', 'SUPPORT', 'ACCUSE'].includes(d.tr.sense.type) ? clause.mentions.find((m) => !m.adjectival && m.tokStart > d.tr.end && m.tokStart < stop
      && clause.prepositionOf(m) === 'by' && m.refs.length > 0) : undefined;
    if (author) d.target = author.refs;
    else if (adj) d.target = adj.refs;
    else if (group) d.target = group.refs;
  }
}
