// A set of multi-word phrases matched on token keys: the one matching structure behind every cue list.
import type { Token } from '../text/model.js';
import { fold } from '../text/normalize.js';

export type Tokenizer = (text: string) => Token[];

interface Node {
  next: Map<string, Node>;
  value: string | null;
}

/**
 * Token key used for phrase lookups: lower-cased with accents kept, because Spanish cue words differ
 * by accent alone ("si" = if, "sí" = yes; "que"/"qué").
 */
export const phraseKey = (t: Token): string => t.lower ?? t.text.toLowerCase();

export class PhraseSet {
  private readonly root: Node = { next: new Map(), value: null };
  readonly size: number;

  /**
   * @param phrases phrases as written in the language data; `value` lets a phrase carry a label.
   * @example new PhraseSet(tokenize, ['se negó a', 'se negaron a']).matchAt(tokens, 3)
   */
  constructor(tokenize: Tokenizer, phrases: Iterable<string>, label: (p: string) => string = (p) => fold(p)) {
    let n = 0;
    for (const p of phrases) {
      const keys = tokenize(p).map(phraseKey);
      if (keys.length === 0) continue;
      let node = this.root;
      for (const k of keys) {
        let child = node.next.get(k);
        if (!child) { child = { next: new Map(), value: null }; node.next.set(k, child); }
        node = child;
      }
      node.value = label(p);
      n++;
    }
    this.size = n;
  }

  /** Longest phrase starting at token i: its end (exclusive) and label, or null. */
  matchAt(tokens: readonly Token[], i: number): { end: number; value: string } | null {
    let node = this.root;
    let best: { end: number; value: string } | null = null;
    for (let j = i; j < tokens.length; j++) {
      const child = node.next.get(phraseKey(tokens[j] as Token));
      if (!child) break;
      node = child;
      if (node.value !== null) best = { end: j + 1, value: node.value };
    }
    return best;
  }

  /** Whether a phrase of the set ends exactly at token index `end` (exclusive), starting no earlier than `from`. */
  endsAt(tokens: readonly Token[], end: number, from = 0): { start: number; value: string } | null {
    for (let i = Math.max(from, end - 6); i < end; i++) {
      const m = this.matchAt(tokens, i);
      if (m && m.end === end) return { start: i, value: m.value };
    }
    return null;
  }

  /** First match inside [from, to). */
  findIn(tokens: readonly Token[], from: number, to: number): { start: number; end: number; value: string } | null {
    for (let i = Math.max(0, from); i < Math.min(to, tokens.length); i++) {
      const m = this.matchAt(tokens, i);
      if (m && m.end <= to) return { start: i, ...m };
    }
    return null;
  }

  /** Last match inside [from, to). */
  findLastIn(tokens: readonly Token[], from: number, to: number): { start: number; end: number; value: string } | null {
    for (let i = Math.min(to, tokens.length) - 1; i >= Math.max(0, from); i--) {
      const m = this.matchAt(tokens, i);
      if (m && m.end <= to) return { start: i, ...m };
    }
    return null;
  }
}
