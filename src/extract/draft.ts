// Shared shapes of the event engine: drafts, discourse memory, speech acts, traces, and type groups.
import type { Actor, Attribution, EventDate, EventLocation, EventRecord, PloverType } from '../events/model.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { CueLexicon } from './cue-lexicon.js';
import type { DateExpression } from './dates.js';
import type { ActorRef, Mention, MentionFinder } from './mentions.js';
import type { StatusDecision } from './status.js';
import type { TriggerLexicon } from './trigger-lexicon.js';
import type { Trigger } from './triggers.js';

export const UNDIRECTED: ReadonlySet<PloverType> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);

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
  mentions: Array<{ text: string; start: number; end: number; resolved: string; reason: string; actors: Actor[] }>;
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

export interface Discourse {
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
export interface MentionBack {
  type: PloverType;
  mode: string | null;
  date: EventDate | null;
  attribution: Attribution | null;
}

export interface Draft {
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

export const refKey = (r: ActorRef): string => JSON.stringify(r);

export const uniqRefs = (refs: ActorRef[]): ActorRef[] => [...new Map(refs.map((r) => [refKey(r), r])).values()];

export interface SpeechAct {
  verb: number;
  speaker: Mention[];
  anonymous: string | null;
  /** "un alto funcionario del Gobierno francés": what is known of an anonymous speaker. */
  affiliation: Mention | null;
  segment: [number, number];
  /** "según X": a source without a verb of saying. */
  noVerb?: boolean;
}

export const HOSTILE: ReadonlySet<PloverType> = new Set(['MOBILIZE', 'ASSAULT', 'SANCTION', 'THREATEN', 'COERCE']);

export const COOPERATIVE: ReadonlySet<PloverType> = new Set(['SUPPORT', 'AGREE', 'COOPERATE', 'CONSULT']);
