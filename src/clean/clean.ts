// Boilerplate removal: drops share/newsletter/comment/cross-link/related-section lines, keeping offsets.
import type { Article } from '../ingest/article.js';
import type { CleanResult, RemovedBlock } from './model.js';
import { loadBoilerplateRules, type CompiledRules } from './rules.js';

/** One non-blank line of the input, trimmed, with the blank-line paragraph it belongs to. */
interface Line {
  start: number;
  end: number;
  paragraph: number;
  /** The line with whitespace runs collapsed — what rules are matched against. */
  norm: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let paragraph = 0;
  let sawBlank = false;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (s === e) {
      sawBlank = true;
    } else {
      if (sawBlank && lines.length > 0) paragraph++;
      sawBlank = false;
      lines.push({ start: s, end: e, paragraph, norm: text.slice(s, e).replace(/\s+/g, ' ') });
    }
    pos = nl + 1;
  }
  return lines;
}

/** Title Case: at least three words of 4+ letters, all capitalised ("Biden Anuncia Nuevas Sanciones"). */
function isTitleCase(line: string): boolean {
  const long = line.match(/\p{L}{4,}/gu) ?? [];
  return long.length >= 3 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** A headline under a section header: short, and without final sentence punctuation or in Title Case. */
function isTeaser(line: string, rules: CompiledRules): boolean {
  return line.length < rules.teaser.maxLength && (!rules.teaser.proseEnd.test(line) || isTitleCase(line));
}

type Verdict = { kind: 'keep' } | { kind: 'drop'; rule: string; then?: 'section' | 'next' };

function classify(line: string, rules: CompiledRules): Verdict {
  if (line.length > rules.maxLineLength) return { kind: 'keep' };
  for (const rule of rules.rules) {
    for (const re of rule.regexes) {
      if (rule.kind === 'prefix') {
        if (line.length > rule.maxLength) continue;
        const m = re.exec(line);
        // A bare "Lee también:" announces the headline on the next line.
        if (m) return { kind: 'drop', rule: rule.id, then: m[0].length >= line.length ? 'next' : undefined };
      } else if (re.test(line)) {
        return { kind: 'drop', rule: rule.id, then: rule.kind === 'section' ? 'section' : undefined };
      }
    }
  }
  return { kind: 'keep' };
}

/**
 * Remove boilerplate lines using the language's rules (src/lang/<lang>/boilerplate.yaml). Kept
 * lines of one paragraph stay together as a block; blocks are joined by blank lines. `removed`
 * says what went and why; `map` leads from cleaned offsets back to the input.
 * @example
 * cleanText('El ministro habló.\n\nPublicidad\n\nLa reunión duró una hora.')
 * // => { text: 'El ministro habló.\n\nLa reunión duró una hora.',
 * //      removed: [{ text: 'Publicidad', start: 20, end: 30, rule: 'es.ads' }], map: [...] }
 */
export function cleanText(text: string, lang = 'es'): CleanResult {
  const rules = loadBoilerplateRules(lang);
  const lines = splitLines(text);
  const keep: boolean[] = new Array<boolean>(lines.length).fill(true);
  const removed: RemovedBlock[] = [];
  const drop = (i: number, rule: string): void => {
    const l = lines[i]!;
    keep[i] = false;
    removed.push({ text: text.slice(l.start, l.end), start: l.start, end: l.end, rule });
  };

  for (let i = 0; i < lines.length; i++) {
    const verdict = classify(lines[i]!.norm, rules);
    if (verdict.kind === 'keep') continue;
    drop(i, verdict.rule);
    if (verdict.then === undefined) continue;
    // Teasers follow until the article resumes with a line of body prose, or the text ends.
    const limit = verdict.then === 'next' ? 1 : rules.teaser.maxLines;
    for (let n = 0; n < limit && i + 1 < lines.length && isTeaser(lines[i + 1]!.norm, rules); n++) {
      i++;
      drop(i, verdict.rule);
    }
  }

  let out = '';
  const map: CleanResult['map'] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!keep[i]) continue;
    let j = i;
    while (j + 1 < lines.length && keep[j + 1] && lines[j + 1]!.paragraph === lines[i]!.paragraph) j++;
    const start = lines[i]!.start;
    const end = lines[j]!.end;
    if (out !== '') out += '\n\n';
    map.push({ cleanStart: out.length, inputStart: start, length: end - start });
    out += text.slice(start, end);
    i = j;
  }
  return { text: out, removed, map };
}

/**
 * Clean an article's text with the rules of its language (Spanish when unknown).
 * @example cleanArticle(article).removed.map((r) => r.rule) // => ['es.crosslink.read', 'es.comments.form']
 */
export function cleanArticle(article: Article): CleanResult {
  return cleanText(article.text, article.language ?? 'es');
}

/**
 * The input offset of an offset in the cleaned text (an offset in a block separator maps to the
 * end of the block before it).
 * @example mapToInput(cleanText('Publicidad\n\nEl ministro habló.'), 0) // => 12
 */
export function mapToInput(result: CleanResult, cleanOffset: number): number {
  let lo = 0;
  let hi = result.map.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (result.map[mid]!.cleanStart <= cleanOffset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found === -1) return result.map[0]?.inputStart ?? 0;
  const block = result.map[found]!;
  return block.inputStart + Math.min(cleanOffset - block.cleanStart, block.length);
}
