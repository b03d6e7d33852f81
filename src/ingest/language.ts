// Language identification for articles whose metadata does not say (eld, "large" n-gram set).
type Detector = { detect(text: string): { language: string } };
let detector: Detector | null = null;

/**
 * Loads the eld "large" n-gram set on first use, from the compact table `npm run build` writes
 * (a few ms; same answers, see eld-table.ts), else from eld itself: about 1.2 s and 400 MB, which
 * articles that state their language (front matter, JSONL) never pay.
 */
export async function loadLanguageDetector(): Promise<void> {
  if (detector) return;
  const { loadEldTable, detectWithTable } = await import('./eld-table.js');
  const table = loadEldTable();
  detector = table ? { detect: (text) => ({ language: detectWithTable(table, text) }) } : (await import('eld/large')).eld as Detector;
}

/** eld is linear in input length and a few thousand characters are plenty to decide. */
const SAMPLE_CHARS = 4000;

/**
 * ISO 639-1 code of the text's language, or null when it cannot tell (empty, digits only…).
 * @example await loadLanguageDetector(); identifyLanguage('El ministro habló ayer con su homólogo.') // => 'es'
 */
export function identifyLanguage(text: string): string | null {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  if (!/\p{L}/u.test(sample)) return null;
  if (!detector) throw new Error('language detector not loaded: await loadLanguageDetector() first');
  const language = detector.detect(sample).language;
  return language ? language : null;
}

/**
 * A language tag from metadata reduced to its lower-case primary subtag, or null if malformed.
 * @example normalizeLanguageTag('es-MX') // => 'es'
 */
export function normalizeLanguageTag(tag: unknown): string | null {
  if (typeof tag !== 'string') return null;
  const m = /^\s*([a-z]{2,3})(?:[-_][a-z0-9]+)*\s*$/i.exec(tag);
  return m ? m[1]!.toLowerCase() : null;
}
