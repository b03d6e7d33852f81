// Loads per-language data files (src/lang/<lang>/<name>.yaml) from source or compiled code alike,
// through a JSON copy written at build time (dist/lang-cache.json) while the YAML files are unchanged.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

// Two levels up from both src/lang/load.ts and dist/lang/load.js is the package root.
const LANG_ROOT = new URL('../../src/lang/', import.meta.url);
/** The parsed language files as JSON, written by `npm run build` (YAML parsing costs ~0.3 s a run). */
export const LANG_CACHE = fileURLToPath(new URL('../../dist/lang-cache.json', import.meta.url));
const cache = new Map<string, unknown>();

/** Languages that have a folder under src/lang/ with a lexicon the coder can use. */
export const SUPPORTED_LANGUAGES: readonly string[] = ['es'];

// yaml is loaded only when a file must be parsed (no cache, or a changed file).
const parseYaml = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

const yamlFiles = (lang: string): string[] => {
  const dir = fileURLToPath(new URL(`${lang}/`, LANG_ROOT));
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dir, f));
  } catch {
    return [];
  }
};

/** Size and modification time of a language file: its cached copy is used while they match. */
function stamp(file: string): string {
  const s = statSync(file);
  return `${s.size}:${Math.round(s.mtimeMs)}`;
}

/** A cached file: its stamp, its parsed value, and whether its schema check passed at build time. */
interface CachedFile { stamp: string; value: unknown; validated?: boolean }
let disk: Record<string, CachedFile> | null | undefined;
function diskCache(): Record<string, CachedFile> | null {
  if (disk === undefined) {
    try {
      disk = (JSON.parse(readFileSync(LANG_CACHE, 'utf8')) as { files: Record<string, CachedFile> }).files ?? null;
    } catch {
      disk = null;
    }
  }
  return disk;
}

/**
 * Parsed contents of `src/lang/<lang>/<name>.yaml`, cached per process.
 * @example loadLangData('es', 'boilerplate') // => { rules: [...] }
 */
export function loadLangData<T = unknown>(lang: string, name: string): T {
  const key = `${lang}/${name}`;
  let value = cache.get(key);
  if (value === undefined) {
    const file = new URL(`${lang}/${name}.yaml`, LANG_ROOT);
    const stored = diskCache()?.[key];
    value = stored && stored.stamp === stamp(fileURLToPath(file)) ? stored.value : parseYaml(readFileSync(file, 'utf8'));
    cache.set(key, value);
  }
  return value as T;
}

/**
 * A language file checked by `validate` (a schema's parse): from the build-time cache, where the check
 * already passed, the data is returned as stored; otherwise it is parsed and checked now.
 * @example loadValidatedLangData('es', 'dates', (d) => schema.parse(d))
 */
export function loadValidatedLangData<T>(lang: string, name: string, validate: (data: unknown) => T): T {
  const key = `${lang}/${name}`;
  const data = loadLangData(lang, name);
  const stored = diskCache()?.[key];
  return stored?.validated && stored.value === data ? data as T : validate(data);
}

/**
 * Writes dist/lang-cache.json (build time): every language file whose data survives a JSON round trip
 * and passes its validator, if `validators` has one for it ("es/dates"). Returns the number of files cached.
 */
export function writeLangCache(validators: Record<string, (data: unknown) => unknown> = {}): number {
  const files: Record<string, CachedFile> = {};
  for (const lang of SUPPORTED_LANGUAGES) {
    for (const file of yamlFiles(lang)) {
      const before = stamp(file);
      const value = parseYaml(readFileSync(file, 'utf8'));
      const name = file.slice(file.lastIndexOf('/') + 1, -'.yaml'.length);
      if (value === undefined || !isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) continue;
      const check = validators[`${lang}/${name}`];
      if (!check) { files[`${lang}/${name}`] = { stamp: before, value }; continue; }
      try {
        check(structuredClone(value));
        files[`${lang}/${name}`] = { stamp: before, value, validated: true };
      } catch {
        // Left out: runs parse and validate the file themselves, and report its error.
      }
    }
  }
  writeFileSync(LANG_CACHE, JSON.stringify({ files }));
  return Object.keys(files).length;
}
