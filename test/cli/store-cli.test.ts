import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';

const CLI = 'dist/cli/main.js';
const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'atalaya-cli-store-'));

/** Every row of every table, in a fixed order: two stores are the same when their dumps are equal. */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  const out: Record<string, unknown[]> = {};
  for (const t of ['articles', 'article_bands', 'mentions', 'events', 'event_actors', 'stories']) {
    const cols = (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).map((c) => `"${c}"`).join(', ');
    out[t] = db.prepare(`SELECT ${cols} FROM ${t} ORDER BY ${cols}`).raw().all().map((r) => r.map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
  }
  out.fts = db.prepare('SELECT rowid, evidence FROM events_fts ORDER BY rowid').raw().all();
  db.close();
  return JSON.stringify(out);
}

test('ingesting the same folder twice leaves every count unchanged and says so', () => {
  const db = join(tmp(), 'a.db');
  const first = run(['ingest', 'examples/', '--db', db]);
  assert.equal(first.status, 0, first.stderr);
  const once = dump(db);
  const second = run(['ingest', 'examples/', '--db', db]);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stderr, /stored 0 articles \(8 unchanged/);
  assert.equal(dump(db), once);
  const forced = run(['ingest', 'examples/', '--db', db, '--force']);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(forced.stderr, /stored 8 articles/);
  const counts = (d: string) => JSON.parse(d).stories.length + '/' + JSON.parse(d).events.length;
  assert.equal(counts(dump(db)), counts(once));
});

test('ingest on worker threads gives exactly the store of one process', () => {
  const one = join(tmp(), 'uno.db');
  const two = join(tmp(), 'dos.db');
  assert.equal(run(['ingest', 'examples/', '--db', one, '-q']).status, 0);
  const r = run(['ingest', 'examples/', '--db', two, '-q', '--workers', '2']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(dump(two), dump(one));
});

test('a foreign or corrupt --db gives one clear error line and exit 2, not a stack trace', () => {
  const dir = tmp();
  const foreign = join(dir, 'otra.db');
  const db = new Database(foreign);
  db.exec('CREATE TABLE facturas (n INTEGER)');
  db.close();
  const corrupt = join(dir, 'rota.db');
  writeFileSync(corrupt, 'SQLite format 3\u0000' + 'x'.repeat(5000));
  for (const file of [foreign, corrupt]) {
    for (const args of [['ingest', 'examples/', '--db', file], ['export', '--db', file]]) {
      const r = run(args);
      assert.equal(r.status, 2, `${args[0]} ${file}: ${r.stderr}`);
      assert.match(r.stderr, /^error: .*(not an Atalaya store|not a usable Atalaya store|cannot open)/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    }
  }
});

test('export: CSV with a header and one row per story, GDELT rows of 61 columns, PLOVER records', () => {
  const db = join(tmp(), 'e.db');
  assert.equal(run(['ingest', 'examples/', '--db', db, '-q']).status, 0);
  const stories = new Database(db, { readonly: true }).prepare('SELECT count(*) FROM stories').pluck().get() as number;
  const csv = run(['export', '--db', db, '--format', 'csv']);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\n');
  assert.equal(lines.length, stories + 1);
  const header = lines[0]!.split(',');
  assert.ok(header.includes('story') && header.includes('sources') && header.includes('evidence_text'));
  const gdelt = run(['export', '--db', db, '--format', 'gdelt', '--type', 'CONSULT']);
  const rows = gdelt.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
  assert.ok(rows.length > 0 && rows.every((r) => r.length === 61));
  assert.ok(rows.every((r) => r[26] === '04' || r[26]!.startsWith('04')), 'CONSULT rows have CAMEO root 04');
  const plover = run(['export', '--db', db, '--format', 'plover', '--actor', 'emmanuel-macron']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(plover.length > 0 && plover.every((p) => p.event && 'src_actor' in p && 'tgt_agent' in p && p.text));
  assert.ok(plover.some((p) => p.num_sources === 3));
  const bad = run(['export', '--db', db, '-q', '"sin cerrar']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^error: invalid search query/);
});

test('ingest killed with SIGKILL mid-run and rerun gives exactly the database of an uninterrupted run', async () => {
  const dir = tmp();
  const input = join(dir, 'lote.jsonl');
  const dev = 'test/fixtures/gold/dev';
  const lines: string[] = [];
  for (const round of [1, 2]) {
    for (const f of readdirSync(dev).filter((n) => n.endsWith('.txt')).sort()) {
      const raw = readFileSync(join(dev, f), 'utf8');
      const body = raw.replace(/^---[\s\S]*?---\n/, '');
      const published = /published:\s*"?(\d{4}-\d{2}-\d{2})/.exec(raw)?.[1] ?? '2024-01-01';
      // Round 2 changes each text a little: a different article, not a near-copy of round 1's.
      lines.push(JSON.stringify({ id: `${f.replace('.txt', '')}-${round}`, published, text: round === 1 ? body : body.split('\n\n').reverse().join('\n\n') }));
    }
  }
  writeFileSync(input, lines.join('\n') + '\n');
  const whole = join(dir, 'entero.db');
  assert.equal(run(['ingest', input, '--db', whole, '--batch', '4', '-q']).status, 0);

  const killed = join(dir, 'matado.db');
  const child = spawn(process.execPath, [CLI, 'ingest', input, '--db', killed, '--batch', '4', '-q'], { stdio: 'ignore' });
  const stored = () => { try { const d = new Database(killed, { readonly: true }); const n = d.prepare('SELECT count(*) FROM articles').pluck().get() as number; d.close(); return n; } catch { return 0; } };
  for (let i = 0; i < 600 && stored() < 8; i++) await new Promise((r) => setTimeout(r, 25));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const partial = stored();
  assert.ok(partial > 0 && partial < lines.length, `killed after ${partial} of ${lines.length} articles`);
  assert.equal(run(['ingest', input, '--db', killed, '--batch', '4', '-q']).status, 0);
  assert.equal(dump(killed), dump(whole));
});
