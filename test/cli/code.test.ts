import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const cli = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, NO_COLOR: '1' } });

const GOOD = 'El presidente de Chile, Gabriel Boric, se reunió ayer en Santiago con el presidente de Argentina, Javier Milei.';

test('one run over bad and good inputs codes every good article, names every bad item and exits 0', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-cli-'));
  writeFileSync(join(dir, 'binario.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 0, 0, 0, 0x90]));
  // Windows-1252 bytes: "á" = 0xE1, "ó" = 0xF3.
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from('---\nid: latin1\npublished: 2024-02-10\n---\nEl canciller de Perú se reunió ayer en Lima con su homólogo de Bolivia, según informó la Cancillería peruana.\n', 'latin1'));
  writeFileSync(join(dir, 'vacio.txt'), '');
  writeFileSync(join(dir, 'lote.jsonl'), [
    JSON.stringify({ id: 'j1', published: '2024-02-10', text: GOOD }),
    '{"id": "roto", "text": "sin cerrar',
    JSON.stringify({ id: 'j3', published: '2024-02-10', text: 'El ministro de Defensa de Colombia visitó ayer Quito.' }),
  ].join('\n') + '\n');
  writeFileSync(join(dir, 'fecha-mala.txt'), `---\nid: fecha-mala\npublished: 2024-02-30\n---\n${GOOD}\n`);
  writeFileSync(join(dir, 'bueno.txt'), `---\nid: bueno\npublished: 2024-02-10\n---\n${GOOD}\n`);
  const r = cli(['code', dir]);
  assert.equal(r.status, 0, r.stderr);
  const events = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { article: string; type: string });
  const articles = new Set(events.map((e) => e.article));
  for (const id of ['bueno', 'j1', 'latin1', 'fecha-mala']) assert.ok(articles.has(id), `no events for ${id}`);
  assert.match(r.stderr, /error: .*binario\.txt: binary file/);
  assert.match(r.stderr, /warning: .*vacio\.txt: empty file/);
  assert.match(r.stderr, /error: .*lote\.jsonl:2: /);
  assert.match(r.stderr, /warning: .*fecha-mala\.txt: .*2024-02-30/);
  assert.match(r.stderr, /coded \d+ articles, \d+ events, \d+ errors in/);
});

test('bad usage exits 2; no codable article exits 1; csv output has a header and one row per event', () => {
  assert.equal(cli(['code', '--format', 'xml', 'x.txt']).status, 2);
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-cli-'));
  writeFileSync(join(dir, 'vacio.txt'), '');
  assert.equal(cli(['code', dir]).status, 1);
  const csv = cli(['code', '-', '--format', 'csv', '--quiet'], JSON.stringify({ id: 's1', published: '2024-02-10', text: GOOD }) + '\n');
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trim().split('\n');
  assert.match(lines[0] ?? '', /^id,article,type,mode,cameo,source_name/);
  assert.ok(lines.length >= 2);
  assert.match(lines[1] ?? '', /,s1,CONSULT,/);
});
