// Codes the articles a gold file describes and scores them: the one path shared by `atalaya eval` and the regression gate.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { codeInputs } from '../cli/batch.js';
import type { Coder } from '../coder.js';
import type { EventRecord } from '../events/model.js';
import { loadGold } from './gold.js';
import { scoreGold, type Report } from './score.js';

/**
 * @example const report = await evaluate('test/fixtures/gold/test/gold.json', ['test/fixtures/gold/test/'], coder)
 */
export async function evaluate(goldPath: string, inputs: string[], coder: Coder): Promise<Report> {
  const gold = loadGold(goldPath);
  const events: EventRecord[] = [];
  const coded = new Set<string>();
  await codeInputs(inputs, coder, {
    quiet: true,
    onArticle: (c) => {
      // Gold publication dates fill in for articles that carry none.
      const published = gold.articles[c.article.id]?.published;
      if (!c.article.published && published) c = coder.code({ ...c.article, published });
      coded.add(c.article.id);
      events.push(...c.events);
    },
  });
  return scoreGold(gold, events, coded);
}

/** The article files of a gold folder (everything but gold.json and snapshots). */
export const articleFiles = (dir: string): string[] =>
  readdirSync(dir).filter((f) => /\.(txt|md|html?|jsonl|ndjson)$/.test(f)).sort().map((f) => join(dir, f));
