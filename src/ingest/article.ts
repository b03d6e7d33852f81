// The one value every input reader produces: a news article before cleaning.

/** Where an article came from, for per-item error messages ("error: FILE:LINE: reason"). */
export interface ArticleOrigin {
  /** File path as given on the command line (or "-" for stdin). */
  file: string;
  /** 1-based line for JSONL inputs; undefined for whole-file inputs. */
  line?: number;
}

/** A news article as read from any input format. `text` is plain text (HTML already reduced). */
export interface Article {
  id: string;
  url: string | null;
  outlet: string | null;
  /** Publication date as YYYY-MM-DD, or null when unknown. */
  published: string | null;
  /** ISO 639-1 code ("es"), or null when not yet identified. */
  language: string | null;
  title: string | null;
  text: string;
  origin: ArticleOrigin;
}

/** A problem with one input item; the batch goes on. */
export interface ItemProblem {
  level: 'error' | 'warning';
  origin: ArticleOrigin;
  message: string;
}

/** What a reader yields: either an article or a problem naming the item. */
export type ReadResult = { kind: 'article'; article: Article } | { kind: 'problem'; problem: ItemProblem };
