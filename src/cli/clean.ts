// `atalaya clean FILE`: the cleaned text, then each removed block with its rule.
import { cleanText } from '../clean/index.js';
import { readOneArticle } from './single.js';

export async function cleanCommand(file: string): Promise<number> {
  const article = await readOneArticle(file);
  if (!article) return 1;
  const result = cleanText(article.text, article.language ?? 'es');
  process.stdout.write(result.text + '\n');
  process.stdout.write(`\n--- removed ${result.removed.length} block(s) ---\n`);
  for (const r of result.removed) process.stdout.write(`[${r.rule}] ${r.start}-${r.end}: ${r.text.replace(/\s+/g, ' ').trim()}\n`);
  return 0;
}
