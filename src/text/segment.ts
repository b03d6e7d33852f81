// Splits cleaned text into paragraphs, sentences and tokens, every unit carrying offsets into that text.
import type { Paragraph, Segmented, Sentence, Span } from './model.js';
import { fold } from './normalize.js';
import { loadAbbreviations, tokenize, type AbbreviationSets } from './tokenize.js';

/** Intl.Segmenter is quadratic in input length on Node 20: never hand it more than this. */
export const MAX_SEGMENTER_CHARS = 20_000;

/** Sentence-final punctuation, possibly followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…][\s"'»”’)\]]*$/u;
/** Characters a new paragraph line can start with (besides a capital or digit). */
const LINE_START = /^[\p{Lu}\p{N}¿¡«"“'‘—–\-•·*(]/u;
/** A line ending like this continues on the next line. */
const OPEN_END = /[,;:(\-–—]$/u;

const segmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** Non-blank lines of text[start,end), trimmed. */
function linesOf(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let pos = start;
  while (pos <= end) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1 || nl > end) nl = end;
    const span = trimSpan(text, pos, nl);
    if (span) out.push(span);
    pos = nl + 1;
  }
  return out;
}

/**
 * Paragraphs: blocks separated by blank lines, further split at single newlines between short
 * headline-like lines ("Titular\n31 de diciembre de 2021"). Hard-wrapped prose (several long
 * lines without final punctuation) stays one paragraph.
 * @example splitParagraphs('Titular\nEl ministro habló.\n\nOtro párrafo.').map((p) => p.text) // => ['Titular', 'El ministro habló.', 'Otro párrafo.']
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const push = (s: number, e: number): void => {
    paragraphs.push({ start: s, end: e, text: text.slice(s, e) });
  };
  const blockRe = /\n[ \t\u00a0\r\f\v]*\n\s*/g;
  let blockStart = 0;
  const blocks: Span[] = [];
  for (let m = blockRe.exec(text); ; m = blockRe.exec(text)) {
    const blockEnd = m ? m.index : text.length;
    const span = trimSpan(text, blockStart, blockEnd);
    if (span) blocks.push(span);
    if (!m) break;
    blockStart = m.index + m[0].length;
  }
  for (const block of blocks) {
    const lines = linesOf(text, block.start, block.end);
    const lineText = lines.map((l) => text.slice(l.start, l.end));
    const wrapped = lineText.slice(0, -1).filter((l) => l.length >= 50 && !SENTENCE_END.test(l)).length >= 2;
    let start = lines[0]!.start;
    for (let i = 0; i + 1 < lines.length; i++) {
      const cur = lineText[i]!;
      const next = lineText[i + 1]!;
      const headlineLike = cur.length < 120 && !OPEN_END.test(cur);
      if (!wrapped && LINE_START.test(next) && (SENTENCE_END.test(cur) || headlineLike)) {
        push(start, lines[i]!.end);
        start = lines[i + 1]!.start;
      }
    }
    push(start, lines[lines.length - 1]!.end);
  }
  return paragraphs;
}

/**
 * Cut [start,end) into pieces of at most `max` characters, preferring to cut after a newline,
 * then after "; ", then at a space.
 */
export function cutLong(text: string, start: number, end: number, max = MAX_SEGMENTER_CHARS): Span[] {
  const out: Span[] = [];
  let s = start;
  while (end - s > max) {
    const window = text.slice(s, s + max);
    let cut = window.lastIndexOf('\n');
    if (cut <= 0) {
      const semi = window.lastIndexOf('; ');
      cut = semi > 0 ? semi + 1 : -1;
    }
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = max - 1;
    out.push({ start: s, end: s + cut + 1 });
    s += cut + 1;
  }
  out.push({ start: s, end });
  return out;
}

/** The last whitespace-delimited word of a piece, without opening punctuation. */
function lastWord(piece: string): string {
  // Scanned from the end: a regex anchored with $ would rescan the whole piece, and pieces grow
  // as false breaks are merged ("Sr. Sr. Sr. …" was quadratic).
  let end = piece.length;
  while (end > 0 && /\s/u.test(piece[end - 1]!)) end--;
  let start = end;
  while (start > 0 && !/\s/u.test(piece[start - 1]!)) start--;
  return piece.slice(start, end).replace(/^[(«"“‘'¿¡\[]+/u, '');
}

/**
 * Longest sentence handed to extraction (the longest in the gold corpora is ~450 chars). Clause
 * analysis is quadratic in sentence length, so text without sentence punctuation (a run-on
 * transcript, a page reduced to one line) is cut into pieces of at most this many characters.
 */
export const MAX_SENTENCE_CHARS = 2_000;

/** Longest sentence that merging the sentences of one quotation may produce. */
const MAX_QUOTE_SENTENCE = 600;

/** Whether a piece opens a quotation it does not close (guillemets, curly or straight double quotes). */
function openQuote(piece: string): boolean {
  const count = (re: RegExp): number => piece.match(re)?.length ?? 0;
  return count(/«/g) > count(/»/g) || count(/“/g) > count(/”/g) || count(/"/g) % 2 === 1;
}

/** Whether a piece closes a quotation opened before it. */
function closesQuote(piece: string): boolean {
  const count = (re: RegExp): number => piece.match(re)?.length ?? 0;
  return count(/»/g) > count(/«/g) || count(/”/g) > count(/“/g) || count(/"/g) % 2 === 1;
}

/** Whether Intl.Segmenter's break between `prev` and `next` is false and must be undone. */
function shouldMerge(prev: string, next: string, abbr: AbbreviationSets): boolean {
  // A sentence never starts lower-case ("EE. UU. y Rusia", "«…participar.» dijo", "¿Qué? dijo él")
  // nor with closing or continuing punctuation.
  if (/^[\p{Ll},;:)\]»”’%]/u.test(next)) return true;
  const word = lastWord(prev);
  if (abbr.neverFinal.has(fold(word))) return true;
  // An initial before a capitalised word: "J. F. Kennedy".
  if (/^\p{Lu}\.$/u.test(word) && /^\p{Lu}/u.test(next)) return true;
  return false;
}

/**
 * Sentence spans of text[start,end) (one paragraph): Intl.Segmenter on pieces of at most
 * 20,000 chars, then false breaks after abbreviations, initials and quotes merged back, and
 * the sentences of a short quotation (up to 600 chars) kept together with its attribution;
 * a sentence over MAX_SENTENCE_CHARS is cut (at a newline, "; " or a space).
 * @example splitSentences('Lo dijo el Sr. García. Luego se fue.', 0, 35).length // => 2
 */
export function splitSentences(text: string, start: number, end: number, lang = 'es'): Span[] {
  const segmenter = sentenceSegmenter(lang);
  const abbr = loadAbbreviations(lang);
  const pieces: Span[] = [];
  for (const chunk of cutLong(text, start, end)) {
    // ICU treats "\n" as a hard break; inside a paragraph a newline is just a space (same length).
    const view = text.slice(chunk.start, chunk.end).replace(/\n/g, ' ');
    for (const seg of segmenter.segment(view)) {
      const span = trimSpan(text, chunk.start + seg.index, chunk.start + seg.index + seg.segment.length);
      if (span) pieces.push(span);
    }
  }
  const merged: Span[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    const prev = merged[merged.length - 1];
    if (prev && shouldMerge(text.slice(prev.start, prev.end), text.slice(piece.start, piece.end), abbr)) {
      prev.end = piece.end;
      continue;
    }
    const current = { ...piece };
    merged.push(current);
    // A short quotation of several sentences stays one sentence with its attribution:
    // «Fue franca. Fue útil», concluyó el comunicado.
    if (openQuote(text.slice(current.start, current.end))) {
      for (let j = i + 1; j < pieces.length && pieces[j]!.end - current.start <= MAX_QUOTE_SENTENCE; j++) {
        if (closesQuote(text.slice(pieces[j]!.start, pieces[j]!.end))) {
          current.end = pieces[j]!.end;
          i = j;
          break;
        }
      }
    }
  }
  if (merged.every((m) => m.end - m.start <= MAX_SENTENCE_CHARS)) return merged;
  return merged.flatMap((m) => cutLong(text, m.start, m.end, MAX_SENTENCE_CHARS).flatMap((c) => trimSpan(text, c.start, c.end) ?? []));
}

/**
 * Segment cleaned text into paragraphs, sentences and tokens; all offsets index `text`.
 * @example
 * const doc = segment('El secretario de EE. UU. habló con el Sr. Shoigu. Fue la primera llamada.');
 * doc.sentences.map((s) => s.text) // => ['El secretario de EE. UU. habló con el Sr. Shoigu.', 'Fue la primera llamada.']
 */
export function segment(text: string, lang = 'es'): Segmented {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, index) => {
    for (const span of splitSentences(text, p.start, p.end, lang)) {
      const sentenceText = text.slice(span.start, span.end);
      sentences.push({
        start: span.start,
        end: span.end,
        text: sentenceText,
        paragraph: index,
        tokens: tokenize(sentenceText, span.start, lang),
      });
    }
  });
  return { text, paragraphs, sentences };
}
