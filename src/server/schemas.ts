// Zod schemas of the API: one definition gives validation, TypeScript types and the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { PLOVER_TYPES, SECTORS, STATUSES } from '../events/model.js';

export const MAX_LIMIT = 500;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); }, 'not a calendar date');

/** "CONSULT,REQUEST" → ['CONSULT', 'REQUEST'], each checked against `allowed`. */
const csvOf = (allowed: readonly string[], what: string) => z.string().max(400)
  .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
  .refine((vs) => vs.every((v) => allowed.includes(v)), { message: `unknown ${what}; expected one or more of ${allowed.join(', ')}` });

export const FilterQuery = z.object({
  actor: z.string().min(1).max(200).optional().openapi({ description: 'actor id: a KB id (emmanuel-macron, fra) or name:<folded name>', example: 'emmanuel-macron' }),
  country: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code such as FRA').optional(),
  type: csvOf(PLOVER_TYPES, 'type').optional().openapi({ type: 'string', example: 'CONSULT,REQUEST' }),
  status: csvOf(STATUSES, 'status').optional().openapi({ type: 'string', example: 'occurred' }),
  from: isoDay.optional().openapi({ example: '2025-01-01' }),
  to: isoDay.optional().openapi({ example: '2025-12-31' }),
  q: z.string().min(1).max(500).optional().openapi({ description: 'full-text search over evidence (FTS5 syntax; accents folded)', example: 'reunion' }),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `limit is capped at ${MAX_LIMIT}`).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const EventsQuery = FilterQuery.extend({
  view: z.enum(['stories', 'events']).default('stories').openapi({ description: 'stories (fused across articles, default) or single events' }),
});
export const ActorsQuery = FilterQuery.extend({ name: z.string().min(1).max(200).optional().openapi({ description: 'substring of the name, accents folded' }) });

export const IdParam = z.object({ id: z.string().min(1).max(300).openapi({ param: { name: 'id', in: 'path' } }) });

export const ActorSchema = z.object({
  name: z.string(), kb_id: z.string().nullable(), kind: z.enum(['person', 'state', 'org', 'group']),
  country: z.string().nullable(), org: z.string().nullable(), sector: z.enum(SECTORS).nullable(), role: z.string().nullable(),
}).openapi('Actor');

export const EvidenceSchema = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), trigger: z.string(), rule: z.string() }).openapi('Evidence');
const DateSchema = z.object({ start: z.string(), end: z.string(), precision: z.enum(['day', 'week', 'month', 'year']), basis: z.enum(['explicit', 'relative', 'publication', 'inferred']) }).nullable();
const AttributionSchema = z.object({ name: z.string(), country: z.string().nullable(), org: z.string().nullable() }).nullable();

export const EventSchema = z.object({
  id: z.string(), article: z.string(), type: z.enum(PLOVER_TYPES), mode: z.string().nullable(), cameo: z.string().nullable(),
  source: z.array(ActorSchema), target: z.array(ActorSchema), date: DateSchema, status: z.enum(STATUSES),
  location: z.object({ name: z.string(), country: z.string().nullable() }).nullable(), attribution: AttributionSchema,
  evidence: EvidenceSchema, confidence: z.number(),
  story: z.string().nullable().openapi({ description: 'the fused story this event belongs to' }),
  sources: z.number().int().openapi({ description: 'number of articles reporting the story' }),
  articles: z.array(z.string()),
}).openapi('Event');

export const EventsResponse = z.object({
  total: z.number().int(), limit: z.number().int(), offset: z.number().int(), view: z.enum(['stories', 'events']), items: z.array(EventSchema),
});

const ArticleRef = z.object({ id: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), url: z.string().nullable(), published: z.string().nullable(), duplicate_of: z.string().nullable(), copies: z.array(z.string()) });
export const EventDetailResponse = z.object({
  event: EventSchema,
  sources: z.array(z.object({ event: z.string(), article: ArticleRef, evidence: EvidenceSchema, status: z.enum(STATUSES), date: DateSchema, attribution: AttributionSchema })),
});

const ActorSummary = z.object({ id: z.string(), name: z.string(), kind: z.string(), country: z.string().nullable(), org: z.string().nullable(), sector: z.string().nullable(), events: z.number().int() }).openapi('ActorSummary');
export const ActorsResponse = z.object({ total: z.number().int(), items: z.array(ActorSummary) });
const Counts = z.record(z.string(), z.number().int());
export const ActorDetailResponse = z.object({
  actor: ActorSummary,
  roles: z.array(z.object({ title: z.string(), country: z.string().nullable(), org: z.string().nullable(), sector: z.string().nullable(), start: z.string().nullable(), end: z.string().nullable() })),
  counterparts: z.array(z.object({ id: z.string(), name: z.string(), events: z.number().int(), types: Counts })),
  timeline: z.array(z.object({ month: z.string(), count: z.number().int(), types: Counts })),
});

export const ArticleResponse = z.object({
  article: z.object({ id: z.string(), title: z.string().nullable(), outlet: z.string().nullable(), url: z.string().nullable(), published: z.string().nullable(), language: z.string().nullable(), text: z.string(), duplicate_of: z.string().nullable() }),
  mentions: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), actor: ActorSchema.nullable() })),
  events: z.array(z.object({ id: z.string(), type: z.enum(PLOVER_TYPES), status: z.enum(STATUSES), story: z.string().nullable(), evidence: EvidenceSchema })),
});

export const NetworkQuery = FilterQuery.omit({ limit: true, offset: true }).extend({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `limit is capped at ${MAX_LIMIT}`).default(200).openapi({ description: 'most edges returned' }),
});
export const NetworkResponse = z.object({
  nodes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), country: z.string().nullable(), org: z.string().nullable(), events: z.number().int() })),
  edges: z.array(z.object({ source: z.string(), target: z.string(), count: z.number().int(), types: Counts, tone: z.number().openapi({ description: '-1 conflict … +1 cooperation' }) })),
});

export const StatsQuery = FilterQuery.omit({ limit: true, offset: true });
export const StatsResponse = z.object({
  total: z.number().int(), by_type: Counts, by_status: Counts,
  by_month: z.array(z.object({ month: z.string(), type: z.string(), count: z.number().int() })),
});

export const PostArticleBody = z.object({
  id: z.string().min(1).max(200).regex(/^[\w.:-]+$/, 'id may hold letters, digits and . _ : - only').optional(),
  text: z.string().min(1).max(1_000_000),
  published: isoDay.optional(),
  title: z.string().max(1000).optional(),
  url: z.string().url().max(2000).optional(),
  outlet: z.string().max(200).optional(),
  language: z.string().regex(/^[a-z]{2}$/).optional(),
});
export const PostArticleResponse = z.object({ article: z.string(), events: z.array(EventSchema.omit({ story: true, sources: true, articles: true })) });

export const ErrorResponse = z.object({ error: z.string() }).openapi('Error');
