// The HTTP API (Hono + zod-openapi) over a store, and the web UI's static files.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, type z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Coder } from '../coder.js';
import type { KnowledgeBase } from '../kb/index.js';
import { toStoredArticle } from '../store/model.js';
import { type Filters, SearchSyntaxError, StoreReader } from '../store/query.js';
import type { Store } from '../store/sqlite.js';
import * as S from './schemas.js';
import { webHandler } from './static.js';

export interface AppOptions {
  store: Store;
  /** Gives roles over time in the actor view; optional so tests can run without it. */
  kb?: KnowledgeBase;
  /** When set, POST /api/articles accepts requests bearing it. */
  token?: string;
  /** Builds the coder on the first POST (loading the lexicons costs time that reads don't need). */
  coder?: () => Coder;
  /** Stores a coded article (the ingest path, with fusion). */
  ingest?: (store: Store, article: ReturnType<typeof toStoredArticle>) => void;
  /** Folder of the built web UI; omitted → API only. */
  webRoot?: string | null;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
const errors = {
  400: json(S.ErrorResponse, 'invalid parameter'),
};
const notFound = { 404: json(S.ErrorResponse, 'unknown id') };

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
/** Constant-time: compares fixed-length digests, so neither content nor length leaks through timing. */
const sameToken = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

function filtersOf(q: z.infer<typeof S.FilterQuery> | z.infer<typeof S.StatsQuery>): Filters {
  return { actor: q.actor, country: q.country, type: q.type, status: q.status, from: q.from, to: q.to, q: q.q };
}

/**
 * The API app; `fetch` it in tests or serve it with @hono/node-server.
 * @example const res = await createApp({ store }).request('/api/stats')
 */
export function createApp(opts: AppOptions): OpenAPIHono {
  const reader = new StoreReader(opts.store);
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const msg = result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
        return c.json({ error: msg }, 400);
      }
    },
  });

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
  });

  app.onError((err, c) => {
    if (err instanceof SearchSyntaxError) return c.json({ error: err.message }, 400);
    if (err instanceof HTTPException) return c.json({ error: err.message || 'bad request' }, err.status);
    opts.log?.(`error: ${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json({ error: 'internal error' }, 500);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/events', summary: 'Stories (default) or single events, with filters',
    request: { query: S.EventsQuery }, responses: { 200: json(S.EventsResponse, 'a page of events'), ...errors },
  }), (c) => {
    const q = c.req.valid('query');
    const page = reader.events(filtersOf(q), { limit: q.limit, offset: q.offset }, q.view);
    return c.json({ total: page.total, limit: q.limit, offset: q.offset, view: q.view, items: page.items as z.infer<typeof S.EventSchema>[] }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/events/{id}', summary: 'One event or story, with every source and its evidence',
    request: { params: S.IdParam }, responses: { 200: json(S.EventDetailResponse, 'the event'), ...errors, ...notFound },
  }), (c) => {
    const r = reader.event(c.req.valid('param').id);
    if (!r) return c.json({ error: 'no such event or story' }, 404);
    return c.json(r as z.infer<typeof S.EventDetailResponse>, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/actors', summary: 'Actors with their story counts',
    request: { query: S.ActorsQuery }, responses: { 200: json(S.ActorsResponse, 'actors, most active first'), ...errors },
  }), (c) => {
    const q = c.req.valid('query');
    const r = reader.actors({ ...filtersOf(q), name: q.name }, { limit: q.limit, offset: q.offset });
    return c.json(r as z.infer<typeof S.ActorsResponse>, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/actors/{id}', summary: 'One actor: roles over time, counterparts, timeline',
    request: { params: S.IdParam }, responses: { 200: json(S.ActorDetailResponse, 'the actor'), ...errors, ...notFound },
  }), (c) => {
    const id = c.req.valid('param').id;
    const r = reader.actor(id);
    if (!r) return c.json({ error: 'no such actor' }, 404);
    const person = opts.kb?.people.get(id);
    const roles = (person?.roles ?? []).map((x) => ({ title: x.role, country: x.country, org: x.org, sector: x.sector, start: x.from, end: x.to }));
    return c.json({ ...r, roles } as z.infer<typeof S.ActorDetailResponse>, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/articles/{id}', summary: 'Cleaned article text with mention and evidence offsets',
    request: { params: S.IdParam }, responses: { 200: json(S.ArticleResponse, 'the article'), ...errors, ...notFound },
  }), (c) => {
    const r = reader.article(c.req.valid('param').id);
    if (!r) return c.json({ error: 'no such article' }, 404);
    return c.json(r as z.infer<typeof S.ArticleResponse>, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/network', summary: 'Actor-pair edges with counts by type and tone',
    request: { query: S.NetworkQuery }, responses: { 200: json(S.NetworkResponse, 'nodes and edges'), ...errors },
  }), (c) => {
    const q = c.req.valid('query');
    return c.json(reader.network(filtersOf(q), q.limit) as z.infer<typeof S.NetworkResponse>, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/stats', summary: 'Story counts by type, status and month',
    request: { query: S.StatsQuery }, responses: { 200: json(S.StatsResponse, 'counts'), ...errors },
  }), (c) => c.json(reader.stats(filtersOf(c.req.valid('query'))) as z.infer<typeof S.StatsResponse>, 200));

  const maxBody = opts.maxBodyBytes ?? 1_048_576;
  app.use('/api/articles', bodyLimit({ maxSize: maxBody, onError: (c) => c.json({ error: `request body larger than ${maxBody} bytes` }, 413) }));
  app.use('/api/articles', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const presented = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    if (!opts.token) return c.json({ error: 'read-only server: set ATALAYA_TOKEN to allow POST /api/articles' }, 403);
    if (!presented || !sameToken(presented, opts.token)) return c.json({ error: 'missing or wrong bearer token' }, 403);
    return next();
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/articles', summary: 'Code and store one article (needs ATALAYA_TOKEN)',
    security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: S.PostArticleBody } }, required: true } },
    responses: { 201: json(S.PostArticleResponse, 'stored'), ...errors, 403: json(S.ErrorResponse, 'no token configured or wrong token'), 413: json(S.ErrorResponse, 'body too large') },
  }), (c) => {
    const b = c.req.valid('json');
    if (!opts.coder || !opts.ingest) return c.json({ error: 'this server cannot code articles' }, 403);
    const id = b.id ?? `api_${createHash('sha1').update(b.text).digest('hex').slice(0, 12)}`;
    const coded = opts.coder().code({
      id, text: b.text, published: b.published ?? null, title: b.title ?? null, url: b.url ?? null, outlet: b.outlet ?? null,
      language: b.language ?? 'es', origin: { file: 'api' },
    });
    opts.ingest(opts.store, toStoredArticle(coded));
    return c.json({ article: id, events: coded.events }, 201);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Atalaya API', version: '1', description: 'Sourced political event data coded from news. Records follow the event format contract.' },
  });

  app.all('/api/*', (c) => c.json({ error: 'no such endpoint' }, 404));
  if (opts.webRoot) app.get('*', webHandler(opts.webRoot));
  return app;
}
