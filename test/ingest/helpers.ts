// Shared helpers for the ingest tests: fixture paths, temp dirs and result collection.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ItemProblem, ReadResult } from '../../src/ingest/article.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/inputs/', import.meta.url));

export const fixture = (name: string): string => join(FIXTURES, name);

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'atalaya-ingest-'));

export async function collect(results: AsyncIterable<ReadResult> | Iterable<ReadResult>): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

export const articles = (rs: ReadResult[]): Article[] =>
  rs.flatMap((r) => (r.kind === 'article' ? [r.article] : []));

export const problems = (rs: ReadResult[]): ItemProblem[] =>
  rs.flatMap((r) => (r.kind === 'problem' ? [r.problem] : []));
