// Codes one segmented article: per sentence, triggers → arguments → status → dates → targets → records,
// keeping a trace of every decision for `atalaya explain`. The stages live in their own modules.
import { createHash } from 'node:crypto';
import type { Actor, EventDate, EventRecord, EventStatus, PloverType } from '../events/model.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { Segmented, Sentence, Token } from '../text/model.js';
import { fold } from '../text/normalize.js';
import { isPersonLike, nominalArgs, resolvePairs, verbalArgs } from './arguments.js';
import { ClauseView } from './clause.js';
import { type DateExpression, findDateExpressions, resolveDate } from './dates.js';
import { type Candidate, type Discourse, type Draft, type ExtractEngines, HOSTILE, type MentionBack, type SentenceTrace, type SpeechAct, UNDIRECTED, refKey, uniqRefs } from './draft.js';
import { assignDates, distributeDates, tokenRange } from './event-dates.js';
import { type ActorRef, type Mention, newMemory, toActor } from './mentions.js';
import { addRefusalRejects, applyPledges, conditionalThreats, dropEmbedded, inheritPurpose } from './rewrites.js';
import { attributionFor, speechActs } from './speech.js';
import { type StatusDecision, decideStatus } from './status.js';
import { fillFromObjectAdjective, fillFromSentence, fillReactionTargets, placeTarget } from './targets.js';
import { type Trigger, findTriggers } from './triggers.js';

/** Types that say nothing without a target ("condenó", "pidió"); attacks, deployments, retreats and protests may stand alone. */
const NEEDS_TARGET: ReadonlySet<PloverType> = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT', 'CONCEDE', 'AID', 'SANCTION', 'COERCE']);

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
      mentions: mentions.map((m) => ({ text: doc.text.slice(m.start, m.end), start: m.start, end: m.end, resolved: describeRefs(m, eng.kb, article.published), reason: m.reason, actors: mentionActors(m, eng.kb, article.published) })),
      dates: out.dates.map((d) => ({ text: d.text, rule: d.rule })),
      candidates: out.candidates,
    });
  });
  return { events, trace };
}

function mentionActors(m: Mention, kb: KnowledgeBase, day: string | null): Actor[] {
  return m.refs.flatMap((r) => {
    const a = r.type === 'pair' || r.type === 'counterpart' ? null : toActor(r, kb, day);
    return a ? [a] : [];
  });
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
    if (source.length === 0 && tr.sense.type === 'COERCE' && tr.passive && target.length > 0) {
      // "Castillo fue detenido el miércoles": an arrest with no agent named is the authorities' of the place or of the detainee.
      const placed = (clause.locationIn(tr.start, limit) ?? clause.locationIn(clause.clauseStart(tr.start), tr.start))?.place?.country;
      const country = placed ?? toActor(target[0] as ActorRef, eng.kb, article.published)?.country ?? null;
      if (country) source = [{ type: 'group', name: 'autoridades', country, org: null, sector: 'GOV', role: null }];
    }
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
  assignDates(drafts, dateTok, speech, article.published, discourse, tokens, eng.cues.timeShift, eng.cues.preteriteEndings, eng.cues.since, eng.cues.when, eng.cues.complementizer);
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

function modeFromCues(type: PloverType, tokens: Token[], eng: ExtractEngines): string | null {
  const cues = eng.triggers.modeCues.get(type);
  if (!cues) return null;
  for (const c of cues) if (tokens.some((t) => c.words.has(t.norm))) return c.mode;
  return null;
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
    // "'Estados Unidos y el Reino Unido tendrán que pagar un alto precio', escribió…": the warned party is named in it.
    const named = clause.mentions.filter((m) => m.tokStart >= act.segment[0] && m.tokEnd <= act.segment[1] && !m.adjectival
      && m.refs.length > 0 && !m.refs.some((r) => r.type === 'pair' || r.type === 'counterpart' || sourceKeys.has(refKey(r))));
    const target = named.length ? named.flatMap((m) => m.refs)
      : pair ? (pair[0].some((r) => sourceKeys.has(refKey(r))) ? pair[1] : pair[1].some((r) => sourceKeys.has(refKey(r))) ? pair[0] : []) : [];
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
      candidates.push({ trigger: tr.text, rule: tr.sense.rule, type: 'THREATEN', emitted: true, why: named.length ? 'speaker warns of consequences; target = the party named in the warning' : 'speaker warns of consequences; target = the other party of the last two-sided event', event: rec });
    }
  }
  return out;
}
