// Splits text into word, number and punctuation tokens with offsets; owns the abbreviation lists segmentation shares.
import { loadLangData, SUPPORTED_LANGUAGES } from '../lang/load.js';
import type { Token } from './model.js';
import { fold } from './normalize.js';

export interface AbbreviationSets {
  /** Folded forms that never end a sentence ("sr.", "ee."). */
  neverFinal: ReadonlySet<string>;
  /** Folded forms that end a sentence only before an upper-case start ("uu.", "etc."). */
  mayEnd: ReadonlySet<string>;
  /** Both lists together: the tokenizer keeps their final period. */
  all: ReadonlySet<string>;
}

interface AbbreviationFile {
  never_final?: string[];
  may_end?: string[];
}

const cache = new Map<string, AbbreviationSets>();

/**
 * The abbreviation sets of a language (empty for a language without data), cached.
 * @example loadAbbreviations('es').neverFinal.has('sr.') // => true
 */
export function loadAbbreviations(lang: string): AbbreviationSets {
  let sets = cache.get(lang);
  if (!sets) {
    const data: AbbreviationFile = SUPPORTED_LANGUAGES.includes(lang) ? loadLangData<AbbreviationFile>(lang, 'abbreviations') : {};
    const neverFinal = new Set((data.never_final ?? []).map(fold));
    const mayEnd = new Set((data.may_end ?? []).map(fold));
    sets = { neverFinal, mayEnd, all: new Set([...neverFinal, ...mayEnd]) };
    cache.set(lang, sets);
  }
  return sets;
}

/** Dotted abbreviations written without spaces: "EE.UU.", "a.m.", "S.A.", "p.m". */
const DOTTED = /\p{L}{1,3}(?:\.\p{L}{1,3})+\.?(?![\p{L}\p{N}])/uy;
/**
 * Words and numbers: letters (any script, with accents), digits, joined by internal hyphens and
 * apostrophes ("Jae-myung", "d'Hondt"), and by . , : between digits ("1.500", "3,5", "11:20").
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:[-'’]|(?<=\p{N})[.,:](?=\p{N})|(?<=\p{N})\.(?=[ºª]))[\p{L}\p{M}\p{N}]+)*/uy;
/** An initial ("J." in "J. F. Kennedy"): one capital, a period, then a capitalised word. */
const INITIAL = /\p{Lu}\.(?=\s+\p{Lu})/uy;
const ELLIPSIS = /\.{2,}/y;
const OTHER = /\S/uy;
const SPACE = /\s+/y;

function at(re: RegExp, text: string, pos: number): string | null {
  re.lastIndex = pos;
  const m = re.exec(text);
  return m ? m[0] : null;
}

/**
 * Tokens of `text` (offsets shifted by `base`, so a sentence can be tokenized in place):
 * `text.slice(t.start - base, t.end - base) === t.text` always; `norm` is the folded form.
 * Known abbreviations keep their period ("Sr.", "EE.", "etc.").
 * @example tokenize('El Sr. López viajó a EE.UU.').map((t) => t.text) // => ['El', 'Sr.', 'López', 'viajó', 'a', 'EE.UU.']
 */
export function tokenize(text: string, base = 0, lang = 'es'): Token[] {
  const abbr = loadAbbreviations(lang).all;
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const space = at(SPACE, text, pos);
    if (space) {
      pos += space.length;
      continue;
    }
    let tok = at(INITIAL, text, pos) ?? at(DOTTED, text, pos);
    if (tok === null) {
      tok = at(WORD, text, pos);
      if (tok !== null && text[pos + tok.length] === '.' && abbr.has(fold(tok + '.'))) tok += '.';
    }
    tok ??= at(ELLIPSIS, text, pos) ?? at(OTHER, text, pos)!;
    tokens.push({ text: tok, start: base + pos, end: base + pos + tok.length, norm: fold(tok), lower: tok.toLowerCase() });
    pos += tok.length;
  }
  return tokens;
}
