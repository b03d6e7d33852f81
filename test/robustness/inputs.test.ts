// Input faults through the real `atalaya code` command: each bad item gets an `error:` or
// `warning:` line naming it (file:line for JSONL) and the good articles of the same batch are
// still coded; `code` exits 0 when at least one article was coded, 1 when none was, 2 on bad usage.
//
// The CLI is dist/cli/main.js when the build is newer than every source file (as after
// `npm install`/`npm run build`), else src/cli/main.ts through tsx, so a stale build never hides
// a change in src/.
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readInputs } from '../../src/ingest/index.js';
import type { ReadResult } from '../../src/ingest/article.js';
import { parseHTML } from 'linkedom';
import { domToText, parseHtmlArticle, tagDepth } from '../../src/ingest/html.js';
import { parseTextArticle } from '../../src/ingest/text-file.js';

const newestSource = (dir: string): number => readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
  const p = join(dir, e.name);
  if (e.isDirectory()) return e.name === 'web' ? t : Math.max(t, newestSource(p));
  return e.name.endsWith('.ts') ? Math.max(t, statSync(p).mtimeMs) : t;
}, 0);
const DIST = 'dist/cli/main.js';
const CLI = existsSync(DIST) && statSync(DIST).mtimeMs >= newestSource('src') ? [DIST] : ['--import', 'tsx', 'src/cli/main.ts'];

interface Run { status: number | null; stdout: string; stderr: string; articles: Set<string>; events: Array<{ article: string; evidence: { text: string } }> }
function code(args: string[]): Run {
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [...CLI, 'code', ...args], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' },
  });
  const events = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Run['events'][number]);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, articles: new Set(events.map((e) => e.article)), events };
}

const GOOD = 'El presidente de Chile, Gabriel Boric, se reunió ayer en Santiago con el presidente de Argentina, Javier Milei.';
const GOOD2 = 'El ministro de Defensa de Colombia visitó ayer Quito, donde se reunió con su homólogo de Ecuador.';
const fm = (id: string, extra = 'published: 2024-02-10\nlanguage: es') => `---\nid: ${id}\n${extra}\n---\n`;

/** Deterministic bytes (LCG): the same "random" file on every run; every 97th byte is NUL. */
function noise(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = i % 97 === 50 ? 0 : x >>> 24;
  }
  return b;
}

let dir = '';
let run: Run;
const at = (name: string): string => join(dir, name);
const line = (level: 'error' | 'warning', file: string, rest: string): RegExp =>
  new RegExp(`^${level}: ${at(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${rest}`, 'm');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'atalaya-faults-'));
  // The good articles every assertion below expects on stdout.
  writeFileSync(at('bueno.txt'), fm('bueno') + GOOD + '\n');
  writeFileSync(at('bueno.jsonl'), JSON.stringify({ id: 'j-bueno', published: '2024-02-10', language: 'es', text: GOOD2 }) + '\n');
  // Binary: a PNG saved as .txt, noise with NULs as .md and as .jsonl.
  writeFileSync(at('foto.txt'), Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR'), noise(600)]));
  writeFileSync(at('ruido.md'), noise(4096, 3));
  writeFileSync(at('ruido.jsonl'), noise(4096, 5));
  // Invalid UTF-8: a UTF-8 article with two stray bytes; Latin-1 (windows-1252) text.
  const utf8 = (t: string): Buffer => Buffer.from(t, 'utf8');
  writeFileSync(at('utf8-roto.txt'), Buffer.concat([utf8(fm('utf8-roto') + GOOD + ' Lo confirmó '), Buffer.from([0xff]), utf8(' según informó La Moneda '), Buffer.from([0xc3]), utf8(' el lunes.\n')]));
  writeFileSync(at('latin1.txt'), encode1252(fm('latin1') + '“' + GOOD + '” Costó 5 €.\n'));
  // Empty: no bytes, only whitespace, an empty JSONL and an empty HTML page.
  writeFileSync(at('vacio.txt'), '');
  writeFileSync(at('blancos.md'), '  \n\n\t\n');
  writeFileSync(at('vacio.jsonl'), '\n\n');
  writeFileSync(at('vacio.html'), '');
  // 50 MB single article (default cap 5 MB), and a 6 MB JSONL article (blank lines between two sentences).
  writeFileSync(at('enorme.txt'), Buffer.alloc(50 * 1024 * 1024, 'Palabra tras palabra. '));
  writeFileSync(at('grande.jsonl'), JSON.stringify({ id: 'grande', published: '2024-02-10', language: 'es', text: GOOD + '\n'.repeat(6 * 1024 * 1024) + GOOD2 }) + '\n');
  // HTML nested 20,000 tags deep around a real paragraph.
  writeFileSync(at('anidado.html'), `<html lang="es"><head><title>Anidado</title><meta property="article:published_time" content="2024-02-10"></head><body>${'<div>'.repeat(20_000)}<p>${GOOD}</p>${'</div>'.repeat(20_000)}</body></html>`);
  // JSONL with broken lines between good ones.
  writeFileSync(at('lote.jsonl'), [
    JSON.stringify({ id: 'j1', published: '2024-02-10', language: 'es', text: GOOD }),
    '{"id": "roto", "text": "sin cerrar',
    '[1, 2, 3]',
    JSON.stringify({ id: 'sin-texto', published: '2024-02-10' }),
    JSON.stringify({ id: 'j5', published: '2023-02-30', language: 'es', text: GOOD2 }),
    JSON.stringify({ id: 'j6', published: '2024-02-10', language: 'es', text: '... ¡¡!! ¿? —— «» ;;' }),
    JSON.stringify({ id: 'j7', published: '2024-02-10', language: 'es', text: GOOD2 }),
  ].join('\n') + '\n');
  // Impossible front-matter dates.
  writeFileSync(at('fecha-30-feb.txt'), fm('fecha-30-feb', 'published: 2023-02-30\nlanguage: es') + GOOD + '\n');
  writeFileSync(at('fecha-mes-13.txt'), fm('fecha-mes-13', 'published: 2023-13-01\nlanguage: es') + GOOD2 + '\n');
  // Unsupported languages: Japanese and German, identified (no language field), and one declared.
  writeFileSync(at('japones.txt'), fm('japones', 'published: 2024-02-10') + '日本の首相は昨日、東京で韓国の大統領と会談した。両首脳は安全保障協力について話し合った。\n');
  writeFileSync(at('aleman.txt'), fm('aleman', 'published: 2024-02-10') + 'Der deutsche Bundeskanzler traf sich gestern in Berlin mit dem französischen Präsidenten, um über die Lage in der Ukraine zu sprechen.\n');
  writeFileSync(at('aleman-declarado.md'), fm('aleman-declarado', 'published: 2024-02-10\nlanguage: de') + 'Der Kanzler sprach mit dem Präsidenten.\n');
  // No sentences: only punctuation and whitespace.
  writeFileSync(at('puntuacion.txt'), fm('puntuacion') + '... !!! ??? —— «» ;;; ,,,\n\n   …   \n');
  run = code([dir]);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** windows-1252 bytes of a string (Node has no encoder for it): “ ” € — and Latin-1 letters. */
function encode1252(s: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '“': 0x93, '”': 0x94, '—': 0x97, '–': 0x96 };
  return Buffer.from([...s].map((c) => special[c] ?? c.charCodeAt(0)));
}

/** The good articles of the batch are all coded, and `code` exits 0. */
function othersCoded(r: Run = run): void {
  assert.equal(r.status, 0, r.stderr);
  for (const id of ['bueno', 'j-bueno', 'j1', 'j7']) assert.ok(r.articles.has(id), `no events for ${id}\n${r.stderr}`);
}

test('binary files (PNG as .txt, noise with NULs as .md and .jsonl) are refused by name; the batch goes on', () => {
  assert.match(run.stderr, line('error', 'foto.txt', ': binary file$'));
  assert.match(run.stderr, line('error', 'ruido.md', ': binary file$'));
  assert.match(run.stderr, line('error', 'ruido.jsonl', ': binary file$'));
  othersCoded();
});

test('invalid UTF-8 in a UTF-8 file: bad bytes become U+FFFD with a warning, the accents stay intact', () => {
  assert.match(run.stderr, line('warning', 'utf8-roto.txt', ': invalid UTF-8: 2 bad byte sequences replaced with U\\+FFFD$'));
  const ev = run.events.find((e) => e.article === 'utf8-roto');
  assert.ok(ev, run.stderr);
  assert.match(ev.evidence.text, /se reunió/); // not "se reuniÃ³", as reading it all as windows-1252 gave
  othersCoded();
});

test('Latin-1 / windows-1252 text is read as windows-1252 with a warning and coded', () => {
  assert.match(run.stderr, line('warning', 'latin1.txt', ': not valid UTF-8: read as windows-1252'));
  const ev = run.events.find((e) => e.article === 'latin1');
  assert.ok(ev, run.stderr);
  assert.match(ev.evidence.text, /se reunió/);
  othersCoded();
});

test('empty files (.txt, whitespace-only .md, .jsonl, .html) each get a warning', () => {
  for (const f of ['vacio.txt', 'blancos.md', 'vacio.jsonl', 'vacio.html']) assert.match(run.stderr, line('warning', f, ': empty file$'));
  othersCoded();
});

test('a 50 MB article is refused by the size cap without being read; a 6 MB JSONL article names its line', () => {
  assert.match(run.stderr, line('error', 'enorme.txt', ': article "enorme" is too large: 50 MB file \\(limit 5 MB of text\\)$'));
  assert.match(run.stderr, line('error', 'grande.jsonl', ':1: article "grande" is too large: 6(?:\\.0)? MB of text \\(limit 5 MB\\)$'));
  othersCoded();
});

test('--max-bytes raises the cap (the 6 MB article is coded) and lowers it (exit 1 when nothing fits)', () => {
  const raised = code(['--max-bytes', '8m', at('grande.jsonl')]);
  assert.equal(raised.status, 0, raised.stderr);
  assert.ok(raised.articles.has('grande'), raised.stderr);
  const lowered = code(['--max-bytes', '50', at('bueno.txt'), at('bueno.jsonl')]);
  assert.equal(lowered.status, 1, lowered.stderr);
  assert.match(lowered.stderr, line('error', 'bueno.txt', ': article "bueno" is too large: 166 bytes file \\(limit 50 bytes of text\\)$'));
  assert.match(lowered.stderr, line('error', 'bueno.jsonl', ':1: article "j-bueno" is too large'));
  assert.equal(code(['--max-bytes', 'mucho', at('bueno.txt')]).status, 2);
});

test('HTML nested 20,000 tags deep is flattened with a warning, not a stack overflow, and its text is coded', () => {
  assert.match(run.stderr, line('warning', 'anidado.html', ': HTML nested 20002 levels deep \\(limit 5000\\): tags flattened before reading$'));
  assert.ok(run.articles.has('anidado'), run.stderr);
  othersCoded();
  // The readers directly: a deep page under the flattening limit goes through the iterative walk.
  const deep = `<html lang="es"><body>${'<span>'.repeat(4_000)}${GOOD}${'</span>'.repeat(4_000)}</body></html>`;
  assert.equal(tagDepth(deep), 4_002);
  const t0 = performance.now();
  const r = parseHtmlArticle(deep, { file: 'x.html' });
  assert.ok(performance.now() - t0 < 5_000);
  assert.deepEqual(r.map((x) => x.kind), ['article']);
  // domToText walks 50,000 nested elements (built without the parser) without recursion.
  const { document } = parseHTML('<html><body></body></html>');
  let node = document.body;
  for (let i = 0; i < 50_000; i++) node = node.appendChild(document.createElement(i % 2 ? 'div' : 'span'));
  node.appendChild(document.createTextNode(GOOD));
  assert.equal(domToText(document.body as never), GOOD);
  // …and 30,000 siblings in linear time (linkedom rebuilds childNodes on every read).
  const wide = parseHTML('<html><body></body></html>').document;
  const p = wide.body.appendChild(wide.createElement('p'));
  for (let i = 0; i < 30_000; i++) p.appendChild(wide.createElement('b')).appendChild(wide.createTextNode('a'));
  const t1 = performance.now();
  assert.equal(domToText(wide.body as never).length, 30_000);
  assert.ok(performance.now() - t1 < 1_000, `${(performance.now() - t1).toFixed(0)} ms for 30,000 siblings`);
});

test('JSONL broken lines are errors naming file:line; the lines around them are coded', () => {
  assert.match(run.stderr, line('error', 'lote.jsonl', ':2: invalid JSON'));
  assert.match(run.stderr, line('error', 'lote.jsonl', ':3: line is not a JSON object$'));
  assert.match(run.stderr, line('error', 'lote.jsonl', ':4: missing "text" \\(or "body"\\) string$'));
  assert.ok(run.articles.has('j5'), run.stderr);
  othersCoded();
});

test('impossible dates (2023-02-30, 2023-13-01) warn and leave published null; the article is still coded', () => {
  assert.match(run.stderr, line('warning', 'fecha-30-feb.txt', ': invalid published date "2023-02-30"; published set to null$'));
  assert.match(run.stderr, line('warning', 'fecha-mes-13.txt', ': invalid published date "2023-13-01"; published set to null$'));
  assert.match(run.stderr, line('warning', 'lote.jsonl', ':5: invalid published date "2023-02-30"'));
  for (const id of ['fecha-30-feb', 'fecha-mes-13', 'j5']) assert.ok(run.articles.has(id), `no events for ${id}`);
  othersCoded();
});

test('unsupported languages (Japanese, German; identified or declared) are skipped with a warning', () => {
  assert.match(run.stderr, line('warning', 'japones.txt', ': skipped: language "ja" is not supported yet'));
  assert.match(run.stderr, line('warning', 'aleman.txt', ': skipped: language "de" is not supported yet'));
  assert.match(run.stderr, line('warning', 'aleman-declarado.md', ': skipped: language "de" is not supported yet'));
  othersCoded();
});

test('articles with no sentences (only punctuation and whitespace) warn instead of coding nothing silently', () => {
  assert.match(run.stderr, line('warning', 'puntuacion.txt', ': no words in article text'));
  assert.match(run.stderr, line('warning', 'lote.jsonl', ':6: no words in article text'));
  othersCoded();
});

test('every file of the batch is accounted for: coded, or named on stderr', () => {
  const named = new Set([...run.stderr.matchAll(/^(?:error|warning): (.+?)(?::\d+)?: /gm)].map((m) => m[1]));
  for (const f of readdirSync(dir)) {
    const coded = ['bueno.txt', 'bueno.jsonl', 'anidado.html', 'lote.jsonl', 'fecha-30-feb.txt', 'fecha-mes-13.txt', 'utf8-roto.txt', 'latin1.txt'].includes(f);
    assert.ok(coded || named.has(at(f)), `${f} neither coded nor reported`);
  }
  assert.match(run.stderr, /^coded \d+ articles, \d+ events, \d+ errors in [\d.]+ s \(\d+ warnings\)$/m);
});

test('readers alone: per-item problems in input order, never a throw', async () => {
  const sub = join(dir, 'lectores');
  mkdirSync(sub);
  writeFileSync(join(sub, 'a.jsonl'), '{"text": "El ministro habló."}\n{roto\n\n"texto"\n');
  writeFileSync(join(sub, 'b.txt'), noise(64));
  const results: ReadResult[] = [];
  for await (const r of readInputs([sub, join(dir, 'no-existe.txt')])) results.push(r);
  assert.deepEqual(results.map((r) => (r.kind === 'article' ? `article ${r.article.id}` : `${r.problem.level} ${r.problem.origin.line ?? '-'} ${r.problem.message.split(':')[0]}`)), [
    'article a:1', 'error 2 invalid JSON', 'error 4 line is not a JSON object', 'error - binary file', 'error - no such file or directory',
  ]);
});

test('front matter over 4 KB is not parsed (YAML costs ~25 µs a char on hostile input): a warning, the body still read', () => {
  const r = parseTextArticle(`---\ntitle: ${'a\n'.repeat(3_000)}---\n${GOOD}`, { file: 'a.txt' }, { published: '2024-02-10' });
  assert.equal(r[0]?.kind === 'problem' && r[0].problem.message, 'front matter over 4 KB: not read');
  assert.equal(r[1]?.kind === 'article' && r[1].article.text, GOOD);
});
