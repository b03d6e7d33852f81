// `atalaya kb check`: schema errors, duplicate aliases and overlapping role dates across the knowledge base.
import { fold } from '../text/normalize.js';
import { partialEnd, partialStart } from './dates.js';
import type { KbData, KbProblem } from './load.js';

export interface KbReport {
  counts: Record<string, number>;
  errors: KbProblem[];
  warnings: KbProblem[];
}

/** Names under which each entity can be found, with the entity they point to. */
function aliasOwners(kb: KbData): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  const add = (alias: string, owner: string): void => {
    const k = fold(alias).replace(/\s+/g, ' ').trim();
    const set = owners.get(k) ?? new Set<string>();
    set.add(owner);
    owners.set(k, set);
  };
  for (const s of kb.states) {
    for (const a of [s.name.es, s.name.en, ...s.aliases, ...s.demonyms]) add(a, `state:${s.code}`);
    for (const m of s.metonyms) add(m.alias, `state:${s.code}`);
  }
  for (const o of kb.organizations) for (const a of [o.name.es, o.name.en, ...o.aliases]) add(a, `org:${o.id}`);
  for (const p of kb.people) for (const a of [p.name, ...p.aliases]) add(a, `person:${p.id}`);
  return owners;
}

/** Roles of one person that hold the same post over overlapping dates. */
function overlappingRoles(kb: KbData): KbProblem[] {
  const out: KbProblem[] = [];
  for (const p of kb.people) {
    const roles = p.roles.map((r) => ({ ...r, a: r.from ? partialStart(r.from) : '0000', b: r.to ? partialEnd(r.to) : '9999' }));
    roles.forEach((r, i) => {
      if (r.a > r.b) out.push({ file: `person:${p.id}`, message: `role "${r.role}" ends (${r.to}) before it starts (${r.from})` });
      for (const q of roles.slice(i + 1)) {
        const samePost = fold(q.role) === fold(r.role) && q.country === r.country && q.org === r.org;
        // Partial dates may share the boundary month: only a strict overlap is an error.
        const strict = r.a < q.b && q.a < r.b && !(r.to && q.from && r.to.length < 10 && partialStart(q.from) >= partialStart(r.to));
        if (samePost && strict) out.push({ file: `person:${p.id}`, message: `role "${r.role}" overlaps itself: ${r.from}..${r.to} and ${q.from}..${q.to}` });
      }
    });
  }
  return out;
}

/**
 * Checks a loaded KB. Schema problems from loading are errors; so are overlapping dates of one post,
 * ids used twice, and a full name shared by two entities; shared short forms are warnings.
 */
export function checkKb(kb: KbData, loadProblems: KbProblem[]): KbReport {
  const errors: KbProblem[] = [...loadProblems, ...overlappingRoles(kb)];
  const warnings: KbProblem[] = [];
  const ids = new Map<string, number>();
  for (const p of kb.people) ids.set(p.id, (ids.get(p.id) ?? 0) + 1);
  for (const [id, n] of ids) if (n > 1) errors.push({ file: `person:${id}`, message: `id used ${n} times` });
  const codes = new Map<string, number>();
  for (const s of kb.states) codes.set(s.code, (codes.get(s.code) ?? 0) + 1);
  for (const [c, n] of codes) if (n > 1) errors.push({ file: `state:${c}`, message: `code used ${n} times` });
  for (const [alias, owners] of aliasOwners(kb)) {
    if (owners.size < 2) continue;
    const kinds = new Set([...owners].map((o) => o.split(':')[0]));
    const msg = { file: 'aliases', message: `"${alias}" names ${[...owners].join(', ')}` };
    // Two people sharing a full name is an error; a person named like a place or state is a warning.
    if (kinds.size === 1 && kinds.has('person')) errors.push(msg);
    else warnings.push(msg);
  }
  const shortOwners = new Map<string, string[]>();
  for (const p of kb.people) for (const s of p.short) {
    const k = fold(s);
    shortOwners.set(k, [...(shortOwners.get(k) ?? []), p.id]);
  }
  for (const [s, owners] of shortOwners) if (owners.length > 1) warnings.push({ file: 'short forms', message: `"${s}" is a short form of ${owners.join(', ')} (resolved by date and context)` });
  return {
    counts: {
      states: kb.states.length,
      organizations: kb.organizations.filter((o) => o.kind === 'org').length,
      groups: kb.organizations.filter((o) => o.kind === 'group').length,
      people: kb.people.length,
      roles: kb.people.reduce((n, p) => n + p.roles.length, 0),
      places: kb.places.length,
      titles: kb.titles.length,
    },
    errors,
    warnings,
  };
}
