// Accent- and case-folding used for every lexicon and knowledge-base lookup.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower-case and strip diacritics, keeping ñ distinct from n (it is a letter in Spanish).
 * Length-preserving for precomposed Latin text, so offsets survive folding.
 * @example fold('Shoigú') // => 'shoigu'
 */
export function fold(text: string): string {
  // ASCII folds to its lower case: no diacritics, one char per char. Most tokens take this path.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) < 0x80) i++;
  if (i === text.length) return text.toLowerCase();
  let out = text.slice(0, i).toLowerCase();
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) { out += text[i]!.toLowerCase(); i++; continue; }
    const nextCode = text.charCodeAt(i + 1);
    const wide = code >= 0xd800 && code <= 0xdbff && nextCode >= 0xdc00 && nextCode <= 0xdfff;
    const ch = wide ? text.slice(i, i + 2) : text[i]!;
    out += wide ? foldChar(ch) : (FOLDED[code] ??= foldChar(ch));
    i += ch.length;
  }
  return out;
}

/** Folded form of each BMP char met so far. */
const FOLDED: Array<string | undefined> = [];

function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  if (lower === 'ñ') return 'ñ';
  const stripped = lower.normalize('NFD').replace(COMBINING_MARKS, '');
  // Keep one output char per input char (e.g. 'İ' lower-cases to two code points).
  return stripped.length === ch.length ? stripped : ch.length === 1 ? (stripped[0] ?? ch) : ch;
}
