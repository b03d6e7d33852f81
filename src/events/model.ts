// The event record contract (../shared/docs/event-format.md): the fields outside tools read.

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

export const STATUSES = ['occurred', 'planned', 'refused', 'denied', 'negated', 'hypothetical'] as const;
export type EventStatus = (typeof STATUSES)[number];

export const SECTORS = ['GOV', 'MIL', 'LEG', 'JUD', 'PTY', 'IGO', 'NGO', 'MED', 'BUS', 'REB', 'CVL'] as const;
export type Sector = (typeof SECTORS)[number];

export type ActorKind = 'person' | 'state' | 'org' | 'group';

export interface Actor {
  name: string;
  kb_id: string | null;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3 of the state the actor belongs to or acts for. */
  country: string | null;
  /** Short code of an international organisation (NATO, UN, EU…), or EUR. */
  org: string | null;
  sector: Sector | null;
  /** Role held on the event date. */
  role: string | null;
}

export type DatePrecision = 'day' | 'week' | 'month' | 'year';
export type DateBasis = 'explicit' | 'relative' | 'publication' | 'inferred';

export interface EventDate {
  start: string;
  end: string;
  precision: DatePrecision;
  basis: DateBasis;
}

export interface EventLocation {
  name: string;
  country: string | null;
}

export interface Attribution {
  name: string;
  country: string | null;
  org: string | null;
}

export interface Evidence {
  text: string;
  start: number;
  end: number;
  trigger: string;
  rule: string;
}

export interface EventRecord {
  id: string;
  article: string;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  source: Actor[];
  target: Actor[];
  date: EventDate | null;
  status: EventStatus;
  location: EventLocation | null;
  attribution: Attribution | null;
  evidence: Evidence;
  confidence: number;
}
