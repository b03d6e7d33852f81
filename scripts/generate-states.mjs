// Generates data/kb/states.yaml from i18n-iso-countries + i18n-nationality and the hand-written overlay.
//
// Usage: node scripts/generate-states.mjs [--check]
//   --check  exit 1 when data/kb/states.yaml differs from what would be generated (for CI).
//
// Sources, in order of precedence (later wins):
//   1. i18n-iso-countries (es + en names and their alternative names → name + aliases)
//   2. i18n-nationality (Spanish masculine-singular demonym → all four forms by Spanish rules)
//   3. data/kb/states-overlay.yaml (names, extra aliases, dropped aliases, demonym fixes,
//      capitals, metonyms, UN status). Edit the overlay, never states.yaml.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Document, parse, isSeq, isMap, visit } from 'yaml';

const require = createRequire(import.meta.url);
const ROOT = new URL('../', import.meta.url);
const OVERLAY = new URL('data/kb/states-overlay.yaml', ROOT);
const OUTPUT = new URL('data/kb/states.yaml', ROOT);

const isoCodes = require('i18n-iso-countries/codes.json');
const isoEs = require('i18n-iso-countries/langs/es.json').countries;
const isoEn = require('i18n-iso-countries/langs/en.json').countries;
const natEs = require('i18n-nationality/langs/es.json').nationalities;

// Kosovo has no ISO code; the libraries use XK/XKK, the project uses XKX (EU/IMF usage).
const ALPHA3_OVERRIDE = { XKX: 'XK' };

/** Accent- and case-fold like src/text/normalize.ts (ñ kept). */
function fold(text) {
  return text
    .toLowerCase()
    .replace(/ñ/g, '\u0000')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\u0000/g, 'ñ');
}

const STRIP_ACCENT = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

/**
 * Every form of a Spanish demonym given its masculine singular.
 * @example inflect('francés') // => ['francés', 'francesa', 'franceses', 'francesas']
 */
export function inflect(masculine) {
  const w = masculine.trim().toLowerCase();
  if (!/^[a-zñáéíóúü-]+$/.test(w)) throw new Error(`demonym "${masculine}" is not a single word: fix it in the overlay`);
  // marroquí → marroquíes / marroquís; hindú → hindúes / hindús (both plurals are standard).
  if (/[íú]$/.test(w)) return [w, `${w}es`, `${w}s`];
  // burkinabé → burkinabés
  if (/é$/.test(w)) return [w, `${w}s`];
  // ruso → rusa, rusos, rusas
  if (/o$/.test(w)) { const s = w.slice(0, -1); return [w, `${s}a`, `${w}s`, `${s}as`]; }
  // belga, croata, estadounidense, suazi: one form per number
  if (/[aei]$/.test(w)) return [w, `${w}s`];
  // francés → francesa; alemán → alemana; letón → letona; nipón → nipona (the accent goes away)
  if (/[áéíóú][sn]$/.test(w)) {
    const s = w.slice(0, -2) + STRIP_ACCENT[w.at(-2)] + w.at(-1);
    return [w, `${s}a`, `${s}es`, `${s}as`];
  }
  // español → española, españoles, españolas; mongol → mongola…
  if (/ol$/.test(w)) return [w, `${w}a`, `${w}es`, `${w}as`];
  // kosovar → kosovares (no feminine form)
  if (/[aeiou][rl]$/.test(w)) return [w, `${w}es`];
  throw new Error(`no inflection rule for demonym "${masculine}": give demonym_forms in the overlay`);
}

const asList = (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

function uniqueByFold(strings, exclude = new Set()) {
  const seen = new Set(exclude);
  const out = [];
  for (const s of strings) {
    const k = fold(s);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(s);
  }
  return out;
}

function buildState(code, status, o) {
  const alpha2 = ALPHA3_OVERRIDE[code] ?? isoCodes.find((row) => row[1] === code)?.[0];
  if (!alpha2) throw new Error(`${code}: unknown ISO alpha-3 code`);
  const libEs = asList(isoEs[alpha2]);
  const libEn = asList(isoEn[alpha2]);
  const name = { es: o.name?.es ?? libEs[0], en: o.name?.en ?? libEn[0] };
  if (!name.es || !name.en) throw new Error(`${code}: no name`);

  const drop = new Set(asList(o.drop_aliases).map(fold));
  // Library names with commas or parentheses are catalogue forms ("Korea, Republic of"), not text forms.
  const candidates = [...libEs, ...libEn, ...asList(o.aliases)]
    .filter((a) => !/[,()]/.test(a))
    .filter((a) => !drop.has(fold(a)));
  const aliases = uniqueByFold(candidates, new Set([fold(name.es), fold(name.en)]));

  const bases = o.demonym !== undefined ? asList(o.demonym) : asList(natEs[alpha2]);
  const dropDem = new Set(asList(o.drop_demonyms).map(fold));
  const demonyms = uniqueByFold([...bases.flatMap(inflect), ...asList(o.demonym_forms)].filter((d) => !dropDem.has(fold(d))));

  const capital = o.capital ?? null;
  const metonyms = [];
  const taken = new Set([name.es, name.en, ...aliases].map(fold));
  // The capital stands for the government ("Moscú respondió"), but only in actor slots.
  if (capital && o.capital_metonym !== false && !taken.has(fold(capital))) {
    metonyms.push({ alias: capital, sector: 'GOV', place: true });
  }
  for (const m of asList(o.metonyms)) {
    metonyms.push({ alias: m.alias, sector: m.sector ?? 'GOV', place: m.place ?? false });
  }
  const seenMet = new Set();
  const uniqueMet = metonyms.filter((m) => !seenMet.has(fold(m.alias)) && seenMet.add(fold(m.alias)));

  const state = { code, name, aliases, demonyms, capital, metonyms: uniqueMet, status };
  if (o.family_name_first) state.family_name_first = true;
  return state;
}

function main() {
  const overlay = parse(readFileSync(OVERLAY, 'utf8'));
  const groups = [['member', overlay.members], ['observer', overlay.observers], ['other', overlay.other]];
  const states = [];
  const seen = new Set();
  for (const [status, codes] of groups) {
    for (const code of codes) {
      if (seen.has(code)) throw new Error(`${code} listed twice`);
      seen.add(code);
      states.push(buildState(code, status, overlay.states[code] ?? {}));
    }
  }
  for (const code of Object.keys(overlay.states)) {
    if (!seen.has(code)) throw new Error(`overlay entry ${code} is not in members/observers/other`);
  }
  states.sort((a, b) => a.code.localeCompare(b.code));

  const doc = new Document(states);
  // Short lists on one line keep the file readable (one state ≈ 8 lines).
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key?.value;
      if ((key === 'aliases' || key === 'demonyms' || key === 'name') && (isSeq(pair.value) || isMap(pair.value))) pair.value.flow = true;
    },
    Seq(_, seq) {
      for (const item of seq.items) if (isMap(item) && item.has('alias')) item.flow = true;
    },
  });
  doc.commentBefore =
    ' GENERATED by scripts/generate-states.mjs from i18n-iso-countries, i18n-nationality and\n' +
    ' data/kb/states-overlay.yaml. Do not edit by hand: change the overlay and re-run the script.';
  const text = doc.toString({ lineWidth: 0 });

  if (process.argv.includes('--check')) {
    const current = readFileSync(OUTPUT, 'utf8');
    if (current !== text) { console.error('data/kb/states.yaml is stale: run node scripts/generate-states.mjs'); process.exit(1); }
    console.log(`states.yaml up to date (${states.length} states)`);
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(`wrote data/kb/states.yaml (${states.length} states)`);
}

// Run only as a script, so tests can import inflect() without writing files.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
