// The compiled knowledge base: a trie over folded tokens for every alias, and dated-role lookup.
import type { Actor, Sector } from '../events/model.js';
import type { Token } from '../text/model.js';
import { fold } from '../text/normalize.js';
import { partialEnd, partialStart, within } from './dates.js';
import type { KbData } from './load.js';
import type { OrganizationEntry, PersonEntry, RoleEntry, StateEntry, TitleEntry } from './schema.js';

export type EntityRef =
  | { kind: 'state'; code: string; via: 'name' | 'demonym' | 'metonym'; sector: Sector | null; place: boolean }
  | { kind: 'org'; id: string }
  | { kind: 'person'; id: string; via: 'full' | 'short' }
  | { kind: 'place'; name: string; country: string }
  | { kind: 'title'; index: number };

interface TrieNode {
  next: Map<string, TrieNode>;
  refs: EntityRef[];
  /** Per alias token: must the text token start with a capital letter? */
  caps: boolean[];
  /** A first-word node not grown yet: the precompiled aliases that start with its word. */
  lazy: AliasEntry[] | null;
}

export interface KbMatch {
  /** Token index range [start, end). */
  start: number;
  end: number;
  refs: EntityRef[];
}

export type Tokenizer = (text: string) => Token[];

/** One alias as the trie takes it: its tokens' keys, which of them are capitalised ("1"/"0"), and its ref. */
export type AliasEntry = [keys: string[], caps: string, ref: number];
/** Every alias of a knowledge base, tokenized once (at build time for the bundled KB: dist/kb-trie.json). */
export interface CompiledAliases { refs: EntityRef[]; entries: AliasEntry[] }

const LEADING_ARTICLE = /^(el|la|los|las)\s+/i;
/** Entries kept by the postHolder cache before it starts over. */
const MEMO_LIMIT = 20_000;
const isUpper = (s: string): boolean => /^\p{Lu}/u.test(s);

/** The trie key of a token: folded, without periods, so "EE.", "EE" and "ee" meet. */
export const tokenKey = (t: Token): string => (t.norm.includes('.') ? t.norm.replace(/\./g, '') : t.norm);

export class KnowledgeBase {
  readonly states = new Map<string, StateEntry>();
  readonly orgs = new Map<string, OrganizationEntry>();
  readonly orgsByCode = new Map<string, OrganizationEntry>();
  readonly people = new Map<string, PersonEntry>();
  readonly titles: TitleEntry[];
  private readonly root: TrieNode = { next: new Map(), refs: [], caps: [], lazy: null };
  /** Folded role name → people who ever held it. */
  private readonly byRole = new Map<string, PersonEntry[]>();
  /** postHolder answers by roles, place and day; roleOn answers by person and day (both bounded). */
  private readonly holderMemo = new Map<string, PersonEntry | null>();
  private readonly roleMemo = new Map<PersonEntry, Map<string, RoleEntry | null>>();
  /** While inserting: each trie node's refs as JSON, so a repeated alias adds nothing. */
  private readonly refKeys = new Map<TrieNode, Set<string>>();
  /** With precompiled aliases: what their ref numbers stand for. */
  private pendingRefs: EntityRef[] = [];

  /**
   * @param compiled the aliases of exactly `data`, tokenized beforehand (compileAliases): the trie is
   * then grown lazily, one first word at a time, to the same trie the eager build makes.
   */
  constructor(readonly data: KbData, private readonly tokenize: Tokenizer, compiled: CompiledAliases | null = null) {
    this.titles = data.titles;
    for (const s of data.states) this.states.set(s.code, s);
    for (const o of data.organizations) {
      this.orgs.set(o.id, o);
      if (o.code && !o.parent) this.orgsByCode.set(o.code, o);
    }
    for (const p of data.people) {
      this.people.set(p.id, p);
      for (const key of new Set(p.roles.map((r) => fold(r.role)))) this.byRole.set(key, [...(this.byRole.get(key) ?? []), p]);
    }
    if (compiled) {
      // One placeholder per first word; its aliases go in when a text first meets the word.
      this.pendingRefs = compiled.refs;
      for (const e of compiled.entries) {
        const first = e[0][0]!;
        const node = this.root.next.get(first);
        if (node) node.lazy!.push(e);
        else this.root.next.set(first, { next: new Map(), refs: [], caps: [], lazy: [e] });
      }
    } else {
      for (const e of this.aliases()) this.insert(e.keys, e.caps, e.ref);
      this.refKeys.clear();
    }
  }

  private insert(keys: readonly string[], caps: boolean[], ref: EntityRef): void {
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) { child = { next: new Map(), refs: [], caps: [], lazy: null }; node.next.set(k, child); }
      node = child;
    }
    const key = JSON.stringify(ref);
    let seen = this.refKeys.get(node);
    if (!seen) { seen = new Set(node.refs.map((r) => JSON.stringify(r))); this.refKeys.set(node, seen); }
    if (seen.has(key)) return;
    seen.add(key);
    node.refs.push(ref);
    node.caps = caps;
  }

  /** Inserts the precompiled aliases of a first-word placeholder, in their original order. */
  private grow(node: TrieNode): void {
    const list = node.lazy!;
    node.lazy = null;
    for (const [keys, caps, ref] of list) this.insert(keys, [...caps].map((c) => c === '1'), { ...this.pendingRefs[ref]! });
    this.refKeys.clear();
  }

  /** The aliases of every entry, in trie order, tokenized. */
  compileAliases(): CompiledAliases {
    const refs: EntityRef[] = [];
    const index = new Map<string, number>();
    const entries = this.aliases().map(({ keys, caps, ref }): AliasEntry => {
      const key = JSON.stringify(ref);
      let n = index.get(key);
      if (n === undefined) { n = refs.length; refs.push(ref); index.set(key, n); }
      return [keys, caps.map((c) => (c ? '1' : '0')).join(''), n];
    });
    return { refs, entries };
  }

  private aliases(): Array<{ keys: string[]; caps: boolean[]; ref: EntityRef }> {
    const out: Array<{ keys: string[]; caps: boolean[]; ref: EntityRef }> = [];
    const add = (alias: string, ref: EntityRef): void => {
      const tokens = this.tokenize(alias).filter((t) => tokenKey(t) !== '');
      if (tokens.length > 0) out.push({ keys: tokens.map(tokenKey), caps: tokens.map((t) => isUpper(t.text)), ref });
    };
    this.addAliases(add);
    return out;
  }

  private addAliases(add: (alias: string, ref: EntityRef) => void): void {
    for (const s of this.data.states) {
      for (const name of new Set([s.name.es, s.name.en, ...s.aliases])) {
        add(name, { kind: 'state', code: s.code, via: 'name', sector: null, place: false });
        // "los Estados Unidos", "la India": the article is optional in text.
        if (LEADING_ARTICLE.test(name)) add(name.replace(LEADING_ARTICLE, ''), { kind: 'state', code: s.code, via: 'name', sector: null, place: false });
      }
      for (const d of s.demonyms) add(d, { kind: 'state', code: s.code, via: 'demonym', sector: null, place: false });
      for (const m of s.metonyms) add(m.alias.replace(LEADING_ARTICLE, ''), { kind: 'state', code: s.code, via: 'metonym', sector: m.sector, place: m.place });
    }
    for (const o of this.data.organizations) {
      for (const name of new Set([o.name.es, o.name.en, ...o.aliases])) {
        add(name.replace(LEADING_ARTICLE, ''), { kind: 'org', id: o.id });
      }
    }
    for (const p of this.data.people) {
      for (const name of new Set([p.name, ...p.aliases])) add(name, { kind: 'person', id: p.id, via: 'full' });
      for (const s of p.short) add(s, { kind: 'person', id: p.id, via: 'short' });
    }
    for (const pl of this.data.places) for (const name of [pl.name, ...pl.aliases]) add(name, { kind: 'place', name: pl.name, country: pl.country });
    this.titles.forEach((t, index) => { for (const f of t.forms) add(f, { kind: 'title', index }); });
  }

  /**
   * Longest alias match starting at token `i`, honouring capitalisation of the alias's capitalised words.
   * @example kb.matchAt(tokens, 0) // => { start: 0, end: 2, refs: [{ kind: 'person', id: 'lloyd-austin', via: 'full' }] }
   */
  matchAt(tokens: Token[], i: number): KbMatch | null {
    let node = this.root;
    let best: KbMatch | null = null;
    let j = i;
    const firstKey = tokens[i] ? tokenKey(tokens[i] as Token) : '';
    if (firstKey === '') return null;
    while (j < tokens.length) {
      const tok = tokens[j] as Token;
      const k = tokenKey(tok);
      if (k === '') { j++; continue; } // a lone "." inside "EE. UU."
      const child = node.next.get(k);
      if (!child) break;
      if (child.lazy) this.grow(child);
      node = child;
      j++;
      if (node.refs.length) {
        const capsOk = node.caps.every((needUpper, n) => !needUpper || isUpper(tokensSkippingDots(tokens, i, n)?.text ?? ''));
        if (capsOk) best = { start: i, end: j, refs: node.refs };
      }
    }
    return best;
  }

  /** Entities whose alias is exactly this word or phrase. */
  lookup(text: string): EntityRef[] {
    const tokens = this.tokenize(text);
    const m = this.matchAt(tokens, 0);
    return m && m.end === tokens.length ? m.refs : [];
  }

  /**
   * The person holding, in `country` on `day`, the post equivalent to `role` (the same title entry:
   * "secretario de Defensa" ≈ "ministro de Defensa"); null unless exactly one does.
   * @example kb.counterpartOf('presidente del Estado Mayor Conjunto', 'RUS', '2022-05-13')?.name
   */
  counterpartOf(role: string, country: string, day: string | null): PersonEntry | null {
    const key = fold(role);
    const title = this.titles.find((t) => titleRoles(t).some((f) => fold(f) === key));
    return this.postHolder(title ? titleRoles(title) : [role], { country }, day);
  }

  /**
   * The one person who, on `day`, held one of `roles` for `where` (a state, or an organisation); null
   * when nobody or several did. Looked up through a role index, not a scan of every person.
   * @example kb.postHolder(['ministro de Defensa'], { country: 'RUS' }, '2022-05-13')?.name // => 'Sergei Shoigu'
   */
  postHolder(roles: readonly string[], where: { country?: string | null; org?: string | null }, day: string | null): PersonEntry | null {
    // Pure over an immutable KB: remembered (a bounded cache; a day of news asks the same posts again and again).
    const memoKey = `${roles.join('\u0000')}\u0001${where.country ?? ''}\u0001${where.country ? '' : where.org ?? ''}\u0001${day ?? ''}`;
    const memo = this.holderMemo.get(memoKey);
    if (memo !== undefined) return memo;
    const holder = this.findPostHolder(roles, where, day);
    if (this.holderMemo.size >= MEMO_LIMIT) this.holderMemo.clear();
    this.holderMemo.set(memoKey, holder);
    return holder;
  }

  private findPostHolder(roles: readonly string[], where: { country?: string | null; org?: string | null }, day: string | null): PersonEntry | null {
    const wanted = new Set(roles.map(fold));
    const found = new Set<PersonEntry>();
    for (const key of wanted) {
      for (const p of this.byRole.get(key) ?? []) {
        const r = this.roleOn(p, day);
        if (!r || !wanted.has(fold(r.role))) continue;
        const ok = where.country ? (r.country ?? p.country) === where.country : r.org === (where.org ?? null);
        if (ok) found.add(p);
      }
    }
    return found.size === 1 ? [...found][0] as PersonEntry : null;
  }

  /** Role a person held on `day` (YYYY-MM-DD); null when none is known for that day. */
  roleOn(person: PersonEntry, day: string | null): RoleEntry | null {
    if (!day) return person.roles[person.roles.length - 1] ?? null;
    if (person.roles.length === 1) return this.findRoleOn(person, day);
    let byDay = this.roleMemo.get(person);
    if (!byDay) { byDay = new Map(); this.roleMemo.set(person, byDay); }
    let role = byDay.get(day);
    if (role === undefined) {
      role = this.findRoleOn(person, day);
      if (byDay.size >= 64) byDay.clear();
      byDay.set(day, role);
    }
    return role;
  }

  private findRoleOn(person: PersonEntry, day: string): RoleEntry | null {
    const active = person.roles.filter((r) => within(day, r.from, r.to));
    // A role known to the day beats one whose month-precision bounds merely include the day; among
    // equals the later-starting post wins (handover day), and among month-only handovers the old post
    // is kept until a dated change is known.
    const sure = (r: RoleEntry): boolean => (r.from === null || r.from.length === 10 || partialStart(r.from).slice(0, 7) !== day.slice(0, 7))
      && (r.to === null || r.to.length === 10 || partialEnd(r.to).slice(0, 7) !== day.slice(0, 7));
    active.sort((a, b) => {
      if (sure(a) !== sure(b)) return sure(a) ? -1 : 1;
      const cmp = partialStart(b.from ?? '0000').localeCompare(partialStart(a.from ?? '0000'));
      return sure(a) ? cmp : -cmp;
    });
    return active[0] ?? null;
  }

  /** Whether the person held any role on `day` (or the day is unknown). */
  activeOn(person: PersonEntry, day: string | null): boolean {
    return day === null || person.roles.some((r) => within(day, r.from, r.to));
  }

  personActor(person: PersonEntry, day: string | null): Actor {
    const role = this.roleOn(person, day);
    const fallback = role ?? nearestRole(person, day);
    return {
      name: person.name,
      kb_id: person.id,
      kind: 'person',
      country: fallback?.country ?? person.country,
      org: fallback?.org ?? null,
      sector: fallback?.sector ?? null,
      role: role?.role ?? null,
    };
  }

  stateActor(code: string, sector: Sector | null): Actor {
    const s = this.states.get(code);
    return { name: s?.name.es ?? code, kb_id: code.toLowerCase(), kind: 'state', country: code, org: null, sector, role: null };
  }

  /** The outermost organisation an organ belongs to (Consejo de Seguridad → ONU). */
  rootOrg(org: OrganizationEntry): OrganizationEntry {
    let cur = org;
    for (let i = 0; i < 5 && cur.parent; i++) {
      const up = this.orgs.get(cur.parent);
      if (!up) break;
      cur = up;
    }
    return cur;
  }

  /** Actor for an organisation; organs carry their root organisation's code (UNSC → UN). */
  orgActor(org: OrganizationEntry): Actor {
    const root = this.rootOrg(org);
    return {
      name: org.name.es,
      kb_id: org.id,
      kind: org.kind,
      country: org.country,
      org: root.code ?? org.code ?? null,
      sector: org.sector,
      role: null,
    };
  }
}

/** Every name a title's post goes by: its role, its written forms and the equivalent posts. */
export const titleRoles = (t: TitleEntry): string[] => [t.role, ...t.forms, ...t.equivalents];

function tokensSkippingDots(tokens: Token[], start: number, n: number): Token | undefined {
  let seen = -1;
  for (let j = start; j < tokens.length; j++) {
    if (tokenKey(tokens[j] as Token) === '') continue;
    seen++;
    if (seen === n) return tokens[j];
  }
  return undefined;
}

/** The role closest in time to `day`, for country and sector when no role was held that day. */
function nearestRole(person: PersonEntry, day: string | null): RoleEntry | null {
  if (!day || person.roles.length === 0) return person.roles[person.roles.length - 1] ?? null;
  const before = person.roles.filter((r) => r.from === null || partialStart(r.from) <= day);
  return before[before.length - 1] ?? person.roles[0] ?? null;
}
