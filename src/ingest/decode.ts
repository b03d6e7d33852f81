// Turns raw bytes into clean Unicode text: BOM sniffing, strict UTF-8 with a windows-1252 fallback, NFC.

/** Outcome of decoding one file or line: text, or the reason it is not text. */
export type DecodeResult =
  /** `warning` says how the bytes were guessed at when they were not clean UTF-8 (or declared). */
  | { ok: true; text: string; encoding: string; warning?: string }
  | { ok: false; reason: 'binary file' };

/** How many leading bytes are inspected to decide whether a file is binary. */
export const SNIFF_BYTES = 8192;

/**
 * True when the bytes look binary: a NUL byte in the first 8 KB, or more than 10% control bytes.
 * @example isBinary(Buffer.from('Hola')) // => false
 */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC turn up in real text files; other C0 bytes do not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  return n > 0 && control / n > 0.1;
}

/**
 * Line endings to "\n", Unicode to NFC, leading BOM removed. Every reader passes text through this.
 * @example normalizeText('\uFEFFBogota\u0301\r\n') // => 'Bogotá\n'
 */
export function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** windows-1252 code points for bytes 0x80–0x9F (the five unassigned bytes map to C1 controls). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * windows-1252 decoding done by hand: Node 20's TextDecoder('windows-1252') decodes as
 * ISO-8859-1, turning “curly quotes”, dashes and € into invisible C1 controls.
 * @example decodeWindows1252(Buffer.from([0x93, 0x41, 0x94])) // => '“A”'
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80]!));
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    const decoder = new TextDecoder(label, { fatal });
    // "latin1", "iso-8859-1", "ascii"… are all windows-1252 by the WHATWG Encoding standard.
    return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
  } catch {
    return null; // invalid bytes under `fatal`, or a label this Node build does not know
  }
}

/**
 * UTF-8 with the invalid bytes replaced (U+FFFD), when the bytes are mostly UTF-8: more valid
 * multi-byte characters than invalid sequences. A few stray bytes in a UTF-8 file must not turn
 * every "ó" into "Ã³", as reading the whole file as windows-1252 would.
 */
function lossyUtf8(bytes: Uint8Array): { text: string; invalid: number } | null {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  let invalid = 0;
  let valid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f) valid++;
  }
  return valid > invalid ? { text, invalid } : null;
}

/**
 * Decode bytes as text: UTF-16 if it has a UTF-16 BOM, else strict UTF-8, else the declared
 * charset (HTML `<meta charset>`), else UTF-8 with replacements if it mostly is UTF-8, else
 * windows-1252 — which never fails and is what "Latin-1" files really are. Binary data is
 * refused. The last two come with a `warning` for the item's problem list.
 * @example decodeBytes(Buffer.from([0x42, 0x6f, 0x67, 0x6f, 0x74, 0xe1])) // => { ok: true, text: 'Bogotá', encoding: 'windows-1252' }
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): DecodeResult {
  // UTF-16 text is full of NUL bytes, so it must be recognised before the binary check.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(bytes, label, true);
    if (text !== null) return { ok: true, text: normalizeText(text), encoding: label };
  }
  if (isBinary(bytes)) return { ok: false, reason: 'binary file' };
  const utf8 = tryDecode(bytes, 'utf-8', true);
  if (utf8 !== null) return { ok: true, text: normalizeText(utf8), encoding: 'utf-8' };
  if (declared) {
    const label = declared.trim().toLowerCase();
    if (label !== 'utf-8' && label !== 'utf8') {
      const text = tryDecode(bytes, label, false);
      if (text !== null) return { ok: true, text: normalizeText(text), encoding: label };
    }
  }
  const lossy = lossyUtf8(bytes);
  if (lossy) {
    return { ok: true, text: normalizeText(lossy.text), encoding: 'utf-8', warning: `invalid UTF-8: ${lossy.invalid} bad byte sequence${lossy.invalid === 1 ? '' : 's'} replaced with U+FFFD` };
  }
  return { ok: true, text: normalizeText(decodeWindows1252(bytes)), encoding: 'windows-1252', warning: 'not valid UTF-8: read as windows-1252 (Latin-1)' };
}
