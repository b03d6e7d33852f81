// Finds date expressions in text with a language's dates.yaml templates and resolves them against the publication date.
import { createRequire } from 'node:module';
import type { z as Z } from 'zod';
import type { DateBasis, DatePrecision, EventDate } from '../events/model.js';
import { loadValidatedLangData } from '../lang/load.js';
import { fold } from '../text/normalize.js';

/** Tense of the clause a date sits in: it decides which way a year-less or weekday date goes. */
export type Lean = 'past' | 'future' | 'neutral';

/** How the engine interprets a rule's captures (each rule in dates.yaml names one). */
export type DateKind =
  | 'date' | 'date_range' | 'day_of_month' | 'weekday' | 'weekday_day' | 'relative_day'
  | 'offset' | 'period' | 'weekend' | 'month' | 'year';

/** last: strictly before publication; next: strictly after; this: the current week/month/year. */
export type Shift = 'last' | 'next' | 'this';
export type MonthPart = 'early' | 'mid' | 'late';
export type TimeUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** A date expression as written: its span, the rule that matched and the stated (unresolved) fields. */
export interface DateExpression {
  start: number;
  end: number;
  text: string;
  /** Rule id from dates.yaml, e.g. `es.date.day_month`. */
  rule: string;
  kind: DateKind;
  /** Day of month (1–31); for ranges, the first day. */
  day?: number;
  /** Month (1–12); for ranges, the first month when stated. */
  month?: number;
  /** Year when written as a number. */
  year?: number;
  /** Year relative to publication when written as words ("del año pasado" → -1). */
  yearOffset?: number;
  /** End of a range ("del 9 al 10 de enero"). */
  endDay?: number;
  endMonth?: number;
  endYear?: number;
  endYearOffset?: number;
  /** ISO weekday, Monday = 1 … Sunday = 7. */
  weekday?: number;
  shift?: Shift;
  part?: MonthPart;
  /** "hace 84 días": amount 84, unit day, direction -1. */
  amount?: number;
  unit?: TimeUnit;
  direction?: -1 | 1;
  /** Day offset of relative_day ("ayer" → -1). */
  offset?: number;
}

/** The schema of dates.yaml, built on first use (zod loads only when a file is checked at run time). */
function lexiconSchema() {
  const { z } = createRequire(import.meta.url)('zod') as typeof import('zod');
  const Kind = z.enum(['date', 'date_range', 'day_of_month', 'weekday', 'weekday_day', 'relative_day',
    'offset', 'period', 'weekend', 'month', 'year']);
  const Unit = z.enum(['minute', 'hour', 'day', 'week', 'month', 'year']);
  return z.object({
    months: z.record(z.string(), z.number().int().min(1).max(12)),
    month_abbreviations: z.record(z.string(), z.number().int().min(1).max(12)),
    weekdays: z.record(z.string(), z.number().int().min(1).max(7)),
    numbers: z.record(z.string(), z.number().int().positive()),
    number_joiner: z.string(),
    not_day_words: z.array(z.string()),
    ordinal_days: z.record(z.string(), z.number().int().min(1).max(31)),
    ordinal_marks: z.array(z.string()),
    units: z.record(z.string(), Unit),
    month_parts: z.record(z.string(), z.enum(['early', 'mid', 'late'])),
    relative_days: z.record(z.string(), z.number().int()),
    relative_years: z.record(z.string(), z.number().int()),
    shifts: z.object({ last: z.array(z.string()), next: z.array(z.string()), this: z.array(z.string()) }),
    words: z.record(z.string(), z.array(z.string())),
    macros: z.record(z.string(), z.string()),
    blockers: z.array(z.string()),
    rules: z.array(z.object({
      id: z.string(),
      kind: Kind,
      patterns: z.array(z.string()).min(1),
      direction: z.union([z.literal(-1), z.literal(1)]).optional(),
      unit: Unit.optional(),
    })),
  });
}
type Lexicon = Z.infer<ReturnType<typeof lexiconSchema>>;

/** Checks a dates.yaml's data against its schema; throws with zod's issues when it does not fit. */
export const validateDatesLexicon = (data: unknown): Lexicon => lexiconSchema().parse(data);

/**
 * Something a pattern cannot match without: one of `words` as a whole word of the folded sentence,
 * or (when `digits`) an ASCII digit. A pattern runs only on sentences that meet all its needs.
 */
interface Need { words: ReadonlySet<string>; digits: boolean }
/** `re` is built from `src` on first use: most patterns never run on a short article. */
interface CompiledPattern { rule: Lexicon['rules'][number]; src: string; re: RegExp | null; needs: Need[]; needIds: number[] }
interface CompiledDates {
  patterns: CompiledPattern[];
  needs: NeedIndex;
  blockers: RegExp | null;
  /** Folded word → value, per captured class. */
  values: Record<string, Map<string, number | string>>;
  joiner: string;
}

// Letters and digits: JS `\b` is ASCII-only and would split "mañana" at the ñ.
const WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_AFTER = '(?![\\p{L}\\p{N}])';
const DAY_DIGITS = '(?<!\\d|\\d[.,])(?:3[01]|[12]\\d|0?[1-9])';
const YEAR4 = '(?:1[89]|2[01])\\d\\d(?!\\d)';
// A year standing alone: not part of "1.500" or "2019,5".
const YEAR = `(?<!\\d|\\d[.,])${YEAR4}(?![.,]\\d)`;
const MONTH_NUM = '(?<!\\d)(?:1[0-2]|0?[1-9])(?!\\d)';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const collapse = (s: string): string => s.trim().replace(/ +/g, ' ');

/** Folded entries as an alternation, longest first, spaces matching space runs. */
function alternation(words: Iterable<string>): string {
  const forms = [...new Set([...words].map((w) => collapse(fold(w))))].filter((w) => w.length > 0);
  forms.sort((a, b) => b.length - a.length || a.localeCompare(b));
  return forms.map((w) => escapeRe(w).replace(/ /g, ' +')).join('|');
}
const wordClass = (words: Iterable<string>): string => `${WORD_BEFORE}(?:${alternation(words)})${WORD_AFTER}`;

function foldedMap<V extends number | string>(record: Record<string, V>): Map<string, V> {
  return new Map(Object.entries(record).map(([k, v]) => [collapse(fold(k)), v]));
}

/** Regex source for every class a template may capture, built from the lexicon. */
function classSources(lex: Lexicon): Record<string, string> {
  const notDay = new Set(lex.not_day_words.map((w) => collapse(fold(w))));
  const dayWords = [
    ...Object.keys(lex.ordinal_days),
    ...Object.entries(lex.numbers).filter(([w, n]) => n <= 31 && !notDay.has(collapse(fold(w)))).map(([w]) => w),
  ];
  const marks = lex.ordinal_marks.length ? `(?:${alternation(lex.ordinal_marks)})?` : '';
  const units = Object.entries(lex.numbers).filter(([, n]) => n < 10).map(([w]) => w);
  const tens = Object.entries(lex.numbers).filter(([, n]) => n >= 30 && n < 100 && n % 10 === 0).map(([w]) => w);
  const compound = `(?:${alternation(tens)}) +${escapeRe(fold(lex.number_joiner))} +(?:${alternation(units)})`;
  return {
    day: `(?:${DAY_DIGITS}${marks}(?!\\d)|${wordClass(dayWords)})`,
    month: wordClass(Object.keys(lex.months)),
    month_abbr: wordClass(Object.keys(lex.month_abbreviations)),
    month_num: MONTH_NUM,
    year: YEAR,
    year4: YEAR4,
    year_any: `(?:${YEAR4}|\\d\\d(?!\\d))`,
    year_relative: wordClass(Object.keys(lex.relative_years)),
    weekday: wordClass(Object.keys(lex.weekdays)),
    number: `(?:(?<!\\d|\\d[.,])\\d{1,4}(?![\\d]|[.,]\\d)|${WORD_BEFORE}${compound}${WORD_AFTER}|${wordClass(Object.keys(lex.numbers))})`,
    unit: wordClass(Object.keys(lex.units)),
    part: wordClass(Object.keys(lex.month_parts)),
    relative_day: wordClass(Object.keys(lex.relative_days)),
    last: wordClass(lex.shifts.last),
    next: wordClass(lex.shifts.next),
    this: wordClass(lex.shifts.this),
  };
}

const TOKEN = /\\p\{[^}]*\}|\\.|\{([a-z_][a-z0-9_]*)(?::([a-z0-9]+))?\}|\[(?:\\.|[^\]\\])*\]|[\s\S]/g;

/**
 * Regex source of one template: {class} becomes a named capture (`class` or `class__sfx`), a
 * {words-class} a plain group, a macro its own expansion; literal text is folded and each space
 * becomes ` +` unless a quantifier follows it.
 */
function compileTemplate(tpl: string, lex: Lexicon, classes: Record<string, string>, sfx: string, depth = 0): string {
  if (depth > 4) throw new Error(`dates: macro nesting too deep in "${tpl}"`);
  let out = '';
  for (const m of tpl.matchAll(TOKEN)) {
    const tok = m[0];
    const name = m[1];
    if (name !== undefined) {
      const suffix = m[2] ?? sfx;
      const macro = lex.macros[name];
      const cls = classes[name];
      const words = lex.words[name];
      if (macro !== undefined) out += compileTemplate(macro, lex, classes, suffix, depth + 1);
      else if (cls !== undefined) out += `(?<${suffix ? `${name}__${suffix}` : name}>${cls})`;
      else if (words !== undefined) out += `(?:${wordClass(words)})`;
      else throw new Error(`dates: unknown class {${name}} in "${tpl}"`);
    } else if (tok === ' ') {
      const next = tpl[(m.index ?? 0) + 1];
      out += next === '?' || next === '*' || next === '+' ? ' ' : ' +';
    } else if (tok.startsWith('\\') || tok.startsWith('[')) {
      out += tok;
    } else {
      out += fold(tok);
    }
  }
  return out;
}

const WORD_CHARS = /^[\p{L}\p{N}]+$/u;

/** The need of one class: the first words of its entries (whole words in the text), digits for numeric classes. */
function classNeed(name: string, lex: Lexicon, depth: number): Need[] | null {
  const firstWords = (entries: Iterable<string>): Set<string> | null => {
    const out = new Set<string>();
    for (const e of entries) {
      const w = collapse(fold(e)).split(' ')[0] ?? '';
      if (!WORD_CHARS.test(w)) return null;
      out.add(w);
    }
    return out;
  };
  const need = (entries: Iterable<string> | null, digits: boolean): Need[] | null => {
    const words = entries ? firstWords(entries) : new Set<string>();
    return words ? [{ words, digits }] : null;
  };
  const macro = lex.macros[name];
  if (macro !== undefined) return depth > 4 ? null : templateNeeds(macro, lex, depth + 1);
  const notDay = new Set(lex.not_day_words.map((w) => collapse(fold(w))));
  switch (name) {
    case 'day': return need([...Object.keys(lex.ordinal_days), ...Object.keys(lex.numbers).filter((w) => !notDay.has(collapse(fold(w))))], true);
    case 'number': return need(Object.keys(lex.numbers), true);
    case 'month_num': case 'year': case 'year4': case 'year_any': return need(null, true);
    case 'month': return need(Object.keys(lex.months), false);
    case 'month_abbr': return need(Object.keys(lex.month_abbreviations), false);
    case 'weekday': return need(Object.keys(lex.weekdays), false);
    case 'unit': return need(Object.keys(lex.units), false);
    case 'part': return need(Object.keys(lex.month_parts), false);
    case 'relative_day': return need(Object.keys(lex.relative_days), false);
    case 'year_relative': return need(Object.keys(lex.relative_years), false);
    case 'last': case 'next': case 'this': return need(lex.shifts[name], false);
  }
  const words = lex.words[name];
  return words !== undefined ? need(words, false) : null;
}

/**
 * What every match of a template must contain: the needs of its classes that are neither optional
 * nor inside an optional group, a lookaround or an alternation. An empty list filters nothing.
 */
function templateNeeds(tpl: string, lex: Lexicon, depth = 0): Need[] {
  const toks = [...tpl.matchAll(TOKEN)];
  let i = 0;
  const optionalNext = (): boolean => {
    const q = toks[i]?.[0];
    return q === '?' || q === '*' || q === '{';
  };
  const seq = (top: boolean): Need[] => {
    const needs: Need[] = [];
    let alternation = false;
    // A run of literal letters is a whole word of every match when spaces (or the template's own
    // word boundaries) stand on both sides: "hace", "semana", "fin" in "el fin de semana".
    let run = '';
    let runBounded = false;
    let prev: string | null = null;
    const closeRun = (rightBounded: boolean): void => {
      if (run && runBounded && rightBounded) needs.push({ words: new Set([fold(run)]), digits: false });
      run = '';
    };
    while (i < toks.length) {
      const m = toks[i]!;
      const tok = m[0];
      if (tok === ')') break;
      i++;
      if (m[1] === undefined && /^\p{L}$/u.test(tok)) {
        if (!run) runBounded = prev === ' ' || (prev === null && top && depth === 0);
        run += tok;
        prev = tok;
        continue;
      }
      // A space makes a boundary unless a quantifier after it makes it optional.
      closeRun(tok === ' ' && toks[i]?.[0] !== '?' && toks[i]?.[0] !== '*');
      prev = tok === ' ' && (toks[i]?.[0] === '?' || toks[i]?.[0] === '*') ? '?' : tok;
      if (tok === '|') { alternation = true; continue; }
      if (tok === '(') {
        const look = toks[i]?.[0] === '?' && toks[i + 1] !== undefined && ['=', '!', '<'].includes(toks[i + 1]![0]);
        const inner = seq(false);
        if (toks[i]?.[0] === ')') i++;
        prev = ')';
        if (!look && !optionalNext()) needs.push(...inner);
        continue;
      }
      if (m[1] !== undefined) {
        const cls = classNeed(m[1], lex, depth);
        if (cls && !optionalNext()) needs.push(...cls);
      }
    }
    closeRun(top && depth === 0 && i >= toks.length);
    return alternation ? [] : needs;
  };
  return seq(true);
}

/** Every distinct need of a language's patterns, numbered, with the words that meet each. */
interface NeedIndex { count: number; byWord: Map<string, number[]>; digits: number[] }

function indexNeeds(patterns: Array<{ needs: Need[] }>): { index: NeedIndex; ids: number[][] } {
  const idOf = new Map<string, number>();
  const byWord = new Map<string, number[]>();
  const digits: number[] = [];
  const ids = patterns.map((p) => [...new Set(p.needs.map((n) => {
    const key = `${n.digits ? 'D' : ''}|${[...n.words].sort().join(' ')}`;
    let id = idOf.get(key);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(key, id);
      if (n.digits) digits.push(id);
      for (const w of n.words) byWord.set(w, [...(byWord.get(w) ?? []), id]);
    }
    return id;
  }))]);
  return { index: { count: idOf.size, byWord, digits }, ids };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** WORD_CHAR for the first 2,048 code points, where news text lives. */
const WORD_CHAR_LOW = Uint8Array.from({ length: 0x800 }, (_, c) => (WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0));

/** Which needs the (folded) sentence meets: its whole words (maximal runs of letters and digits), and whether it has a digit. */
function metNeeds(scan: string, index: NeedIndex): Uint8Array {
  const met = new Uint8Array(index.count);
  if (/[0-9]/.test(scan)) for (const id of index.digits) met[id] = 1;
  const visit = (w: string): void => {
    const ids = index.byWord.get(w);
    if (ids) for (const id of ids) met[id] = 1;
  };
  let start = -1;
  for (let i = 0; i < scan.length;) {
    const c = scan.charCodeAt(i);
    let width = 1;
    let word: boolean;
    if (c < 0x800) word = WORD_CHAR_LOW[c] === 1;
    else if (c >= 0xd800 && c <= 0xdbff && (scan.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { word = WORD_CHAR.test(scan.slice(i, i + 2)); width = 2; }
    else word = WORD_CHAR.test(scan[i]!);
    if (word) { if (start < 0) start = i; } else if (start >= 0) { visit(scan.slice(start, i)); start = -1; }
    i += width;
  }
  if (start >= 0) visit(scan.slice(start));
  return met;
}

const compiledCache = new Map<string, CompiledDates>();

function compile(lang: string): CompiledDates {
  const hit = compiledCache.get(lang);
  if (hit) return hit;
  const lex = loadValidatedLangData(lang, 'dates', validateDatesLexicon);
  const classes = classSources(lex);
  const patterns: CompiledPattern[] = [];
  for (const rule of lex.rules) {
    for (const tpl of rule.patterns) {
      const src = `${WORD_BEFORE}(?:${compileTemplate(tpl, lex, classes, '')})${WORD_AFTER}`;
      patterns.push({ rule, src, re: null, needs: templateNeeds(tpl, lex), needIds: [] });
    }
  }
  const { index, ids } = indexNeeds(patterns);
  patterns.forEach((p, k) => { p.needIds = ids[k]!; });
  const blockers = lex.blockers.length
    ? new RegExp(lex.blockers.map((b) => `${WORD_BEFORE}(?:${compileTemplate(b, lex, classes, '')})${WORD_AFTER}`).join('|'), 'gu')
    : null;
  const values: CompiledDates['values'] = {
    month: foldedMap(lex.months),
    month_abbr: foldedMap(lex.month_abbreviations),
    weekday: foldedMap(lex.weekdays),
    number: foldedMap(lex.numbers),
    day: foldedMap({ ...lex.numbers, ...lex.ordinal_days }),
    unit: foldedMap(lex.units),
    part: foldedMap(lex.month_parts),
    relative_day: foldedMap(lex.relative_days),
    year_relative: foldedMap(lex.relative_years),
  };
  const compiled = { patterns, needs: index, blockers, values, joiner: collapse(fold(lex.number_joiner)) };
  compiledCache.set(lang, compiled);
  return compiled;
}

/** Same length as `text`: folded, with horizontal whitespace as plain spaces (newlines kept as boundaries). */
function scanText(text: string): string {
  return fold(text).replace(/[^\S\n]/g, ' ');
}

interface Candidate { expr: DateExpression; groups: Record<string, [number, number]> }

function numberValue(raw: string, c: CompiledDates): number | undefined {
  const digits = /^\d+/.exec(raw);
  if (digits) return Number(digits[0]);
  const key = collapse(raw);
  const direct = c.values.number?.get(key);
  if (typeof direct === 'number') return direct;
  const parts = key.split(` ${c.joiner} `);
  if (parts.length === 2) {
    const [a, b] = parts.map((p) => c.values.number?.get(p));
    if (typeof a === 'number' && typeof b === 'number') return a + b;
  }
  return undefined;
}

function dayValue(raw: string, c: CompiledDates): number | undefined {
  const digits = /^\d+/.exec(raw);
  if (digits) return Number(digits[0]);
  const v = c.values.day?.get(collapse(raw));
  return typeof v === 'number' ? v : undefined;
}

function yearValue(raw: string): number {
  const n = Number(raw);
  if (raw.length === 2) return n < 70 ? 2000 + n : 1900 + n;
  return n;
}

/** Reads the captures of one match into a DateExpression (values only; no resolution). */
function toExpression(m: RegExpExecArray, scan: string, text: string, p: CompiledPattern, c: CompiledDates): Candidate | null {
  const start = m.index;
  const end = start + m[0].length;
  const expr: DateExpression = { start, end, text: text.slice(start, end), rule: p.rule.id, kind: p.rule.kind };
  if (p.rule.direction !== undefined) expr.direction = p.rule.direction;
  if (p.rule.unit !== undefined) expr.unit = p.rule.unit;
  const groups: Record<string, [number, number]> = {};
  const idx = m.indices?.groups ?? {};
  for (const [name, span] of Object.entries(idx)) {
    if (!span) continue;
    groups[name] = span;
    const raw = scan.slice(span[0], span[1]);
    const [cls, sfx] = name.split('__') as [string, string | undefined];
    const second = sfx === '2';
    const lookup = (k: string): number | string | undefined => c.values[k]?.get(collapse(raw.replace(/\.$/, '')));
    switch (cls) {
      case 'day': {
        const d = dayValue(raw, c);
        if (d === undefined) return null;
        if (second) expr.endDay = d; else expr.day = d;
        break;
      }
      case 'month': case 'month_abbr': {
        const v = lookup(cls);
        if (typeof v !== 'number') return null;
        if (second) expr.endMonth = v; else expr.month = v;
        break;
      }
      case 'month_num':
        expr.month = Number(raw);
        break;
      case 'year': case 'year4': case 'year_any':
        if (second) expr.endYear = yearValue(raw); else expr.year = yearValue(raw);
        break;
      case 'year_relative': {
        const v = lookup(cls);
        if (typeof v !== 'number') return null;
        if (second) expr.endYearOffset = v; else expr.yearOffset = v;
        break;
      }
      case 'weekday': {
        const v = lookup(cls);
        if (typeof v !== 'number') return null;
        expr.weekday = v;
        break;
      }
      case 'number': {
        const v = numberValue(raw, c);
        if (v === undefined) return null;
        expr.amount = v;
        break;
      }
      case 'unit': case 'part': {
        const v = lookup(cls);
        if (typeof v !== 'string') return null;
        if (cls === 'unit') expr.unit = v as TimeUnit; else expr.part = v as MonthPart;
        break;
      }
      case 'relative_day': {
        const v = lookup(cls);
        if (typeof v !== 'number') return null;
        expr.offset = v;
        break;
      }
      case 'last': case 'next': case 'this':
        expr.shift = cls;
        break;
    }
  }
  return { expr, groups };
}

const isTitleCase = (w: string): boolean => {
  const first = w[0] ?? '';
  return first !== first.toLowerCase() && w.slice(1) !== w.slice(1).toUpperCase();
};

/**
 * A Title-case month or weekday ("Marzo", "Domingo") is a name unless a day number or a year
 * sits in the same expression ("31 Diciembre de 2021"): Spanish writes them in lower case.
 */
function looksLikeName(cand: Candidate, text: string): boolean {
  const g = cand.groups;
  const anchored = ['day', 'day__2', 'year', 'year__2', 'year_relative', 'year_relative__2', 'year4', 'year_any']
    .some((k) => g[k] !== undefined && (!k.startsWith('day') || /^\d/.test(text.slice(g[k]![0], g[k]![1]))));
  if (anchored) {
    // A day written as a capitalised word ("Dos de Mayo") is a name too.
    return ['day', 'day__2'].some((k) => g[k] !== undefined && isTitleCase(text.slice(g[k]![0], g[k]![1])));
  }
  return Object.entries(g).some(([k, [s, e]]) => /^(month|weekday)/.test(k) && isTitleCase(text.slice(s, e)));
}

/**
 * All date expressions in `text`, non-overlapping, in order, offsets into `text`.
 * Overlapping matches keep the longest (then the earliest).
 * @example findDateExpressions('Se reunieron el 18 de febrero.')
 * // => [{ start: 13, end: 29, text: 'el 18 de febrero', rule: 'es.date.day_month', kind: 'date', day: 18, month: 2 }]
 */
export function findDateExpressions(text: string, lang = 'es'): DateExpression[] {
  const c = compile(lang);
  const scan = scanText(text);
  const met = metNeeds(scan, c.needs);
  // Blocker matches never overlap each other, so each character belongs to at most one.
  // Found on the first candidate: most sentences have none.
  let blockerAt: Int32Array | null = null;
  const blockers: Array<[number, number]> = [];
  const findBlockers = (): Int32Array => {
    const at = new Int32Array(scan.length);
    if (c.blockers) {
      c.blockers.lastIndex = 0;
      for (const m of scan.matchAll(c.blockers)) {
        blockers.push([m.index, m.index + m[0].length]);
        at.fill(blockers.length, m.index, m.index + m[0].length);
      }
    }
    return at;
  };
  const insideBlocker = (start: number, end: number): boolean => {
    blockerAt ??= findBlockers();
    for (let i = start; i < end; i++) {
      const b = blockerAt[i] ?? 0;
      if (b === 0) continue;
      const [bs, be] = blockers[b - 1]!;
      if (bs < start || be > end) return true;
      i = be - 1;
    }
    return false;
  };
  const candidates: DateExpression[] = [];
  for (const p of c.patterns) {
    if (!p.needIds.every((id) => met[id] === 1)) continue;
    const re = p.re ??= new RegExp(p.src, 'gdu');
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(scan)) !== null) {
      if (m[0].length === 0) { re.lastIndex++; continue; }
      const cand = toExpression(m, scan, text, p, c);
      if (!cand) continue;
      // Inside a blocker without covering it: "mañana" in "por la mañana", "hoy" in "hoy en día".
      if (insideBlocker(cand.expr.start, cand.expr.end)) continue;
      if (looksLikeName(cand, text)) continue;
      candidates.push(cand.expr);
    }
  }
  candidates.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(scan.length);
  const kept: DateExpression[] = [];
  for (const cand of candidates) {
    if (taken.subarray(cand.start, cand.end).includes(1)) continue;
    taken.fill(1, cand.start, cand.end);
    kept.push(cand);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// ---- calendar arithmetic on UTC day numbers -------------------------------------------------

const DAY_MS = 86_400_000;
const dayNum = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;
const iso = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
const ymd = (n: number): { y: number; m: number; d: number } => {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
const isoWeekday = (n: number): number => ((new Date(n * DAY_MS).getUTCDay() + 6) % 7) + 1;
const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const valid = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
const monday = (n: number): number => n - (isoWeekday(n) - 1);
/** Month index counting from year 0, so month arithmetic is plain addition. */
const monthIndex = (y: number, m: number): number => y * 12 + (m - 1);

type Direction = 'past' | 'past-strict' | 'future' | 'future-strict';

/** Which way to look: shift words override the clause tense; neutral reads as past. */
function directionOf(shift: Shift | undefined, lean: Lean): Direction {
  if (shift === 'last') return 'past-strict';
  if (shift === 'next') return 'future-strict';
  return lean === 'future' ? 'future' : 'past';
}
const isPast = (d: Direction): boolean => d === 'past' || d === 'past-strict';
const isStrict = (d: Direction): boolean => d === 'past-strict' || d === 'future-strict';

const range = (start: number, end: number, precision: DatePrecision, basis: DateBasis): EventDate =>
  ({ start: iso(start), end: iso(end), precision, basis });

function monthRange(y: number, m: number, part: MonthPart | undefined, basis: DateBasis): EventDate {
  const last = daysInMonth(y, m);
  const [from, to] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : part === 'late' ? [21, last] : [1, last];
  return range(dayNum(y, m, from), dayNum(y, m, to), 'month', basis);
}

/** The year of day/month nearest to publication in `dir` (searching a few years for 29 February). */
function inferYear(m: number, d: number, pub: number, dir: Direction): number | null {
  const { y: py } = ymd(pub);
  const step = isPast(dir) ? -1 : 1;
  for (let y = py + (isPast(dir) ? 1 : -1), i = 0; i < 10; y += step, i++) {
    if (!valid(y, m, d)) continue;
    const n = dayNum(y, m, d);
    const ok = dir === 'past' ? n <= pub : dir === 'past-strict' ? n < pub : dir === 'future' ? n >= pub : n > pub;
    if (ok) return y;
  }
  return null;
}

function statedYear(year: number | undefined, offset: number | undefined, pub: number): number | undefined {
  if (year !== undefined) return year;
  return offset !== undefined ? ymd(pub).y + offset : undefined;
}

/** Dates with `day` (and `weekday`, when given) nearest to publication on each side, within ~3 years. */
function nearestDayOfMonth(day: number, weekday: number | undefined, pub: number, dir: Direction): number | null {
  const { y, m } = ymd(pub);
  const base = monthIndex(y, m);
  const step = isPast(dir) ? -1 : 1;
  for (let k = 0; k <= 40; k++) {
    const idx = base + step * k;
    const yy = Math.floor(idx / 12);
    const mm = (idx % 12) + 1;
    if (!valid(yy, mm, day)) continue;
    const n = dayNum(yy, mm, day);
    if (weekday !== undefined && isoWeekday(n) !== weekday) continue;
    const ok = dir === 'past' ? n <= pub : dir === 'past-strict' ? n < pub : dir === 'future' ? n >= pub : n > pub;
    if (ok) return n;
  }
  return null;
}

/** The weekend (Saturday day number) meant, relative to publication. */
function weekendSaturday(pub: number, shift: Shift | undefined, lean: Lean): number {
  const w = isoWeekday(pub);
  const thisSat = pub + (6 - w); // Saturday of the publication's ISO week
  if (shift === 'last') return thisSat + 1 < pub ? thisSat : thisSat - 7; // Sunday strictly before
  if (shift === 'next') return thisSat > pub ? thisSat : thisSat + 7; // Saturday strictly after
  // Past: latest weekend whose Saturday is on or before publication; future: earliest whose Sunday is on or after.
  if (lean === 'future') return thisSat + 1 >= pub ? thisSat : thisSat + 7;
  return thisSat <= pub ? thisSat : thisSat - 7;
}

/**
 * Resolve one expression against the publication date (YYYY-MM-DD) and the tense of the clause.
 * Returns null when the stated fields do not form a real date (31 February) or the expression
 * cannot be placed.
 * @example resolveDate(findDateExpressions('el viernes')[0]!, '2022-05-13', 'past')
 * // => { start: '2022-05-13', end: '2022-05-13', precision: 'day', basis: 'relative' }
 */
export function resolveDate(expr: DateExpression, published: string, lean: Lean): EventDate | null {
  const pm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(published);
  if (!pm || !valid(Number(pm[1]), Number(pm[2]), Number(pm[3]))) {
    throw new RangeError(`resolveDate: publication date must be YYYY-MM-DD, got "${published}"`);
  }
  const pub = dayNum(Number(pm[1]), Number(pm[2]), Number(pm[3]));
  const { y: py, m: pmonth } = ymd(pub);
  const dir = directionOf(expr.shift, lean);

  switch (expr.kind) {
    case 'date': {
      const { day, month } = expr;
      if (day === undefined || month === undefined) return null;
      let y = statedYear(expr.year, expr.yearOffset, pub);
      if (y === undefined && expr.weekday !== undefined && expr.shift === undefined) {
        // "el lunes 12 de mayo": the year whose 12 May is a Monday, nearest to publication.
        const fits = [py - 1, py, py + 1].filter((c) => valid(c, month, day) && isoWeekday(dayNum(c, month, day)) === expr.weekday);
        fits.sort((a, b) => Math.abs(dayNum(a, month, day) - pub) - Math.abs(dayNum(b, month, day) - pub));
        y = fits[0];
      }
      y ??= inferYear(month, day, pub, dir) ?? undefined;
      if (y === undefined || !valid(y, month, day)) return null;
      const n = dayNum(y, month, day);
      return range(n, n, 'day', 'explicit');
    }
    case 'date_range': {
      const { day, endDay, endMonth } = expr;
      if (day === undefined || endDay === undefined || endMonth === undefined) return null;
      const month = expr.month ?? endMonth;
      let y1 = statedYear(expr.year, expr.yearOffset, pub);
      let y2 = statedYear(expr.endYear, expr.endYearOffset, pub);
      if (y2 !== undefined) y1 ??= month > endMonth ? y2 - 1 : y2;
      else if (y1 !== undefined) y2 = month > endMonth ? y1 + 1 : y1;
      else if (isPast(dir)) {
        // Past: the first day is on or before publication; future: the last day is on or after it,
        // so a range under way at publication is the current one either way.
        y1 = inferYear(month, day, pub, dir) ?? undefined;
        if (y1 !== undefined) y2 = month > endMonth ? y1 + 1 : y1;
      } else {
        y2 = inferYear(endMonth, endDay, pub, dir) ?? undefined;
        if (y2 !== undefined) y1 = month > endMonth ? y2 - 1 : y2;
      }
      if (y1 === undefined || y2 === undefined || !valid(y1, month, day) || !valid(y2, endMonth, endDay)) return null;
      const s = dayNum(y1, month, day);
      const e = dayNum(y2, endMonth, endDay);
      return e < s ? null : range(s, e, 'day', 'explicit');
    }
    case 'day_of_month': {
      if (expr.day === undefined) return null;
      const n = nearestDayOfMonth(expr.day, undefined, pub, dir);
      return n === null ? null : range(n, n, 'day', 'relative');
    }
    case 'weekday_day': {
      if (expr.day === undefined || expr.weekday === undefined) return null;
      // The weekday pins the month: take the nearest match, the clause tense breaking ties.
      const back = nearestDayOfMonth(expr.day, expr.weekday, pub, 'past');
      const fwd = nearestDayOfMonth(expr.day, expr.weekday, pub, 'future');
      const pick = back === null ? fwd : fwd === null ? back
        : pub - back < fwd - pub ? back : fwd - pub < pub - back ? fwd : lean === 'future' ? fwd : back;
      return pick === null ? null : range(pick, pick, 'day', 'relative');
    }
    case 'weekday': {
      if (expr.weekday === undefined) return null;
      const w = isoWeekday(pub);
      let n: number;
      if (isPast(dir)) {
        let back = (w - expr.weekday + 7) % 7;
        if (back === 0 && isStrict(dir)) back = 7;
        n = pub - back;
      } else {
        let ahead = (expr.weekday - w + 7) % 7;
        if (ahead === 0 && isStrict(dir)) ahead = 7;
        n = pub + ahead;
      }
      return range(n, n, 'day', 'relative');
    }
    case 'relative_day': {
      const n = pub + (expr.offset ?? 0);
      return range(n, n, 'day', 'relative');
    }
    case 'offset': {
      const { amount, unit } = expr;
      if (amount === undefined || unit === undefined) return null;
      const sign = expr.direction ?? -1;
      switch (unit) {
        case 'minute': case 'hour': case 'day': {
          const perDay = unit === 'day' ? 1 : unit === 'hour' ? 24 : 1440;
          const n = pub + sign * Math.floor(amount / perDay);
          return range(n, n, 'day', 'relative');
        }
        case 'week': {
          const wk = monday(pub + sign * 7 * amount);
          return range(wk, wk + 6, 'week', 'relative');
        }
        case 'month': {
          const idx = monthIndex(py, pmonth) + sign * amount;
          return monthRange(Math.floor(idx / 12), (idx % 12) + 1, undefined, 'relative');
        }
        case 'year': {
          const y = py + sign * amount;
          return range(dayNum(y, 1, 1), dayNum(y, 12, 31), 'year', 'relative');
        }
      }
      return null;
    }
    case 'period': {
      const off = expr.shift === 'last' ? -1 : expr.shift === 'next' ? 1 : 0;
      if (expr.unit === 'week') {
        const wk = monday(pub) + 7 * off;
        return range(wk, wk + 6, 'week', 'relative');
      }
      if (expr.unit === 'month') {
        const idx = monthIndex(py, pmonth) + off;
        return monthRange(Math.floor(idx / 12), (idx % 12) + 1, undefined, 'relative');
      }
      if (expr.unit === 'year') return range(dayNum(py + off, 1, 1), dayNum(py + off, 12, 31), 'year', 'relative');
      return null;
    }
    case 'weekend': {
      const sat = weekendSaturday(pub, expr.shift === 'this' ? undefined : expr.shift, lean);
      return range(sat, sat + 1, 'week', 'relative');
    }
    case 'month': {
      const { month } = expr;
      if (month === undefined) return null;
      let y = statedYear(expr.year, expr.yearOffset, pub);
      if (y === undefined) {
        const sameYear = dir === 'past' ? month <= pmonth : dir === 'past-strict' ? month < pmonth
          : dir === 'future' ? month >= pmonth : month > pmonth;
        y = sameYear ? py : isPast(dir) ? py - 1 : py + 1;
      }
      return monthRange(y, month, expr.part, 'explicit');
    }
    case 'year': {
      const y = statedYear(expr.year, expr.yearOffset, pub);
      if (y === undefined) return null;
      const basis: DateBasis = expr.year !== undefined ? 'explicit' : 'relative';
      const [m1, m2] = expr.part === 'early' ? [1, 4] : expr.part === 'mid' ? [5, 8] : expr.part === 'late' ? [9, 12] : [1, 12];
      return range(dayNum(y, m1, 1), dayNum(y, m2, daysInMonth(y, m2)), 'year', basis);
    }
  }
}
