// Shared last step of every reader: validate metadata, apply options and build the Article.
import type { Article, ArticleOrigin, ItemProblem, ReadResult } from './article.js';
import { parsePublishedDate } from './dates.js';
import { normalizeLanguageTag } from './language.js';

/** Options every reader accepts. */
export interface ReadOptions {
  /** Fallback publication date (YYYY-MM-DD) for articles whose own date is missing or invalid. */
  published?: string;
  /** Largest article text accepted, in UTF-8 bytes (default 5 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Metadata as found in an input, before validation. */
export interface RawArticleFields {
  id: string;
  text: string;
  url?: unknown;
  outlet?: unknown;
  published?: unknown;
  language?: unknown;
  title?: unknown;
}

/** Shorthand for a problem result. */
export function problem(level: ItemProblem['level'], origin: ArticleOrigin, message: string): ReadResult {
  return { kind: 'problem', problem: { level, origin, message } };
}

/**
 * A byte count for messages.
 * @example formatSize(5 * 1024 * 1024) // => '5 MB'
 */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  const mb = kb / 1024;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

function optionalString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().normalize('NFC');
  return trimmed === '' ? null : trimmed;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Validate the fields and build the article: an invalid date gives a warning (and the fallback
 * date, if any, else null); text over `maxBytes` gives an error, text without a letter or digit a
 * warning (nothing to code); a missing language is identified.
 * @example assembleArticle({ id: 'a', text: 'El ministro habló.', published: '2024-02-30' }, { file: 'a.txt' })
 * // => [{ kind: 'problem', problem: { level: 'warning', … } }, { kind: 'article', article: { published: null, … } }]
 */
export function assembleArticle(fields: RawArticleFields, origin: ArticleOrigin, opts: ReadOptions = {}): ReadResult[] {
  const out: ReadResult[] = [];
  const text = fields.text;
  if (text.trim() === '') return [problem('warning', origin, 'no article text')];
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) {
    return [problem('error', origin, `article "${fields.id}" is too large: ${formatSize(size)} of text (limit ${formatSize(maxBytes)})`)];
  }
  if (!/[\p{L}\p{N}]/u.test(text)) return [problem('warning', origin, 'no words in article text (only punctuation or symbols)')];
  const fallback = opts.published ?? null;
  let published: string | null = fallback;
  if (!isMissing(fields.published)) {
    const parsed = parsePublishedDate(fields.published);
    if (parsed === null) {
      const shown = typeof fields.published === 'string' ? fields.published : JSON.stringify(fields.published);
      const then = fallback ? `using fallback ${fallback}` : 'published set to null';
      out.push(problem('warning', origin, `invalid published date "${shown}"; ${then}`));
    } else {
      published = parsed;
    }
  }
  const article: Article = {
    id: fields.id,
    url: optionalString(fields.url),
    outlet: optionalString(fields.outlet),
    published,
    // Identified later by readInputs (the detector loads lazily): null here means "not stated".
    language: normalizeLanguageTag(fields.language),
    title: optionalString(fields.title),
    text,
    origin,
  };
  out.push({ kind: 'article', article });
  return out;
}
