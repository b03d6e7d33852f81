// What the store keeps of one coded article: plain data, so it can cross a worker boundary.
import { createHash } from 'node:crypto';
import type { CodedArticle } from '../coder.js';
import type { Actor, EventRecord } from '../events/model.js';
import { fold } from '../text/normalize.js';

export interface StoredMention {
  start: number;
  end: number;
  text: string;
  actor: Actor | null;
}

export interface StoredArticle {
  id: string;
  /** Hash of the normalised input text: the same text under another id is the same article. */
  hash: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  /** The cleaned text that evidence and mention offsets point into. */
  text: string;
  mentions: StoredMention[];
  events: EventRecord[];
}

/**
 * Hash of an article's text after folding case, accents and whitespace.
 * @example textHash('Hola  Mundo') === textHash('hola mundo') // => true
 */
export const textHash = (text: string): string =>
  createHash('sha256').update(fold(text.normalize('NFC')).replace(/\s+/g, ' ').trim()).digest('hex');

export function toStoredArticle(coded: CodedArticle): StoredArticle {
  const a = coded.article;
  const mentions = coded.trace.flatMap((s) => s.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, actor: m.actors[0] ?? null })));
  return {
    id: a.id, hash: textHash(a.text), title: a.title, outlet: a.outlet, url: a.url, published: a.published, language: a.language ?? 'es',
    text: coded.clean.text, mentions, events: coded.events,
  };
}
