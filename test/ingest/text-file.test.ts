import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { fileStem, parseTextArticle, readTextFile, stripMarkdown } from '../../src/ingest/text-file.js';
import { articles, fixture, problems, tempDir } from './helpers.js';

test('a .txt with front matter gives every metadata field', async () => {
  const rs = await readTextFile(fixture('cumbre.txt'));
  assert.deepEqual(problems(rs), []);
  const [a] = articles(rs);
  assert.ok(a);
  assert.equal(a.id, 'cumbre-017');
  assert.equal(a.published, '2023-09-14');
  assert.equal(a.url, 'https://diario.example/politica/cumbre');
  assert.equal(a.title, 'La cancillería anuncia una cumbre regional');
  assert.equal(a.outlet, 'Diario de Prueba');
  assert.equal(a.language, 'es');
  assert.ok(a.text.startsWith('La ministra de Relaciones Exteriores anunció'));
  assert.ok(a.text.endsWith('la próxima semana.'));
  assert.deepEqual(a.origin, { file: fixture('cumbre.txt') });
});

test('a .txt without front matter: id from the file name, language left to identify', async () => {
  const [a] = articles(await readTextFile(fixture('sin-metadatos.txt')));
  assert.ok(a);
  assert.equal(a.id, 'sin-metadatos');
  assert.equal(a.published, null);
  assert.equal(a.url, null);
  assert.equal(a.title, null);
  assert.equal(a.language, null);
  assert.equal(a.text, 'El alcalde de Valparaíso se reunió el lunes con representantes de los pescadores artesanales.\n\nAmbas partes acordaron volver a verse dentro de quince días.');
});

test('an invalid published date warns, naming the file, and the article is still read', async () => {
  const rs = await readTextFile(fixture('fecha-invalida.txt'));
  const ps = problems(rs);
  assert.equal(ps.length, 1);
  assert.equal(ps[0]!.level, 'warning');
  assert.equal(ps[0]!.origin.file, fixture('fecha-invalida.txt'));
  assert.match(ps[0]!.message, /invalid published date "2022-02-30"/);
  const [a] = articles(rs);
  assert.equal(a?.published, null);
  assert.equal(a?.title, 'Fecha imposible');
});

test('a caller-supplied fallback date replaces an invalid or missing one, never a valid one', async () => {
  const bad = await readTextFile(fixture('fecha-invalida.txt'), { published: '2022-03-01' });
  assert.equal(articles(bad)[0]?.published, '2022-03-01');
  assert.match(problems(bad)[0]!.message, /using fallback 2022-03-01/);
  const missing = await readTextFile(fixture('sin-metadatos.txt'), { published: '2022-03-01' });
  assert.equal(articles(missing)[0]?.published, '2022-03-01');
  assert.deepEqual(problems(missing), []);
  const good = await readTextFile(fixture('cumbre.txt'), { published: '2022-03-01' });
  assert.equal(articles(good)[0]?.published, '2023-09-14');
});

for (const bad of ['ayer', '13/13/2020']) {
  test(`published "${bad}" is rejected with a warning`, () => {
    const rs = parseTextArticle(`---\npublished: ${bad}\n---\nEl canciller viajó a Brasilia.`, { file: 'x.txt' });
    assert.equal(problems(rs)[0]?.level, 'warning');
    assert.equal(articles(rs)[0]?.published, null);
  });
}

test('front matter keeps leading zeros in ids and reads datetimes', () => {
  const [a] = articles(parseTextArticle('---\nid: 007\npublished: 2022-05-13T18:00:00-04:00\nlanguage: es-AR\n---\n\nTexto de prueba sobre una reunión.', { file: 'dir/x.txt' }));
  assert.equal(a?.id, '007');
  assert.equal(a?.published, '2022-05-13');
  assert.equal(a?.language, 'es');
  assert.equal(a?.text, 'Texto de prueba sobre una reunión.');
});

test('broken front matter warns and the body is still read', () => {
  const rs = parseTextArticle('---\ntitle: [sin cerrar\n---\nEl Congreso votó la ley.', { file: 'roto.txt' });
  assert.equal(problems(rs)[0]?.level, 'warning');
  assert.match(problems(rs)[0]!.message, /invalid front matter/);
  assert.equal(articles(rs)[0]?.text, 'El Congreso votó la ley.');
  assert.equal(articles(rs)[0]?.id, 'roto');
});

test('splitFrontMatter leaves text without a closing fence alone', () => {
  const text = '---\nEsto no es front matter\nsino un texto que empieza con una raya.';
  assert.deepEqual(splitFrontMatter(text), { data: null, body: text, bodyStart: 0 });
  const split = splitFrontMatter('---\nid: "1"\n---\nCuerpo.');
  assert.deepEqual(split.data, { id: '1' });
  assert.equal(split.body, 'Cuerpo.');
  assert.equal('---\nid: "1"\n---\nCuerpo.'.slice(split.bodyStart), 'Cuerpo.');
});

test('a .md file is reduced to plain text', async () => {
  const rs = await readTextFile(fixture('nota.md'));
  const [a] = articles(rs);
  assert.equal(a?.id, 'nota-md');
  assert.equal(a?.published, '2024-01-08');
  assert.equal(
    a?.text,
    'El Parlamento aprueba la reforma\n\nEl Parlamento aprobó ayer la reforma electoral con el apoyo de tres grupos.\n\nLa oposición votó en contra.\nDos diputados se abstuvieron.',
  );
});

test('stripMarkdown keeps lone asterisks and snake_case words', () => {
  assert.equal(stripMarkdown('Los campos obligatorios están marcados con *'), 'Los campos obligatorios están marcados con *');
  assert.equal(stripMarkdown('la variable mi_valor_total y *énfasis*'), 'la variable mi_valor_total y énfasis');
});

test('a windows-1252 file decodes correctly', async () => {
  const dir = tempDir();
  const path = join(dir, 'latin1.txt');
  writeFileSync(path, Buffer.from('El ministro habló en Bogotá', 'latin1'));
  const [a] = articles(await readTextFile(path));
  assert.equal(a?.text, 'El ministro habló en Bogotá');
  assert.equal(a?.id, 'latin1');
});

test('a UTF-8 BOM does not end up in the text or break the front matter', async () => {
  const dir = tempDir();
  const path = join(dir, 'bom.txt');
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\nid: con-bom\n---\nLa presidenta viajó a Quito.', 'utf8')]));
  const [a] = articles(await readTextFile(path));
  assert.equal(a?.id, 'con-bom');
  assert.equal(a?.text, 'La presidenta viajó a Quito.');
});

test('a binary file is an error; an empty file a warning', async () => {
  const dir = tempDir();
  const bin = join(dir, 'foto.txt');
  writeFileSync(bin, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
  assert.deepEqual(await readTextFile(bin), [{ kind: 'problem', problem: { level: 'error', origin: { file: bin }, message: 'binary file' } }]);
  const empty = join(dir, 'vacio.txt');
  writeFileSync(empty, '');
  assert.deepEqual(await readTextFile(empty), [{ kind: 'problem', problem: { level: 'warning', origin: { file: empty }, message: 'empty file' } }]);
  const blank = join(dir, 'blanco.txt');
  writeFileSync(blank, ' \n\n \t\n');
  assert.equal(problems(await readTextFile(blank))[0]?.message, 'empty file');
  const onlyMeta = join(dir, 'solo-meta.txt');
  writeFileSync(onlyMeta, '---\nid: x\n---\n\n');
  assert.equal(problems(await readTextFile(onlyMeta))[0]?.message, 'no article text');
});

test('text over maxBytes is an error naming the article', async () => {
  const dir = tempDir();
  const path = join(dir, 'larga.txt');
  writeFileSync(path, 'El Senado debatió la ley. '.repeat(100));
  const rs = await readTextFile(path, { maxBytes: 1000 });
  assert.equal(rs.length, 1);
  assert.equal(problems(rs)[0]?.level, 'error');
  assert.match(problems(rs)[0]!.message, /"larga" is too large/);
  // Far over the cap: refused from its size, without reading.
  const huge = await readTextFile(path, { maxBytes: 100 });
  assert.match(problems(huge)[0]!.message, /too large/);
  assert.equal(articles(await readTextFile(path, { maxBytes: 10_000 })).length, 1);
});

test('a missing file is an error, not an exception', async () => {
  const rs = await readTextFile('/no/existe/nada.txt');
  assert.equal(problems(rs)[0]?.level, 'error');
});

test('fileStem drops directory and last extension', () => {
  assert.equal(fileStem('corpus/2022/000.txt'), '000');
  assert.equal(fileStem('a/b.tar.md'), 'b.tar');
  assert.equal(fileStem('sin-extension'), 'sin-extension');
});
