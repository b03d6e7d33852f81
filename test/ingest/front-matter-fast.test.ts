import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { simpleFrontMatter, splitFrontMatter } from '../../src/ingest/front-matter.js';

// The simple reader must give exactly what YAML's failsafe schema gives, or decline (null).
const PIECES = ['id', 'title', 'published', 'url', 'a', 'id2', ':', ': ', ' ', '  ', '\t', '"', "'", '#', ' #', '-', '2024-05-13', '000', 'true', 'null', '~',
  'https://x.y/z?a=b', 'El "acuerdo"', 'Señal', '[1, 2]', '{a: b}', '&a', '*a', '!tag', '|', '>', '%', '@', '`', '\\', '\\n', '\u00a0', '\u2028', '\u0085', '\ufeff',
  '😀', 'x: y', 'a,b', '?', '\n', '\n  ', 'é', '1.5', '0x1F', '.inf', '<<'];

function rand(seed: number): () => number {
  let a = seed;
  return () => { a = (a * 1103515245 + 12345) & 0x7fffffff; return a / 0x7fffffff; };
}

test('the simple front-matter reader agrees with yaml (failsafe) on every text it accepts', () => {
  const r = rand(42);
  let accepted = 0;
  for (let k = 0; k < 30_000; k++) {
    const lines: string[] = [];
    const n = 1 + Math.floor(r() * 4);
    for (let i = 0; i < n; i++) {
      let v = '';
      const m = Math.floor(r() * 4);
      for (let j = 0; j < m; j++) v += PIECES[Math.floor(r() * PIECES.length)];
      const key = ['id', 'title', 'published', 'url', 'outlet', 'language', 'id'][Math.floor(r() * 7)];
      lines.push(r() < 0.5 ? `${key}: ${v}` : `${key}: "${v}"`);
    }
    const text = lines.join('\n');
    const fast = simpleFrontMatter(text);
    if (fast === null) continue;
    accepted++;
    assert.deepEqual(fast, parse(text, { schema: 'failsafe' }), JSON.stringify(text));
  }
  assert.ok(accepted > 3000, `only ${accepted} accepted`);
});

test('real front matter takes the simple path with the same result', () => {
  const fm = 'id: "dev-001"\npublished: 2023-08-16\noutlet: "Agencia Ibérica"\ntitle: "Shoigu recibe en Moscú al ministro de Defensa iraní"\nurl: https://x.example/a/b?c=1';
  assert.deepEqual(simpleFrontMatter(fm), parse(fm, { schema: 'failsafe' }));
  assert.deepEqual(splitFrontMatter(`---\n${fm}\n---\nTexto.`).data, parse(fm, { schema: 'failsafe' }));
  assert.equal(simpleFrontMatter('id: 1\nid: 2'), null, 'duplicate keys go to yaml (which refuses them)');
  assert.equal(simpleFrontMatter('title: a # comment'), null);
  assert.equal(simpleFrontMatter('tags:\n  - a'), null);
});
