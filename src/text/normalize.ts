// Accent- and case-folding used for every lexicon and knowledge-base lookup.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Lower-case and strip diacritics, keeping ñ distinct from n (it is a letter in Spanish).
 * Length-preserving for precomposed Latin text, so offsets survive folding.
 * @example fold('Shoigú') // => 'shoigu'
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    if (lower === 'ñ') { out += 'ñ'; continue; }
    const stripped = lower.normalize('NFD').replace(COMBINING_MARKS, '');
    // Keep one output char per input char (e.g. 'İ' lower-cases to two code points).
    out += stripped.length === ch.length ? stripped : ch.length === 1 ? (stripped[0] ?? ch) : ch;
  }
  return out;
}
