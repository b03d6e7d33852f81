// Splits YAML front matter ("---" … "---") from the body of a text or Markdown article.
import { createRequire } from 'node:module';

// yaml loads only for front matter the simple reader below leaves to it (~25 ms of start-up otherwise).
const parse = (text: string, options: { schema: 'failsafe' }): unknown =>
  (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text, options);

const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_]*):[ \t]+(?:"([^"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)"|([\p{L}\p{N}][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff#]*?))[ \t]*$/u;

/**
 * The keys of front matter made only of `key: value` lines whose value is a plain scalar starting
 * with a letter or digit (no "#", no ": ", not ending in ":") or a double-quoted string without
 * escapes: what YAML's failsafe schema reads as those very strings. Null for anything else (left to yaml).
 * @example simpleFrontMatter('id: "7"\npublished: 2024-05-13') // => { id: '7', published: '2024-05-13' }
 */
export function simpleFrontMatter(yamlText: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const line of yamlText.split('\n')) {
    if (line === '') continue;
    const m = SIMPLE_LINE.exec(line);
    if (!m) return null;
    const key = m[1]!;
    const value = m[2] ?? m[3]!;
    if (Object.hasOwn(out, key) || key === '__proto__') return null;
    if (m[3] !== undefined && (value.includes(': ') || value.endsWith(':') || value.includes('\t'))) return null;
    out[key] = value;
  }
  return out;
}

export interface FrontMatterSplit {
  /** Parsed keys (all values as strings or nested plain values), or null when there is none. */
  data: Record<string, unknown> | null;
  /** The text after the closing fence (the whole text when there is no front matter). */
  body: string;
  /** Offset of `body` in the input. */
  bodyStart: number;
  /** Set when a front-matter block was found but is not a YAML mapping. */
  error?: string;
}

const OPEN = /^---[ \t]*\n/;
/**
 * Largest front matter parsed. Real ones hold a few short fields (well under 1 KB); the YAML parser
 * spends up to ~25 µs a character on hostile input (seconds for 100 KB), so a bigger block is skipped unread.
 */
export const MAX_FRONT_MATTER_CHARS = 4 * 1024;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Separate front matter from the body. Parsed with the YAML failsafe schema so that
 * `id: 000` stays "000" and dates stay strings for our own validation.
 * @example splitFrontMatter('---\nid: "7"\n---\nTexto.') // => { data: { id: '7' }, body: 'Texto.', bodyStart: 16 }
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const open = OPEN.exec(text);
  if (!open) return { data: null, body: text, bodyStart: 0 };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) return { data: null, body: text, bodyStart: 0 };
  let bodyStart = open[0].length + close.index + close[0].length;
  if (text[bodyStart] === '\n') bodyStart++;
  const body = text.slice(bodyStart);
  const yamlText = rest.slice(0, close.index);
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    return { data: null, body, bodyStart, error: `front matter over ${MAX_FRONT_MATTER_CHARS / 1024} KB: not read` };
  }
  let data: unknown = simpleFrontMatter(yamlText);
  if (data !== null && Object.keys(data as object).length > 0) return { data: data as Record<string, unknown>, body, bodyStart };
  try {
    data = parse(yamlText, { schema: 'failsafe' });
  } catch (err) {
    return { data: null, body, bodyStart, error: `invalid front matter: ${(err as Error).message.split('\n')[0]}` };
  }
  if (data === null || data === undefined || yamlText.trim() === '') return { data: {}, body, bodyStart };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { data: null, body, bodyStart, error: 'invalid front matter: not a mapping of keys to values' };
  }
  return { data: data as Record<string, unknown>, body, bodyStart };
}
