// Finds and resolves actor mentions in one sentence: KB names, titles with names, appositions,
// counterparts, collectives, blocs and bare demonyms, with token and character offsets.
import type { Actor, Sector } from '../events/model.js';
import { titleRoles, type EntityRef, type KnowledgeBase } from '../kb/index.js';
import type { PersonEntry, TitleEntry } from '../kb/schema.js';
import type { Sentence, Token } from '../text/model.js';
import { fold } from '../text/normalize.js';
import type { CueLexicon } from './cue-lexicon.js';

export type ActorRef =
  | { type: 'person'; id: string }
  | { type: 'new-person'; name: string; role: string | null; sector: Sector | null; country: string | null; org: string | null }
  | { type: 'state'; code: string; sector: Sector | null }
  | { type: 'org'; id: string }
  | { type: 'group'; name: string; country: string | null; org: string | null; sector: Sector | null; role: string | null }
  | { type: 'counterpart'; name: string; country: string | null }
  | { type: 'pair'; name: string };

export interface Mention {
  /** Character offsets into the cleaned text. */
  start: number;
  end: number;
  /** Token range [tokStart, tokEnd) within the sentence. */
  tokStart: number;
  tokEnd: number;
  text: string;
  refs: ActorRef[];
  /** Set when the mention can also be an event location ("en Ginebra", "en Moscú", "en Ucrania"). */
  place: { name: string; country: string } | null;
  /** A bare demonym adjective ("rusos" in "los ataques rusos"): an actor only next to a trigger noun. */
  adjectival: boolean;
  reason: string;
}

/** What the recognizer remembers across the sentences of one article. */
export interface ArticleMemory {
  published: string | null;
  /** People named in full so far: their surname alone now refers to them. */
  seenPeople: Set<string>;
  /** Surname (folded) → people not in the KB, introduced by a title. */
  newPeople: Map<string, Extract<ActorRef, { type: 'new-person' }>>;
  /** Surname (folded) → KB person named in full earlier ("Wang Yi" … "Wang"). */
  kbSurnames: Map<string, string>;
  /** How often each state has been named: the most named is the country the article is about. */
  stateCounts: Map<string, number>;
  /** Acronyms the article introduced in parentheses after a mention: "Fuerzas de Apoyo Rápido (FAR)". */
  acronyms: Map<string, ActorRef[]>;
  sentences: number;
}

/** The state the article has named most so far, or null. */
export function homeCountry(memory: ArticleMemory): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [code, c] of memory.stateCounts) if (c > n) { best = code; n = c; }
  return best;
}

export const newMemory = (published: string | null): ArticleMemory => ({ published, seenPeople: new Set(), newPeople: new Map(), kbSurnames: new Map(), stateCounts: new Map(), acronyms: new Map(), sentences: 0 });


type Atom =
  | { kind: 'kb'; start: number; end: number; refs: EntityRef[] }
  | { kind: 'pair'; start: number; end: number }
  | { kind: 'bloc'; start: number; end: number; label: string }
  | { kind: 'counterpart'; start: number; end: number }
  | { kind: 'collective'; start: number; end: number; sector: Sector }
  | { kind: 'compound'; start: number; end: number; codes: string[] }
  | { kind: 'acronym'; start: number; end: number; refs: ActorRef[] };

const isWord = (t: Token | undefined): boolean => !!t && /\p{L}/u.test(t.text);
const isCap = (t: Token | undefined): boolean => !!t && /^\p{Lu}/u.test(t.text);
const ACRONYM = /^\p{Lu}{2,8}$/u;

export class MentionFinder {
  constructor(private readonly kb: KnowledgeBase, private readonly cues: CueLexicon) {}

  /**
   * Mentions of one sentence, left to right, non-overlapping.
   * @example finder.find(sentence, memory).map(m => m.text) // => ['El secretario de Defensa de EE. UU., Lloyd Austin', …]
   */
  find(sentence: Sentence, memory: ArticleMemory): Mention[] {
    const tokens = sentence.tokens;
    const atoms = this.atoms(tokens, memory);
    const mentions: Mention[] = [];
    let p = 0;
    while (p < atoms.length) {
      const made = this.compose(tokens, atoms, p, memory);
      if (made) {
        mentions.push(made.mention);
        p = made.next;
      } else p++;
    }
    // The dateline ("MADRID, 25 Ene.") names where the story is told from: it weighs more.
    const weight = memory.sentences === 0 ? 3 : 1;
    memory.sentences++;
    for (const m of mentions) for (const r of m.refs) if (r.type === 'state') memory.stateCounts.set(r.code, (memory.stateCounts.get(r.code) ?? 0) + weight);
    this.learnAcronyms(tokens, mentions, memory);
    // Surnames of people introduced earlier without a KB entry.
    return this.addNewPeopleSurnames(tokens, mentions, memory).sort((a, b) => a.tokStart - b.tokStart);
  }

  /** "… Fuerzas de Apoyo Rápido (FAR)": later, "las FAR" is the same actor. KB acronyms keep their meaning. */
  private learnAcronyms(tokens: Token[], mentions: Mention[], memory: ArticleMemory): void {
    for (const m of mentions) {
      const acr = tokens[m.tokEnd + 1];
      if (tokens[m.tokEnd]?.text !== '(' || tokens[m.tokEnd + 2]?.text !== ')' || !acr || !ACRONYM.test(acr.text)) continue;
      if (m.refs.some((r) => r.type === 'pair' || r.type === 'counterpart') || this.kb.matchAt(tokens, m.tokEnd + 1)) continue;
      memory.acronyms.set(acr.text, m.refs);
    }
  }

  private atoms(tokens: Token[], memory: ArticleMemory): Atom[] {
    const out: Atom[] = [];
    let i = 0;
    while (i < tokens.length) {
      const acronym = memory.acronyms.get((tokens[i] as Token).text);
      if (acronym) { out.push({ kind: 'acronym', start: i, end: i + 1, refs: acronym }); i++; continue; }
      const known = isCap(tokens[i]) ? memory.kbSurnames.get(fold((tokens[i] as Token).text)) : undefined;
      if (known && !this.kb.matchAt(tokens, i)) { out.push({ kind: 'kb', start: i, end: i + 1, refs: [{ kind: 'person', id: known, via: 'short' }] }); i++; continue; }
      const pair = this.cues.pairRefs.matchAt(tokens, i);
      if (pair) { out.push({ kind: 'pair', start: i, end: pair.end }); i = pair.end; continue; }
      const bloc = this.cues.blocs.matchAt(tokens, i);
      if (bloc && isCap(tokens[i]) || (bloc && !isCap(tokens[i]) && bloc.end - i > 1)) { out.push({ kind: 'bloc', start: i, end: bloc!.end, label: bloc!.value }); i = bloc!.end; continue; }
      const m = this.kb.matchAt(tokens, i);
      if (m && !this.inContainer(tokens, i, m.refs)) { out.push({ kind: 'kb', start: i, end: m.end, refs: m.refs }); i = m.end; continue; }
      const tok = tokens[i] as Token;
      const compound = this.compoundDemonym(tok);
      if (compound) { out.push({ kind: 'compound', start: i, end: i + 1, codes: compound }); i++; continue; }
      if (this.cues.counterpart.has(tok.norm)) { out.push({ kind: 'counterpart', start: i, end: i + 1 }); i++; continue; }
      const col = this.cues.collectives.matchAt(tokens, i);
      if (col) { out.push({ kind: 'collective', start: i, end: col.end, sector: col.value as Sector }); i = col.end; continue; }
      i++;
    }
    return out;
  }

  /** A genitive preposition ("de", "del"). */
  private isOf(t: Token | undefined): boolean {
    return !!t && this.cues.prepRoles.get(t.norm) === 'of';
  }

  /** "hispano-marroquí" → [ESP, MAR]; null when a part is not a demonym. */
  private compoundDemonym(tok: Token): string[] | null {
    if (!tok.text.includes('-') || /^\p{Lu}/u.test(tok.text)) return null;
    const parts = tok.text.split('-');
    const codes = parts.map((part, k) => {
      const prefix = this.cues.compoundPrefixes.get(fold(part));
      if (prefix && k < parts.length - 1) return prefix;
      const ref = this.kb.lookup(part).find((r) => r.kind === 'state' && r.via === 'demonym');
      return ref?.kind === 'state' ? ref.code : prefix ?? null;
    });
    return codes.every((c): c is string => !!c) && new Set(codes).size > 1 ? codes : null;
  }

  /** "la avenida Simón Bolívar", "el Real Madrid": the name belongs to a place or club, not to the actor. */
  private inContainer(tokens: Token[], i: number, refs: EntityRef[]): boolean {
    if (refs.every((r) => r.kind === 'title' || (r.kind === 'state' && r.via === 'demonym'))) return false;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    if (prev && this.cues.nameContainers.has(prev.norm)) return true;
    return !!prev && this.isOf(prev) && !!prev2 && this.cues.nameContainers.has(prev2.norm);
  }

  private compose(tokens: Token[], atoms: Atom[], p: number, memory: ArticleMemory): { mention: Mention; next: number } | null {
    const a = atoms[p] as Atom;
    const mk = (start: number, end: number, refs: ActorRef[], reason: string, extra: Partial<Mention> = {}): Mention => {
      const first = tokens[start] as Token;
      const last = tokens[end - 1] as Token;
      return { start: first.start, end: last.end, tokStart: start, tokEnd: end, text: '', refs, place: null, adjectival: false, reason, ...extra };
    };
    if (a.kind === 'pair') return { mention: mk(a.start, a.end, [{ type: 'pair', name: textOf(tokens, a.start, a.end) }], 'refers to the two parties of the previous event'), next: p + 1 };
    if (a.kind === 'bloc') {
      const bloc = this.cues.blocCodes.get(a.label);
      const refs: ActorRef[] = (bloc?.codes ?? []).map((code) => code === bloc?.org
        ? { type: 'group', name: textOf(tokens, a.start, a.end), country: null, org: code, sector: 'GOV', role: null }
        : { type: 'state', code, sector: null });
      return { mention: mk(a.start, a.end, refs, `bloc → ${(bloc?.codes ?? []).join('+')}`), next: p + 1 };
    }
    if (a.kind === 'acronym') return { mention: mk(a.start, a.end, a.refs, 'acronym introduced earlier in the article'), next: p + 1 };
    if (a.kind === 'counterpart') return this.composeCounterpart(tokens, atoms, p, memory, mk);
    if (a.kind === 'compound') return { mention: mk(a.start, a.end, a.codes.map((code) => ({ type: 'state' as const, code, sector: null })), 'compound demonym', { adjectival: true }), next: p + 1 };
    if (a.kind === 'collective') return this.composeCollective(tokens, atoms, p, mk) ?? this.domesticCollective(tokens, atoms, a, memory, mk, p);

    const title = a.refs.find((r): r is Extract<EntityRef, { kind: 'title' }> => r.kind === 'title');
    const person = this.pickPerson(a.refs, memory, tokens, a);
    if (person) {
      this.remember(person, memory);
      // Apposition after the name: "Lloyd Austin, secretario de Defensa de EE. UU.," is one mention.
      const after = this.skipApposedTitle(tokens, atoms, p + 1, a.end);
      return { mention: mk(a.start, after.end, [{ type: 'person', id: person.id }], `KB person (${a.refs.find((r) => r.kind === 'person' && r.id === person.id && r.via === 'short') ? 'surname' : 'full name'})`), next: after.next };
    }
    if (title) return this.composeTitle(tokens, atoms, p, memory, mk, this.kb.titles[title.index] as TitleEntry);

    const state = a.refs.find((r): r is Extract<EntityRef, { kind: 'state' }> => r.kind === 'state');
    const org = a.refs.find((r): r is Extract<EntityRef, { kind: 'org' }> => r.kind === 'org');
    const place = a.refs.find((r): r is Extract<EntityRef, { kind: 'place' }> => r.kind === 'place');
    if (org && (!state || state.via === 'demonym')) {
      // "Bruselas" is the EU as an actor and Belgium's capital as a place.
      const asPlace = place ? { name: place.name, country: place.country } : null;
      return { mention: mk(a.start, a.end, [{ type: 'org', id: org.id }], 'KB organisation', { place: asPlace }), next: p + 1 };
    }
    if (state) {
      const name = textOf(tokens, a.start, a.end);
      if (state.via === 'demonym') {
        const prev = tokens[a.start - 1];
        const last = tokens[a.end - 1]?.norm ?? '';
        const plural = this.cues.pluralEndings.some((e) => last.endsWith(e));
        if (prev && this.cues.demonymNounArticles.has(prev.norm) && plural) {
          return { mention: mk(a.start, a.end, [{ type: 'state', code: state.code, sector: null }], 'plural demonym as noun → state'), next: p + 1 };
        }
        return { mention: mk(a.start, a.end, [{ type: 'state', code: state.code, sector: null }], 'demonym adjective', { adjectival: true }), next: p + 1 };
      }
      const placeOf = state.via === 'metonym' && !state.place ? null : { name, country: state.code };
      return { mention: mk(a.start, a.end, [{ type: 'state', code: state.code, sector: state.sector }], `KB state (${state.via})`, { place: placeOf }), next: p + 1 };
    }
    if (place) return { mention: mk(a.start, a.end, [], 'KB place', { place: { name: place.name, country: place.country } }), next: p + 1 };
    return null;
  }

  /** Marks a person as named in this article, so the surname alone now refers to them. */
  private remember(person: PersonEntry, memory: ArticleMemory): void {
    memory.seenPeople.add(person.id);
    const words = person.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const familyFirst = person.country ? this.kb.states.get(person.country)?.family_name_first : false;
    const surname = familyFirst ? words[0] : words[words.length - 1];
    if (surname && surname.length > 2 && !memory.kbSurnames.has(fold(surname))) memory.kbSurnames.set(fold(surname), person.id);
  }

  /** A KB person among the refs, honouring dates and the surname-after-first-mention rule. */
  private pickPerson(refs: EntityRef[], memory: ArticleMemory, tokens: Token[], a: Extract<Atom, { kind: 'kb' }>): PersonEntry | null {
    const people = refs.filter((r): r is Extract<EntityRef, { kind: 'person' }> => r.kind === 'person');
    if (people.length === 0) return null;
    const full = people.filter((r) => r.via === 'full');
    // "Lucía Ferrandis Arce": a surname inside a longer capitalised name is someone else's.
    if (full.length === 0 && ((isCap(tokens[a.start - 1]) && isWord(tokens[a.start - 1]) && !this.kb.matchAt(tokens, a.start - 1)) || (isCap(tokens[a.end]) && isWord(tokens[a.end])))) return null;
    const pool = full.length ? full : people;
    const entries = pool.map((r) => this.kb.people.get(r.id)).filter((p): p is PersonEntry => !!p);
    const seen = entries.filter((p) => memory.seenPeople.has(p.id));
    if (seen.length === 1) return seen[0] as PersonEntry;
    const active = entries.filter((p) => this.kb.activeOn(p, memory.published));
    if (full.length) return (active[0] ?? entries[0]) ?? null;
    // A surname alone: only when exactly one such person is in office (or, failing that, in the KB at all).
    if (!isCap(tokens[a.start])) return null;
    if (active.length === 1) return active[0] as PersonEntry;
    return active.length === 0 && entries.length === 1 ? entries[0] as PersonEntry : null;
  }

  /** Skips ", secretario de Defensa de EE. UU.," after a name; returns the mention end and next atom. */
  private skipApposedTitle(tokens: Token[], atoms: Atom[], p: number, end: number): { end: number; next: number } {
    const comma = tokens[end];
    const nxt = atoms[p];
    if (!comma || comma.text !== ',' || !nxt || nxt.kind !== 'kb' || !nxt.refs.some((r) => r.kind === 'title')) return { end, next: p };
    if (!this.onlyDeterminers(tokens, end + 1, nxt.start)) return { end, next: p };
    const q = this.qualifiers(tokens, atoms, p + 1, nxt.end);
    // "Erdogan, el primer ministro sueco Ulf Kristersson y …": the title belongs to the next name.
    if (isCap(tokens[q.end]) && isWord(tokens[q.end])) return { end, next: p };
    return { end: q.end, next: q.next };
  }

  private onlyDeterminers(tokens: Token[], from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (!this.cues.determiners.has((tokens[i] as Token).norm)) return false;
    return true;
  }

  /** Country/org qualifiers after a title: "de EE. UU.", "del Pentágono", "ruso", "de la OTAN". */
  private qualifiers(tokens: Token[], atoms: Atom[], p: number, end: number): { end: number; next: number; country: string | null; org: string | null; sector: Sector | null } {
    let country: string | null = null;
    let org: string | null = null;
    let sector: Sector | null = null;
    let cur = end;
    let q = p;
    while (q < atoms.length) {
      const at = atoms[q] as Atom;
      if (at.kind !== 'kb') break;
      // "del Organismo Internacional de Energía Atómica (OIEA)": the acronym repeats the name.
      if (tokens[cur]?.text === '(' && tokens[at.end]?.text === ')' && at.start === cur + 1) { cur = at.end + 1; q++; continue; }
      const gapTokens = tokens.slice(cur, at.start);
      const gap = gapTokens.map((t) => t.norm);
      const gapOk = gap.length === 0 || (gap.length <= 2 && this.isOf(gapTokens[0]) && gapTokens.slice(1).every((g) => this.cues.determiners.has(g.norm)));
      if (!gapOk) break;
      const st = at.refs.find((r): r is Extract<EntityRef, { kind: 'state' }> => r.kind === 'state');
      const og = at.refs.find((r): r is Extract<EntityRef, { kind: 'org' }> => r.kind === 'org');
      if (st && (gap.length > 0 || st.via === 'demonym')) {
        country = st.code;
        sector = st.sector ?? sector;
      } else if (og && gap.length > 0) {
        const entry = this.kb.orgs.get(og.id);
        org = entry ? this.kb.orgActor(entry).org : null;
        if (entry?.kind === 'org' && !entry.code) country = entry.country;
      } else break;
      cur = at.end;
      q++;
    }
    return { end: cur, next: q, country, org, sector };
  }

  private composeTitle(tokens: Token[], atoms: Atom[], p: number, memory: ArticleMemory, mk: MentionMaker, title: TitleEntry): { mention: Mention; next: number } | null {
    const a = atoms[p] as Extract<Atom, { kind: 'kb' }>;
    let q = this.qualifiers(tokens, atoms, p + 1, a.end);
    // "la ministra australiana de Exteriores": the demonym splits the title; read it without it.
    if (q.end > a.end && this.isOf(tokens[q.end])) {
      for (let len = 3; len >= 1; len--) {
        const rest = tokens.slice(q.end, q.end + 1 + len);
        if (rest.length < 1 + len) continue;
        const refs = this.kb.lookup(`${textOf(tokens, a.start, a.end)} ${rest.map((t) => t.text).join(' ')}`);
        const whole = refs.find((r): r is Extract<EntityRef, { kind: 'title' }> => r.kind === 'title');
        if (!whole) continue;
        title = this.kb.titles[whole.index] as TitleEntry;
        const end = q.end + 1 + len;
        q = { ...q, end, next: atoms.findIndex((at, k) => k >= q.next && at.start >= end) };
        if (q.next < 0) q.next = atoms.length;
        break;
      }
    }
    const country = q.country ?? title.country;
    const reading = country ? title.by_country[country] : undefined;
    const role = reading?.role ?? title.role;
    const sector = reading?.sector ?? (q.sector === 'MIL' ? 'MIL' : title.sector);
    const modified = this.cues.titleModifiers.matchAt(tokens, q.end);
    // Optional ", [el] [general]" then a name; "adjunto … para Europa y Eurasia, James O'Brien" skips to the name.
    let i = modified ? modified.end : q.end;
    if (modified) {
      for (let k = i; k < Math.min(tokens.length, i + 8); k++) {
        if (tokens[k]?.text === ',') { i = k; break; }
      }
    }
    let next = atoms.findIndex((at, k) => k >= q.next && at.start >= i);
    if (next < 0) next = atoms.length;
    if (tokens[i]?.text === ',') i++;
    while (tokens[i] && this.cues.determiners.has((tokens[i] as Token).norm)) i++;
    let nxt = atoms[next];
    if (nxt?.kind === 'kb' && nxt.start === i && nxt.refs.some((r) => r.kind === 'title') && !nxt.refs.some((r) => r.kind === 'person')) {
      i = nxt.end;
      next++;
      nxt = atoms[next];
    }
    if (nxt?.kind === 'kb' && nxt.start === i) {
      const person = this.pickPerson(nxt.refs, memory, tokens, nxt);
      if (person) {
        this.remember(person, memory);
        return { mention: mk(a.start, nxt.end, [{ type: 'person', id: person.id }], `title + KB person`), next: next + 1 };
      }
    }
    // A name not in the KB after the title: "el canciller mexicano Juan Ramón de la Fuente".
    const nameEnd = this.capitalisedName(tokens, i);
    if (nameEnd > i && (i === q.end || modified || tokens[q.end]?.text === ',' || this.onlyDeterminers(tokens, q.end, i))) {
      const name = textOf(tokens, i, nameEnd);
      const ref: Extract<ActorRef, { type: 'new-person' }> = { type: 'new-person', name, role, sector, country: country ?? (q.org ?? title.org ? null : homeCountry(memory)), org: q.org ?? title.org };
      memory.newPeople.set(fold((tokens[nameEnd - 1] as Token).text), ref);
      const skip = atoms.findIndex((at, k) => k >= next && at.start >= nameEnd);
      return { mention: mk(a.start, nameEnd, [ref], 'title + new person'), next: skip < 0 ? atoms.length : skip };
    }
    // "Tammy Bruce, portavoz del Departamento de Estado": a new name right before ", title".
    if (tokens[a.start - 1]?.text === ',' ) {
      let s = a.start - 1;
      let k = s - 1;
      // Never reach back into an earlier actor ("la delegación de EE. UU., canciller de…").
      // (A surname the KB knows may be part of the new name: "Lucía Ferrandis Arce".)
      const blocks = (at: Atom): boolean => at.kind !== 'kb' || !at.refs.some((r) => r.kind === 'person');
      const floor = atoms.reduce((end, at) => (at.end <= a.start - 1 && blocks(at) ? Math.max(end, at.end) : end), 0);
      while (k >= floor && (isCap(tokens[k]) || (this.cues.nameParticles.has((tokens[k] as Token).norm) && isCap(tokens[k - 1])))) k--;
      s = k + 1;
      if (a.start - 1 - s >= 2 && isCap(tokens[s])) {
        const name = textOf(tokens, s, a.start - 1);
        const ref: Extract<ActorRef, { type: 'new-person' }> = { type: 'new-person', name, role, sector, country: country ?? (q.org ?? title.org ? null : homeCountry(memory)), org: q.org ?? title.org };
        memory.newPeople.set(fold((tokens[a.start - 2] as Token).text), ref);
        return { mention: mk(s, q.end, [ref], 'new person + apposed title'), next: q.next };
      }
    }
    // The title alone with a country: the KB person holding that post on the date, else a role-holder group.
    if ((country || q.org || title.org) && !modified) {
      const holder = this.kb.postHolder([role, ...titleRoles(title)], country ? { country } : { org: title.org }, memory.published);
      if (holder) {
        this.remember(holder, memory);
        return { mention: mk(a.start, q.end, [{ type: 'person', id: holder.id }], `title + country → holder on ${memory.published}`), next: q.next };
      }
      const ref: ActorRef = { type: 'group', name: textOf(tokens, a.start, q.end), country, org: q.org ?? title.org, sector, role };
      return { mention: mk(a.start, q.end, [ref], 'title without a name'), next: q.next };
    }
    return null;
  }

  private capitalisedName(tokens: Token[], i: number): number {
    let j = i;
    let words = 0;
    while (j < tokens.length && words < 6) {
      const t = tokens[j] as Token;
      if (isCap(t) && isWord(t)) { j++; words++; continue; }
      if (this.cues.nameParticles.has(t.norm) && isCap(tokens[j + 1]) && words > 0) { j++; continue; }
      break;
    }
    return words >= 2 ? j : i;
  }

  private composeCounterpart(tokens: Token[], atoms: Atom[], p: number, memory: ArticleMemory, mk: MentionMaker): { mention: Mention; next: number } {
    const a = atoms[p] as Atom;
    const q = this.qualifiers(tokens, atoms, p + 1, a.end);
    let start = a.start;
    while (start > 0 && this.cues.determiners.has((tokens[start - 1] as Token).norm)) start--;
    let i = q.end;
    if (tokens[i]?.text === ',') i++;
    while (tokens[i] && this.cues.determiners.has((tokens[i] as Token).norm)) i++;
    const nxt = atoms[q.next];
    if (nxt?.kind === 'kb' && nxt.start === i) {
      const person = this.pickPerson(nxt.refs, memory, tokens, nxt);
      if (person) {
        this.remember(person, memory);
        return { mention: mk(start, nxt.end, [{ type: 'person', id: person.id }], 'counterpart + KB person'), next: q.next + 1 };
      }
    }
    const nameEnd = tokens[q.end]?.text === ',' ? this.capitalisedName(tokens, i) : i;
    if (nameEnd > i && q.country) {
      // "su homólogo marroquí, Nasser Bourita": a person the KB lacks, in that state.
      const ref: Extract<ActorRef, { type: 'new-person' }> = { type: 'new-person', name: textOf(tokens, i, nameEnd), role: null, sector: null, country: q.country, org: null };
      memory.newPeople.set(fold((tokens[nameEnd - 1] as Token).text), ref);
      const skip = atoms.findIndex((at, k) => k >= q.next && at.start >= nameEnd);
      return { mention: mk(start, nameEnd, [ref], 'counterpart + new person'), next: skip < 0 ? atoms.length : skip };
    }
    return { mention: mk(start, q.end, [{ type: 'counterpart', name: textOf(tokens, start, q.end), country: q.country }], 'counterpart (same role, other state)'), next: q.next };
  }

  private composeCollective(tokens: Token[], atoms: Atom[], p: number, mk: MentionMaker): { mention: Mention; next: number } | null {
    const a = atoms[p] as Extract<Atom, { kind: 'collective' }>;
    // Modifiers and "de Defensa"-like complements may stand between the noun and its state.
    let i = a.end;
    let steps = 0;
    while (i < tokens.length && steps < 4) {
      const t = tokens[i] as Token;
      if (this.cues.collectiveModifiers.has(t.norm)) { i++; steps++; continue; }
      if (this.isOf(t) && isCap(tokens[i + 1]) && !this.kb.matchAt(tokens, i + 1)) {
        // "Ministerio de Asuntos Exteriores de …": the whole capitalised name.
        i += 2;
        while (i < tokens.length && ((isCap(tokens[i]) && !this.kb.matchAt(tokens, i)) || (this.cues.conjunctions.has(tokens[i]?.norm ?? '') && isCap(tokens[i + 1])))) i++;
        steps++;
        continue;
      }
      break;
    }
    // "las fuerzas leales a Nicolás Maduro": allegiance ties the group to that person's or state's side.
    const loyal = this.cues.allegiance.matchAt(tokens, i);
    if (loyal) i = loyal.end;
    const nxtIdx = atoms.findIndex((at, k) => k > p && at.start >= i);
    const nxt = nxtIdx >= 0 ? atoms[nxtIdx] : undefined;
    if (!nxt || nxt.kind !== 'kb') return null;
    const gapTokens = tokens.slice(i, nxt.start);
    const st = nxt.refs.find((r): r is Extract<EntityRef, { kind: 'state' }> => r.kind === 'state');
    const og = nxt.refs.find((r): r is Extract<EntityRef, { kind: 'org' }> => r.kind === 'org');
    // "el Gobierno de Colombia", or allegiance right before the name ("leales a Maduro").
    const viaDe = loyal ? gapTokens.length === 0
      : gapTokens.length >= 1 && gapTokens.length <= 2 && this.isOf(gapTokens[0]) && gapTokens.slice(1).every((g) => this.cues.determiners.has(g.norm));
    const gap = loyal && gapTokens.length === 0 ? ['of'] : gapTokens.map((t) => t.norm);
    let start = a.start;
    while (start > 0 && (this.cues.determiners.has((tokens[start - 1] as Token).norm) || this.cues.collectiveModifiers.has((tokens[start - 1] as Token).norm))) start--;
    const phrase = textOf(tokens, start, nxt.end);
    const sector = this.sectorOf(tokens, a.start, nxt.start) ?? a.sector;
    // A lower-case state name right after the noun is its feminine demonym: "la Fiscalía argentina".
    const adjectival = gap.length === 0 && (st?.via === 'demonym' || !isCap(tokens[nxt.start]));
    if (st && (adjectival || (st.via !== 'demonym' && viaDe))) {
      return { mention: mk(start, nxt.end, [{ type: 'group', name: phrase, country: st.code, org: null, sector, role: null }], `collective + ${st.via}`), next: nxtIdx + 1 };
    }
    const pe = nxt.refs.find((r): r is Extract<EntityRef, { kind: 'person' }> => r.kind === 'person');
    const person = pe && viaDe ? this.kb.people.get(pe.id) : undefined;
    if (person) {
      const actor = this.kb.personActor(person, null);
      return { mention: mk(start, nxt.end, [{ type: 'group', name: phrase, country: actor.country, org: actor.org, sector, role: null }], 'collective + person'), next: nxtIdx + 1 };
    }
    if (og && viaDe) {
      const entry = this.kb.orgs.get(og.id);
      const actor = entry ? this.kb.orgActor(entry) : null;
      return { mention: mk(start, nxt.end, [{ type: 'group', name: phrase, country: actor?.country ?? null, org: actor?.org ?? null, sector: actor?.sector ?? sector, role: null }], 'collective + organisation'), next: nxtIdx + 1 };
    }
    return null;
  }

  /** "decenas de miles de manifestantes", "la policía": with no state named, the article's country. */
  private domesticCollective(tokens: Token[], atoms: Atom[], a: Extract<Atom, { kind: 'collective' }>, memory: ArticleMemory, mk: MentionMaker, p: number): { mention: Mention; next: number } | null {
    const word = fold((tokens[a.end - 1] as Token).text);
    // "Miles de personas se manifestaron en Buenos Aires": the sentence's place first, then the article's country.
    const placed = atoms.flatMap((at) => (at.kind === 'kb' ? at.refs : []))
      .map((r) => (r.kind === 'place' ? r.country : r.kind === 'state' && r.via === 'metonym' && r.place ? r.code : null)).find((c) => c);
    const home = placed ?? homeCountry(memory);
    if (!this.cues.domesticCollectives.has(word) || !home) return null;
    let start = a.start;
    while (start > 0 && this.cues.determiners.has((tokens[start - 1] as Token).norm)) start--;
    return { mention: mk(start, a.end, [{ type: 'group', name: textOf(tokens, start, a.end), country: home, org: null, sector: a.sector, role: null }], `collective in the article's country (${home})`), next: p + 1 };
  }

  private sectorOf(tokens: Token[], from: number, to: number): Sector | null {
    for (const { sector, words } of this.cues.sectorWords) if (words.findIn(tokens, from, to)) return sector;
    return null;
  }

  private addNewPeopleSurnames(tokens: Token[], mentions: Mention[], memory: ArticleMemory): Mention[] {
    if (memory.newPeople.size === 0) return mentions;
    const taken = new Set<number>();
    for (const m of mentions) for (let i = m.tokStart; i < m.tokEnd; i++) taken.add(i);
    const out = [...mentions];
    tokens.forEach((t, i) => {
      if (taken.has(i) || !isCap(t)) return;
      const ref = memory.newPeople.get(fold(t.text));
      if (ref) out.push({ start: t.start, end: t.end, tokStart: i, tokEnd: i + 1, text: '', refs: [ref], place: null, adjectival: false, reason: 'surname of a person introduced earlier' });
    });
    return out;
  }
}

type MentionMaker = (start: number, end: number, refs: ActorRef[], reason: string, extra?: Partial<Mention>) => Mention;

function textOf(tokens: Token[], start: number, end: number): string {
  const first = tokens[start];
  if (!first) return '';
  let s = first.text;
  for (let i = start + 1; i < end; i++) {
    const prev = tokens[i - 1] as Token;
    const t = tokens[i] as Token;
    s += (t.start > prev.end ? ' ' : '') + t.text;
  }
  return s;
}

/** Builds the contract Actor for a resolved reference on the event date. */
export function toActor(ref: ActorRef, kb: KnowledgeBase, day: string | null): Actor | null {
  switch (ref.type) {
    case 'person': {
      const p = kb.people.get(ref.id);
      return p ? kb.personActor(p, day) : null;
    }
    case 'new-person':
      return { name: ref.name, kb_id: null, kind: 'person', country: ref.country, org: ref.org, sector: ref.sector, role: ref.role };
    case 'state':
      return kb.stateActor(ref.code, ref.sector);
    case 'org': {
      const o = kb.orgs.get(ref.id);
      return o ? kb.orgActor(o) : null;
    }
    case 'group':
      return { name: ref.name, kb_id: null, kind: 'group', country: ref.country, org: ref.org, sector: ref.sector, role: ref.role };
    default:
      return null;
  }
}
