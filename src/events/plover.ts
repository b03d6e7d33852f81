// PLOVER JSON records (the field names of the PLOVER/POLECAT data format) from event records.
import type { Actor, EventRecord } from './model.js';

export const PLOVER_VERSION = 'PLOVER-atalaya-1';

const code = (as: Actor[]): string => [...new Set(as.map((a) => a.org ?? a.country ?? '').filter(Boolean))].join(';');
const agent = (as: Actor[]): string => [...new Set(as.map((a) => a.sector ?? '').filter(Boolean))].join(';');

/**
 * One PLOVER record: event and mode; source and target actor, agent (sector) and name, dates, text.
 * @example toPlover(e).event // => 'CONSULT'
 */
export function toPlover(e: EventRecord & { story?: string | null; sources?: number }, article?: { published: string | null; outlet: string | null; url: string | null }): Record<string, unknown> {
  return {
    id: e.id,
    story_id: e.story ?? null,
    date: e.date?.start ?? null,
    date_end: e.date?.end ?? null,
    date_precision: e.date?.precision ?? null,
    event: e.type,
    mode: e.mode ?? '',
    context: '',
    status: e.status,
    source: e.source.map((a) => a.name).join('; '),
    src_actor: code(e.source),
    src_agent: agent(e.source),
    src_other: e.source.map((a) => a.role ?? '').filter(Boolean).join('; '),
    target: e.target.map((a) => a.name).join('; '),
    tgt_actor: code(e.target),
    tgt_agent: agent(e.target),
    tgt_other: e.target.map((a) => a.role ?? '').filter(Boolean).join('; '),
    text: e.evidence.text,
    trigger: e.evidence.trigger,
    rule: e.evidence.rule,
    geo: e.location ? { placename: e.location.name, country: e.location.country } : null,
    attribution: e.attribution?.name ?? null,
    cameo: e.cameo,
    confidence: e.confidence,
    num_sources: e.sources ?? 1,
    story_date: article?.published ?? null,
    publisher: article?.outlet ?? null,
    url: article?.url ?? null,
    language: 'es',
    version: PLOVER_VERSION,
  };
}
