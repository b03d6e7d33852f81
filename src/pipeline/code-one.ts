// Codes one article into a plain, cloneable result, and the messages between the pool and its workers.
import { Coder, UnsupportedArticle } from '../coder.js';
import { csvRow } from '../events/csv.js';
import type { EventRecord } from '../events/model.js';
import type { Article, ItemProblem } from '../ingest/article.js';
import type { KbProblem } from '../kb/load.js';
import type { StoredArticle, toStoredArticle } from '../store/model.js';

/**
 * An article's events (and stored form when asked), or the problem that stopped it. With a
 * renderer the events come as `lines`, one rendered record each, and `events` is empty: strings
 * cross a thread boundary far more cheaply than object graphs.
 */
export type CodeResult = { events: EventRecord[]; lines?: string[]; stored?: StoredArticle } | { problem: ItemProblem };

/** How events can be rendered where they are coded: a JSON object each, or a CSV row each. */
export type Render = 'json' | 'csv';
const renderers: Record<Render, (e: EventRecord) => string> = { json: (e) => JSON.stringify(e), csv: csvRow };

/** What each worker is started with. */
export interface WorkerSetup { kbFiles: string[]; stored: boolean; render: Render | null }
export type WorkerRequest = { type: 'chunk'; seq: number; articles: Article[] };
export type WorkerResponse =
  | { type: 'ready'; kbProblems: KbProblem[] }
  | { type: 'done'; seq: number; results: CodeResult[] }
  | { type: 'fatal'; message: string };

/**
 * Codes one article; an unsupported language is a warning and any other failure an error, with
 * the messages `atalaya code` has always printed.
 */
export function codeOne(coder: Coder, article: Article, toStored: typeof toStoredArticle | null, render: Render | null = null): CodeResult {
  try {
    const coded = coder.code(article);
    const stored = toStored ? { stored: toStored(coded) } : {};
    return render ? { events: [], lines: coded.events.map(renderers[render]), ...stored } : { events: coded.events, ...stored };
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
