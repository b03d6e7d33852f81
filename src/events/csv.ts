// Flat CSV rendering of event records: one row per event, actors joined by ";", RFC 4180 quoting.
import type { Actor, EventRecord } from './model.js';

export const CSV_COLUMNS = [
  'id', 'article', 'type', 'mode', 'cameo',
  'source_name', 'source_kb_id', 'source_kind', 'source_country', 'source_org', 'source_sector', 'source_role',
  'target_name', 'target_kb_id', 'target_kind', 'target_country', 'target_org', 'target_sector', 'target_role',
  'date_start', 'date_end', 'date_precision', 'date_basis', 'status',
  'location_name', 'location_country', 'attribution_name', 'attribution_country', 'attribution_org',
  'evidence_text', 'evidence_start', 'evidence_end', 'trigger', 'rule', 'confidence',
] as const;

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const join = (actors: Actor[], f: (a: Actor) => string | null): string => actors.map((a) => f(a) ?? '').join(';');

function actorCells(actors: Actor[]): string[] {
  return [join(actors, (a) => a.name), join(actors, (a) => a.kb_id), join(actors, (a) => a.kind), join(actors, (a) => a.country),
    join(actors, (a) => a.org), join(actors, (a) => a.sector), join(actors, (a) => a.role)];
}

/** The header line, without a trailing newline. */
export const csvHeader = (): string => CSV_COLUMNS.join(',');

/** One event as a CSV line, without a trailing newline. */
export function csvRow(e: EventRecord): string {
  return [
    e.id, e.article, e.type, e.mode, e.cameo,
    ...actorCells(e.source), ...actorCells(e.target),
    e.date?.start, e.date?.end, e.date?.precision, e.date?.basis, e.status,
    e.location?.name, e.location?.country, e.attribution?.name, e.attribution?.country, e.attribution?.org,
    e.evidence.text.replace(/\s+/g, ' '), e.evidence.start, e.evidence.end, e.evidence.trigger, e.evidence.rule, e.confidence,
  ].map(cell).join(',');
}
