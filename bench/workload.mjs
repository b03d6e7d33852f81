// Builds the benchmark workload: a JSONL file of N Spanish news articles made by cycling the
// project's fixture articles (test/fixtures/gold, examples/) with distinct ids and light variation.
//
// Variation, so the workload is not a handful of identical texts repeated: each copy keeps its
// opening paragraph (dateline and lead) and shuffles the order of the others with a seeded PRNG,
// and gets its own id and URL. Texts stay real Spanish news copy; no language field is written,
// so the coder identifies the language as it would for a feed that does not state it.
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SOURCES = ['test/fixtures/gold/dev', 'test/fixtures/gold/test', 'examples'].map((p) => join(ROOT, p));

/** mulberry32: a small seeded PRNG, so a workload is the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixture articles, read with Atalaya's own readers (dist/ must be built). */
export async function baseArticles() {
  const { readInputs } = await import(join(ROOT, 'dist/ingest/index.js'));
  const out = [];
  for await (const r of readInputs(SOURCES)) if (r.kind === 'article') out.push(r.article);
  if (out.length === 0) throw new Error('no fixture articles found');
  return out;
}

function vary(article, copy, rand) {
  const paras = article.text.split(/\n[ \t]*\n/);
  // The first paragraph is often a dateline ("MOSCÚ, 16 Ago. (AGENCIA) -"); keep it and the lead in place.
  const head = paras.slice(0, 2);
  const rest = paras.slice(2);
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  const id = `${article.id}~${copy}`;
  return {
    id,
    published: article.published,
    outlet: article.outlet,
    url: `https://bench.example/${encodeURIComponent(article.id)}/${copy}`,
    title: article.title,
    text: [...head, ...rest].join('\n\n'),
  };
}

/**
 * Yields `count` workload records (plain objects, one JSONL line each).
 * @example for await (const rec of records(100)) console.log(rec.id)
 */
export async function* records(count, seed = 7) {
  const base = await baseArticles();
  const rand = prng(seed);
  for (let i = 0; i < count; i++) {
    const a = base[i % base.length];
    yield vary(a, Math.floor(i / base.length), rand);
  }
}

/**
 * Writes `count` articles to `file` as JSONL (skipped when a file of that many lines already
 * exists there: its name carries the count). Returns { file, articles, bytes }.
 */
export async function writeWorkload(file, count, seed = 7) {
  if (existsSync(file)) return { file, articles: count, bytes: statSync(file).size, reused: true };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  const out = createWriteStream(tmp);
  const write = (s) => (out.write(s) ? null : new Promise((r) => out.once('drain', r)));
  for await (const rec of records(count, seed)) await write(JSON.stringify(rec) + '\n');
  await new Promise((r) => out.end(r));
  const { renameSync } = await import('node:fs');
  renameSync(tmp, file);
  return { file, articles: count, bytes: statSync(file).size, reused: false };
}
