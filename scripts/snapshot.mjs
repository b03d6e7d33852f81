// `npm run snapshot`: writes test/fixtures/gold/snapshot.md, the events coded for every dev article,
// so that a change in extraction shows up as a diff in review.
import { writeFileSync } from 'node:fs';
import { Coder } from '../dist/coder.js';
import { codeInputs } from '../dist/cli/batch.js';
import { articleFiles } from '../dist/eval/run.js';

const dir = 'test/fixtures/gold/dev';
const coder = new Coder();
const rows = [];
const side = (actors) => actors.map((a) => `${a.name} (${a.org ?? a.country ?? '?'}${a.sector ? '/' + a.sector : ''})`).join('; ') || '—';
const cell = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ');
await codeInputs(articleFiles(dir), coder, {
  quiet: true,
  onArticle: (c) => {
    for (const e of c.events) {
      const date = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) + ` ${e.date.basis}` : '—';
      rows.push(`| ${c.article.id} | ${e.type}${e.mode ? '/' + e.mode : ''} | ${cell(side(e.source))} | ${cell(side(e.target))} | ${date} | ${e.status} | ${cell(e.evidence.trigger)} | ${e.evidence.rule} |`);
    }
  },
});
const out = [
  '# Coded events of the dev split',
  '',
  'Written by `npm run snapshot`; review its diff after every change to extraction.',
  '',
  '| article | type | source | target | date | status | trigger | rule |',
  '|---|---|---|---|---|---|---|---|',
  ...rows,
  '',
].join('\n');
writeFileSync('test/fixtures/gold/snapshot.md', out);
console.log(`wrote test/fixtures/gold/snapshot.md (${rows.length} events)`);
