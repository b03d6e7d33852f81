// Status and type rewrites of drafts: purposes, pledges, embedded contents, conditional threats, refusals.
import type { PloverType } from '../events/model.js';
import type { Token } from '../text/model.js';
import type { ClauseView } from './clause.js';
import { COOPERATIVE, type Candidate, type Draft, type ExtractEngines, HOSTILE, type SpeechAct } from './draft.js';
import { toActor } from './mentions.js';
import { verbKey } from './trigger-lexicon.js';

/**
 * "aseguró que Washington no desplegará armas en Ucrania": a pledge of restraint is an AGREE by the
 * pledging party, not a negated hostile act.
 */
export function applyPledges(drafts: Draft[], speech: SpeechAct[], clause: ClauseView, eng: ExtractEngines): void {
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

export const GOVERNORS: ReadonlySet<PloverType> = new Set(['REQUEST', 'ACCUSE', 'THREATEN']);

export const NONFINITE = new Set(['infinitive', 'subjunctive', 'subjunctive_past', 'gerund']);

/**
 * "pidió a Washington que deje de suministrar armas", "acusó a Pionyang de enviar misiles", "advirtió
 * de que, si China suministra armas…": the embedded act is the content of the request, accusation or
 * threat, not an event of its own.
 */
export function dropEmbedded(drafts: Draft[], clause: ClauseView, candidates: Candidate[]): void {
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
export function conditionalThreats(drafts: Draft[], clause: ClauseView, eng: ExtractEngines): void {
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
export function inheritPurpose(drafts: Draft[], clause: ClauseView): void {
  for (const d of drafts) {
    if (d.tr.tense !== 'infinitive' || !clause.cues.purpose.has(clause.tokens[d.tr.start - 1]?.norm ?? '')) continue;
    const gov = [...drafts].reverse().find((g) => g !== d && g.tr.end <= d.tr.start && !g.tr.sense.nominal);
    if (gov && d.status.status === 'occurred' && gov.status.status !== 'occurred') d.status = { ...gov.status, reason: `purpose of "${gov.tr.text}": ${gov.status.reason}` };
  }
}

/** "se negaron a hablar": the refused act (status refused) and the refusal itself (REJECT). */
export function addRefusalRejects(drafts: Draft[]): void {
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
