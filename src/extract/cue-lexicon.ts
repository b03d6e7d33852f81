// Compiles a language's cues.yaml into phrase sets and word sets, once per language.
import type { Sector } from '../events/model.js';
import { loadLangData } from '../lang/load.js';
import { fold } from '../text/normalize.js';
import { PhraseSet, type Tokenizer } from './phrases.js';

interface CuesFile {
  clause_breaks: string[]; relatives: string[]; complementizer: string[];
  pair_refs: string[]; counterpart: string[];
  status: Record<string, string[]>;
  warning_phrases: string[];
  attribution: { before: string[]; anonymous: string[] };
  collectives: Record<string, string[]>;
  demonym_noun_articles: string[];
  blocs: Array<{ forms: string[]; codes: string[]; org: string }>;
  name_particles: string[]; name_containers: string[]; determiners: string[]; descriptors: string[];
  collective_modifiers: string[]; sector_words: Record<string, string[]>;
  verb_clitics: string[]; factual_subordinators: string[];
  occurrence_phrases: string[]; possessives: string[]; conditionals: string[]; condition_openers: string[]; numerals: string[]; time_shift: string[]; title_modifiers: string[]; domestic_collectives: string[];
  compound_prefixes: Record<string, string | null>; preterite_endings: string[]; future_endings: string[]; purpose: string[];
  quantities: string[]; object_clitics: string[]; reflexives: string[]; allegiance: string[]; directional: string[];
  preposition_roles: Record<string, string>; compound_preposition_roles: Record<string, string>;
  conjunctions: string[]; negative_conjunctions: string[]; new_clause_conjunctions: string[];
  according: string[]; since: string[]; when: string[];
  plural_endings: string[]; adverb_endings: string[]; next_words: string[];
}

export interface CueLexicon {
  clauseBreaks: PhraseSet;
  relatives: PhraseSet;
  complementizer: Set<string>;
  prepositions: Set<string>;
  pairRefs: PhraseSet;
  counterpart: Set<string>;
  status: Record<string, PhraseSet>;
  negation: Set<string>;
  warnings: PhraseSet;
  attributionBefore: PhraseSet;
  anonymous: PhraseSet;
  /** Collective noun phrase → sector. */
  collectives: PhraseSet;
  demonymNounArticles: Set<string>;
  blocs: PhraseSet;
  blocCodes: Map<string, { codes: string[]; org: string }>;
  nameParticles: Set<string>;
  nameContainers: Set<string>;
  determiners: Set<string>;
  /** Common nouns and adjectives that may precede a name in a list: "y el grupo paramilitar FAR". */
  descriptors: Set<string>;
  collectiveModifiers: Set<string>;
  sectorWords: Array<{ sector: Sector; words: PhraseSet }>;
  verbClitics: Set<string>;
  factualSubordinators: PhraseSet;
  occurrence: PhraseSet;
  possessives: Set<string>;
  /** Words opening a condition ("si"): a fronted condition has its own subject. */
  conditionals: Set<string>;
  /** Phrases opening a condition on which a threat depends ("si", "en caso de que"). */
  conditionOpeners: PhraseSet;
  /** Number words that may stand between a preposition and its noun ("de diez ciudadanos"). */
  numerals: Set<string>;
  /** Words that put one event at another time than its neighbour ("una semana antes de…"). */
  timeShift: Set<string>;
  titleModifiers: PhraseSet;
  domesticCollectives: Set<string>;
  /** "hispano" → ESP: first halves of compound demonyms. */
  compoundPrefixes: Map<string, string>;
  preteriteEndings: string[];
  /** Endings of future verb forms, accents kept ("declara" is not "declarará"): an infinitive governed by one is planned. */
  futureEndings: string[];
  /** Prepositions introducing a purpose infinitive ("para reunirse"). */
  purpose: Set<string>;
  quantities: Set<string>;
  /** Object pronouns attached to infinitives and gerunds ("acusarla"). */
  objectClitics: string[];
  /** Reflexive pronouns that pronominal verbs need before a finite form ("se reunió", "nos reunimos"). */
  reflexives: Set<string>;
  allegiance: PhraseSet;
  /** "al este de la RDC" locates like "en la RDC". */
  directional: Set<string>;
  /** Preposition (folded) → role (with, to, against, on, between, of, in, by…): the engine reasons on roles. */
  prepRoles: Map<string, string>;
  compoundPrepRoles: Map<string, string>;
  conjunctions: Set<string>;
  negativeConjunctions: Set<string>;
  newClauseConjunctions: Set<string>;
  according: Set<string>;
  since: Set<string>;
  when: Set<string>;
  pluralEndings: string[];
  adverbEndings: string[];
  nextWords: Set<string>;
}

const cache = new Map<string, CueLexicon>();
const set = (xs: string[]): Set<string> => new Set(xs.map(fold));

/** The compiled cue lexicon of `lang`. */
export function cueLexicon(lang: string, tokenize: Tokenizer): CueLexicon {
  const hit = cache.get(lang);
  if (hit) return hit;
  const c = loadLangData<CuesFile>(lang, 'cues');
  const ps = (xs: string[]): PhraseSet => new PhraseSet(tokenize, xs);
  const collectiveLabel = new Map<string, string>();
  const collectiveWords: string[] = [];
  for (const [sector, words] of Object.entries(c.collectives)) for (const w of words) { collectiveLabel.set(fold(w), sector); collectiveWords.push(w); }
  const blocCodes = new Map<string, { codes: string[]; org: string }>();
  for (const b of c.blocs) for (const f of b.forms) blocCodes.set(fold(f), { codes: b.codes, org: b.org });
  const status: Record<string, PhraseSet> = {};
  for (const [k, v] of Object.entries(c.status)) status[k] = ps(v);
  const lex: CueLexicon = {
    clauseBreaks: ps(c.clause_breaks),
    relatives: ps(c.relatives),
    complementizer: set(c.complementizer),
    prepositions: new Set(Object.keys(c.preposition_roles).map(fold)),
    pairRefs: ps(c.pair_refs),
    counterpart: set(c.counterpart),
    status,
    negation: set(c.status.negation ?? []),
    warnings: ps(c.warning_phrases),
    attributionBefore: ps(c.attribution.before),
    anonymous: ps(c.attribution.anonymous),
    collectives: new PhraseSet(tokenize, collectiveWords, (p) => collectiveLabel.get(fold(p)) ?? 'GOV'),
    demonymNounArticles: set(c.demonym_noun_articles),
    blocs: ps(c.blocs.flatMap((b) => b.forms)),
    blocCodes,
    nameParticles: set(c.name_particles),
    nameContainers: set(c.name_containers),
    determiners: set(c.determiners),
    descriptors: set(c.descriptors),
    collectiveModifiers: set(c.collective_modifiers),
    sectorWords: Object.entries(c.sector_words).map(([sector, words]) => ({ sector: sector as Sector, words: ps(words) })),
    verbClitics: set(c.verb_clitics),
    factualSubordinators: ps(c.factual_subordinators),
    occurrence: ps(c.occurrence_phrases),
    possessives: set(c.possessives),
    conditionals: set(c.conditionals),
    conditionOpeners: ps(c.condition_openers),
    numerals: set(c.numerals),
    timeShift: set(c.time_shift),
    titleModifiers: ps(c.title_modifiers),
    domesticCollectives: set(c.domestic_collectives),
    compoundPrefixes: new Map(Object.entries(c.compound_prefixes).filter((e): e is [string, string] => e[1] !== null).map(([k, v]) => [fold(k), v])),
    preteriteEndings: c.preterite_endings.map(fold),
    futureEndings: c.future_endings.map((e) => e.toLowerCase()),
    purpose: set(c.purpose),
    quantities: set(c.quantities),
    objectClitics: c.object_clitics.map(fold),
    reflexives: set(c.reflexives),
    allegiance: ps(c.allegiance),
    directional: set(c.directional),
    prepRoles: new Map(Object.entries(c.preposition_roles).map(([w, r]) => [fold(w), r])),
    compoundPrepRoles: new Map(Object.entries(c.compound_preposition_roles).map(([w, r]) => [fold(w), r])),
    conjunctions: set(c.conjunctions),
    negativeConjunctions: set(c.negative_conjunctions),
    newClauseConjunctions: set(c.new_clause_conjunctions),
    according: set(c.according),
    since: set(c.since),
    when: set(c.when),
    pluralEndings: c.plural_endings.map(fold),
    adverbEndings: c.adverb_endings.map(fold),
    nextWords: set(c.next_words),
  };
  cache.set(lang, lex);
  return lex;
}
