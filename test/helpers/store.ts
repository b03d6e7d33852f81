// Test helper: a fresh store in a temp folder, filled with coded articles through the ingest path.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBatch } from '../../src/cli/ingest.js';
import { readInputs } from '../../src/ingest/index.js';
import { toStoredArticle, type StoredArticle } from '../../src/store/model.js';
import { openStore, type Store } from '../../src/store/sqlite.js';
import { article, coder } from './code.js';

export const tempDb = (): string => join(mkdtempSync(join(tmpdir(), 'atalaya-store-')), 'test.db');

export function storedText(text: string, id: string, published = '2025-03-04', extra: Partial<StoredArticle> = {}): StoredArticle {
  return { ...toStoredArticle(coder().code(article(text, published, id))), ...extra };
}

export function put(store: Store, articles: StoredArticle[]): void {
  writeBatch(store, articles, (_a, err) => { throw err; });
}

/** Codes every article of examples/ (as `atalaya ingest examples/` would read them). */
export async function exampleArticles(): Promise<StoredArticle[]> {
  const out: StoredArticle[] = [];
  for await (const item of readInputs(['examples/'], {})) if (item.kind === 'article') out.push(toStoredArticle(coder().code(item.article)));
  return out;
}

export async function examplesStore(): Promise<Store> {
  const store = openStore(tempDb());
  put(store, await exampleArticles());
  return store;
}

export const exampleFiles = (): string[] => readdirSync('examples').map((f) => readFileSync(join('examples', f), 'utf8'));
