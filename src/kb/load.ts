// Loads and validates data/kb/ plus user --kb files (YAML or CSV); later files override earlier ids.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { loadLangData } from '../lang/load.js';
import {
  kbSchemas,
  type OrganizationEntry, type PersonEntry, type PlaceEntry, type StateEntry, type TitleEntry,
} from './schema.js';

// yaml loads only when a YAML file must be read (no cache, or user files).
const parse = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

/** Package-root data/kb/, two levels above both src/kb/ and dist/kb/. */
export const KB_DIR = fileURLToPath(new URL('../../data/kb/', import.meta.url));
/** The validated bundled KB as JSON, written by `npm run build` (parsing the YAML costs ~0.7 s a run). */
export const KB_CACHE = fileURLToPath(new URL('../../dist/kb-cache.json', import.meta.url));

export interface KbData {
  states: StateEntry[];
  organizations: OrganizationEntry[];
  people: PersonEntry[];
  places: PlaceEntry[];
  titles: TitleEntry[];
}

export interface KbProblem {
  file: string;
  message: string;
}

/** Thrown when a KB file does not validate; `problems` lists every issue found. */
export class KbError extends Error {
  constructor(readonly problems: KbProblem[]) {
    super(problems.slice(0, 5).map((p) => `${p.file}: ${p.message}`).join('\n'));
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, file: string, problems: KbProblem[]): T[] {
  if (!Array.isArray(data)) {
    problems.push({ file, message: 'expected a list of entries' });
    return [];
  }
  const out: T[] = [];
  data.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else for (const iss of r.error.issues) {
      const label = (item as { id?: string; code?: string; name?: unknown })?.id ?? (item as { code?: string })?.code ?? i;
      problems.push({ file, message: `entry ${String(label)}: ${iss.path.join('.')}: ${iss.message}` });
    }
  });
  return out;
}

const listFiles = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (name.startsWith('.')) return [];
    if (statSync(p).isDirectory()) return listFiles(p);
    return ['.yaml', '.yml'].includes(extname(name)) ? [p] : [];
  });

/** Parses a CSV line with double-quoted fields. */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * People from a CSV with a header row: id,name,aliases,short,country,role,sector,role_country,org,from,to.
 * One row per role; aliases and short forms separated by "|".
 */
export function peopleFromCsv(text: string): unknown[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = csvFields(lines[0] ?? '');
  const people = new Map<string, Record<string, unknown>>();
  for (const line of lines.slice(1)) {
    const f = csvFields(line);
    const row = Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
    const id = row.id || row.name?.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
    if (!id) continue;
    const split = (s: string | undefined): string[] => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
    const person = people.get(id) ?? { id, name: row.name, aliases: split(row.aliases), short: split(row.short), country: row.country || null, roles: [] };
    (person.roles as unknown[]).push({
      role: row.role, sector: row.sector, country: row.role_country || row.country || null, org: row.org || null,
      from: row.from || null, to: row.to || null, uncertain: row.uncertain === 'true',
    });
    people.set(id, person);
  }
  return [...people.values()];
}

function mergeById<T>(base: T[], extra: T[], key: (t: T) => string): T[] {
  const map = new Map(base.map((t) => [key(t), t]));
  for (const t of extra) map.set(key(t), t);
  return [...map.values()];
}

/** A user file: YAML with any of states/organizations/people/places, a bare YAML list of people, or a people CSV. */
function loadUserFile(file: string, kb: KbData, problems: KbProblem[]): void {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = extname(file).toLowerCase() === '.csv' ? { people: peopleFromCsv(text) } : parse(text);
  } catch (err) {
    problems.push({ file, message: `cannot read: ${(err as Error).message}` });
    return;
  }
  const doc = (Array.isArray(raw) ? { people: raw } : raw ?? {}) as Record<string, unknown>;
  const { State, Organization, Person, Place } = kbSchemas();
  if (doc.states) kb.states = mergeById(kb.states, validate(State, doc.states, file, problems), (s) => s.code);
  if (doc.organizations) kb.organizations = mergeById(kb.organizations, validate(Organization, doc.organizations, file, problems), (o) => o.id);
  if (doc.people) kb.people = mergeById(kb.people, validate(Person, doc.people, file, problems), (p) => p.id);
  if (doc.places) kb.places = [...kb.places, ...validate(Place, doc.places, file, problems)];
}

/** Sizes and modification times of every file the bundled KB is built from. */
export function kbFingerprint(dir: string, lang: string): string {
  const files = [...['states.yaml', 'organizations.yaml', 'places.yaml'].map((f) => join(dir, f)), ...listFiles(join(dir, 'people')),
    fileURLToPath(new URL(`../../src/lang/${lang}/titles.yaml`, import.meta.url))];
  return files.map((f) => { const s = statSync(f); return `${f}:${s.size}:${Math.round(s.mtimeMs)}`; }).join('|');
}

function readCache(dir: string, lang: string): KbData | null {
  try {
    const cache = JSON.parse(readFileSync(KB_CACHE, 'utf8')) as { fingerprint: string; data: KbData };
    return cache.fingerprint === kbFingerprint(dir, lang) ? cache.data : null;
  } catch {
    return null;
  }
}

/** Writes the cache of the bundled KB (run at build time); returns false when the KB does not validate. */
export function writeKbCache(lang = 'es'): boolean {
  const { data, problems } = loadKbData({ lang, noCache: true });
  if (problems.length) return false;
  writeFileSync(KB_CACHE, JSON.stringify({ fingerprint: kbFingerprint(KB_DIR, lang), data }));
  return true;
}

/**
 * The bundled knowledge base plus user files, validated.
 * @example loadKbData({ userFiles: ['my-mayors.yaml'] }).people.length
 */
export function loadKbData(opts: { dir?: string; userFiles?: string[]; lang?: string; strict?: boolean; noCache?: boolean } = {}): { data: KbData; problems: KbProblem[] } {
  const dir = opts.dir ?? KB_DIR;
  const problems: KbProblem[] = [];
  const cached = !opts.noCache && dir === KB_DIR ? readCache(dir, opts.lang ?? 'es') : null;
  if (cached) {
    const data = { ...cached };
    for (const f of opts.userFiles ?? []) loadUserFile(f, data, problems);
    if (opts.strict && problems.length) throw new KbError(problems);
    return { data, problems };
  }
  const read = (name: string): unknown => {
    try { return parse(readFileSync(join(dir, name), 'utf8')); } catch (err) {
      problems.push({ file: join(dir, name), message: `cannot read: ${(err as Error).message}` });
      return [];
    }
  };
  const { State, Organization, Person, Place, Title } = kbSchemas();
  const data: KbData = {
    states: validate(State, read('states.yaml'), join(dir, 'states.yaml'), problems),
    organizations: validate(Organization, read('organizations.yaml'), join(dir, 'organizations.yaml'), problems),
    places: validate(Place, read('places.yaml'), join(dir, 'places.yaml'), problems),
    people: listFiles(join(dir, 'people')).flatMap((f) => validate(Person, parse(readFileSync(f, 'utf8')), f, problems)),
    titles: validate(Title, loadLangData(opts.lang ?? 'es', 'titles'), `src/lang/${opts.lang ?? 'es'}/titles.yaml`, problems),
  };
  for (const f of opts.userFiles ?? []) loadUserFile(f, data, problems);
  if (opts.strict && problems.length) throw new KbError(problems);
  return { data, problems };
}
