// Shapes of the HTTP API (docs/api.md) and of the event record (../shared/docs/event-format.md).

export const EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const STATUSES = ['occurred', 'planned', 'refused', 'denied', 'negated', 'hypothetical'] as const;
export type Status = (typeof STATUSES)[number];

/** One colour per type: cooperative types in blues/greens, conflictual ones in oranges/reds. */
export const TYPE_COLORS: Record<string, string> = {
  AGREE: '#1b9e77', CONSULT: '#4e79a7', SUPPORT: '#59a14f', CONCEDE: '#76b7b2',
  COOPERATE: '#2f8f5b', AID: '#8cd17d', RETREAT: '#b6992d', REQUEST: '#9c755f',
  ACCUSE: '#f28e2b', REJECT: '#e15759', THREATEN: '#d4317a', PROTEST: '#b07aa1',
  SANCTION: '#7b4ea3', MOBILIZE: '#a0522d', COERCE: '#c0392b', ASSAULT: '#7f0000',
};
export const typeColor = (t: string): string => TYPE_COLORS[t] ?? '#888888';

export interface Actor {
  name: string;
  kb_id: string | null;
  kind: 'person' | 'state' | 'org' | 'group' | string;
  country: string | null;
  org: string | null;
  sector: string | null;
  role: string | null;
}

export interface EventDate {
  start: string;
  end: string;
  precision: 'day' | 'week' | 'month' | 'year' | string;
  basis: 'explicit' | 'relative' | 'publication' | 'inferred' | string;
}

export interface Evidence {
  text: string;
  start: number;
  end: number;
  trigger: string;
  rule: string;
}

export interface Attribution {
  name: string;
  country: string | null;
  org: string | null;
}

export interface EventRecord {
  id: string;
  article: string;
  type: string;
  mode: string | null;
  cameo: string | null;
  source: Actor[];
  target: Actor[];
  date: EventDate | null;
  status: string;
  location: { name: string; country: string | null } | null;
  attribution: Attribution | null;
  evidence: Evidence;
  confidence: number;
}

/** An event as listed by the API: the record plus its story. */
export interface ListedEvent extends EventRecord {
  story: string;
  sources: number;
  articles: string[];
}

export interface EventList {
  total: number;
  limit: number;
  offset: number;
  view: 'stories' | 'events';
  items: ListedEvent[];
}

export interface ArticleRef {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
}

export interface StorySource {
  event: string;
  article: ArticleRef;
  evidence: Evidence;
  status: string;
  date: EventDate | null;
  attribution: Attribution | null;
}

export interface EventDetail {
  event: ListedEvent;
  sources: StorySource[];
}

export interface ArticleDetail {
  article: ArticleRef & { language: string | null; text: string; duplicate_of: string | null };
  mentions: { start: number; end: number; text: string; actor: Actor | null }[];
  events: { id: string; type: string; status: string; story: string; evidence: Evidence }[];
}

export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  org: string | null;
  sector: string | null;
  events: number;
}

export interface ActorList {
  total: number;
  items: ActorSummary[];
}

export interface ActorDetail {
  actor: ActorSummary;
  roles: { title: string; country: string | null; org: string | null; sector: string | null; start: string | null; end: string | null }[];
  counterparts: { id: string; name: string; events: number; types: Record<string, number> }[];
  timeline: { month: string; count: number; types: Record<string, number> }[];
}

export interface NetworkNode {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  count: number;
  types: Record<string, number>;
  tone: number;
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export interface Stats {
  total: number;
  by_type: Record<string, number>;
  by_status: Record<string, number>;
  by_month: { month: string; type: string; count: number }[];
}

/** The actor id the API uses: the KB id, or `name:<folded name>` outside the KB. */
export const actorId = (a: Actor): string => a.kb_id ?? `name:${fold(a.name)}`;

/** Lower case without accents but keeping ñ, as the coder folds names (src/text/normalize.ts). */
export const fold = (s: string): string =>
  Array.from(s, (ch) => {
    const lower = ch.toLowerCase();
    return lower === 'ñ' ? lower : lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }).join('');
