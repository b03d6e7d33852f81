// `atalaya explain FILE` and `atalaya mentions FILE`: what every stage saw and decided.
import { Coder } from '../coder.js';
import { describeEvent } from '../eval/report.js';
import { readOneArticle } from './single.js';

async function codeOne(file: string, kb: string[]) {
  const article = await readOneArticle(file);
  if (!article) return null;
  return new Coder({ kbFiles: kb }).code(article);
}

export async function mentionsCommand(file: string, opts: { kb: string[] }): Promise<number> {
  const coded = await codeOne(file, opts.kb);
  if (!coded) return 1;
  for (const s of coded.trace) for (const m of s.mentions) {
    process.stdout.write(`${m.start}-${m.end}\t${m.text}\t→ ${m.resolved}\t(${m.reason})\n`);
  }
  return 0;
}

export async function explainCommand(file: string, opts: { kb: string[] }): Promise<number> {
  const coded = await codeOne(file, opts.kb);
  if (!coded) return 1;
  const { article, clean } = coded;
  process.stdout.write(`article ${article.id} published ${article.published ?? 'unknown'} language ${article.language ?? '?'}\n`);
  for (const r of clean.removed) process.stdout.write(`removed [${r.rule}] ${r.text.replace(/\s+/g, ' ').trim().slice(0, 100)}\n`);
  for (const s of coded.trace) {
    process.stdout.write(`\n#${s.index} ${s.text.replace(/\s+/g, ' ')}\n`);
    for (const m of s.mentions) process.stdout.write(`  mention  "${m.text}" → ${m.resolved} (${m.reason})\n`);
    for (const d of s.dates) process.stdout.write(`  date     "${d.text}" (${d.rule})\n`);
    for (const c of s.candidates) {
      process.stdout.write(`  ${c.emitted ? 'EVENT' : 'drop '}    ${c.type} "${c.trigger}" [${c.rule}] — ${c.why}\n`);
      if (c.event) process.stdout.write(`           ${describeEvent(c.event)}${c.event.attribution ? ` (según ${c.event.attribution.name})` : ''}${c.event.location ? ` @${c.event.location.name}` : ''}\n`);
    }
  }
  process.stdout.write(`\nafter in-article merge: ${coded.events.length} events\n`);
  for (const e of coded.events) process.stdout.write(`  ${e.id} ${describeEvent(e)}\n`);
  return 0;
}
