import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { StoreReader } from '../../src/store/query.js';
import { openStore, StoreError } from '../../src/store/sqlite.js';
import { examplesStore, put, storedText, tempDb } from '../helpers/store.js';

const CALL = 'El presidente de Chile, Gabriel Boric, habló ayer por teléfono con su homólogo argentino, Javier Milei, sobre la crisis migratoria.';

test('the Lula–Macron call told by three outlets is one story with three sources; the syndicated copy is linked, not counted', async () => {
  const store = await examplesStore();
  const reader = new StoreReader(store);
  const page = reader.events({ actor: 'emmanuel-macron', type: ['CONSULT'], from: '2025-09-16', to: '2025-09-16' }, { limit: 50, offset: 0 }, 'stories');
  const call = page.items.find((e) => e.source.concat(e.target).some((a) => a.kb_id === 'luiz-inacio-lula-da-silva'));
  assert.ok(call, 'no Lula–Macron call story');
  assert.equal(call.sources, 3);
  assert.deepEqual(call.articles, ['lula-macron-llamada', 'lula-macron-planalto', 'macron-lula-mercosur']);
  const copy = reader.article('eco-lula-macron');
  assert.equal(copy?.article.duplicate_of, 'lula-macron-llamada');
  const detail = reader.event(call.story!);
  assert.equal(detail?.sources.length, 3);
  assert.ok(detail?.sources.every((s) => { const e = s as { evidence: { text: string } }; return /Macron|francés/.test(e.evidence.text); }));
  store.close();
});

test('re-storing an article under the same id replaces its rows', () => {
  const store = openStore(tempDb());
  put(store, [storedText(CALL, 'a1')]);
  const before = store.counts();
  assert.ok(before.events >= 1);
  put(store, [storedText('El Gobierno de Perú expulsó ayer al embajador de México en Lima.', 'a1')]);
  const reader = new StoreReader(store);
  const types = reader.events({}, { limit: 50, offset: 0 }, 'events').items.map((e) => e.type);
  assert.equal(store.counts().articles, 1);
  assert.ok(!types.includes('CONSULT'), `old events kept: ${types}`);
  store.close();
});

test('the same text under another id replaces the stored article instead of doubling it', () => {
  const store = openStore(tempDb());
  put(store, [storedText(CALL, 'agencia-1')]);
  const once = store.counts();
  put(store, [storedText(CALL, 'agencia-2')]);
  assert.deepEqual(store.counts(), once);
  assert.equal(new StoreReader(store).article('agencia-1'), null);
  store.close();
});

test('storing the same batch twice changes no count and no story id', () => {
  const store = openStore(tempDb());
  const batch = [storedText(CALL, 'x1'), storedText('Boric y Milei conversaron ayer por teléfono sobre la crisis migratoria, según la Casa Rosada.', 'x2')];
  put(store, batch);
  const stories = () => store.db.prepare('SELECT id, sources FROM stories ORDER BY id').all();
  const first = { counts: store.counts(), stories: stories() };
  put(store, batch);
  assert.deepEqual({ counts: store.counts(), stories: stories() }, first);
  store.close();
});

test('full-text search folds accents and a malformed query is a SearchSyntaxError', async () => {
  const store = await examplesStore();
  const reader = new StoreReader(store);
  const hits = reader.events({ q: 'conversacion' }, { limit: 50, offset: 0 }, 'events');
  assert.ok(hits.total > 0);
  assert.ok(hits.items.every((e) => /conversación/i.test(e.evidence.text)));
  assert.throws(() => reader.events({ q: '"sin cerrar' }, { limit: 5, offset: 0 }, 'stories'), { name: 'SearchSyntaxError' });
  store.close();
});

test('a foreign SQLite file, a corrupt file and a folder are refused with a clear StoreError', () => {
  const foreign = tempDb();
  const db = new Database(foreign);
  db.exec('CREATE TABLE clientes (id INTEGER)');
  db.close();
  assert.throws(() => openStore(foreign), (e: Error) => e instanceof StoreError && /not an Atalaya store/.test(e.message));
  const corrupt = tempDb();
  writeFileSync(corrupt, 'esto no es una base de datos SQLite, solo texto plano repetido '.repeat(100));
  assert.throws(() => openStore(corrupt), (e: Error) => e instanceof StoreError && e.message.includes(corrupt));
  assert.throws(() => openStore(foreign.replace(/test\.db$/, '')), StoreError);
  assert.throws(() => openStore(tempDb(), { readonly: true }), /no such store/);
});
