// Test helper: one shared Coder and a way to code a short article written in the test.
import { Coder } from '../../src/coder.js';
import type { EventRecord } from '../../src/events/model.js';
import type { Article } from '../../src/ingest/article.js';

let shared: Coder | null = null;
export const coder = (): Coder => (shared ??= new Coder());

export function article(text: string, published = '2024-05-17', id = 't1'): Article {
  return { id, url: null, outlet: null, published, language: 'es', title: null, text, origin: { file: `${id}.txt` } };
}

export function codeText(text: string, published?: string): EventRecord[] {
  return coder().code(article(text, published)).events;
}

/** Mentions of a text as "surface → resolution" strings, from the explain trace. */
export function mentionsOf(text: string, published?: string): Array<{ text: string; resolved: string }> {
  return coder().code(article(text, published)).trace.flatMap((s) => s.mentions.map((m) => ({ text: m.text, resolved: m.resolved })));
}

export const codes = (e: EventRecord, side: 'source' | 'target'): string[] => e[side].map((a) => a.org ?? a.country ?? '?');
