// Compiles a language's triggers.yaml: every conjugated verb form and noun phrase → its event senses.
import type { PloverType } from '../events/model.js';
import { loadLangData } from '../lang/load.js';
import { fold } from '../text/normalize.js';
import { conjugate, type Tense } from './conjugate.js';
import { PhraseSet, type Tokenizer } from './phrases.js';

export interface TriggerSense {
  lemma: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  /** How the target is introduced: "obj" or a preposition. */
  target: string[];
  /** Folded words one of which must follow within a few tokens. */
  requires: Set<string> | null;
  /** The trigger does not count when one of these words follows within a few tokens ("pidió el anonimato"). */
  excludes: Set<string> | null;
  rule: string;
  nominal: boolean;
  needsTarget: boolean;
  reciprocal: boolean;
  /** For nouns: whether "de X" is the source ("la visita de X") or the target ("la detención de X"). */
  genitive: 'source' | 'target';
  /** Nouns only: words after which the noun is no trigger. */
  notAfter: Set<string> | null;
}

export interface VerbHit {
  sense: TriggerSense;
  tense: Tense;
  person: number | null;
}

interface VerbEntry { lemma: string; stem?: string; base?: string; type: PloverType; mode?: string; cameo: string; target: string[]; requires?: string[]; excludes?: string[]; needs_target?: boolean; reciprocal?: boolean; rule: string }
interface NounEntry { forms: string[]; type: PloverType; mode?: string; cameo: string; target: string[]; requires?: string[]; excludes?: string[]; needs_target?: boolean; reciprocal?: boolean; genitive?: 'source' | 'target'; not_after?: string[]; rule: string }
interface TriggersFile {
  verbs: VerbEntry[];
  nouns: NounEntry[];
  light_verbs: string[];
  speech_verbs: string[];
  pledge_verbs: string[];
  denial_verbs: string[];
  mode_cues: Record<string, Record<string, string[]>>;
}

/** What an auxiliary makes of the verb after it: a perfect (haber), a passive (ser), a near future (ir a). */
export type AuxKind = 'perfect' | 'passive' | 'future';

export interface TriggerLexicon {
  /** Folded verb form → senses with tense. */
  verbForms: Map<string, VerbHit[]>;
  nouns: PhraseSet;
  /** Folded noun form → its senses in lexicon order; the first whose requirement is met applies. */
  nounSenses: Map<string, TriggerSense[]>;
  /** Folded form → tense, for light verbs and verbs of saying. */
  lightVerbs: Map<string, Tense>;
  speechVerbs: Map<string, Tense>;
  /** Verbs of promising: a negated hostile act in their complement is a pledge (AGREE). */
  pledgeVerbs: Map<string, Tense>;
  /** Verbs of denying: "negó (el lunes) que Putin hubiera hablado…" makes the complement denied. */
  denialVerbs: Map<string, Tense>;
  /** Folded form of haber/ser/estar/ir → auxiliary kind and tense. */
  auxiliaries: Map<string, { aux: AuxKind; tense: Tense }>;
  modeCues: Map<PloverType, Array<{ mode: string; words: Set<string> }>>;
}

const cache = new Map<string, TriggerLexicon>();

/** Verb forms are looked up lower-cased but with accents: "diálogo" is not "dialogo", "acusó" is not "acuso". */
export const verbKey = (form: string): string => form.toLowerCase();

function auxiliariesOf(lang: string): Map<string, { aux: AuxKind; tense: Tense }> {
  const data = loadLangData<{ auxiliaries: Record<AuxKind, Partial<Record<Tense, string[]>>> }>(lang, 'auxiliaries');
  const out = new Map<string, { aux: AuxKind; tense: Tense }>();
  for (const [aux, tenses] of Object.entries(data.auxiliaries) as Array<[AuxKind, Partial<Record<Tense, string[]>>]>) {
    for (const [tense, forms] of Object.entries(tenses) as Array<[Tense, string[]]>) for (const f of forms) out.set(verbKey(f), { aux, tense });
  }
  return out;
}

const verbLemmaSpec = (lemma: string): { lemma: string; stem?: string; base?: string } => {
  // Light and speech verbs are plain lemmas; their irregular ones are spelled "lemma:base" or "lemma/stem".
  const [word, extra] = lemma.split(/[:/]/);
  if (lemma.includes(':')) return { lemma: word as string, base: extra };
  if (lemma.includes('/')) return { lemma: word as string, stem: extra };
  return { lemma: word as string };
};

/** The compiled trigger lexicon of `lang`. */
export function triggerLexicon(lang: string, tokenize: Tokenizer): TriggerLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const file = loadLangData<TriggersFile>(lang, 'triggers');
  const verbForms = new Map<string, VerbHit[]>();
  for (const v of file.verbs) {
    const sense: TriggerSense = {
      lemma: v.lemma, type: v.type, mode: v.mode ?? null, cameo: v.cameo, target: v.target,
      requires: v.requires ? new Set(v.requires.map(fold)) : null, excludes: v.excludes ? new Set(v.excludes.map(fold)) : null, rule: v.rule, nominal: false, needsTarget: v.needs_target ?? false, reciprocal: v.reciprocal ?? false, genitive: 'source', notAfter: null,
    };
    for (const f of conjugate({ lemma: v.lemma, stem: v.stem, base: v.base }, lang)) {
      // News narrates in the third person; 1s/2s/2p forms mostly collide with nouns (acuerdo, diálogo).
      if (f.person === 1 || f.person === 2 || f.person === 5) continue;
      const key = verbKey(f.form);
      const list = verbForms.get(key) ?? [];
      list.push({ sense, tense: f.tense, person: f.person });
      verbForms.set(key, list);
    }
  }
  const nounSenses = new Map<string, TriggerSense[]>();
  const nounForms: string[] = [];
  for (const n of file.nouns) {
    const sense: TriggerSense = {
      lemma: n.forms[0] as string, type: n.type, mode: n.mode ?? null, cameo: n.cameo, target: n.target,
      requires: n.requires ? new Set(n.requires.map(fold)) : null, excludes: n.excludes ? new Set(n.excludes.map(fold)) : null, rule: n.rule, nominal: true, needsTarget: n.needs_target ?? false, reciprocal: n.reciprocal ?? false, genitive: n.genitive ?? 'source', notAfter: n.not_after ? new Set(n.not_after.map(fold)) : null,
    };
    for (const f of n.forms) { nounSenses.set(fold(f), [...(nounSenses.get(fold(f)) ?? []), sense]); nounForms.push(f); }
  }
  const formsOf = (lemmas: string[]): Map<string, Tense> => {
    const m = new Map<string, Tense>();
    for (const l of lemmas) {
      for (const f of conjugate(verbLemmaSpec(l), lang)) {
        if (f.person === 1 || f.person === 2 || f.person === 5) continue;
        if (!m.has(verbKey(f.form))) m.set(verbKey(f.form), f.tense);
      }
    }
    return m;
  };
  const modeCues = new Map<PloverType, Array<{ mode: string; words: Set<string> }>>();
  for (const [type, modes] of Object.entries(file.mode_cues)) {
    modeCues.set(type as PloverType, Object.entries(modes).map(([mode, words]) => ({ mode, words: new Set(words.map(fold)) })));
  }
  const lex: TriggerLexicon = {
    verbForms,
    nouns: new PhraseSet(tokenize, nounForms),
    nounSenses,
    lightVerbs: formsOf(file.light_verbs),
    speechVerbs: formsOf(file.speech_verbs),
    pledgeVerbs: formsOf(file.pledge_verbs),
    denialVerbs: formsOf(file.denial_verbs),
    auxiliaries: auxiliariesOf(lang),
    modeCues,
  };
  cache.set(lang, lex);
  return lex;
}
