// Splits a text around one span so the span can be wrapped in <mark> as plain text nodes
// (article text is never parsed as HTML).

export interface Split {
  before: string;
  marked: string;
  after: string;
  /** False when the offsets fell outside the text and were clamped. */
  exact: boolean;
}

/**
 * Cuts `text` at [start, end) (UTF-16 offsets, as the API gives them).
 * @example splitAt('ab<c>d', 2, 5) // => { before: 'ab', marked: '<c>', after: 'd', exact: true }
 */
export function splitAt(text: string, start: number, end: number): Split {
  const ok = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length;
  const s = ok ? start : Math.max(0, Math.min(text.length, Math.trunc(start) || 0));
  const e = ok ? end : Math.max(s, Math.min(text.length, Math.trunc(end) || 0));
  return { before: text.slice(0, s), marked: text.slice(s, e), after: text.slice(e), exact: ok };
}
