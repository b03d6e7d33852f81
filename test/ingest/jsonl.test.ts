import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseJsonlRecord, readJsonlFile, readJsonlStream } from '../../src/ingest/jsonl.js';
import { articles, collect, fixture, problems, tempDir } from './helpers.js';

test('a broken line between two good ones: error with 1-based line, reading goes on', async () => {
  const file = fixture('lote.jsonl');
  const rs = await collect(readJsonlFile(file));
  assert.deepEqual(rs.map((r) => r.kind), ['article', 'problem', 'article']);
  const [p] = problems(rs);
  assert.equal(p?.level, 'error');
  assert.deepEqual(p?.origin, { file, line: 2 });
  assert.match(p!.message, /invalid JSON/);
  const [first, second] = articles(rs);
  assert.equal(first?.id, 'lote-1');
  assert.equal(first?.published, '2024-05-02');
  assert.equal(first?.outlet, 'Agencia Ficticia');
  assert.equal(first?.url, 'https://agencia.example/1');
  assert.deepEqual(first?.origin, { file, line: 1 });
  // Line 3 is blank (skipped but counted); "body" and a "date" datetime are accepted.
  assert.equal(second?.id, 'lote:4');
  assert.deepEqual(second?.origin, { file, line: 4 });
  assert.equal(second?.published, '2024-05-03');
  assert.equal(second?.title, 'Preocupación en Lima');
  assert.equal(second?.text, 'La Cancillería de Perú expresó su preocupación por la detención de dos ciudadanos en el extranjero.');
  assert.equal(second?.language, null); // not stated: readInputs identifies it
});

test('stdin-style stream: chunks that split lines and multi-byte characters', async () => {
  const bytes = Buffer.from(
    '{"id":"s1","text":"La ministra habló en Bogotá.","language":"es"}\n{"text":"El Congreso de Perú aprobó la moción."}\r\n',
    'utf8',
  );
  const cut = bytes.indexOf(Buffer.from('á', 'utf8')) + 1; // inside the two bytes of "á"
  const chunks = [bytes.subarray(0, cut), bytes.subarray(cut, cut + 7), bytes.subarray(cut + 7)];
  const rs = await collect(readJsonlStream(Readable.from(chunks), '-'));
  const as = articles(rs);
  assert.deepEqual(problems(rs), []);
  assert.equal(as[0]?.text, 'La ministra habló en Bogotá.');
  assert.equal(as[1]?.id, 'stdin:2');
  assert.deepEqual(as[1]?.origin, { file: '-', line: 2 });
});

test('string chunks (an async iterable) work too', async () => {
  async function* lines() {
    yield '{"id": 12, "text": "El canciller de Uruguay ';
    yield 'visitó Asunción."}\n';
  }
  const [a] = articles(await collect(readJsonlStream(lines(), 'memoria.jsonl')));
  assert.equal(a?.id, '12');
  assert.equal(a?.text, 'El canciller de Uruguay visitó Asunción.');
});

test('a windows-1252 line among UTF-8 lines decodes on its own', async () => {
  const dir = tempDir();
  const path = join(dir, 'mixto.jsonl');
  writeFileSync(path, Buffer.concat([
    Buffer.from('{"text":"Primera línea en UTF-8 sobre Panamá."}\n', 'utf8'),
    Buffer.from('{"text":"El ministro habló en Bogotá"}\n', 'latin1'),
  ]));
  const as = articles(await collect(readJsonlFile(path)));
  assert.equal(as[0]?.text, 'Primera línea en UTF-8 sobre Panamá.');
  assert.equal(as[1]?.text, 'El ministro habló en Bogotá');
});

test('records without text, non-objects and bad dates are reported per line', async () => {
  const input = [
    '{"id":"sin-texto","title":"Solo título"}',
    '[1,2,3]',
    '{"id":"fecha","text":"El embajador presentó sus cartas credenciales.","published":"13/13/2020"}',
    '\uFEFF',
  ].join('\n');
  const rs = await collect(readJsonlStream(Readable.from([input]), 'varios.jsonl'));
  const ps = problems(rs);
  assert.deepEqual(ps.map((p) => [p.level, p.origin.line]), [['error', 1], ['error', 2], ['warning', 3]]);
  assert.match(ps[0]!.message, /missing "text"/);
  assert.match(ps[1]!.message, /not a JSON object/);
  assert.match(ps[2]!.message, /invalid published date "13\/13\/2020"/);
  assert.equal(articles(rs)[0]?.published, null);
});

test('the fallback date applies per record', async () => {
  const rs = await collect(readJsonlStream(Readable.from(['{"text":"Texto breve sobre la cumbre de Lima."}\n']), 'x.jsonl', { published: '2020-01-31' }));
  assert.equal(articles(rs)[0]?.published, '2020-01-31');
});

test('text over maxBytes is an error naming the line; the next line is read', async () => {
  const long = JSON.stringify({ id: 'larga', text: 'La Asamblea debatió. '.repeat(200) });
  const short = JSON.stringify({ id: 'corta', text: 'La Asamblea votó.' });
  const rs = await collect(readJsonlStream(Readable.from([`${long}\n${short}\n`]), 'x.jsonl', { maxBytes: 1000 }));
  assert.equal(problems(rs)[0]?.level, 'error');
  assert.deepEqual(problems(rs)[0]?.origin, { file: 'x.jsonl', line: 1 });
  assert.match(problems(rs)[0]!.message, /"larga" is too large/);
  assert.equal(articles(rs)[0]?.id, 'corta');
});

test('binary input, empty input and a missing file', async () => {
  const bin = await collect(readJsonlStream(Readable.from([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])]), 'datos.jsonl'));
  assert.deepEqual(bin, [{ kind: 'problem', problem: { level: 'error', origin: { file: 'datos.jsonl' }, message: 'binary file' } }]);
  const empty = await collect(readJsonlStream(Readable.from(['\n\n']), 'vacio.jsonl'));
  assert.deepEqual(empty, [{ kind: 'problem', problem: { level: 'warning', origin: { file: 'vacio.jsonl' }, message: 'empty file' } }]);
  const missing = await collect(readJsonlFile('/no/existe.jsonl'));
  assert.equal(missing.length, 1);
  assert.equal(problems(missing)[0]?.level, 'error');
  assert.equal(problems(missing)[0]?.origin.line, undefined);
});

test('parseJsonlRecord: id defaults to <file-stem>:<line>', () => {
  const [r] = parseJsonlRecord({ text: 'El Gobierno convocó elecciones.' }, { file: 'dir/noticias.ndjson', line: 7 });
  assert.equal(r?.kind === 'article' && r.article.id, 'noticias:7');
});
