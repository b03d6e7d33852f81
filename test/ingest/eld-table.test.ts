import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectWithTable, loadEldTable, writeEldTable } from '../../src/ingest/eld-table.js';

test('the compact eld table gives eld/large\'s language for every sample', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'atalaya-eld-')), 'eld.bin');
  assert.equal(await writeEldTable(file), true);
  const table = loadEldTable(file);
  assert.ok(table, 'the table loads');
  const { eld } = await import('eld/large');
  const texts = ['test/fixtures/gold/dev', 'examples'].flatMap((d) => readdirSync(d).map((f) => readFileSync(join(d, f), 'utf8')));
  const samples = texts.flatMap((t) => Array.from({ length: Math.ceil(t.length / 211) }, (_, i) => t.slice(i * 211, i * 211 + 30 + (i * 37) % 1400)));
  samples.push('', '   ', '1234 5678', 'ñ', 'The minister met his counterpart on Monday.', 'O ministro falou ontem com o seu homólogo.',
    'El ministre ha parlat avui amb el seu homòleg.', 'Ελληνικά κείμενο', '中文文本测试', 'русский текст', 'نص عربي', '😀 ✓ …', 'a'.repeat(3000));
  for (const s of samples) assert.equal(detectWithTable(table!, s), eld.detect(s).language, JSON.stringify(s.slice(0, 60)));
});

test('a missing or foreign table file is not used', () => {
  assert.equal(loadEldTable(join(tmpdir(), 'no-such-eld-table.bin')), null);
  assert.equal(loadEldTable(new URL(import.meta.url).pathname), null);
});
