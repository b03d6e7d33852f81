// MinHash signatures and LSH band keys for finding syndicated near-copies of an article.
import { fold } from '../text/normalize.js';

export const SIGNATURE_SIZE = 128;
/** 16 bands of 8 rows: pairs above a Jaccard of about 0.7 share a band with high probability. */
export const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
const SHINGLE_WORDS = 5;
const WORD = /[\p{L}\p{N}]+/gu;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** murmur3's finaliser: a cheap, well-mixed 32-bit permutation. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** Word 5-gram shingles of the folded text, hashed. */
export function shingles(text: string): Set<number> {
  const words = fold(text).match(WORD) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/**
 * The MinHash signature of a text (128 minima of seeded hash permutations).
 * @example similarity(signature('a b c d e f'), signature('a b c d e f')) // => 1
 */
export function signature(text: string): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingles(text)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** One bucket key per band: texts sharing any bucket are candidate near-copies. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = FNV_OFFSET ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(Math.imul(h, FNV_PRIME) ^ sig[b * ROWS + r]!);
    // Signed 32-bit keeps SQLite integers small; (band, key) is what is indexed.
    keys.push(h | 0);
  }
  return keys;
}

export const signatureToBlob = (sig: Uint32Array): Buffer => Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
export const blobToSignature = (b: Buffer): Uint32Array => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
