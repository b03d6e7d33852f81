// eld's "large" language detector on a compact binary copy of its n-gram table, written at build
// time (dist/eld-large.bin): the same answers as `eld/large` for every text, without its 1 s and
// 400 MB of start-up (a 4.5 MB object literal to parse). Falls back to eld when the file is absent.
//
// textProcessor, strToUtf8Bytes and getByteNgrams below follow eld 2.1.0 (src/languageDetector.js,
// Copyright 2023 Nito T.M., Apache-2.0, https://github.com/nitotm/efficient-language-detector-js).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ELD_TABLE = fileURLToPath(new URL('../../dist/eld-large.bin', import.meta.url));
const MAGIC = 'atalaya-eld-1';
/** eld subtracts this from every stored score to keep its database small. */
const BASE_NGRAM_SCORE = 53;

interface Header {
  magic: string;
  eld: string;
  type: string;
  languages: Record<string, string>;
  dictionary: string[];
  separators: { source: string; flags: string };
  count: number;
  pairs: number;
}

export interface EldTable {
  header: Header;
  separators: RegExp;
  /** N-gram keys as base-256 numbers, ascending. */
  keys: Float64Array;
  /** Pair range of key i: [offsets[i], offsets[i + 1]). */
  offsets: Uint32Array;
  /** Per pair: language index, then score. */
  pairs: Uint8Array;
  languageCount: number;
}

/** An n-gram (chars < 256, at most 6) as a number: unique, since no char is NUL. */
function keyNumber(s: string): number {
  let n = 0;
  for (let i = s.length - 1; i >= 0; i--) n = n * 256 + s.charCodeAt(i);
  return n;
}

const eldPackageJson = (): string => fileURLToPath(new URL('../../package.json', import.meta.resolve('eld/large')));
const eldVersion = (): string => (JSON.parse(readFileSync(eldPackageJson(), 'utf8')) as { version: string }).version;

/** Writes dist/eld-large.bin from the installed eld (build time); returns false when eld's layout is not the expected one. */
export async function writeEldTable(file = ELD_TABLE): Promise<boolean> {
  const entry = import.meta.resolve('eld/large');
  const { ngramsData } = await import(new URL('../ngrams/large.js', entry).href) as { ngramsData: { type: string; languages: Record<string, string>; ngrams: Record<string, Record<string, number>> } };
  const { dictionary } = await import(new URL('../dictionary.js', entry).href) as { dictionary: string[] };
  const { separators } = await import(new URL('../regexPatterns.js', entry).href) as { separators: RegExp };
  if (!ngramsData?.ngrams || !Array.isArray(dictionary) || !(separators instanceof RegExp)) return false;
  // Text n-grams are made of these chars: each must be one char below 256 for keyNumber to stay unique.
  if (dictionary.length !== 256 || dictionary.some((c) => c.length !== 1 || c.charCodeAt(0) === 0 || c.charCodeAt(0) >= 256)) return false;
  const entries = Object.entries(ngramsData.ngrams).map(([k, v]) => {
    if (k.length > 6 || [...k].some((c) => c.charCodeAt(0) >= 256 || c.charCodeAt(0) === 0)) throw new Error(`eld n-gram ${JSON.stringify(k)} does not fit the table`);
    return { key: keyNumber(k), langs: Object.entries(v).map(([l, s]) => [Number(l), s] as const) };
  });
  entries.sort((a, b) => a.key - b.key);
  const pairCount = entries.reduce((n, e) => n + e.langs.length, 0);
  const header: Header = {
    magic: MAGIC, eld: eldVersion(), type: ngramsData.type, languages: ngramsData.languages, dictionary,
    separators: { source: separators.source, flags: separators.flags }, count: entries.length, pairs: pairCount,
  };
  const keys = new Float64Array(entries.length);
  const offsets = new Uint32Array(entries.length + 1);
  const pairs = new Uint8Array(2 * pairCount);
  let p = 0;
  entries.forEach((e, i) => {
    keys[i] = e.key;
    offsets[i] = p;
    for (const [lang, score] of e.langs) {
      if (!(lang >= 0 && lang < 256 && Number.isInteger(score) && score >= 0 && score < 256)) throw new Error('eld score out of range');
      pairs[2 * p] = lang;
      pairs[2 * p + 1] = score;
      p++;
    }
  });
  offsets[entries.length] = p;
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const headLen = Math.ceil((4 + head.length) / 8) * 8;
  const out = Buffer.alloc(headLen + keys.byteLength + offsets.byteLength + pairs.byteLength);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  Buffer.from(keys.buffer).copy(out, headLen);
  Buffer.from(offsets.buffer).copy(out, headLen + keys.byteLength);
  Buffer.from(pairs.buffer).copy(out, headLen + keys.byteLength + offsets.byteLength);
  writeFileSync(file, out);
  return true;
}

/** The table from dist/eld-large.bin, or null when it is missing or was built for another eld. */
export function loadEldTable(file = ELD_TABLE): EldTable | null {
  let bytes: Uint8Array;
  try {
    const buf = readFileSync(file);
    bytes = new Uint8Array(buf.length);
    bytes.set(buf);
  } catch {
    return null;
  }
  try {
    const view = new DataView(bytes.buffer);
    const headLength = view.getUint32(0, true);
    const header = JSON.parse(Buffer.from(bytes.buffer, 4, headLength).toString('utf8')) as Header;
    if (header.magic !== MAGIC || header.eld !== eldVersion()) return null;
    const headLen = Math.ceil((4 + headLength) / 8) * 8;
    const keys = new Float64Array(bytes.buffer, headLen, header.count);
    const offsets = new Uint32Array(bytes.buffer, headLen + keys.byteLength, header.count + 1);
    const pairs = new Uint8Array(bytes.buffer, headLen + keys.byteLength + offsets.byteLength, 2 * header.pairs);
    return {
      header, keys, offsets, pairs,
      separators: new RegExp(header.separators.source, header.separators.flags),
      languageCount: Object.keys(header.languages).length,
    };
  } catch {
    return null;
  }
}

function strToUtf8Bytes(str: string, dictionary: string[]): string[] {
  let encoded = '';
  const words: string[] = [];
  let countBytes = 0;
  const cutAfter = 350; // Cut to first whitespace after 350 byte length offset
  const enforceCutAfter = 380; // Cut after any UTF-8 character when surpassing 380 byte length
  for (let ii = 0; ii < str.length; ii++) {
    let charCode = str.charCodeAt(ii);
    if (charCode < 0x80) {
      if (charCode === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (countBytes > cutAfter) break;
      } else {
        encoded += str[ii];
      }
      countBytes++;
    } else if (charCode < 0x800) {
      encoded += dictionary[0xc0 | (charCode >> 6)]! + dictionary[0x80 | (charCode & 0x3f)]!;
      countBytes += 2;
    } else if (charCode < 0xd800 || charCode >= 0xe000) {
      encoded += dictionary[0xe0 | (charCode >> 12)]! + dictionary[0x80 | ((charCode >> 6) & 0x3f)]! + dictionary[0x80 | (charCode & 0x3f)]!;
      countBytes += 3;
    } else {
      // UTF-16
      ii++;
      charCode = 0x10000 + (((charCode & 0x3ff) << 10) | (str.charCodeAt(ii) & 0x3ff));
      encoded += dictionary[0xf0 | (charCode >> 18)]! + dictionary[0x80 | ((charCode >> 12) & 0x3f)]!
        + dictionary[0x80 | ((charCode >> 6) & 0x3f)]! + dictionary[0x80 | (charCode & 0x3f)]!;
      countBytes += 4;
    }
    if (countBytes > enforceCutAfter) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}

/** The distinct n-grams of the words, as eld takes them (4 bytes, stride 3, word edges marked by spaces). */
function byteNgrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    let len = word.length;
    if (len > 70) len = 70;
    let j: number;
    for (j = 0; j + 4 < len; j += 3) out.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    out.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return out;
}

function find(table: EldTable, key: number): number {
  const keys = table.keys;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The language eld/large would give: `eld.detect(text).language` (ISO 639-1, or '' when none scores).
 * @example detectWithTable(loadEldTable()!, 'El ministro habló ayer con su homólogo.') // => 'es'
 */
export function detectWithTable(table: EldTable, text: string): string {
  let t = text.substring(0, 1000);
  table.separators.lastIndex = 0;
  t = t.replace(table.separators, ' ').trim().toLowerCase();
  const words = strToUtf8Bytes(t, table.header.dictionary);
  const scores = new Float64Array(table.languageCount);
  for (const gram of byteNgrams(words)) {
    const i = find(table, keyNumber(gram));
    if (i < 0) continue;
    for (let p = table.offsets[i]!; p < table.offsets[i + 1]!; p++) scores[table.pairs[2 * p]!]! += table.pairs[2 * p + 1]! + BASE_NGRAM_SCORE;
  }
  // eld's getMaxLang: the first language with the highest positive score.
  let best = -1;
  let max = 0;
  for (let l = 0; l < scores.length; l++) if (scores[l]! > 0 && scores[l]! > max) { max = scores[l]!; best = l; }
  return best < 0 ? '' : table.header.languages[String(best)] ?? '';
}
