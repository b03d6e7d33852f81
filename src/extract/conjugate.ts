// Generates every form of a Spanish verb lemma (with its tense) from the morphology in lang/<lang>/conjugation.yaml.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLangData } from '../lang/load.js';

export type Tense =
  | 'present' | 'preterite' | 'imperfect' | 'future' | 'conditional'
  | 'subjunctive' | 'subjunctive_past' | 'infinitive' | 'gerund' | 'participle';

export interface VerbForm {
  form: string;
  lemma: string;
  tense: Tense;
  /** 1..6 for finite forms (1s 2s 3s 1p 2p 3p), null for non-finite ones. */
  person: number | null;
}

interface ClassEndings {
  present: string[]; preterite: string[]; imperfect: string[]; subjunctive: string[];
  gerund: string; participle: string;
}
interface IrregularBase {
  present?: string[]; preterite?: string[]; imperfect?: string[]; subjunctive?: string[];
  future_stem?: string; participle?: string; gerund?: string;
}
interface Morphology {
  endings: Record<'ar' | 'er' | 'ir', ClassEndings>;
  future: string[];
  conditional: string[];
  subjunctive_past: string[];
  enclitics: string[];
  /** Participle endings by gender and number, replacing the final -o: detenido, detenida, detenidos, detenidas. */
  participle_agreement: string[];
  irregular: Record<string, IrregularBase>;
  stem_changes: Record<string, { from: string; to: string; ir_weak?: string }>;
}

export interface LemmaSpec {
  lemma: string;
  /** Stem change class: ie (negar), ue (acordar), i (pedir), ú (reunir), í (enviar). */
  stem?: string;
  /** Irregular base verb this lemma is built on (sostener → tener). */
  base?: string;
}

const ACCENT: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' };

function replaceLast(s: string, from: string, to: string): string {
  const i = s.lastIndexOf(from);
  return i < 0 ? s : s.slice(0, i) + to + s.slice(i + from.length);
}

/** Spelling changes of -ar verbs before e (busqué, entregue, amenacé) and of -ger/-gir before a/o (exijo). */
function spell(stem: string, ending: string, cls: 'ar' | 'er' | 'ir'): string {
  const front = /^[eé]/.test(ending);
  if (cls === 'ar') {
    if (!front) return stem + ending;
    if (stem.endsWith('c')) return stem.slice(0, -1) + 'qu' + ending;
    if (stem.endsWith('g')) return stem.slice(0, -1) + 'gu' + ending;
    if (stem.endsWith('z')) return stem.slice(0, -1) + 'c' + ending;
  } else if (/^[aáoó]/.test(ending) && stem.endsWith('g')) {
    return stem.slice(0, -1) + 'j' + ending;
  }
  return stem + ending;
}

function accentLastVowel(s: string): string {
  for (let i = s.length - 1; i >= 0; i--) {
    const v = ACCENT[s[i] ?? ''];
    if (v) return s.slice(0, i) + v + s.slice(i + 1);
  }
  return s;
}

/** The forms of the lemmas the bundled lexicons use, conjugated at build time (`npm run build`). */
export const CONJUGATION_CACHE = fileURLToPath(new URL('../../dist/conjugations.json', import.meta.url));
type StoredForm = [form: string, tense: Tense, person: number | null];
const specKey = (spec: LemmaSpec, lang: string): string => `${lang}|${spec.lemma}|${spec.stem ?? ''}|${spec.base ?? ''}`;

/** What cached forms depend on: the morphology files and this module's code (a tsx run from source never matches). */
function conjugationFingerprint(langs: readonly string[]): string {
  const files = langs.map((l) => fileURLToPath(new URL(`../../src/lang/${l}/conjugation.yaml`, import.meta.url)));
  return [...files.map((f) => { const s = statSync(f); return `${f}:${s.size}:${Math.round(s.mtimeMs)}`; }),
    createHash('sha1').update(readFileSync(new URL(import.meta.url))).digest('hex')].join('|');
}

let stored: Map<string, StoredForm[]> | null | undefined;
function storedForms(): Map<string, StoredForm[]> | null {
  if (stored === undefined) {
    try {
      const file = JSON.parse(readFileSync(CONJUGATION_CACHE, 'utf8')) as { langs: string[]; fingerprint: string; forms: Record<string, StoredForm[]> };
      stored = file.fingerprint === conjugationFingerprint(file.langs) ? new Map(Object.entries(file.forms)) : null;
    } catch {
      stored = null;
    }
  }
  return stored;
}

let recording: Map<string, VerbForm[]> | null = null;

/**
 * Writes dist/conjugations.json (build time): the forms of every lemma conjugated while `build` runs
 * (the trigger lexicons). Returns the number of lemmas.
 */
export function writeConjugationCache(langs: readonly string[], build: () => void): number {
  recording = new Map();
  const saved = stored;
  stored = null;
  try {
    build();
    const forms = Object.fromEntries([...recording].map(([k, fs]): [string, StoredForm[]] => [k, fs.map((f) => [f.form, f.tense, f.person])]));
    writeFileSync(CONJUGATION_CACHE, JSON.stringify({ langs, fingerprint: conjugationFingerprint(langs), forms }));
    return recording.size;
  } finally {
    recording = null;
    stored = saved;
  }
}

/**
 * All forms of one lemma, regular morphology plus the irregular table.
 * @example conjugate({ lemma: 'pedir', stem: 'i' }).find(f => f.form === 'pidió')?.tense // => 'preterite'
 */
export function conjugate(spec: LemmaSpec, lang = 'es'): VerbForm[] {
  const key = specKey(spec, lang);
  const hit = storedForms()?.get(key);
  if (hit) return hit.map(([form, tense, person]) => ({ form, lemma: spec.lemma, tense, person }));
  const forms = conjugateNow(spec, lang);
  recording?.set(key, forms);
  return forms;
}

function conjugateNow(spec: LemmaSpec, lang: string): VerbForm[] {
  const m = loadLangData<Morphology>(lang, 'conjugation');
  const lemma = spec.lemma.replace(/se$/, '');
  const cls = lemma.slice(-2) as 'ar' | 'er' | 'ir';
  const e = m.endings[cls];
  if (!e) throw new Error(`not a verb lemma: ${spec.lemma}`);
  const stem = lemma.slice(0, -2);
  const change = spec.stem ? m.stem_changes[spec.stem] : undefined;
  const strong = change ? replaceLast(stem, change.from, change.to) : stem;
  const weak = change?.ir_weak && cls === 'ir' ? replaceLast(stem, change.from, change.ir_weak) : stem;
  // -uir verbs (destruir) insert y before a non-i ending; -eer/-aer take y in the preterite 3rd persons.
  const uir = cls === 'ir' && /[^g]u$/.test(stem);
  const vowelStem = /[aeo]$/.test(stem) && cls !== 'ar';

  const out: VerbForm[] = [];
  const add = (form: string, tense: Tense, person: number | null): void => { out.push({ form, lemma: spec.lemma, tense, person }); };
  const stressed = (p: number): boolean => p === 0 || p === 1 || p === 2 || p === 5;

  e.present.forEach((end, p) => {
    const s = stressed(p) ? strong : stem;
    add(uir && stressed(p) ? s + 'y' + end : spell(s, end, cls), 'present', p + 1);
  });
  e.preterite.forEach((end, p) => {
    const third = p === 2 || p === 5;
    let form = spell(third ? weak : stem, end, cls);
    if (third && (uir || vowelStem)) form = stem + end.replace(/^i/, 'y');
    add(form, 'preterite', p + 1);
  });
  e.imperfect.forEach((end, p) => add(stem + end, 'imperfect', p + 1));
  e.subjunctive.forEach((end, p) => {
    const s = stressed(p) ? strong : weak;
    add(uir ? stem + 'y' + end : spell(s, end, cls), 'subjunctive', p + 1);
  });
  m.future.forEach((end, p) => add(lemma + end, 'future', p + 1));
  m.conditional.forEach((end, p) => add(lemma + end, 'conditional', p + 1));
  add(lemma, 'infinitive', null);
  add(uir || vowelStem ? stem + 'yendo' : weak + e.gerund, 'gerund', null);
  for (const agr of m.participle_agreement) add(stem + e.participle.slice(0, -1) + agr, 'participle', null);

  if (spec.base) applyIrregular(out, spec, m);
  addPastSubjunctive(out, spec.lemma, m);
  addEnclitics(out, m);
  return dedupe(out);
}

function applyIrregular(out: VerbForm[], spec: LemmaSpec, m: Morphology): void {
  const baseName = spec.base as string;
  const base = m.irregular[baseName];
  if (!base) throw new Error(`unknown irregular base: ${baseName}`);
  const prefix = spec.lemma.replace(/se$/, '').slice(0, -baseName.length);
  const set = (tense: Tense, forms: string[] | undefined): void => {
    if (!forms) return;
    for (let i = out.length - 1; i >= 0; i--) if (out[i]?.tense === tense) out.splice(i, 1);
    forms.forEach((f, p) => out.push({ form: prefix + f, lemma: spec.lemma, tense, person: p + 1 }));
  };
  set('present', base.present);
  set('preterite', base.preterite);
  set('imperfect', base.imperfect);
  set('subjunctive', base.subjunctive);
  if (base.future_stem) {
    set('future', m.future.map((x) => base.future_stem + x));
    set('conditional', m.conditional.map((x) => base.future_stem + x));
  }
  if (base.participle) {
    const irregular = base.participle;
    for (let i = out.length - 1; i >= 0; i--) if (out[i]?.tense === 'participle') out.splice(i, 1);
    for (const agr of m.participle_agreement) out.push({ form: prefix + irregular.slice(0, -1) + agr, lemma: spec.lemma, tense: 'participle', person: null });
  }
  if (base.gerund) {
    const i = out.findIndex((f) => f.tense === 'gerund');
    if (i >= 0) out[i] = { form: prefix + base.gerund, lemma: spec.lemma, tense: 'gerund', person: null };
  }
}

function addPastSubjunctive(out: VerbForm[], lemma: string, m: Morphology): void {
  const third = out.find((f) => f.tense === 'preterite' && f.person === 6);
  if (!third || !third.form.endsWith('ron')) return;
  const stem = third.form.slice(0, -3);
  m.subjunctive_past.forEach((end, i) => {
    const p = (i % 6) + 1;
    out.push({ form: (p === 4 ? accentLastVowel(stem) : stem) + end, lemma, tense: 'subjunctive_past', person: p });
  });
}

function addEnclitics(out: VerbForm[], m: Morphology): void {
  const inf = out.find((f) => f.tense === 'infinitive');
  const ger = out.find((f) => f.tense === 'gerund');
  for (const clitic of m.enclitics) {
    if (inf) out.push({ ...inf, form: inf.form + clitic });
    if (ger) out.push({ ...ger, form: accentLastVowel(ger.form.slice(0, -3)) + 'ndo' + clitic });
  }
}

function dedupe(forms: VerbForm[]): VerbForm[] {
  const seen = new Set<string>();
  return forms.filter((f) => {
    const k = `${f.form}|${f.tense}|${f.person}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
