// Clause-level syntax over tokens and mentions: boundaries, the preposition before a mention,
// subject and object search, coordination.
import type { Token } from '../text/model.js';
import type { CueLexicon } from './cue-lexicon.js';
import type { Mention } from './mentions.js';

export class ClauseView {
  /** Token indices inside date expressions ("el fin de semana"): adverbials, not prepositional phrases. */
  readonly dateTokens = new Set<number>();

  constructor(readonly tokens: Token[], readonly mentions: Mention[], readonly cues: CueLexicon) {}

  /** Index of the clause break at or before `i` (status cues are searched from here), or 0. */
  clauseStart(i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const m = this.cues.clauseBreaks.matchAt(this.tokens, j);
      if (m && m.end <= i) return j;
    }
    return 0;
  }

  /** Index of the next clause break after `i`, or the sentence length. */
  clauseEnd(i: number): number {
    for (let j = i; j < this.tokens.length; j++) if (this.cues.clauseBreaks.matchAt(this.tokens, j)) return j;
    return this.tokens.length;
  }

  /** Where the search for a subject stops: a clause break, "que" or a relative pronoun. */
  subjectStart(i: number): number {
    for (let j = i - 1; j >= 0; j--) {
      const t = this.tokens[j] as Token;
      if (this.cues.complementizer.has(t.norm) || this.cues.relatives.matchAt(this.tokens, j)) {
        // "Irán, al que Washington acusa de…, condenó": a closed relative aside is skipped, not a clause start.
        const open = this.asideOpening(j);
        if (open !== null && this.tokens.slice(j + 1, i).some((x) => x.text === ',')) { j = open; continue; }
        return j;
      }
      const m = this.cues.clauseBreaks.matchAt(this.tokens, j);
      if (m && m.end <= i) return j;
    }
    return 0;
  }

  /** The role of a preposition token (with, to, against, of, in, by…), or undefined. */
  roleOf(t: Token | undefined): string | undefined {
    return t ? this.cues.prepRoles.get(t.norm) : undefined;
  }

  /** The role of the preposition that introduces a mention ("of" for "de"/"del"), or "obj" when none. */
  prepositionOf(m: Mention): string {
    let j = m.tokStart - 1;
    const skippable = (t: Token): boolean => this.cues.determiners.has(t.norm) || this.cues.numerals.has(t.norm) || /^\d/.test(t.text);
    while (j >= 0 && skippable(this.tokens[j] as Token)) j--;
    let t = this.tokens[j];
    // "miles de manifestantes": a quantity, not a prepositional phrase.
    if (this.roleOf(t) === 'of' && this.cues.quantities.has(this.tokens[j - 1]?.norm ?? '')) {
      j -= 2;
      while (j >= 0 && skippable(this.tokens[j] as Token)) j--;
      t = this.tokens[j];
    }
    const role = this.roleOf(t);
    if (!role) return 'obj';
    // "cerca de Taiwán", "frente a la embajada", "al este de la RDC".
    const before = this.tokens[j - 1]?.norm ?? '';
    if (role === 'of' && this.cues.directional.has(before)) return 'in';
    if ((role === 'of' || role === 'to') && this.cues.compoundPrepRoles.has(before)) return this.cues.compoundPrepRoles.get(before) as string;
    return role;
  }

  /** "y", "e" (and "," when `comma`) join list members. */
  private joins(t: Token, comma: boolean): boolean {
    return this.cues.conjunctions.has(t.norm) || this.cues.negativeConjunctions.has(t.norm) || (comma && t.text === ',');
  }

  /** Mentions joined to `m` by "y", "e" or commas, in order (m first). */
  coordinatedRight(m: Mention, limit: number): Mention[] {
    const group = [m];
    let cur = m;
    // "con Xi Jinping, y con Narendra Modi": the first mention's preposition may be repeated.
    const prep = this.prepositionOf(m);
    for (;;) {
      const next = this.mentions.find((x) => x.tokStart > cur.tokEnd - 1 && !x.adjectival && x.refs.length > 0);
      if (!next || next.tokStart >= limit) break;
      const gap = this.tokens.slice(cur.tokEnd, next.tokStart);
      const joined = gap.length > 0 && gap.length <= 4 && gap.some((t) => this.joins(t, true))
        && gap.every((t) => this.joins(t, true) || this.roleOf(t) === 'to' || this.roleOf(t) === prep || this.cues.determiners.has(t.norm));
      if (!joined) break;
      // "con Shoigu y el general Gerasimov" keeps going; a comma before a verb does not coordinate.
      group.push(next);
      cur = next;
    }
    return group;
  }

  coordinatedLeft(m: Mention, limit: number): Mention[] {
    const group = [m];
    let cur = m;
    for (;;) {
      const prev = [...this.mentions].reverse().find((x) => x.tokEnd <= cur.tokStart && !x.adjectival && x.refs.length > 0);
      if (!prev || prev.tokStart < limit) break;
      const gap = this.tokens.slice(prev.tokEnd, cur.tokStart);
      // "En Moscú, el portavoz…": a mention inside a prepositional phrase is not coordinated with the subject,
      // unless the subject itself continues its list: "buques de guerra de Estados Unidos y el Reino Unido".
      const ofList = group.length === 1 && this.prepositionOf(prev) === 'of' && gap.length <= 2 && gap.some((t) => this.joins(t, false))
        && gap.every((t) => this.joins(t, false) || this.cues.determiners.has(t.norm));
      if (this.prepositionOf(prev) !== 'obj' && !ofList) break;
      const joined = gap.length > 0 && gap.length <= 5 && gap.some((t) => this.joins(t, true))
        && gap.every((t) => this.joins(t, true) || this.cues.determiners.has(t.norm) || this.cues.descriptors.has(t.norm));
      // A list is "A, B y C": the join next to the verb must be "y"; commas only before it.
      if (!joined || (group.length === 1 && !gap.some((t) => this.joins(t, false)))) break;
      group.unshift(prev);
      cur = prev;
    }
    return group;
  }

  /**
   * The subject left of a verb: the nearest mention not inside a prepositional phrase, with the
   * mentions coordinated to it. A relative pronoun takes its antecedent ("Austin, quien utilizó").
   */
  subjectBefore(verbStart: number): Mention[] {
    let stop = this.subjectStart(verbStart);
    // "Si Irán enriquece uranio, impondremos sanciones": the condition's subject is not the main one.
    if (this.cues.conditionals.has((this.tokens[stop] as Token | undefined)?.norm ?? '')) {
      for (let j = verbStart - 1; j > stop; j--) if ((this.tokens[j] as Token).text === ',') { stop = j; break; }
    }
    const aside = this.relativeAside(stop, verbStart);
    const candidates = this.mentions.filter((m) => m.tokEnd <= verbStart && m.tokStart >= stop && !m.adjectival && m.refs.length > 0
      && !(aside && m.tokStart > aside[0] && m.tokEnd <= aside[1]));
    for (let k = candidates.length - 1; k >= 0; k--) {
      const m = candidates[k] as Mention;
      if (this.prepositionOf(m) !== 'obj') continue;
      return this.coordinatedLeft(m, stop);
    }
    const t = this.tokens[stop];
    if (this.relativeWithPreposition(verbStart)) return [];
    if (t && (this.cues.relatives.matchAt(this.tokens, stop) || this.cues.complementizer.has(t.norm))) {
      let j = stop - 1;
      if (this.tokens[j]?.text === ',') j--;
      const ante = this.mentions.find((m) => m.tokEnd - 1 === j && !m.adjectival && m.refs.length > 0);
      // "Austin, quien utilizó…", "Argelia, que en junio suspendió…": the antecedent is the subject.
      if (ante && (this.cues.relatives.matchAt(this.tokens, stop) || this.tokens[stop - 1]?.text === ',')) return [ante];
    }
    return [];
  }

  /** The comma that opens a relative aside whose pronoun is at `rel` (", que", ", al que", ", con quien"), or null. */
  private asideOpening(rel: number): number | null {
    let j = rel - 1;
    if (this.cues.determiners.has(this.tokens[j]?.norm ?? '')) j--;
    if (this.cues.prepositions.has(this.tokens[j]?.norm ?? '')) j--;
    return this.tokens[j]?.text === ',' && j > 0 ? j : null;
  }

  /**
   * A relative clause set off by commas between a subject and its verb ("Irán, al que Washington acusa de…,
   * condenó…"): the token range of the aside, whose mentions are not the verb's subject.
   */
  private relativeAside(from: number, verbStart: number): [number, number] | null {
    for (let c = from; c < verbStart; c++) {
      if ((this.tokens[c] as Token).text !== ',') continue;
      let j = c + 1;
      if (this.cues.prepositions.has(this.tokens[j]?.norm ?? '')) j++;
      if (this.cues.determiners.has(this.tokens[j]?.norm ?? '')) j++;
      const rel = this.cues.complementizer.has(this.tokens[j]?.norm ?? '') || this.cues.relatives.matchAt(this.tokens, j);
      if (!rel) continue;
      for (let k = j + 1; k < verbStart; k++) if ((this.tokens[k] as Token).text === ',') return [c, k];
    }
    return null;
  }

  /** "…, con quien ha acordado": the preposition before the relative and the antecedent mention. */
  relativeWithPreposition(verbStart: number): { prep: string; antecedent: Mention } | null {
    const stop = this.subjectStart(verbStart);
    if (!this.cues.relatives.matchAt(this.tokens, stop)) return null;
    const prepTok = this.tokens[stop - 1];
    if (!prepTok || !this.cues.prepositions.has(prepTok.norm)) return null;
    let j = stop - 2;
    if (this.tokens[j]?.text === ',') j--;
    const antecedent = this.mentions.find((m) => m.tokEnd - 1 === j && !m.adjectival && m.refs.length > 0);
    return antecedent ? { prep: this.roleOf(prepTok) as string, antecedent } : null;
  }

  /**
   * The main subject of the sentence: the first mention group not in a prepositional phrase before
   * the first "que" ("Francia, Alemania y el Reino Unido presentarán un proyecto que…").
   */
  mainSubject(before: number): Mention[] {
    for (const m of this.mentions) {
      if (m.tokStart >= before) break;
      if (m.adjectival || m.refs.length === 0 || this.prepositionOf(m) !== 'obj') continue;
      if (this.tokens.slice(0, m.tokStart).some((t) => this.cues.complementizer.has(t.norm))) return [];
      return this.coordinatedRight(m, before);
    }
    return [];
  }

  /** A subject placed after the verb ("dijo Kirby", "informó el Kremlin"). */
  subjectAfter(verbEnd: number): Mention[] {
    const m = this.mentions.find((x) => x.tokStart >= verbEnd && !x.adjectival && x.refs.length > 0);
    if (!m || m.tokStart - verbEnd - [...this.dateTokens].filter((k) => k >= verbEnd && k < m.tokStart).length > 4) return [];
    // "informó este viernes el Departamento de Estado": short adverbials may stand between.
    const gap = this.tokens.slice(verbEnd, m.tokStart).filter((_, k) => !this.dateTokens.has(verbEnd + k));
    if (!gap.every((t) => /^\p{Ll}/u.test(t.text))) return [];
    // Not an object in disguise: no preposition may introduce it ("instó al ministro…").
    if (this.prepositionOf(m) !== 'obj' || gap.some((t) => this.roleOf(t) && !this.cues.determiners.has(t.norm))) return [];
    return this.coordinatedRight(m, this.clauseEnd(verbEnd));
  }

  /** The first mention after `from` introduced by one of `preps` ("obj" = none or personal "a"). */
  objectAfter(from: number, preps: string[], limit: number): Mention[] {
    for (const m of this.mentions) {
      if (m.tokStart < from || m.tokStart >= limit || m.adjectival || m.refs.length === 0) continue;
      const prep = this.prepositionOf(m);
      const ok = preps.includes(prep) || (preps.includes('obj') && (prep === 'obj' || prep === 'to'));
      if (ok) return this.coordinatedRight(m, limit);
      // A mention in another role ("según X", "en Ginebra") does not stop the search.
    }
    return [];
  }

  /** "entre X y Y" right after `from`: both sides. */
  between(from: number, limit: number): [Mention[], Mention[]] | null {
    for (let j = from; j < Math.min(limit, from + 10); j++) {
      if (this.roleOf(this.tokens[j]) !== 'between') continue;
      const first = this.mentions.find((m) => m.tokStart > j && m.tokStart <= j + 3 && !m.adjectival && m.refs.length > 0);
      if (!first) return null;
      const group = this.coordinatedRight(first, limit);
      if (group.length >= 2) return [[group[0] as Mention], group.slice(1)];
      return null;
    }
    return null;
  }

  /** The mention that is the location of an event: "en Ginebra", "en la capital, Moscú". */
  locationIn(from: number, to: number): Mention | null {
    for (const m of this.mentions) {
      if (m.tokStart < from || m.tokStart >= to || !m.place) continue;
      if (this.prepositionOf(m) === 'in') return m;
      // "en el norte de la región ucraniana de Járkov", "en la capital, Moscú".
      for (let j = m.tokStart - 1; j >= Math.max(from, m.tokStart - 7); j--) {
        const t = this.tokens[j] as Token;
        if (this.roleOf(t) === 'in') return m;
        if (!/^[\p{Ll}]/u.test(t.text) && t.text !== ',') break;
      }
    }
    return null;
  }
}
