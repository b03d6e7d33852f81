import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ReadResult } from '../../src/ingest/article.js';
import { readInputs } from '../../src/ingest/index.js';
import { codeStream, type StreamItem } from '../../src/pipeline/code-stream.js';

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

const GOOD = 'El presidente de Chile, Gabriel Boric, se reunió ayer en Santiago con el presidente de Argentina, Javier Milei.';

/** Bad lines, an unsupported language and good articles, interleaved. */
function mixedFeed(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-workers-'));
  const file = join(dir, 'mixto.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 40; i++) {
    if (i % 7 === 3) lines.push('{"id": "roto", "text": "sin cerrar');
    else if (i % 11 === 5) lines.push(JSON.stringify({ id: `en-${i}`, language: 'en', text: 'The minister met his counterpart.' }));
    else lines.push(JSON.stringify({ id: `a-${i}`, published: `2024-02-${String(1 + (i % 28)).padStart(2, '0')}`, text: i % 2 ? GOOD : `${GOOD}\n\nEl ministro de Defensa de Colombia visitó ayer Quito.` }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const summary = (items: StreamItem[]): string[] => items.map((it) => it.kind === 'problem'
  ? `${it.problem.level} ${it.problem.origin.file}:${it.problem.origin.line ?? ''} ${it.problem.message}`
  : `${it.article.id} ${JSON.stringify(it.events)}`);

async function collect(input: AsyncIterable<ReadResult>, workers: number, chunkArticles?: number): Promise<StreamItem[]> {
  const out: StreamItem[] = [];
  for await (const item of codeStream(input, { workers, chunkArticles })) out.push(item);
  return out;
}

test('atalaya code --workers 2 prints exactly what one process prints (examples and gold fixtures)', () => {
  const args = ['code', 'examples', 'test/fixtures/gold', '--quiet'];
  const one = cli(args);
  const two = cli([...args, '--workers', '2']);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.ok(one.stdout.split('\n').length > 100, 'the fixtures give events');
  assert.equal(two.stdout, one.stdout);
  assert.equal(two.stderr, one.stderr);
});

test('codeStream on workers keeps input order, per-item problems and results across many small chunks', async () => {
  const file = mixedFeed();
  const inProcess = await collect(readInputs([file]), 1);
  const pooled = await collect(readInputs([file]), 2, 3);
  assert.deepEqual(summary(pooled), summary(inProcess));
  const problems = pooled.filter((it) => it.kind === 'problem').map((it) => it.kind === 'problem' ? it.problem : null);
  assert.ok(problems.some((p) => p?.level === 'error' && /invalid JSON/.test(p.message)), 'a broken line is an error');
  assert.ok(problems.some((p) => p?.level === 'warning' && /skipped: language "en"/.test(p.message)), 'an unsupported language is a warning');
  assert.ok(pooled.some((it) => it.kind === 'coded' && it.events.length > 0));
});

test('codeStream stops its workers when the consumer stops early', async () => {
  const file = mixedFeed();
  let n = 0;
  for await (const item of codeStream(readInputs([file]), { workers: 2, chunkArticles: 2 })) {
    if (item.kind === 'coded' && ++n === 3) break;
  }
  assert.equal(n, 3);
});
