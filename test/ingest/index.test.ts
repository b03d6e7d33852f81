import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatOf, readInputs } from '../../src/ingest/index.js';
import { articles, collect, fixture, FIXTURES, problems, tempDir } from './helpers.js';

test('a directory is walked recursively in sorted order, skipping dotfiles', async () => {
  const rs = await collect(readInputs([fixture('walk')]));
  const seen = rs.map((r) => {
    const origin = r.kind === 'article' ? r.article.origin : r.problem.origin;
    return `${r.kind}:${relative(FIXTURES, origin.file)}`;
  });
  assert.deepEqual(seen, [
    'article:walk/a/primera.md',
    'article:walk/b/segunda.txt',
    'article:walk/c.jsonl',
    'problem:walk/datos.csv',
    'article:walk/z.html',
  ]);
  assert.deepEqual(problems(rs).map((p) => [p.level, p.message]), [['warning', 'unsupported file type']]);
  assert.deepEqual(articles(rs).map((a) => a.id), ['primera', 'segunda', 'c:1', 'z']);
  assert.ok(articles(rs).every((a) => a.language === 'es'));
});

test('inputs are read in the order given; files and directories mix; a missing path is an error', async () => {
  const rs = await collect(readInputs([fixture('cumbre.txt'), '/no/existe', fixture('walk/b'), fixture('lote.jsonl')]));
  assert.deepEqual(
    rs.map((r) => (r.kind === 'article' ? r.article.id : `${r.problem.level}:${r.problem.message.split(':')[0]}`)),
    ['cumbre-017', 'error:no such file or directory', 'segunda', 'lote-1', 'error:invalid JSON', 'lote:4'],
  );
});

test('the fallback date is checked and passed to every reader', async () => {
  const rs = await collect(readInputs([fixture('sin-metadatos.txt'), fixture('fecha-invalida.txt')], { published: '2021-06-01' }));
  assert.deepEqual(articles(rs).map((a) => a.published), ['2021-06-01', '2021-06-01']);
  await assert.rejects(collect(readInputs([fixture('cumbre.txt')], { published: '2021-02-30' })), RangeError);
  await assert.rejects(collect(readInputs([fixture('cumbre.txt')], { published: 'ayer' })), RangeError);
});

test('maxBytes reaches the readers', async () => {
  const rs = await collect(readInputs([fixture('sin-metadatos.txt')], { maxBytes: 100 }));
  assert.equal(problems(rs)[0]?.level, 'error');
  assert.match(problems(rs)[0]!.message, /^article "sin-metadatos" is too large: 15\d bytes of text \(limit 100 bytes\)$/);
});

test('an explicitly named file with an unknown extension is skipped with a warning', async () => {
  const rs = await collect(readInputs([fixture('walk/datos.csv')]));
  assert.deepEqual(problems(rs).map((p) => p.message), ['unsupported file type']);
});

test('a symlink loop does not hang the walk', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'nota.txt'), 'El Senado de Chile aprobó el proyecto por amplia mayoría.');
  symlinkSync(dir, join(dir, 'sub', 'bucle'));
  const rs = await collect(readInputs([dir]));
  assert.deepEqual(articles(rs).map((a) => a.id), ['nota']);
});

test('extensions are matched case-insensitively', () => {
  assert.equal(formatOf('A.TXT'), 'text');
  assert.equal(formatOf('x.Md'), 'text');
  assert.equal(formatOf('lote.NDJSON'), 'jsonl');
  assert.equal(formatOf('p.HTM'), 'html');
  assert.equal(formatOf('foto.jpg'), null);
  assert.equal(formatOf('sin-extension'), null);
});

test('"-" reads JSONL from stdin', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const script = `
    import { readInputs } from './src/ingest/index.ts';
    for await (const r of readInputs(['-'])) console.log(JSON.stringify(r));
  `;
  const input = '{"id":"e1","text":"El primer ministro de Canadá llamó a su homólogo de México."}\nroto\n';
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, input, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const rs = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(rs[0].kind, 'article');
  assert.equal(rs[0].article.id, 'e1');
  assert.deepEqual(rs[0].article.origin, { file: '-', line: 1 });
  assert.equal(rs[1].kind, 'problem');
  assert.deepEqual(rs[1].problem.origin, { file: '-', line: 2 });
});
