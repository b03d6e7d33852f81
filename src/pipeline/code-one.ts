// Codes one article into a plain, cloneable result, and the messages between the pool and its workers.
import { Coder, UnsupportedArticle } from '../coder.js';
import type { EventRecord } from '../events/model.js';
import type { Article, ItemProblem } from '../ingest/article.js';
import type { KbProblem } from '../kb/load.js';
import type { StoredArticle, toStoredArticle } from '../store/model.js';

/** An article's events (and stored form when asked), or the problem that stopped it. */
export type CodeResult = { events: EventRecord[]; stored?: StoredArticle } | { problem: ItemProblem };

/** What each worker is started with. */
export interface WorkerSetup { kbFiles: string[]; stored: boolean }
export type WorkerRequest = { type: 'chunk'; seq: number; articles: Article[] };
export type WorkerResponse =
  | { type: 'ready'; kbProblems: KbProblem[] }
  | { type: 'done'; seq: number; results: CodeResult[] }
  | { type: 'fatal'; message: string };

/**
 * Codes one article; an unsupported language is a warning and any other failure an error, with
 * the messages `atalaya code` has always printed.
 */
export function codeOne(coder: Coder, article: Article, toStored: typeof toStoredArticle | null): CodeResult {
  try {
    const coded = coder.code(article);
    return toStored ? { events: coded.events, stored: toStored(coded) } : { events: coded.events };
  } catch (err) {
    const unsupported = err instanceof UnsupportedArticle;
    return {
      problem: {
        level: unsupported ? 'warning' : 'error',
        origin: article.origin,
        message: unsupported ? `skipped: ${err.message}` : `cannot code article ${article.id}: ${(err as Error).message}`,
      },
    };
  }
}
