// Property-based fuzzing of every stage that reads untrusted text: the readers (text/front matter,
// Markdown, JSONL, HTML, byte decoding), the cleaner, the segmenter, the date finder and resolver,
// the mention finder and the whole Coder. Properties: no throw (but the documented per-item
// UnsupportedArticle), each call finishes in bounded time, and every reported span lies inside its
// text with start ≤ end and slices back to the text it reports.
//
// Inputs mix Spanish news words, dates, abbreviations, quotes, markup, digits, accents (composed and
// not), emoji and other astral characters, lone surrogates, CR/LF, NUL and arbitrary code units.
// Runs are random; a failure prints fast-check's seed and path. FUZZ_SEED=<n> replays a seed,
// FUZZ_RUNS=<factor> multiplies the number of runs (the default keeps the file well under 20 s).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cleanText } from '../../src/clean/index.js';
import { Coder, UnsupportedArticle } from '../../src/coder.js';
import { findDateExpressions, resolveDate, type Lean } from '../../src/extract/dates.js';
import { newMemory } from '../../src/extract/mentions.js';
import type { Article, ReadResult } from '../../src/ingest/article.js';
import { decodeBytes } from '../../src/ingest/decode.js';
import { splitFrontMatter } from '../../src/ingest/front-matter.js';
import { parseHtmlArticle } from '../../src/ingest/html.js';
import { parseJsonlRecord, readJsonlStream } from '../../src/ingest/jsonl.js';
import { parseTextArticle, stripMarkdown } from '../../src/ingest/text-file.js';
import type { Span } from '../../src/text/model.js';
import { segment } from '../../src/text/segment.js';
import { tokenize } from '../../src/text/tokenize.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const FACTOR = Number(process.env.FUZZ_RUNS ?? 1);
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns: Math.max(1, Math.round(numRuns * FACTOR)), seed: SEED });
/** Longest any single call may take: far above normal, far below a hang or a quadratic blow-up. */
const CALL_MS = 2_000;

function timed<T>(what: string, f: () => T): T {
  const t0 = performance.now();
  const out = f();
  const ms = performance.now() - t0;
  assert.ok(ms < CALL_MS, `${what} took ${ms.toFixed(0)} ms`);
  return out;
}

/** A span lies inside `text`, start ≤ end, and (when given) slices back to `reported`. */
function inside(text: string, span: Span, reported?: string, what = 'span'): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: non-integer offsets ${span.start}-${span.end}`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}-${span.end} outside 0-${text.length}`);
  if (reported !== undefined) assert.equal(text.slice(span.start, span.end), reported, `${what}: slice differs from reported text`);
}

// ---- arbitraries ---------------------------------------------------------------------------

const NEWS = [
  'El', 'el', 'la', 'los', 'de', 'del', 'de la', 'en', 'con', 'y', 'que', 'no', 'se', 'su', 'según', 'ayer', 'hoy', 'mañana',
  'presidente', 'ministro de Defensa', 'canciller', 'Gobierno', 'Ejército', 'portavoz', 'homólogo', 'Pedro Sánchez', 'Vladímir Putin',
  'Volodímir Zelenski', 'Rusia', 'Ucrania', 'Kiev', 'Moscú', 'OTAN', 'ONU', 'Unión Europea', 'Bogotá', 'Perú', 'Núñez',
  'se reunió', 'habló', 'acusó', 'condenó', 'atacó', 'sancionó', 'amenazó', 'firmaron un acuerdo', 'pidió', 'rechazó', 'visitará',
  'anunció', 'dijo', 'negó', 'podría', 'no ha', 'fue', 'ha sido',
  'el lunes', 'el pasado viernes', 'el próximo martes', 'hace 84 días', 'hace dos semanas', 'dentro de tres meses',
  'del 9 al 10 de enero', 'entre el 3 y el 5 de marzo', 'el 31 de diciembre de 2021', '29 de febrero', '31 de febrero', '1º de mayo',
  'a principios de 2022', 'a finales del año pasado', 'el fin de semana', 'la semana pasada', 'en junio', 'Marzo', 'Domingo',
  '18/02/2022', '2022-05-13', '1.500', '3,5', '11:20', '2024', '0', '99999', '1 de 1 de', 'de la de la',
  'EE. UU.', 'EE.UU.', 'Sr.', 'Sra.', 'J. F. Kennedy', 'etc.', 'a.m.', 'S.A.', 'p. ej.',
  'Lee también:', 'Publicidad', 'Compartir en Facebook', 'Noticias relacionadas', 'Suscríbete', '(Foto: EFE)', 'Síguenos en X',
  '«', '»', '“', '”', '‘', '’', '"', "'", '—', '–', '-', '(', ')', '[', ']', '.', ',', ';', ':', '¿', '?', '¡', '!', '…', '...', '/', '%', '*', '_',
  '#', '## ', '**', '`', '>', '- ', '1. ', '---', '...', '[x](y)', '![a](b)', '<!--', '-->',
  '<p>', '</p>', '<div>', '</div>', '<br>', '<script>', '</script>', '&amp;', '&nbsp;', '&#x1F600;',
  'é', 'e\u0301', 'ñ', 'n\u0303', 'Ñ', 'ü', 'İ', 'ß', 'ﬁ', 'Å', 'Ω', 'ア', '中文', 'العربية', 'Привет',
  '😀', '🇪🇸', '👩‍👩‍👧', '𝔸', '\u{1F600}\u{1F600}', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\uFEFF', '\u200B', '\u2028', '\u00AD',
  '\n', '\n\n', '\r\n', '\r', '\t', ' ', '  ', '\u00A0', '\u0000', '\u0001', '\u001B', '\u007F', '\u0085',
];
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));
const piece = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...NEWS) },
  { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
);
const sep = fc.constantFrom(' ', ' ', ' ', '', '\n', '. ', ', ', '\n\n', '\r\n');
/** A string of news-like pieces, up to about a thousand characters. */
const newsText = fc.array(fc.tuple(piece, sep), { maxLength: 120 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
/** Mostly news-like, sometimes arbitrary code units. */
const anyText = fc.oneof({ weight: 4, arbitrary: newsText }, { weight: 1, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 300 }) });
const lean = fc.constantFrom<Lean>('past', 'future', 'neutral');
const published = fc.constantFrom('2024-05-17', '2022-02-28', '2024-02-29', '2021-12-31', '2000-01-01');

const article = (text: string, pub: string | null = '2024-05-17', language: string | null = 'es'): Article =>
  ({ id: 'fuzz', url: null, outlet: null, published: pub, language, title: null, text, origin: { file: 'fuzz.txt' } });

const okResults = (results: ReadResult[]): void => {
  for (const r of results) {
    if (r.kind === 'article') assert.equal(typeof r.article.text, 'string');
    else assert.ok(r.problem.level === 'error' || r.problem.level === 'warning');
  }
};

// ---- readers ---------------------------------------------------------------------------------

test('fuzz: bytes decode to text (or "binary file") without a throw, line endings unified', () => {
  fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 400 }), newsText.map((s) => new Uint8Array(Buffer.from(s, 'utf8')))), (bytes) => {
    const r = timed('decodeBytes', () => decodeBytes(bytes));
    if (r.ok) assert.ok(!r.text.includes('\r'));
  }), params(2000));
});

test('fuzz: front matter and text articles: no throw; the body is the text after bodyStart', () => {
  const fmText = fc.tuple(newsText, fc.array(fc.tuple(fc.constantFrom('id', 'published', 'language', 'title', 'url', 'outlet', 'x'), newsText.map((s) => s.slice(0, 40))), { maxLength: 5 }), fc.boolean(), fc.boolean())
    .map(([body, kv, open, close]) => `${open ? '---\n' : ''}${kv.map(([k, v]) => `${k}: ${v}`).join('\n')}${close ? '\n---\n' : '\n'}${body}`);
  fc.assert(fc.property(fc.oneof(fmText, anyText), fc.boolean(), (text, markdown) => {
    const fm = timed('splitFrontMatter', () => splitFrontMatter(text));
    inside(text, { start: fm.bodyStart, end: text.length }, fm.body, 'body');
    okResults(timed('parseTextArticle', () => parseTextArticle(text, { file: 'a.md' }, { markdown })));
    assert.equal(typeof timed('stripMarkdown', () => stripMarkdown(text)), 'string');
  }), params(2000));
});

test('fuzz: JSONL records and streams: per-line problems, never a throw, lines in order', async () => {
  const value = fc.oneof(newsText, fc.jsonValue({ maxDepth: 2 }), fc.constant(null));
  const record = fc.record({ id: value, text: fc.oneof(newsText, value), body: value, published: fc.oneof(published, newsText, value), language: fc.oneof(fc.constantFrom('es', 'ES-mx', 'en', 'ja', 'x'), value) }, { requiredKeys: [] });
  fc.assert(fc.property(fc.oneof(record, fc.jsonValue({ maxDepth: 3 })), (rec) => {
    okResults(timed('parseJsonlRecord', () => parseJsonlRecord(rec, { file: 'a.jsonl', line: 1 })));
  }), params(1500));
  const line = fc.oneof(record.map((r) => JSON.stringify(r)), anyText.map((s) => s.replace(/\n/g, ' ')), fc.constant(''), fc.constant('{"text": "sin cerrar'));
  await fc.assert(fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), async (lines, cuts) => {
    // Bytes split at arbitrary points, possibly inside a multi-byte character.
    const bytes = Buffer.from(lines.join('\n'), 'utf8');
    const chunks: Uint8Array[] = [];
    for (let pos = 0, i = 0; pos < bytes.length; i++) {
      const n = cuts[i % cuts.length]!;
      chunks.push(bytes.subarray(pos, pos + n));
      pos += n;
    }
    const results: ReadResult[] = [];
    const t0 = performance.now();
    for await (const r of readJsonlStream((async function* () { yield* chunks; })(), 'a.jsonl')) results.push(r);
    assert.ok(performance.now() - t0 < CALL_MS);
    okResults(results);
    let last = 0;
    for (const r of results) {
      const n = r.kind === 'article' ? r.article.origin.line : r.problem.origin.line;
      if (n === undefined) continue;
      // Lines as readline counts them: a lone CR ends a line too.
      assert.ok(n >= last && n <= lines.join('\n').split(/\r\n|\r|\n/).length + 1, `line ${n} after ${last}`);
      last = n;
    }
  }), params(750));
});

test('fuzz: HTML pages: no throw, plain text out', () => {
  const tag = fc.constantFrom('<p>', '</p>', '<div>', '</div>', '<article>', '</article>', '<span class="x">', '</span>', '<br>', '<br/>',
    '<script>var a = "<p>";</script>', '<style>p{}</style>', '<h1>', '</h1>', '<ul><li>', '</li></ul>', '<table><tr><td>', '<!-- c -->',
    '<time datetime="2024-02-30">', '<meta property="article:published_time" content="2024-05-17T10:00:00Z">', '<title>', '</title>',
    '<html lang="es">', '<a href="https://x.y/">', '</a>', '<', '>', '&', '"', '<svg><p>', '<template>', '<noscript>', '<iframe>');
  const page = fc.array(fc.oneof({ weight: 2, arbitrary: tag }, { weight: 3, arbitrary: newsText.map((s) => s.slice(0, 80)) }), { maxLength: 40 }).map((a) => a.join(''));
  fc.assert(fc.property(fc.oneof({ weight: 4, arbitrary: page }, { weight: 1, arbitrary: anyText }), (html) => {
    okResults(timed('parseHtmlArticle', () => parseHtmlArticle(html, { file: 'a.html' })));
  }), params(750));
});

// ---- cleaner, segmenter, tokenizer, dates ----------------------------------------------------

test('fuzz: cleaner: removed blocks and kept blocks are spans of the input that slice back', () => {
  fc.assert(fc.property(anyText, (text) => {
    const r = timed('cleanText', () => cleanText(text));
    for (const b of r.removed) inside(text, b, b.text, `removed ${b.rule}`);
    for (const m of r.map) {
      inside(text, { start: m.inputStart, end: m.inputStart + m.length }, undefined, 'map input');
      inside(r.text, { start: m.cleanStart, end: m.cleanStart + m.length }, text.slice(m.inputStart, m.inputStart + m.length), 'map clean');
    }
  }), params(2500));
});

/** Run-on text of several thousand characters without sentence punctuation (the sentence cap's path). */
const runOn = fc.tuple(newsText, fc.integer({ min: 2, max: 40 })).map(([s, k]) => s.replace(/[.!?…]/g, ' ').repeat(k).slice(0, 12_000));

test('fuzz: segmenter: paragraphs, sentences and tokens are ordered spans that slice back to their text', () => {
  fc.assert(fc.property(fc.oneof({ weight: 5, arbitrary: anyText }, { weight: 1, arbitrary: runOn }), (text) => {
    const doc = timed('segment', () => segment(text));
    assert.equal(doc.text, text);
    let prevEnd = 0;
    for (const p of doc.paragraphs) inside(text, p, p.text, 'paragraph');
    for (const s of doc.sentences) {
      inside(text, s, s.text, 'sentence');
      assert.ok(s.start >= prevEnd, 'sentences overlap or go backwards');
      assert.ok(s.start < s.end, 'empty sentence');
      prevEnd = s.end;
      const para = doc.paragraphs[s.paragraph];
      assert.ok(para && para.start <= s.start && s.end <= para.end, 'sentence outside its paragraph');
      let tokEnd = s.start;
      for (const t of s.tokens) {
        inside(text, t, t.text, 'token');
        assert.ok(t.start >= tokEnd && t.end <= s.end && t.start < t.end, 'token out of order or outside its sentence');
        tokEnd = t.end;
      }
    }
  }), params(2000));
  fc.assert(fc.property(anyText, fc.integer({ min: 0, max: 50 }), (text, base) => {
    for (const t of timed('tokenize', () => tokenize(text, base))) inside(text, { start: t.start - base, end: t.end - base }, t.text, 'token');
  }), params(1500));
});

test('fuzz: dates: expressions are ordered, non-overlapping spans of the text; resolution never throws', () => {
  fc.assert(fc.property(anyText, published, lean, (text, pub, l) => {
    const exprs = timed('findDateExpressions', () => findDateExpressions(text));
    let prevEnd = 0;
    for (const e of exprs) {
      inside(text, e, e.text, `date ${e.rule}`);
      assert.ok(e.start >= prevEnd && e.start < e.end, 'date expressions overlap');
      prevEnd = e.end;
      const d = resolveDate(e, pub, l);
      if (d) {
        assert.match(d.start, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(d.start <= d.end, `${e.text}: ${d.start} > ${d.end}`);
        assert.ok(!Number.isNaN(Date.parse(d.end)));
      }
    }
  }), params(2500));
  // Explicit reference dates: a bad one is refused with a RangeError, never a wrong date.
  assert.throws(() => resolveDate(findDateExpressions('el lunes')[0]!, '2023-02-30', 'past'), RangeError);
});

// ---- mentions and the whole coder ------------------------------------------------------------

let shared: Coder | null = null;
const coder = (): Coder => (shared ??= new Coder());

test('fuzz: mention finder: mentions are spans inside their sentence that match their token range', () => {
  const finder = coder().engines_('es').mentions;
  fc.assert(fc.property(newsText, (text) => {
    const doc = segment(text);
    const memory = newMemory('2024-05-17');
    for (const s of doc.sentences) {
      let prevStart = s.start;
      for (const m of timed('mentions', () => finder.find(s, memory))) {
        inside(text, m, undefined, 'mention');
        assert.ok(m.start >= prevStart && m.end <= s.end, 'mention out of order or outside its sentence');
        assert.ok(m.tokStart >= 0 && m.tokStart < m.tokEnd && m.tokEnd <= s.tokens.length, 'mention token range');
        assert.equal(m.start, s.tokens[m.tokStart]!.start);
        assert.equal(m.end, s.tokens[m.tokEnd - 1]!.end);
        prevStart = m.start;
      }
    }
  }), params(1500));
});

// Found by the fuzzer: a state followed by an apposed title became a second, overlapping "new person" mention.
test('mention finder: mentions do not overlap, as documented', () => {
  const doc = segment('EE. UU., canciller ');
  const spans = coder().engines_('es').mentions.find(doc.sentences[0]!, newMemory('2024-05-17')).map((m) => [m.start, m.end]);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]![0]! >= spans[i - 1]![1]!, JSON.stringify(spans));
});

test('fuzz: Coder.code: no throw but UnsupportedArticle; evidence and trace spans slice back to the cleaned text', () => {
  fc.assert(fc.property(anyText, fc.constantFrom<string | null>('es', 'es', 'es', null, 'en', 'xx'), fc.constantFrom<string | null>('2024-05-17', '2024-02-29', null), (text, language, pub) => {
    let coded;
    try {
      coded = timed('Coder.code', () => coder().code(article(text, pub, language)));
    } catch (err) {
      assert.ok(err instanceof UnsupportedArticle, `unexpected ${(err as Error).stack}`);
      assert.ok(language !== null && language !== 'es');
      return;
    }
    const clean = coded.clean.text;
    assert.equal(coded.doc.text, clean);
    for (const b of coded.clean.removed) inside(text, b, b.text, 'removed');
    for (const e of coded.events) {
      inside(clean, e.evidence, e.evidence.text, `evidence of ${e.type}`);
      assert.ok(e.evidence.text.includes(e.evidence.trigger) || e.evidence.trigger.length > 0);
      if (e.date) assert.ok(e.date.start <= e.date.end, `event date ${e.date.start} > ${e.date.end}`);
      assert.ok(e.confidence >= 0 && e.confidence <= 1, `confidence ${e.confidence}`);
    }
    for (const s of coded.trace) {
      const sentence = coded.doc.sentences[s.index];
      assert.ok(sentence, `trace for sentence ${s.index}`);
      assert.equal(s.text, sentence.text);
      for (const m of s.mentions) {
        inside(clean, m, m.text, 'trace mention');
        assert.ok(m.start >= sentence.start && m.end <= sentence.end, 'trace mention outside its sentence');
      }
    }
  }), params(1500));
});
