// Loads per-language data files (src/lang/<lang>/<name>.yaml) from source or compiled code alike.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

// Two levels up from both src/lang/load.ts and dist/lang/load.js is the package root.
const LANG_ROOT = new URL('../../src/lang/', import.meta.url);
const cache = new Map<string, unknown>();

/**
 * Parsed contents of `src/lang/<lang>/<name>.yaml`, cached per process.
 * @example loadLangData('es', 'boilerplate') // => { rules: [...] }
 */
export function loadLangData<T = unknown>(lang: string, name: string): T {
  const key = `${lang}/${name}`;
  let value = cache.get(key);
  if (value === undefined) {
    const url = new URL(`${lang}/${name}.yaml`, LANG_ROOT);
    value = parse(readFileSync(url, 'utf8'));
    cache.set(key, value);
  }
  return value as T;
}

/** Languages that have a folder under src/lang/ with a lexicon the coder can use. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['es'];
