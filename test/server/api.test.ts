import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { writeBatch } from '../../src/cli/ingest.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/sqlite.js';
import { coder } from '../helpers/code.js';
import { examplesStore } from '../helpers/store.js';

let store: Store;
let app: ReturnType<typeof createApp>;
const TOKEN = 'secreto-de-prueba-123';

before(async () => {
  store = await examplesStore();
  app = createApp({ store, coder, ingest: (s, a) => writeBatch(s, [a], (_x, err) => { throw err; }), token: TOKEN });
});
after(() => store.close());

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() as any };
};

test('GET /api/events returns stories with source counts, newest first, and pages', async () => {
  const { status, body } = await get('/api/events?limit=5');
  assert.equal(status, 200);
  assert.equal(body.view, 'stories');
  assert.equal(body.items.length, 5);
  assert.ok(body.total > 5);
  const dates = body.items.map((e: any) => e.date?.start ?? '');
  assert.deepEqual(dates, [...dates].sort().reverse());
  for (const e of body.items) assert.ok(e.story.startsWith('st_') && e.sources >= 1 && e.evidence.rule);
  const next = await get('/api/events?limit=5&offset=5');
  assert.equal(next.body.items.filter((e: any) => body.items.some((b: any) => b.story === e.story)).length, 0);
});

test('GET /api/events filters by actor, country, type, status, dates and text', async () => {
  const all = (await get('/api/events?view=events&limit=500')).body.items as any[];
  const byType = (await get('/api/events?view=events&type=CONSULT,REQUEST&limit=500')).body.items as any[];
  assert.equal(byType.length, all.filter((e) => ['CONSULT', 'REQUEST'].includes(e.type)).length);
  const actor = (await get('/api/events?actor=emmanuel-macron&limit=500')).body.items as any[];
  assert.ok(actor.length > 0 && actor.every((e) => [...e.source, ...e.target].some((a: any) => a.kb_id === 'emmanuel-macron')));
  const country = (await get('/api/events?country=VEN&limit=500')).body.items as any[];
  assert.ok(country.length > 0 && country.every((e) => [...e.source, ...e.target].some((a: any) => a.country === 'VEN')));
  const status = (await get('/api/events?status=negated&limit=500')).body.items as any[];
  assert.ok(status.every((e) => e.status === 'negated'));
  const range = (await get('/api/events?from=2025-09-01&to=2025-09-30&limit=500')).body.items as any[];
  assert.ok(range.length > 0 && range.every((e) => e.date.end >= '2025-09-01' && e.date.start <= '2025-09-30'));
  const text = (await get('/api/events?view=events&q=telefonica&limit=500')).body.items as any[];
  assert.ok(text.length > 0 && text.every((e) => /telefónica/i.test(e.evidence.text)));
});

test('GET /api/events/:id gives the story with every source and its evidence; unknown ids are 404', async () => {
  const story = (await get('/api/events?actor=luiz-inacio-lula-da-silva&type=CONSULT&from=2025-09-16&to=2025-09-16')).body.items[0];
  const byStory = await get(`/api/events/${story.story}`);
  assert.equal(byStory.status, 200);
  assert.equal(byStory.body.sources.length, 3);
  assert.deepEqual(new Set(byStory.body.sources.map((s: any) => s.article.outlet)).size, 3);
  const byEvent = await get(`/api/events/${story.id}`);
  assert.equal(byEvent.body.event.story, story.story);
  assert.equal((await get('/api/events/ev_000000000000')).status, 404);
});

test('GET /api/actors and /api/actors/:id give counts, KB roles, counterparts and a timeline', async () => {
  const list = await get('/api/actors?name=macr');
  assert.equal(list.status, 200);
  assert.equal(list.body.items[0].id, 'emmanuel-macron');
  const appWithKb = createApp({ store, kb: coder().kb });
  const res = await appWithKb.request('/api/actors/emmanuel-macron');
  const body = await res.json() as any;
  assert.ok(body.roles.some((r: any) => r.title === 'presidente' && r.country === 'FRA'));
  assert.ok(body.counterparts.some((c: any) => c.id === 'luiz-inacio-lula-da-silva' && c.types.CONSULT >= 1));
  assert.ok(body.timeline.some((t: any) => t.month === '2025-09'));
  assert.equal((await get('/api/actors/nadie-de-nada')).status, 404);
});

test('GET /api/articles/:id gives the cleaned text with mention and evidence offsets that point into it', async () => {
  const { status, body } = await get('/api/articles/lula-macron-llamada');
  assert.equal(status, 200);
  assert.ok(body.mentions.length > 0 && body.events.length > 0);
  for (const m of body.mentions) assert.equal(body.article.text.slice(m.start, m.end), m.text);
  for (const e of body.events) assert.equal(body.article.text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
  assert.equal((await get('/api/articles/no-existe')).status, 404);
});

test('GET /api/network and /api/stats count stories', async () => {
  const net = await get('/api/network?type=CONSULT');
  assert.equal(net.status, 200);
  const edge = net.body.edges.find((e: any) => [e.source, e.target].includes('emmanuel-macron') && [e.source, e.target].includes('luiz-inacio-lula-da-silva'));
  assert.ok(edge && edge.types.CONSULT >= 1 && edge.tone > 0);
  for (const e of net.body.edges) assert.ok(net.body.nodes.some((n: any) => n.id === e.source) && net.body.nodes.some((n: any) => n.id === e.target));
  const stats = await get('/api/stats');
  const total = (await get('/api/events?limit=1')).body.total;
  assert.equal(stats.body.total, total);
  assert.equal(Object.values(stats.body.by_type as Record<string, number>).reduce((a, b) => a + b, 0), total);
});

test('bad parameters are 400 with a message naming the parameter, never 500', async () => {
  const cases: Array<[string, RegExp]> = [
    ['/api/events?limit=0', /limit/], ['/api/events?limit=100000', /limit is capped/], ['/api/events?limit=abc', /limit/],
    ['/api/events?offset=-1', /offset/], ['/api/events?type=PARTY', /type/], ['/api/events?status=maybe', /status/],
    ['/api/events?from=2025-02-30', /from/], ['/api/events?to=ayer', /to/], ['/api/events?country=fr', /country/],
    ['/api/events?view=all', /view/], ['/api/events?q=%22sin%20cerrar', /search query/], ['/api/events?q=AND%20OR', /search query/],
    ['/api/network?limit=9999', /limit/], ['/api/stats?type=x', /type/], ['/api/actors?limit=-4', /limit/],
  ];
  for (const [path, message] of cases) {
    const { status, body } = await get(path);
    assert.equal(status, 400, path);
    assert.match(body.error, message, path);
  }
  assert.equal((await get('/api/nada')).status, 404);
});

test('the OpenAPI 3.1 document describes every endpoint', async () => {
  const { body } = await get('/api/openapi.json');
  assert.equal(body.openapi, '3.1.0');
  for (const p of ['/api/events', '/api/events/{id}', '/api/actors', '/api/actors/{id}', '/api/articles/{id}', '/api/network', '/api/stats', '/api/articles']) assert.ok(body.paths[p], p);
});

const post = (body: unknown, auth?: string) => app.request('/api/articles', {
  method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
});
const ARTICLE = { id: 'api-1', published: '2025-10-02', text: 'El presidente de Chile, Gabriel Boric, se reunió ayer en Santiago con el presidente de Uruguay, Yamandú Orsi.' };

test('POST /api/articles needs the configured token: none configured, missing or wrong → 403', async () => {
  const readOnly = createApp({ store, coder });
  assert.equal((await readOnly.request('/api/articles', { method: 'POST', body: JSON.stringify(ARTICLE), headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } })).status, 403);
  assert.equal((await post(ARTICLE)).status, 403);
  assert.equal((await post(ARTICLE, 'Bearer otro')).status, 403);
  assert.equal((await post(ARTICLE, `Bearer ${TOKEN}x`)).status, 403);
  assert.equal((await get('/api/articles/api-1')).status, 404);
});

test('POST /api/articles with the token codes and stores the article; bad bodies are 400, huge ones 413', async () => {
  const res = await post(ARTICLE, `Bearer ${TOKEN}`);
  assert.equal(res.status, 201);
  const body = await res.json() as any;
  assert.ok(body.events.some((e: any) => e.type === 'CONSULT'));
  assert.equal((await get('/api/articles/api-1')).status, 200);
  assert.ok((await get('/api/events?actor=gabriel-boric')).body.total >= 1);
  assert.equal((await post({ text: '' }, `Bearer ${TOKEN}`)).status, 400);
  assert.equal((await post({ text: 'x', published: '2025-13-01' }, `Bearer ${TOKEN}`)).status, 400);
  const bad = await app.request('/api/articles', { method: 'POST', body: '{"text": ', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` } });
  assert.equal(bad.status, 400);
  const huge = await post({ text: 'a'.repeat(2_000_000) }, `Bearer ${TOKEN}`);
  assert.equal(huge.status, 413);
});
