// Finds event triggers in a sentence: conjugated verbs (with auxiliaries) and trigger nouns.
import type { Sentence, Token } from '../text/model.js';
import type { Tense } from './conjugate.js';
import type { CueLexicon } from './cue-lexicon.js';
import type { Mention } from './mentions.js';
import { verbKey, type TriggerLexicon, type TriggerSense } from './trigger-lexicon.js';

export interface Trigger {
  /** Token range [start, end) in the sentence. */
  start: number;
  end: number;
  text: string;
  sense: TriggerSense;
  /** Tense of the finite verb that carries the event (the auxiliary's for compound forms). */
  tense: Tense | 'perfect' | 'none';
  passive: boolean;
  /** A participle used as a reduced relative: "drones lanzados por Rusia contra Kiev". */
  reduced: boolean;
  /** For nouns: index of a light verb before it ("mantuvieron una conversación"), or -1. */
  lightVerb: number;
}

const key = (t: Token): string => t.norm;
const vkey = (t: Token): string => t.lower ?? verbKey(t.text);

/**
 * Triggers of one sentence, skipping tokens inside actor mentions.
 * @example findTriggers(sentence, mentions, lex, cues).map(t => t.sense.rule) // => ['es.consult.hablar']
 */
export function findTriggers(sentence: Sentence, mentions: Mention[], lex: TriggerLexicon, cues: CueLexicon): Trigger[] {
  const tokens = sentence.tokens;
  const inMention = new Set<number>();
  for (const m of mentions) for (let i = m.tokStart; i < m.tokEnd; i++) inMention.add(i);
  const out: Trigger[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (inMention.has(i)) { i++; continue; }
    const noun = lex.nouns.matchAt(tokens, i);
    // "que no viaje a Rusia": after "no", "que" or "se" the word is a verb, not the noun "viaje".
    const prevNorm0 = tokens[i - 1]?.norm ?? '';
    const verbContext = cues.negation.has(prevNorm0) || cues.complementizer.has(prevNorm0) || cues.reflexives.has(prevNorm0);
    const sense = noun && !verbContext
      ? (lex.nounSenses.get(noun.value) ?? []).find((s) => requirementMet(tokens, noun.end, s) && !s.notAfter?.has(tokens[i - 1]?.norm ?? ''))
      : undefined;
    if (noun && sense) {
      const light = lightVerbBefore(tokens, i, lex, cues);
      // "restablecerá las sanciones": the noun's event takes the light verb's tense.
      const tense = light >= 0 ? lex.lightVerbs.get(vkey(tokens[light] as Token)) ?? 'none' : 'none';
      out.push({ start: i, end: noun.end, text: span(sentence, i, noun.end), sense, tense, passive: false, reduced: false, lightVerb: light });
      i = noun.end;
      continue;
    }
    const hits = lex.verbForms.get(vkey(tokens[i] as Token));
    if (hits) {
      const hit = hits.find((h) => requirementMet(tokens, i + 1, h.sense));
      const prevNorm = tokens[i - 1]?.norm ?? '';
      const nounUse = !!hit && !['infinitive', 'participle', 'gerund'].includes(hit.tense) && (cues.determiners.has(prevNorm) || cues.prepositions.has(prevNorm));
      // A pronominal lemma ("retirarse", "reunirse") needs its "se": "le retiraron la inmunidad" is not a retreat.
      const finite = !!hit && !['infinitive', 'participle', 'gerund'].includes(hit.tense);
      const missingSe = !!hit && hit.sense.lemma.endsWith('se') && finite && !cues.reflexives.has(tokens[i - 1]?.norm ?? '')
        && !(cues.negation.has(tokens[i - 1]?.norm ?? '') && cues.reflexives.has(tokens[i - 2]?.norm ?? ''));
      if (hit && !nounUse && !missingSe) {
        const v = verbTense(tokens, i, hit.tense, lex, cues);
        if (v) {
          out.push({ start: v.start, end: i + 1, text: span(sentence, v.start, i + 1), sense: hit.sense, tense: v.tense, passive: v.passive, reduced: v.reduced, lightVerb: -1 });
          i++;
          continue;
        }
      }
    }
    i++;
  }
  return out;
}

function span(sentence: Sentence, start: number, end: number): string {
  const a = sentence.tokens[start] as Token;
  const b = sentence.tokens[end - 1] as Token;
  return sentence.text.slice(a.start - sentence.start, b.end - sentence.start);
}

/** Tokens after a trigger within which its required object must appear ("impuso nuevas sanciones"). */
const REQUIRES_WINDOW = 7;

function requirementMet(tokens: Token[], from: number, sense: TriggerSense): boolean {
  if (sense.excludes) for (let j = from; j < Math.min(tokens.length, from + 4); j++) if (sense.excludes.has(key(tokens[j] as Token))) return false;
  if (!sense.requires) return true;
  for (let j = from; j < Math.min(tokens.length, from + REQUIRES_WINDOW); j++) if (sense.requires.has(key(tokens[j] as Token))) return true;
  // "30 drones lanzados por Rusia": the object may stand just before a participle.
  for (let j = Math.max(0, from - 8); j < from - 1; j++) if (sense.requires.has(key(tokens[j] as Token))) return true;
  return false;
}

/** Tense of a verb form with its auxiliaries; null for a participle used as an adjective. */
function verbTense(tokens: Token[], i: number, tense: Tense, lex: TriggerLexicon, cues: CueLexicon): { start: number; tense: Tense | 'perfect'; passive: boolean; reduced: boolean } | null {
  if (tense !== 'participle') return { start: i, tense, passive: false, reduced: false };
  const prev = tokens[i - 1];
  const prev2 = tokens[i - 2];
  const aux = prev ? lex.auxiliaries.get(vkey(prev)) : undefined;
  // "habría llamado" (reported, unconfirmed) narrates a past act like "ha llamado".
  if (aux?.aux === 'perfect') return { start: i - 1, tense: aux.tense === 'present' || aux.tense === 'conditional' ? 'perfect' : aux.tense, passive: false, reduced: false };
  if (aux?.aux === 'passive') {
    // "ha sido atacado": perfect passive.
    const aux2 = prev2 ? lex.auxiliaries.get(vkey(prev2)) : undefined;
    if (aux?.tense === 'participle' && aux2?.aux === 'perfect') return { start: i - 2, tense: aux2.tense === 'present' ? 'perfect' : aux2.tense, passive: true, reduced: false };
    return { start: i - 1, tense: aux.tense, passive: true, reduced: false };
  }
  // "drones lanzados por Rusia": a participle followed by its agent is a reduced passive.
  if (cues.prepRoles.get(tokens[i + 1]?.norm ?? '') === 'by') return { start: i, tense: 'perfect', passive: true, reduced: true };
  return null;
}

/** A light verb within four tokens before a trigger noun, not across a clause break. */
function lightVerbBefore(tokens: Token[], i: number, lex: TriggerLexicon, cues: CueLexicon): number {
  for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
    const t = tokens[j] as Token;
    if (cues.clauseBreaks.matchAt(tokens, j) || t.text === ',') return -1;
    if (lex.lightVerbs.has(vkey(t))) return j;
  }
  return -1;
}
