// Finds the source and target of a trigger: subjects, objects, relatives, passives, pairs and quotes.
import type { Token } from '../text/model.js';
import type { ClauseView } from './clause.js';
import { type Discourse, type ExtractEngines, UNDIRECTED } from './draft.js';
import type { ActorRef, Mention } from './mentions.js';
import { verbKey } from './trigger-lexicon.js';
import type { Trigger } from './triggers.js';

export function resolvePairs(refs: ActorRef[], pair: [ActorRef[], ActorRef[]] | null): ActorRef[] {
  return refs.flatMap((r) => (r.type !== 'pair' ? [r] : pair ? [...pair[0], ...pair[1]] : []));
}

export const isPersonLike = (refs: ActorRef[]): boolean => refs.length > 0 && refs.every((r) => r.type === 'person' || r.type === 'new-person' || r.type === 'counterpart');

/** Types whose target may be the owner inside the object ("impuso aranceles a los productos de México"). Measured: adding AGREE, REJECT, SUPPORT or ACCUSE lowers precision. */
const OWNER_TARGET_TYPES: ReadonlySet<string> = new Set(['SANCTION', 'CONCEDE', 'AID', 'ASSAULT']);

export function verbalArgs(tr: Trigger, clause: ClauseView, discourse: Discourse, sentenceSubject: ActorRef[], objectNoun: Trigger | undefined, quoteSpeaker: ActorRef[], speechVerbs: ReadonlyMap<string, unknown>, nextVerbTrigger: number):
  { source: ActorRef[]; target: ActorRef[]; carried: boolean; pairUsed: boolean } | null {
  const limit = Math.min(clause.clauseEnd(tr.end), nextVerbTrigger);
  let subject = clause.subjectBefore(tr.start);
  let objFrom = tr.end;
  if (subject.length === 0 && !tr.passive && tr.tense !== 'infinitive' && tr.tense !== 'gerund') {
    // "Atacaron el fin de semana las tropas rusas varias posiciones ucranianas": a subject after the verb,
    // recognisable when something else follows it to be the object.
    // Never inside a complement clause: "le ha pedido que Francia no bloquee…" has no subject after the verb.
    const complement = nextComplementizer(clause, tr.end, limit);
    const after = clause.subjectAfter(tr.end).filter((m) => m.tokStart < complement);
    const rest = after.length ? clause.mentions.some((m) => m.tokStart >= (after[after.length - 1] as Mention).tokEnd && m.tokStart < limit) : false;
    if (after.length && (rest || !tr.sense.target.includes('obj'))) { subject = after; objFrom = (after[after.length - 1] as Mention).tokEnd; }
  }
  // Objects stop at "que" and at an inverted verb of saying ("…, confirmó el Gobierno de Suecia").
  const saying = clause.tokens.findIndex((t, j) => j >= tr.end && speechVerbs.has(t.lower ?? verbKey(t.text)));
  const objStop = Math.min(limit, nextComplementizer(clause, tr.end, limit), saying < 0 ? limit : saying);
  let source: ActorRef[] = subject.flatMap((m) => m.refs);
  let target: ActorRef[] = [];
  const between = clause.between(tr.end, limit);
  if (tr.passive) {
    const agent = clause.objectAfter(tr.end, ['by'], limit).flatMap((m) => m.refs);
    // A reduced relative's own targets follow it ("lanzados por Rusia contra Kiev"); a full passive's patient is its subject.
    target = tr.reduced ? clause.objectAfter(tr.end, tr.sense.target.filter((p) => p !== 'obj'), limit).flatMap((m) => m.refs) : source;
    source = agent;
  } else if (between && tr.sense.target.includes('between')) {
    source = [...source, ...between[0].flatMap((m) => m.refs)];
    target = between[1].flatMap((m) => m.refs);
  } else {
    // "su homólogo iraní, con quien ha acordado…", "Wang Yi, a quien instó…": the antecedent is the target.
    const rel = clause.relativeWithPreposition(tr.start);
    const relOk = rel && (tr.sense.target.includes(rel.prep) || (rel.prep === 'to' && tr.sense.target.includes('obj')));
    target = relOk ? rel.antecedent.refs : clause.objectAfter(objFrom, tr.sense.target, objStop).flatMap((m) => m.refs);
  }
  if (target.length === 0 && !tr.passive && tr.sense.mode === 'visit') {
    // "Guterres viajará a Kazán": the visited place's state.
    const place = clause.mentions.find((m) => m.tokStart >= tr.end && m.tokStart < limit && m.place && tr.sense.target.includes(clause.prepositionOf(m) === 'obj' ? 'obj' : clause.prepositionOf(m)));
    if (place?.place) target = [{ type: 'state', code: place.place.country, sector: null }];
  }
  if (target.length === 0 && !tr.passive && !tr.sense.reciprocal && OWNER_TARGET_TYPES.has(tr.sense.type)) {
    // "imponían gravámenes a los productos de México", "bombardeó posiciones de las FAR": the owner inside the object phrase.
    const stop = clause.tokens.findIndex((t, j) => j >= tr.end && (['with', 'by', 'after', 'according'].includes(clause.roleOf(t) ?? '') || t.text === ','));
    target = clause.objectAfter(tr.end, ['of'], Math.min(objStop, stop < 0 ? objStop : stop)).flatMap((m) => m.refs).filter((r) => !source.includes(r));
  }

  if (target.length === 0 && !tr.passive && objectNoun && !source.some((r) => r.type === 'pair')) {
    // "solicitan llamadas con Shoigu": the party of the requested event is the target.
    target = clause.objectAfter(objectNoun.end, ['with', 'between', 'to', 'against', 'of'], limit).flatMap((m) => m.refs).filter((r) => !source.includes(r));
  }
  let carried = false;
  const pairUsed = source.some((r) => r.type === 'pair');
  const stop = clause.subjectStart(tr.start);
  if (source.length === 0 && tr.passive && target.length === 0) {
    // "y el jueves fue recibido por el presidente": the patient is the dropped subject.
    target = sentenceSubject.length ? sentenceSubject : discourse.topic;
  } else if (source.length === 0 && !tr.passive) {
    if (insideQuote(clause.tokens, tr.start)) source = quoteSpeaker;
    else if (clause.cues.complementizer.has(clause.tokens[stop]?.norm ?? '') && clause.relativeWithPreposition(tr.start) === null && !speechBefore(clause, stop, speechVerbs)) {
      // "…presentarán un proyecto que reprocha a Teherán": the relative's subject is the main one.
      source = clause.mainSubject(stop).flatMap((m) => m.refs);
    }
    // A reflexive before a verb that is not pronominal in the lexicon makes it impersonal or passive.
    const impersonal = clause.cues.reflexives.has(clause.tokens[tr.start - 1]?.norm ?? '') && !tr.sense.lemma.endsWith('se');
    if (source.length === 0 && !impersonal && !insideQuote(clause.tokens, tr.start) && !bareInfinitive(tr, clause)) {
      // "Peskov dijo que … y acusó a Washington": the sentence's own subject before the discourse topic.
      const main = clause.mainSubject(tr.start).flatMap((m) => m.refs);
      source = sentenceSubject.length ? sentenceSubject : main.length ? main : discourse.topic;
      carried = sentenceSubject.length === 0 && main.length === 0;
    }
  }
  if (source.length === 0 && target.length === 0) return null;
  return { source, target, carried, pairUsed };
}

/** Whether token i sits inside «…» or "…" in its sentence: a quote's dropped subject is the speaker's, not the topic. */
export function insideQuote(tokens: Token[], i: number): boolean {
  let open = 0;
  let straight = 0;
  for (let j = 0; j < i; j++) {
    const t = (tokens[j] as Token).text;
    if (t === '«' || t === '“') open++;
    else if (t === '»' || t === '”') open--;
    else if (t === '"') straight++;
  }
  return open > 0 || straight % 2 === 1;
}

/** An infinitive that opens its clause ("que imponer sanciones sería un error") has no subject to carry. */
export function bareInfinitive(tr: Trigger, clause: ClauseView): boolean {
  if (tr.tense !== 'infinitive') return false;
  const prev = clause.tokens[tr.start - 1]?.norm ?? '';
  return clause.cues.complementizer.has(prev) || prev === '' || prev === ',';
}

/** Whether "que" at `i` completes a verb of saying ("dijo que", "aseguró a la prensa que"). */
export function speechBefore(clause: ClauseView, i: number, speechVerbs: ReadonlyMap<string, unknown>): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) { const t = clause.tokens[j] as Token; if (speechVerbs.has(t.lower ?? verbKey(t.text))) return true; }
  return false;
}

/** Objects stop at the next "que" ("pidió a Rusia que retire…") and at ", y"/", pero" opening a new clause. */
export function nextComplementizer(clause: ClauseView, from: number, limit: number): number {
  for (let j = from; j < limit; j++) {
    const t = clause.tokens[j] as Token;
    if (clause.cues.complementizer.has(t.norm)) return j;
    if (t.text === ',' && clause.cues.newClauseConjunctions.has(clause.tokens[j + 1]?.norm ?? '')) return j;
  }
  return limit;
}

export function nominalArgs(tr: Trigger, clause: ClauseView, discourse: Discourse, eng: ExtractEngines, sentenceSubject: ActorRef[]):
  { source: ActorRef[]; target: ActorRef[]; carried: boolean; pairUsed: boolean } | null {
  const tokens = clause.tokens;
  const limit = Math.min(clause.clauseEnd(tr.end), tr.end + 14);
  let source: ActorRef[] = [];
  let target: ActorRef[] = [];
  let carried = false;
  // "los ataques rusos", "la visita de Lula", "la llamada entre Austin y Shoigu".
  const commaAfter = tokens.findIndex((t, j) => j >= tr.end && t.text === ',');
  const npEnd = Math.min(commaAfter < 0 ? tokens.length : commaAfter, tr.end + 8);
  const adj = clause.mentions.find((m) => m.adjectival && m.tokStart >= tr.end && (m.tokStart <= tr.end + 2 || (m.refs.length > 1 && m.tokStart < npEnd)));
  if (adj) source = adj.refs;
  const between = clause.between(tr.end, limit);
  if (between) {
    source = [...source, ...between[0].flatMap((m) => m.refs)];
    target = between[1].flatMap((m) => m.refs);
  }
  if (source.length === 0) {
    const of = clause.mentions.find((m) => m.tokStart >= tr.end && m.tokStart <= tr.end + 3 && !m.adjectival && m.refs.length > 0 && clause.prepositionOf(m) === 'of');
    // "la invasión de Ucrania", "su ataque de Járkov": for attacks on a place the genitive is the target.
    const possessed = eng.cues.possessives.has(tokens[tr.start - 1]?.norm ?? '');
    const hasOtherTarget = clause.objectAfter(tr.end, ['against', 'on'], limit).length > 0;
    if (of && (tr.sense.genitive === 'target' || (tr.sense.type === 'ASSAULT' && (possessed || (of.place && !hasOtherTarget))))) target = of.refs;
    else if (of) source = of.refs;
  }
  if (target.length === 0) {
    const preps = tr.sense.target.filter((p) => p !== 'of' || source.length > 0);
    const found = clause.objectAfter(tr.end, preps, limit).filter((m) => !source.some((r) => m.refs.includes(r)));
    target = found.flatMap((m) => m.refs);
  }
  if (source.length === 0) {
    // "la demanda presentada por Sudáfrica contra Israel", "el ataque perpetrado por X".
    const agent = clause.mentions.find((m) => m.tokStart > tr.end && m.tokStart <= tr.end + 4 && !m.adjectival && m.refs.length > 0 && clause.prepositionOf(m) === 'by');
    if (agent) { source = agent.refs; target = target.filter((r) => !agent.refs.includes(r)); }
  }
  // "un contacto entre ambos": the pair are the two parties, not the target of someone else.
  if (target.length === 1 && target[0]?.type === 'pair') { source = target; target = []; }
  const possessive = eng.cues.possessives.has(tokens[tr.start - 1]?.norm ?? '') || eng.cues.possessives.has(tokens[tr.start - 2]?.norm ?? '');
  if (source.length === 0 && (tr.lightVerb >= 0 || possessive)) {
    const anchor = tr.lightVerb >= 0 ? tr.lightVerb : tr.start;
    let subj = clause.subjectBefore(anchor).flatMap((m) => m.refs);
    if (subj.length === 0 && possessive) {
      // "Durante su encuentro con Grossi, Araghchi advirtió…": the possessor is the subject after the comma.
      const comma = tokens.findIndex((t, j) => j > tr.end && t.text === ',');
      const after = comma > 0 ? clause.mentions.find((m) => m.tokStart === comma + 1 || (m.tokStart === comma + 2 && eng.cues.determiners.has(tokens[comma + 1]?.norm ?? ''))) : undefined;
      if (after && !after.adjectival) subj = after.refs;
    }
    source = subj.length ? subj : sentenceSubject.length ? sentenceSubject : discourse.topic;
    carried = subj.length === 0;
    if (target.length === 0 && tr.lightVerb >= 0) target = clause.objectAfter(tr.lightVerb + 1, tr.sense.target, limit).flatMap((m) => m.refs).filter((r) => !source.includes(r));
  }
  if (source.length === 0 && target.length > 0 && UNDIRECTED.has(tr.sense.type) && clause.subjectBefore(tr.start).length === 0) {
    // "También está prevista una reunión con el presidente turco": the topic meets the named party.
    source = (sentenceSubject.length ? sentenceSubject : discourse.topic).filter((r) => !target.includes(r));
    carried = true;
  }
  if (source.length === 0) {
    // "La primera ronda de negociaciones tendrá lugar…": the parties of the last event of this type.
    const occurs = eng.cues.occurrence.findIn(tokens, tr.end, Math.min(tokens.length, tr.end + 8));
    const last = discourse.lastByType.get(tr.sense.type);
    if (occurs && last) { source = last.source; target = target.length ? target : last.target; carried = true; }
  }
  if (source.length === 0) return null;
  return { source, target, carried, pairUsed: source.some((r) => r.type === 'pair') };
}
