// Reads the one article a single-file command works on, reporting reader problems on stderr.
import { readInputs } from '../ingest/index.js';
import type { Article } from '../ingest/article.js';
import { formatProblem } from './batch.js';

export async function readOneArticle(file: string): Promise<Article | null> {
  let found: Article | null = null;
  for await (const item of readInputs([file])) {
    if (item.kind === 'problem') process.stderr.write(formatProblem(item.problem) + '\n');
    else if (!found) found = item.article;
  }
  if (!found) process.stderr.write(`error: ${file}: no article could be read\n`);
  return found;
}
