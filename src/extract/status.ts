// Decides an event's status (occurred/planned/refused/denied/negated/hypothetical) from tense and cues.
import type { EventStatus } from '../events/model.js';
import type { Token } from '../text/model.js';
import type { ClauseView } from './clause.js';
import type { CueLexicon } from './cue-lexicon.js';
import type { Lean } from './dates.js';
import type { Trigger } from './triggers.js';

export interface StatusDecision {
  status: EventStatus;
  lean: Lean;
  reason: string;
  /** "no han hablado desde el 11 de febrero": the date after "desde" is when the event last occurred. */
  lastOccurrenceSince: boolean;
}

/** Tokens without adverbs ("repetidamente"), with a map back to sentence indices, so cues tolerate adverbs. */
function withoutAdverbs(tokens: Token[], from: number, to: number, adverbEndings: readonly string[]): { view: Token[]; index: number[] } {
  const view: Token[] = [];
  const index: number[] = [];
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (adverbEndings.some((e) => t.norm.endsWith(e) && t.norm.length > e.length + 2)) continue;
    view.push(t);
    index.push(i);
  }
  return { view, index };
}

/**
 * @example decideStatus(trigger, clause, cues) // => { status: 'refused', reason: 'cue "se negaron a"', … }
 */
export function decideStatus(tr: Trigger, clause: ClauseView, cues: CueLexicon, nextSentenceTokens: Token[] | null, denialVerbs: ReadonlyMap<string, unknown>): StatusDecision {
  const tokens = clause.tokens;
  const cStart = clause.clauseStart(tr.start);
  const cEnd = clause.clauseEnd(tr.end);
  const before = withoutAdverbs(tokens, cStart, tr.start, cues.adverbEndings);
  // What follows a "que" is the complement's business ("advirtió de que … tendría consecuencias").
  // (After a noun, "que" opens a relative that describes the event itself: "la reunión, que se celebrará…".)
  const isQue = (t: Token | undefined): boolean => !!t && cues.complementizer.has(t.norm);
  const que = tr.sense.nominal ? -1 : tokens.slice(tr.end, cEnd).findIndex(isQue);
  const after = { view: tokens.slice(tr.end, que < 0 ? cEnd : tr.end + que) };
  const s = cues.status;
  const endsRightBefore = (set: keyof typeof s, maxGap: number): string | null => {
    const ps = s[set];
    if (!ps) return null;
    for (let gap = 0; gap <= maxGap; gap++) {
      const hit = ps.endsAt(before.view, before.view.length - gap);
      if (hit) return hit.value;
    }
    return null;
  };
  const anyBefore = (set: keyof typeof s): string | null => s[set]?.findLastIn(before.view, 0, before.view.length)?.value ?? null;
  const anyAfter = (set: keyof typeof s, within = 5): string | null => s[set]?.findIn(after.view, 0, Math.min(after.view.length, within))?.value ?? null;
  const base = (status: EventStatus, lean: Lean, reason: string, since = false): StatusDecision => ({ status, lean, reason, lastOccurrenceSince: since });

  const denialVerb = (() => {
    for (let j = tr.start - 1; j >= Math.max(0, tr.start - 14); j--) {
      const t = tokens[j] as Token;
      if (!denialVerbs.has(t.lower ?? t.text.toLowerCase())) continue;
      // "negó haber enviado tropas": a perfect infinitive right after the verb is denied
      // (while "se negó a reunirse", "descartó negociar" are refusals).
      const perfectInfinitive = tr.tense === 'infinitive' && tr.end - tr.start === 2;
      if (j + 1 === tr.start && perfectInfinitive && !cues.reflexives.has(tokens[j - 1]?.norm ?? '')) return t.text;
      const que = tokens.slice(j + 1, Math.min(tr.start, j + 5)).findIndex(isQue);
      if (que < 0) return null;
      // No second complement ("y recordó que…") between the denial and the trigger.
      const rest = tokens.slice(j + 2 + que, tr.start);
      return rest.some(isQue) ? null : t.text;
    }
    return null;
  })();
  // The next sentence denies this one only by pointing back ("lo ha negado", "es falso"), not with its own "desmintió que…".
  const nextDenial = nextSentenceTokens ? s.denied_after?.findIn(nextSentenceTokens, 0, Math.min(6, nextSentenceTokens.length)) : null;
  const pointsBack = !!nextDenial && nextSentenceTokens !== null && !isQue(nextSentenceTokens[nextDenial.end]);
  const denied = (denialVerb ? `${denialVerb} que` : null) ?? anyBefore('denied_before') ?? anyAfter('denied_after', 12)
    ?? (pointsBack ? nextDenial?.value ?? null : null);
  if (denied) {
    const toCome = tr.tense === 'future' || !!anyBefore('planned_before') || !!anyAfter('planned_after', 8);
    return base('denied', toCome ? 'future' : 'past', `denial cue "${denied}"`);
  }

  const refused = endsRightBefore('refused_before', 2);
  if (refused) return base('refused', 'past', `refusal cue "${refused}"`);

  // Negation right before the verb (or before the light verb of a noun: "no adoptará represalias"),
  // over clitics and auxiliaries: "no se han reunido".
  let j = (tr.sense.nominal && tr.lightVerb >= 0 ? tr.lightVerb : tr.start) - 1;
  while (j >= cStart && cues.verbClitics.has((tokens[j] as Token).norm)) j--;
  const negWord = j >= cStart ? (tokens[j] as Token).norm : '';
  // "Ni Irán ni la UE han propuesto…" negates its own clause, not a later relative ("…, del que EE. UU. se retiró").
  const niClause = cues.negativeConjunctions.has(before.view[0]?.norm ?? '') && !before.view.some(isQue);
  const negatedPhrase = anyBefore('negated_phrases') ?? (niClause ? 'ni … ni' : null);
  // "no existe ninguna intención de romper relaciones": a negated noun phrase governs its infinitive too.
  const nounLike = tr.sense.nominal || tr.tense === 'infinitive';
  if (cues.negation.has(negWord) || (negatedPhrase && (nounLike || negatedPhrase === 'ni … ni'))) {
    // "no han hablado desde el 11 de febrero": they last spoke then.
    const since = after.view.slice(0, 4).some((t) => cues.since.has(t.norm));
    if (since && cues.negation.has(negWord)) return base('occurred', 'past', 'negation + "desde": last occurrence', true);
    return base('negated', 'past', `negation "${cues.negation.has(negWord) ? negWord : negatedPhrase}"`);
  }

  // "imponer sanciones … en caso de una escalada … sería un grave error": cues after the trigger count too.
  const hypo = anyBefore('hypothetical_before') ?? anyAfter('hypothetical_after', 14) ?? anyAfter('hypothetical_before', 8);
  if (hypo) return base('hypothetical', 'future', `hypothetical cue "${hypo}"`);
  if (tr.tense === 'conditional') {
    const reported = clause.tokens.slice(0, tr.start).some(isQue);
    return reported ? base('planned', 'future', 'conditional in reported speech') : base('hypothetical', 'future', 'conditional tense');
  }

  const planned = anyBefore('planned_before') ?? anyAfter('planned_after', 8);
  if (tr.tense === 'future') return base('planned', 'future', 'future tense');
  if (tr.tense === 'subjunctive' || tr.tense === 'subjunctive_past') {
    if (cues.factualSubordinators.findLastIn(before.view, 0, before.view.length)) return base('occurred', 'past', 'subjunctive after a factual subordinator');
    return base('planned', 'future', planned ? `subjunctive after "${planned}"` : 'subjunctive (intention)');
  }
  if (planned) return base('planned', 'future', `planning cue "${planned}"`);
  const governed = ['infinitive', 'subjunctive', 'subjunctive_past'].includes(tr.tense) ? anyBefore('planned_governors') : null;
  if (governed) return base('planned', 'future', `complement of "${governed}"`);
  if (tr.tense === 'infinitive' || tr.tense === 'gerund') {
    const future = tokens.slice(cStart, tr.start).find((t) => /^\p{Ll}/u.test(t.text) && t.text.length > 4 && cues.futureEndings.some((e) => t.text.toLowerCase().endsWith(e)));
    if (future) return base('planned', 'future', `complement of the future "${future.text}"`);
  }
  if (tr.sense.nominal) {
    if (cues.nextWords.has(tokens[tr.start - 1]?.norm ?? '')) return base('planned', 'future', 'noun announced as upcoming');
  }
  if (tr.tense === 'present') return base('occurred', 'past', 'present tense (news present)');
  return base('occurred', 'past', tr.tense === 'none' ? 'noun, no status cue' : `${tr.tense} tense`);
}
