// Turns one segmented article into event records: triggers → arguments → status → date →
// attribution → location → evidence, with a trace of every decision for `atalaya explain`.
import { createHash } from 'node:crypto';
import type { Actor, Attribution, EventDate, EventLocation, EventRecord, EventStatus, PloverType } from '../events/model.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { Segmented, Sentence, Token } from '../text/model.js';
import { fold } from '../text/normalize.js';
import { ClauseView } from './clause.js';
import type { CueLexicon } from './cue-lexicon.js';
import { findDateExpressions, resolveDate, type DateExpression } from './dates.js';
import { newMemory, toActor, type ActorRef, type Mention, type MentionFinder } from './mentions.js';
import { decideStatus, type StatusDecision } from './status.js';
import { verbKey, type TriggerLexicon } from './trigger-lexicon.js';
import { findTriggers, type Trigger } from './triggers.js';

const UNDIRECTED: ReadonlySet<PloverType> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Types that say nothing without a target ("condenó", "pidió"); attacks, deployments, retreats and protests may stand alone. */
const NEEDS_TARGET: ReadonlySet<PloverType> = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'CONCEDE', 'AID', 'SANCTION', 'COERCE']);

export interface Candidate {
  trigger: string;
  rule: string;
  type: PloverType;
  emitted: boolean;
  why: string;
  status?: StatusDecision;
  date?: string;
  event?: EventRecord;
}

export interface SentenceTrace {
  index: number;
  text: string;
  mentions: Array<{ text: string; start: number; end: number; resolved: string; reason: string }>;
  dates: Array<{ text: string; rule: string }>;
  candidates: Candidate[];
}

export interface ExtractEngines {
  kb: KnowledgeBase;
  cues: CueLexicon;
  triggers: TriggerLexicon;
  mentions: MentionFinder;
  lang: string;
}

interface Discourse {
  /** Subject of the last clause that had one: Spanish drops repeated subjects. */
  topic: ActorRef[];
  /** The two parties of the last two-sided event, for "los dos", "ambos". */
  pair: [ActorRef[], ActorRef[]] | null;
  /** The same, for the last event between people: "ambos presidentes" means them. */
  personPair: [ActorRef[], ActorRef[]] | null;
  lastByType: Map<PloverType, { source: ActorRef[]; target: ActorRef[] }>;
  /** Date of the article's lead event (a recent, stated day): undated occurred events default to it. */
  anchor: EventDate | null;
  /** Date of the last dated plan: "Está previsto que los dos gobiernos firmen…" belongs to it. */
  planAnchor: { date: EventDate; sentence: number } | null;
  /** Index of the sentence being coded. */
  sentence: number;
  /** Parties of the last hostile act (attack, raid, sanction), whom a condemnation is aimed at. */
  lastHostile: { source: ActorRef[]; target: ActorRef[] } | null;
}

/** An actorless later mention of an event ("la llamada de este jueves"): what it adds to that event. */
interface MentionBack {
  type: PloverType;
  mode: string | null;
  date: EventDate | null;
  attribution: Attribution | null;
}

interface Draft {
  tr: Trigger;
  /** Further dates of the same trigger, each a separate event ("en Ginebra el 9…, en Bruselas el 12…"). */
  extraDates?: Array<{ d: DateExpression; tok: { start: number; end: number } }>;
  primaryDateEnd?: number;
  source: ActorRef[];
  target: ActorRef[];
  sourceCarried: boolean;
  status: StatusDecision;
  dateExpr: DateExpression | null;
  date: EventDate | null;
  location: EventLocation | null;
  attribution: Attribution | null;
  mode: string | null;
}

const refKey = (r: ActorRef): string => JSON.stringify(r);
const uniqRefs = (refs: ActorRef[]): ActorRef[] => [...new Map(refs.map((r) => [refKey(r), r])).values()];

export function eventId(article: string, start: number, end: number, rule: string, type: string, salt = ''): string {
  return 'ev_' + createHash('sha1').update(`${article}|${start}|${end}|${rule}|${type}|${salt}`).digest('hex').slice(0, 12);
}

/**
 * Codes one article.
 * @example extractEvents({ id: '000', published: '2022-05-13' }, segmented, engines).events.length
 */
export function extractEvents(article: { id: string; published: string | null }, doc: Segmented, eng: ExtractEngines): { events: EventRecord[]; trace: SentenceTrace[] } {
  const memory = newMemory(article.published);
  const discourse: Discourse = { topic: [], pair: null, personPair: null, lastByType: new Map(), anchor: null, planAnchor: null, lastHostile: null, sentence: 0 };
  const events: EventRecord[] = [];
  const trace: SentenceTrace[] = [];
  const mentionsBySentence = doc.sentences.map((s) => eng.mentions.find(s, memory));
  doc.sentences.forEach((sentence, si) => {
    const mentions = mentionsBySentence[si] as Mention[];
    const next = doc.sentences[si + 1] ?? null;
    discourse.sentence = si;
    const out = codeSentence(article, sentence, mentions, next, discourse, eng, si);
    for (const b of out.mentionsBack) {
      const k = events.map((e, i) => [e, i] as const).reverse()
        .find(([e]) => e.type === b.type && e.status === 'occurred' && e.evidence.end >= (doc.sentences[si - 2]?.start ?? 0))?.[1];
      if (k === undefined) continue;
      const e = events[k] as EventRecord;
      const weak = !e.date || e.date.basis === 'publication' || e.date.basis === 'inferred';
      events[k] = { ...e, mode: e.mode ?? b.mode, attribution: e.attribution ?? b.attribution, date: weak && b.date ? b.date : e.date };
      if (weak && b.date && !discourse.anchor) discourse.anchor = b.date;
    }
    for (const r of out.retracted) {
      const k = events.map((e, i) => [e, i] as const).reverse().find(([e]) => e.type === r.type && e.status === 'occurred' && e.evidence.end >= (doc.sentences[si - 2]?.start ?? 0))?.[1];
      if (k !== undefined) events[k] = { ...(events[k] as EventRecord), status: r.status };
    }
    events.push(...out.events);
    trace.push({
      index: si,
      text: sentence.text,
      mentions: mentions.map((m) => ({ text: doc.text.slice(m.start, m.end), start: m.start, end: m.end, resolved: describeRefs(m, eng.kb, article.published), reason: m.reason })),
      dates: out.dates.map((d) => ({ text: d.text, rule: d.rule })),
      candidates: out.candidates,
    });
  });
  return { events, trace };
}

function describeRefs(m: Mention, kb: KnowledgeBase, day: string | null): string {
  const parts = m.refs.map((r) => {
    if (r.type === 'pair' || r.type === 'counterpart') return `${r.type}${r.type === 'counterpart' && r.country ? ' ' + r.country : ''}`;
    const a = toActor(r, kb, day);
    return a ? `${a.name} [${a.kind} ${a.country ?? a.org ?? '?'}/${a.sector ?? '-'}${a.role ? ', ' + a.role : ''}]` : '?';
  });
  if (m.place) parts.push(`place ${m.place.name} (${m.place.country})`);
  return parts.join(' + ') + (m.adjectival ? ' (adjective)' : '');
}

function codeSentence(
  article: { id: string; published: string | null },
  sentence: Sentence,
  mentions: Mention[],
  next: Sentence | null,
  discourse: Discourse,
  eng: ExtractEngines,
  sentenceIndex: number,
): { events: EventRecord[]; candidates: Candidate[]; dates: DateExpression[]; retracted: Array<{ type: PloverType; status: EventStatus }>; mentionsBack: MentionBack[] } {
  const tokens = sentence.tokens;
  const retracted: Array<{ type: PloverType; status: EventStatus }> = [];
  const mentionsBack: MentionBack[] = [];
  const clause = new ClauseView(tokens, mentions, eng.cues);
  const triggers = findTriggers(sentence, mentions, eng.triggers, eng.cues);
  const dates = findDateExpressions(sentence.text, eng.lang).map((d) => ({ ...d, start: d.start + sentence.start, end: d.end + sentence.start }));
  const dateTok = dates.map((d) => ({ d, tok: tokenRange(tokens, d.start, d.end) }));
  for (const { tok } of dateTok) for (let k = tok.start; k < tok.end; k++) clause.dateTokens.add(k);
  const candidates: Candidate[] = [];
  const drafts: Draft[] = [];
  const speech = speechActs(clause, eng);
  let sentenceSubject: ActorRef[] = [];

  for (const tr of triggers) {
    const cand: Candidate = { trigger: tr.text, rule: tr.sense.rule, type: tr.sense.type, emitted: false, why: '' };
    candidates.push(cand);
    const limit = clause.clauseEnd(tr.end);
    const objectNoun = triggers.find((o) => o.sense.nominal && o.start >= tr.end && o.start <= tr.end + 4);
    // Inside a quotation the dropped subject is the speaker ("«…impondremos sanciones», dijo un alto funcionario francés").
    const quoted = speech.find((a) => tr.start >= a.segment[0] && tr.start < a.segment[1] && a.verb > tr.start);
    const speaker = quoted ? (quoted.speaker.length ? quoted.speaker.flatMap((m) => m.refs) : quoted.affiliation?.refs ?? []) : [];
    // "el Departamento de Estado reiteró que mantendrá las sanciones": a dropped subject in reported speech is the speaker.
    const reporter = speech.find((a) => !a.noVerb && a.verb < tr.start && tr.start >= a.segment[0] && tr.start < a.segment[1] && a.speaker.length > 0);
    const reported = reporter ? reporter.speaker.flatMap((m) => m.refs) : [];
    const fallback = reported.length ? reported : sentenceSubject;
    const args = tr.sense.nominal ? nominalArgs(tr, clause, discourse, eng, fallback) : verbalArgs(tr, clause, discourse, fallback, objectNoun, speaker, eng.triggers.speechVerbs,
      triggers.find((o) => !o.sense.nominal && o.start >= tr.end)?.start ?? tokens.length);
    if (!args) {
      cand.why = 'dropped: no actor for the event in its phrase or context';
      // "«No hubo ninguna conversación», dijo Peskov": the event reported just before is denied.
      const st = tr.sense.nominal ? decideStatus(tr, clause, eng.cues, null, eng.triggers.denialVerbs) : null;
      if (st?.status === 'occurred' && sentenceIndex > 0) {
        // "La conversación telefónica de este jueves…": a later mention dates and qualifies the event before.
        const near = dateTok.find((x) => Math.abs(x.tok.start - tr.end) <= 3 || Math.abs(tr.start - x.tok.end) <= 1);
        const act = speech.find((a) => tr.start >= a.segment[0] && tr.start < a.segment[1]);
        mentionsBack.push({
          type: tr.sense.type, mode: tr.sense.mode ?? null,
          date: near && article.published ? resolveDate(near.d, article.published, 'past') : null,
          attribution: act ? attributionFor(tr, [act], clause, eng, article.published) : null,
        });
      }
      // "no hay ninguna conversación programada" negates a plan, not a past event.
      const aboutPlan = eng.cues.status.planned_after?.findIn(tokens, tr.end, Math.min(tokens.length, tr.end + 4));
      if (st?.status === 'negated' && sentenceIndex > 0 && !aboutPlan) {
        retracted.push({ type: tr.sense.type, status: speech.length ? 'denied' : 'negated' });
        cand.why += `; ${speech.length ? 'denies' : 'negates'} the last ${tr.sense.type} reported before`;
      }
      continue;
    }
    let { source, target } = args;
    // "Blinken instó a Wang…, y ambos mantuvieron una conversación": the pair may be this sentence's.
    const here = drafts.find((d) => d.target.length > 0);
    const pair = here ? [here.source, here.target] as [ActorRef[], ActorRef[]] : discourse.personPair ?? discourse.pair;
    if (args.pairUsed && target.length === 0 && pair) {
      // "Los dos hablaron": one party each side.
      source = uniqRefs([...source.filter((r) => r.type !== 'pair'), ...pair[0]]);
      target = pair[1];
    } else {
      source = uniqRefs(resolvePairs(source, pair));
      target = uniqRefs(resolvePairs(target, pair));
    }
    target = target.filter((r) => !source.some((s) => refKey(s) === refKey(r)));
    // "…la oposición, y la acusó de…": a clitic object pronoun before the verb stands for the last object.
    if (target.length === 0 && !tr.sense.nominal && eng.cues.objectClitics.includes(fold((tokens[tr.start - 1] as Token | undefined)?.text ?? ''))) {
      const prev = drafts[drafts.length - 1];
      if (prev?.target.length) target = prev.target;
    }
    // "tras acusarla de injerencia": an object clitic stands for the last event's target.
    if (target.length === 0 && !tr.sense.nominal && (tr.tense === 'infinitive' || tr.tense === 'gerund')) {
      const word = (tokens[tr.end - 1] as Token).norm;
      const prev = drafts[drafts.length - 1];
      if (eng.cues.objectClitics.some((c) => word.endsWith(c)) && prev && word !== fold(tr.sense.lemma)) target = prev.target;
    }
    if ((UNDIRECTED.has(tr.sense.type) || tr.sense.reciprocal) && target.length === 0 && source.length >= 2) { target = source.slice(1); source = source.slice(0, 1); }
    if (tr.sense.mode === 'third-party' && target.length === 0) {
      // "con la mediación de Emiratos": the mediator meets the parties of the sentence.
      const parties = (clause.mainSubject(tr.start).flatMap((m) => m.refs)).filter((r) => !source.includes(r));
      target = parties;
    }
    if (UNDIRECTED.has(tr.sense.type) && target.length === 0) {
      // "acordó … después de una conversación telefónica con Sheinbaum": the same counterpart.
      const other = clause.mentions.find((m) => m.tokStart > tr.end && !m.adjectival && m.refs.length && clause.prepositionOf(m) === 'with');
      if (other) target = other.refs.filter((r) => !source.includes(r));
    }
    // "la cumbre de la OTAN": an organisation's own meeting is coded as the organisation with itself.
    if (tr.sense.mode === 'multilateral' && target.length === 0 && source.length === 1 && source[0]?.type === 'org') target = source;
    if (source.length === 0) { cand.why = 'dropped: no source actor'; continue; }
    if (tr.sense.needsTarget && target.length === 0) { cand.why = 'dropped: this trigger needs a target actor'; continue; }
    if (!args.carried) sentenceSubject = source;
    const status = decideStatus(tr, clause, eng.cues, next?.tokens ?? null, eng.triggers.denialVerbs);
    cand.status = status;
    const loc = clause.locationIn(tr.start, limit) ?? clause.locationIn(clause.clauseStart(tr.start), tr.start);
    const location = loc?.place ? { name: loc.place.name, country: loc.place.country } : null;
    if ((tr.sense.type === 'AID' || tr.sense.type === 'MOBILIZE' || tr.sense.type === 'RETREAT') && target.length === 0) {
      // "enviará ayuda humanitaria a Gaza", "desplegó tropas en Kursk": the place's state receives it.
      const place = clause.mentions.find((m) => m.tokStart >= tr.end && m.tokStart < limit && m.place && tr.sense.target.includes(clause.prepositionOf(m)));
      const own = new Set(source.map((r) => toActor(r, eng.kb, article.published)?.country));
      if (place?.place && !own.has(place.place.country)) target = [{ type: 'state', code: place.place.country, sector: null }];
    }
    if ((tr.sense.type === 'ASSAULT' || tr.sense.type === 'COERCE') && target.length === 0) {
      const place = placeTarget(tr, clause, limit) ?? (loc?.place ? loc.place.country : null);
      const own = new Set(source.map((r) => toActor(r, eng.kb, article.published)?.country));
      if (place && !own.has(place)) target = [{ type: 'state', code: place, sector: null }];
    }
    drafts.push({
      tr, source, target, sourceCarried: args.carried, status, dateExpr: null, date: null, location,
      attribution: attributionFor(tr, speech, clause, eng, article.published), mode: tr.sense.mode ?? modeFromCues(tr.sense.type, tokens, eng),
    });
    cand.why = `source ${args.carried ? 'carried from context' : 'from the clause'}; ${status.reason}`;
  }

  inheritPurpose(drafts, clause);
  applyPledges(drafts, speech, clause, eng);
  dropEmbedded(drafts, clause, candidates);
  conditionalThreats(drafts, clause, eng);
  addRefusalRejects(drafts);
  assignDates(drafts, dateTok, speech, article.published, discourse, tokens, eng.cues.timeShift, eng.cues.preteriteEndings, eng.cues.since, eng.cues.when);
  for (const d of [...drafts]) {
    const extra = distributeDates(d, clause, article.published);
    drafts.push(...extra);
    if (extra.length) candidates.push(...extra.map((x) => ({ trigger: x.tr.text, rule: x.tr.sense.rule, type: x.tr.sense.type, emitted: false, why: 'one more date of the same trigger: a separate event' })));
  }
  // What the sentence itself says first, then the discourse.
  fillFromObjectAdjective(drafts, clause, eng);
  fillReactionTargets(drafts, discourse, eng);
  fillFromSentence(drafts, clause, eng);
  const built: EventRecord[] = [];
  drafts.forEach((d, k) => {
    const cand = candidates.find((c) => c.trigger === d.tr.text && c.rule === d.tr.sense.rule && !c.event);
    const rec = buildRecord(article, sentence, d, eng, k > 0 && drafts.slice(0, k).some((o) => o.tr === d.tr) ? `#${k}` : '');
    if (!rec) { if (cand) cand.why = 'dropped: actors did not resolve'; return; }
    if (UNDIRECTED.has(rec.type) && rec.target.length === 0) { if (cand) cand.why = 'dropped: no counterpart for a two-sided event'; return; }
    if (NEEDS_TARGET.has(rec.type) && rec.target.length === 0) { if (cand) cand.why = `dropped: a ${rec.type} with no one it is aimed at`; return; }
    if (cand) { cand.emitted = true; cand.event = rec; cand.date = rec.date ? `${rec.date.start}..${rec.date.end} (${rec.date.basis})` : 'none'; }
    built.push(...splitByParty(rec));
    discourse.lastByType.set(d.tr.sense.type, { source: d.source, target: d.target });
    if (HOSTILE.has(d.tr.sense.type) && d.tr.sense.type !== 'THREATEN' && d.status.status === 'occurred') discourse.lastHostile = { source: d.source, target: d.target };
    if (d.target.length > 0) {
      discourse.pair = [d.source, d.target];
      if (isPersonLike(d.source) && isPersonLike(d.target)) discourse.personPair = [d.source, d.target];
    }
  });
  built.push(...warningEvents(article, sentence, clause, speech, discourse, drafts, eng, candidates));
  if (sentenceSubject.length) discourse.topic = sentenceSubject;
  else {
    const subj = clause.subjectBefore(tokens.length);
    if (subj.length) discourse.topic = subj.flatMap((m) => m.refs);
  }
  return { events: built, candidates, dates, retracted, mentionsBack };
}

/** "los ataques contra Járkov", "en el norte de la región ucraniana de Járkov": the attacked state. */
function placeTarget(tr: Trigger, clause: ClauseView, limit: number): string | null {
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

function tokenRange(tokens: Token[], start: number, end: number): { start: number; end: number } {
  let a = tokens.findIndex((t) => t.end > start);
  if (a < 0) a = tokens.length;
  let b = a;
  while (b < tokens.length && (tokens[b] as Token).start < end) b++;
  return { start: a, end: b };
}

function resolvePairs(refs: ActorRef[], pair: [ActorRef[], ActorRef[]] | null): ActorRef[] {
  return refs.flatMap((r) => (r.type !== 'pair' ? [r] : pair ? [...pair[0], ...pair[1]] : []));
}

const isPersonLike = (refs: ActorRef[]): boolean => refs.length > 0 && refs.every((r) => r.type === 'person' || r.type === 'new-person' || r.type === 'counterpart');

function verbalArgs(tr: Trigger, clause: ClauseView, discourse: Discourse, sentenceSubject: ActorRef[], objectNoun: Trigger | undefined, quoteSpeaker: ActorRef[], speechVerbs: ReadonlyMap<string, unknown>, nextVerbTrigger: number):
  { source: ActorRef[]; target: ActorRef[]; carried: boolean; pairUsed: boolean } | null {
  const limit = Math.min(clause.clauseEnd(tr.end), nextVerbTrigger);
  let subject = clause.subjectBefore(tr.start);
  let objFrom = tr.end;
  if (subject.length === 0 && !tr.passive && tr.tense !== 'infinitive' && tr.tense !== 'gerund') {
    // "Atacaron el fin de semana las tropas rusas varias posiciones ucranianas": a subject after the verb,
    // recognisable when something else follows it to be the object.
    const after = clause.subjectAfter(tr.end);
    const rest = after.length ? clause.mentions.some((m) => m.tokStart >= (after[after.length - 1] as Mention).tokEnd && m.tokStart < limit) : false;
    if (after.length && (rest || !tr.sense.target.includes('obj'))) { subject = after; objFrom = (after[after.length - 1] as Mention).tokEnd; }
  }
  // Objects stop at "que" and at an inverted verb of saying ("…, confirmó el Gobierno de Suecia").
  const saying = clause.tokens.findIndex((t, j) => j >= tr.end && speechVerbs.has(verbKey(t.text)));
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
  if (target.length === 0 && !tr.passive && !tr.sense.reciprocal && ['SANCTION', 'CONCEDE', 'AID'].includes(tr.sense.type)) {
    // "imponían gravámenes a los productos de México": the owner of the goods, inside the object phrase.
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
function insideQuote(tokens: Token[], i: number): boolean {
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
function bareInfinitive(tr: Trigger, clause: ClauseView): boolean {
  if (tr.tense !== 'infinitive') return false;
  const prev = clause.tokens[tr.start - 1]?.norm ?? '';
  return clause.cues.complementizer.has(prev) || prev === '' || prev === ',';
}

/** Whether "que" at `i` completes a verb of saying ("dijo que", "aseguró a la prensa que"). */
function speechBefore(clause: ClauseView, i: number, speechVerbs: ReadonlyMap<string, unknown>): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) if (speechVerbs.has(verbKey((clause.tokens[j] as Token).text))) return true;
  return false;
}

/** Objects stop at the next "que" ("pidió a Rusia que retire…") and at ", y"/", pero" opening a new clause. */
function nextComplementizer(clause: ClauseView, from: number, limit: number): number {
  for (let j = from; j < limit; j++) {
    const t = clause.tokens[j] as Token;
    if (clause.cues.complementizer.has(t.norm)) return j;
    if (t.text === ',' && clause.cues.newClauseConjunctions.has(clause.tokens[j + 1]?.norm ?? '')) return j;
  }
  return limit;
}

function nominalArgs(tr: Trigger, clause: ClauseView, discourse: Discourse, eng: ExtractEngines, sentenceSubject: ActorRef[]):
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

interface SpeechAct {
  verb: number;
  speaker: Mention[];
  anonymous: string | null;
  /** "un alto funcionario del Gobierno francés": what is known of an anonymous speaker. */
  affiliation: Mention | null;
  segment: [number, number];
  /** "según X": a source without a verb of saying. */
  noVerb?: boolean;
}

/** Verbs of saying and "según X" in the sentence, with their speaker and the span they cover. */
function speechActs(clause: ClauseView, eng: ExtractEngines): SpeechAct[] {
  const tokens = clause.tokens;
  const acts: SpeechAct[] = [];
  tokens.forEach((t, i) => {
    if (!eng.triggers.speechVerbs.has(verbKey(t.text))) return;
    let speaker = clause.subjectBefore(i);
    let anonymous: string | null = null;
    let affiliation: Mention | null = null;
    const after = clause.subjectAfter(i + 1);
    const anon = eng.cues.anonymous.findIn(tokens, i + 1, Math.min(tokens.length, i + 6));
    if (anon) {
      // "un alto funcionario del Gobierno francés": the affiliation follows, or the phrase is itself a mention.
      affiliation = clause.mentions.find((m) => m.refs.length > 0 && ((m.tokStart >= anon.end && m.tokStart <= anon.end + 2 && clause.prepositionOf(m) === 'of')
        || (m.tokStart <= anon.start && m.tokEnd >= anon.end))) ?? null;
      anonymous = tokens.slice(anon.start, affiliation ? affiliation.tokEnd : anon.end).map((x) => x.text).join(' ');
      speaker = [];
    }
    else if (after.length && (speaker.length === 0 || tokens[i - 1]?.text === ',' || tokens.slice(Math.max(0, i - 3), i).some((x) => eng.cues.according.has(x.norm)))) speaker = after;
    // "X dijo (a CNN) que …" covers what follows; "«…», dijo X" covers what precedes.
    const que = tokens.slice(i + 1, i + 5).findIndex((x) => eng.cues.complementizer.has(x.norm));
    // "«…», dijo X": a quotation closes right before; a mere comma ("Lloyd Austin, anunció") is an apposition.
    const closing = (t: Token | undefined): boolean => /^[»"”]$/.test(t?.text ?? '');
    // "…, informó la agencia KCNA": after a comma, a verb of saying whose subject follows it is inverted too.
    const inverted = closing(tokens[i - 1]) || (tokens[i - 1]?.text === ',' && (closing(tokens[i - 2]) || /^[«"“]$/.test(tokens[0]?.text ?? '') || after.length > 0 || !!anon))
      || tokens.slice(Math.max(0, i - 3), i).some((x) => eng.cues.according.has(x.norm));
    // A verb of saying reports what follows "que" or, inverted ("…», dijo X"), what precedes it; else it reports nothing here.
    if (que < 0 && !inverted) return;
    acts.push({ verb: i, speaker, anonymous, affiliation, segment: que >= 0 ? [i + 1, tokens.length] : [0, i] });
  });
  for (let i = 0; i < tokens.length; i++) {
    const m = eng.cues.attributionBefore.matchAt(tokens, i);
    if (!m || !eng.cues.according.has((tokens[i] as Token).norm)) continue;
    const who = clause.mentions.find((x) => x.tokStart >= m.end && x.tokStart <= m.end + 2 && x.refs.length > 0);
    const anon = eng.cues.anonymous.findIn(tokens, m.end, Math.min(tokens.length, m.end + 4));
    acts.push({ verb: i, speaker: who ? [who] : [], anonymous: !who && anon ? tokens.slice(anon.start, anon.end).map((x) => x.text).join(' ') : null, affiliation: null, segment: [0, tokens.length], noVerb: true });
  }
  return acts.filter((a) => a.speaker.length > 0 || a.anonymous);
}

function attributionFor(tr: Trigger, speech: SpeechAct[], clause: ClauseView, eng: ExtractEngines, day: string | null): Attribution | null {
  const act = speech.find((a) => a.verb !== tr.start && tr.start >= a.segment[0] && tr.start < a.segment[1]);
  if (!act) return null;
  if (act.anonymous) {
    const aff = act.affiliation?.refs[0] ? toActor(act.affiliation.refs[0], eng.kb, day) : null;
    return { name: act.anonymous, country: aff?.country ?? null, org: aff?.org ?? null };
  }
  const mention = act.speaker[0];
  const ref = mention?.refs[0];
  const actor = ref ? toActor(ref, eng.kb, day) : null;
  if (!actor || !mention) return null;
  // "el Kremlin" is the attribution as written, coded RUS; people keep their canonical name.
  const surface = clause.tokens.filter((t) => t.start >= mention.start && t.end <= mention.end).map((t) => t.text).join(' ').replace(/^(el|la|los|las) /i, '');
  return { name: actor.kind === 'person' ? actor.name : surface.replace(/ ([,.])/g, '$1'), country: actor.country, org: actor.org };
}

function modeFromCues(type: PloverType, tokens: Token[], eng: ExtractEngines): string | null {
  const cues = eng.triggers.modeCues.get(type);
  if (!cues) return null;
  for (const c of cues) if (tokens.some((t) => c.words.has(t.norm))) return c.mode;
  return null;
}

/** Each date goes to the nearest trigger (or verb of saying) in the sentence; one trigger may take several. */
function assignDates(drafts: Draft[], dates: Array<{ d: DateExpression; tok: { start: number; end: number } }>, speech: SpeechAct[], published: string | null, discourse: Discourse,
  tokens: Token[], timeShift: ReadonlySet<string>, preteriteEndings: readonly string[], sinceWords: ReadonlySet<string>, whenWords: ReadonlySet<string>): void {
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
    const coordinated = calendar && list.every((x, k) => k === 0 || (x.tok.start - (list[k - 1]?.tok.end ?? 0) <= 22));
    if (list.length >= 2 && published && list[0]?.d === d.dateExpr && coordinated) {
      d.extraDates = list.slice(1);
      d.primaryDateEnd = list[0]?.tok.end;
    }
  }
}

/**
 * "aseguró que Washington no desplegará armas en Ucrania": a pledge of restraint is an AGREE by the
 * pledging party, not a negated hostile act.
 */
function applyPledges(drafts: Draft[], speech: SpeechAct[], clause: ClauseView, eng: ExtractEngines): void {
  drafts.forEach((d, k) => {
    // "anunció que no reconocerá los resultados": announcing that one will not cooperate is a rejection.
    // "los negociadores rusos no aceptaron", "no respaldó la propuesta": not accepting is rejecting.
    const notAccepting = (d.tr.sense.type === 'AGREE' || d.tr.sense.type === 'SUPPORT') && d.status.status === 'negated' && d.tr.tense !== 'future';
    if (notAccepting || (COOPERATIVE.has(d.tr.sense.type) && d.status.status === 'negated' && d.tr.tense === 'future'
      && speech.some((a) => a.verb < d.tr.start && d.tr.start < a.segment[1] && a.segment[0] > a.verb))) {
      drafts[k] = {
        ...d,
        tr: { ...d.tr, sense: { ...d.tr.sense, type: 'REJECT', mode: null, cameo: '120', rule: `es.reject.will-not-${d.tr.sense.lemma}` } },
        status: { ...d.status, status: 'occurred', lean: 'past', reason: 'announced refusal to cooperate' },
        mode: null,
      };
      return;
    }
    if (!HOSTILE.has(d.tr.sense.type) || d.status.status !== 'negated') return;
    const act = speech.find((a) => a.verb < d.tr.start && d.tr.start < a.segment[1] && a.segment[0] > a.verb
      && eng.triggers.pledgeVerbs.has(verbKey((clause.tokens[a.verb] as Token).text)));
    if (!act) return;
    drafts[k] = {
      ...d,
      tr: { ...d.tr, sense: { ...d.tr.sense, type: 'AGREE', mode: null, cameo: '030', rule: `es.agree.pledge-not-${d.tr.sense.lemma}` } },
      status: { ...d.status, status: 'occurred', lean: 'past', reason: `pledge of restraint ("${(clause.tokens[act.verb] as Token).text} que … no")` },
      mode: null,
    };
  });
}

const HOSTILE: ReadonlySet<PloverType> = new Set(['MOBILIZE', 'ASSAULT', 'SANCTION', 'THREATEN', 'COERCE']);
const COOPERATIVE: ReadonlySet<PloverType> = new Set(['SUPPORT', 'AGREE', 'COOPERATE', 'CONSULT']);

const CALENDAR_KINDS: ReadonlySet<string> = new Set(['date', 'date_range', 'day_of_month']);

/** Date expressions that name one day: only these are shared between events of one sentence. */
const DAY_KINDS: ReadonlySet<string> = new Set(['date', 'day_of_month', 'weekday', 'weekday_day', 'relative_day', 'offset']);

const GOVERNORS: ReadonlySet<PloverType> = new Set(['REQUEST', 'ACCUSE', 'THREATEN']);
const NONFINITE = new Set(['infinitive', 'subjunctive', 'subjunctive_past', 'gerund']);

/**
 * "pidió a Washington que deje de suministrar armas", "acusó a Pionyang de enviar misiles", "advirtió
 * de que, si China suministra armas…": the embedded act is the content of the request, accusation or
 * threat, not an event of its own.
 */
function dropEmbedded(drafts: Draft[], clause: ClauseView, candidates: Candidate[]): void {
  for (let k = drafts.length - 1; k >= 0; k--) {
    const d = drafts[k] as Draft;
    // Governors are verbs, or request nouns ("la petición de la EAC para enviar tropas").
    const gov = drafts.find((g) => g !== d && GOVERNORS.has(g.tr.sense.type) && g.tr.end <= d.tr.start
      && (!g.tr.sense.nominal || (g.tr.sense.type === 'REQUEST' && d.tr.tense === 'infinitive')));
    if (!gov) continue;
    const between = clause.tokens.slice(gov.tr.end, d.tr.start);
    const conditional = !!clause.cues.conditionOpeners.findIn(between, 0, between.length);
    if (!NONFINITE.has(d.tr.tense) && !conditional) continue;
    drafts.splice(k, 1);
    const cand = candidates.find((c) => c.trigger === d.tr.text && c.rule === d.tr.sense.rule && !c.event);
    if (cand) cand.why = `dropped: content of the ${gov.tr.sense.type} "${gov.tr.text}", not an event of its own`;
  }
}

/**
 * "Si Irán enriquece uranio, impondremos sanciones": a hostile act promised on a condition is a
 * THREATEN by its author against the actor of the condition (or the act's target).
 */
function conditionalThreats(drafts: Draft[], clause: ClauseView, eng: ExtractEngines): void {
  drafts.forEach((d, k) => {
    if (!HOSTILE.has(d.tr.sense.type) || d.tr.sense.type === 'THREATEN' || d.status.status !== 'hypothetical') return;
    if (!['future', 'present'].includes(d.tr.tense)) return;
    const cond = clause.cues.conditionOpeners.findIn(clause.tokens, 0, clause.tokens.length);
    if (!cond) return;
    const condActor = clause.mentions.find((m) => m.tokStart >= cond.end && m.tokStart <= cond.end + 3 && !m.adjectival && m.refs.length > 0);
    const mine = new Set(d.source.map((r) => toActor(r, eng.kb, null)?.country));
    const otherState = clause.mentions.find((m) => m.refs[0]?.type === 'state' && !mine.has(m.refs[0].code));
    const target = d.target.length ? d.target : condActor?.refs ?? otherState?.refs ?? [];
    if (d.source.length === 0 || target.length === 0) return;
    drafts[k] = {
      ...d,
      target,
      tr: { ...d.tr, sense: { ...d.tr.sense, type: 'THREATEN', mode: null, cameo: d.tr.sense.type === 'ASSAULT' ? '138' : '130', rule: `es.threaten.conditional-${d.tr.sense.lemma}` } },
      status: { ...d.status, status: 'occurred', lean: 'past', reason: 'a hostile act promised on a condition' },
      mode: null,
    };
  });
}

/** "viajará a China para reunirse con Xi": a purpose infinitive shares its governing event's status. */
function inheritPurpose(drafts: Draft[], clause: ClauseView): void {
  for (const d of drafts) {
    if (d.tr.tense !== 'infinitive' || !clause.cues.purpose.has(clause.tokens[d.tr.start - 1]?.norm ?? '')) continue;
    const gov = [...drafts].reverse().find((g) => g !== d && g.tr.end <= d.tr.start && !g.tr.sense.nominal);
    if (gov && d.status.status === 'occurred' && gov.status.status !== 'occurred') d.status = { ...gov.status, reason: `purpose of "${gov.tr.text}": ${gov.status.reason}` };
  }
}

/** "se negaron a hablar": the refused act (status refused) and the refusal itself (REJECT). */
function addRefusalRejects(drafts: Draft[]): void {
  for (const d of [...drafts]) {
    if (d.status.status !== 'refused' || d.tr.sense.type === 'REJECT') continue;
    // "rechazó reunirse con X": the refusal is the REJECT built below, aimed at X, not "rechazó" on its own.
    const verb = drafts.findIndex((g) => g.tr.sense.type === 'REJECT' && !g.tr.sense.nominal && g.tr.end <= d.tr.start && d.tr.start - g.tr.end <= 2);
    if (verb >= 0) drafts.splice(verb, 1);
    drafts.push({
      ...d,
      extraDates: undefined,
      tr: { ...d.tr, sense: { ...d.tr.sense, type: 'REJECT', mode: null, cameo: '125', rule: `es.reject.refuse-${d.tr.sense.lemma}` } },
      status: { ...d.status, status: 'occurred', reason: 'the refusal itself' },
      mode: null,
    });
  }
}

const REACTIONS: ReadonlySet<PloverType> = new Set(['THREATEN', 'ACCUSE', 'REJECT']);
/** Acts addressed to the other side of an exchange when no one is named ("reclamó un alto el fuego"). */
const PARTNERED: ReadonlySet<PloverType> = new Set(['REQUEST', 'SUPPORT', 'AGREE']);

/**
 * A warning, condemnation or protest with no named target ("condenaron la irrupción", "advirtió de
 * que…") is aimed at the author of the last hostile act, or else at the other party of the exchange.
 */
function fillReactionTargets(drafts: Draft[], discourse: Discourse, eng: ExtractEngines): void {
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
function fillFromSentence(drafts: Draft[], clause: ClauseView, eng: ExtractEngines): void {
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

const ADJ_TARGETED: ReadonlySet<PloverType> = new Set(['SUPPORT', 'ACCUSE', 'REJECT', 'REQUEST', 'SANCTION', 'CONCEDE', 'AID', 'COERCE', 'THREATEN', 'MOBILIZE']);

/** "respaldó el plan de autonomía marroquí": the state named by an adjective in the object. */
function fillFromObjectAdjective(drafts: Draft[], clause: ClauseView, eng: ExtractEngines): void {
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

/** A stated day within a week before publication: the occasion the article reports. */
function isLeadDate(date: EventDate, published: string): boolean {
  if (date.precision !== 'day' || date.basis === 'publication') return false;
  const days = (Date.parse(published) - Date.parse(date.start)) / 86_400_000;
  return days >= 0 && days <= 7;
}

/** One event per further date of a trigger, each with the place and organisation named in its stretch. */
function distributeDates(d: Draft, clause: ClauseView, published: string | null): Draft[] {
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

const partyCode = (a: Actor): string => a.org ?? a.country ?? a.name;

/** One record per (source party, target party), as the annotation guide asks: "A condenó a B y C" is two events. */
function splitByParty(rec: EventRecord): EventRecord[] {
  const group = (actors: Actor[]): Actor[][] => {
    const by = new Map<string, Actor[]>();
    for (const a of actors) by.set(partyCode(a), [...(by.get(partyCode(a)) ?? []), a]);
    return [...by.values()];
  };
  const sources = group(rec.source);
  const targets = rec.target.length ? group(rec.target) : [[]];
  if (sources.length === 1 && targets.length === 1) return [rec];
  const out: EventRecord[] = [];
  for (const s of sources) for (const t of targets) {
    const salt = `${s.map(partyCode).join()}>${t.map(partyCode).join()}`;
    out.push({ ...rec, id: eventId(rec.article, rec.evidence.start, rec.evidence.end, rec.evidence.rule, rec.type, salt), source: s, target: t });
  }
  return out;
}

function buildRecord(article: { id: string; published: string | null }, sentence: Sentence, d: Draft, eng: ExtractEngines, salt = ''): EventRecord | null {
  const day = d.date?.start ?? article.published;
  const toActors = (refs: ActorRef[], other: ActorRef[]): Actor[] => refs.flatMap((r) => {
    if (r.type === 'counterpart') {
      const peer = other.map((o) => toActor(o, eng.kb, day)).find((a) => a?.kind === 'person');
      if (!r.country) return [];
      // "su homólogo ruso": the holder of the equivalent post in that state, when the KB knows exactly one.
      const holder = peer?.role ? eng.kb.counterpartOf(peer.role, r.country, day) : null;
      if (holder) return [eng.kb.personActor(holder, day)];
      return [{ name: r.name, kb_id: null, kind: 'person' as const, country: r.country, org: null, sector: peer?.sector ?? null, role: peer?.role ?? null }];
    }
    const a = toActor(r, eng.kb, day);
    return a ? [a] : [];
  });
  const source = toActors(d.source, d.target);
  const target = toActors(d.target, d.source);
  if (source.length === 0) return null;
  const first = sentence.tokens[d.tr.start] as Token;
  let confidence = d.tr.sense.nominal ? 0.65 : 0.75;
  if (d.sourceCarried) confidence -= 0.15;
  if (target.length > 0) confidence += 0.1;
  if (d.date && d.date.basis !== 'publication') confidence += 0.05;
  if ([...source, ...target].some((a) => a.kb_id === null)) confidence -= 0.05;
  return {
    id: eventId(article.id, sentence.start, sentence.end, d.tr.sense.rule, d.tr.sense.type, `${first.start}${salt}`),
    article: article.id,
    type: d.tr.sense.type,
    mode: d.mode,
    cameo: d.tr.sense.cameo,
    source,
    target,
    date: d.date,
    status: d.status.status,
    location: d.location,
    attribution: d.attribution,
    evidence: { text: sentence.text, start: sentence.start, end: sentence.end, trigger: d.tr.text, rule: d.tr.sense.rule },
    confidence: Math.max(0.05, Math.min(0.98, Math.round(confidence * 100) / 100)),
  };
}

/** A verb of saying whose complement warns of consequences ("sería un grave error"): THREATEN by the speaker. */
function warningEvents(article: { id: string; published: string | null }, sentence: Sentence, clause: ClauseView, speech: SpeechAct[], discourse: Discourse,
  drafts: Draft[], eng: ExtractEngines, candidates: Candidate[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const act of speech) {
    if (act.speaker.length === 0) continue;
    const hit = eng.cues.warnings.findIn(clause.tokens, act.segment[0], act.segment[1]);
    if (!hit) continue;
    if (drafts.some((d) => d.tr.sense.type === 'THREATEN')) continue;
    const source = act.speaker.flatMap((m) => m.refs);
    const pair = discourse.personPair ?? discourse.pair;
    const sourceKeys = new Set(source.map(refKey));
    const target = pair ? (pair[0].some((r) => sourceKeys.has(refKey(r))) ? pair[1] : pair[1].some((r) => sourceKeys.has(refKey(r))) ? pair[0] : []) : [];
    const verbTok = clause.tokens[act.verb] as Token;
    const tr: Trigger = {
      start: act.verb, end: act.verb + 1, text: `${verbTok.text} … ${clause.tokens.slice(hit.start, hit.end).map((t) => t.text).join(' ')}`,
      sense: { lemma: 'warning', type: 'THREATEN', mode: null, cameo: '138', target: [], requires: null, excludes: null, rule: 'es.threaten.warning', nominal: false, needsTarget: false, reciprocal: false, genitive: 'source', notAfter: null },
      tense: 'preterite', passive: false, reduced: false, lightVerb: -1,
    };
    const status: StatusDecision = { status: 'occurred', lean: 'past', reason: 'a warning of consequences', lastOccurrenceSince: false };
    const date: EventDate | null = article.published ? { start: article.published, end: article.published, precision: 'day', basis: 'publication' } : null;
    const rec = buildRecord(article, sentence, { tr, source, target, sourceCarried: false, status, dateExpr: null, date, location: null, attribution: null, mode: null }, eng);
    if (rec) {
      out.push(rec);
      candidates.push({ trigger: tr.text, rule: tr.sense.rule, type: 'THREATEN', emitted: true, why: 'speaker warns of consequences; target = the other party of the last two-sided event', event: rec });
    }
  }
  return out;
}

