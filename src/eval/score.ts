// Scores coded events against a gold file: recall, precision, forbidden hits and field accuracy.
import type { EventRecord } from '../events/model.js';
import type { GoldArticleT, GoldEventT, GoldFileT } from './gold.js';
import { compare, hitsForbidden, isFullMatch, type FieldAgreement } from './match.js';

export interface Pair {
  gold: GoldEventT;
  event: EventRecord;
  agreement: FieldAgreement;
}

export interface ArticleScore {
  article: string;
  coded: boolean;
  goldCore: number;
  goldAll: number;
  emitted: number;
  /** One-to-one full matches. */
  matched: Pair[];
  /** Core gold events with no full match; `closest` is the best partial pair, if any. */
  missedCore: Array<{ gold: GoldEventT; closest: Pair | null }>;
  missedOther: GoldEventT[];
  /** Emitted events that match no gold event; `duplicateOf` when they fully match an already-matched one. */
  extras: Array<{ event: EventRecord; duplicateOf: string | null }>;
  forbiddenHits: Array<{ event: EventRecord; note: string }>;
  /** Pairs that agree on actors and on type or date: the basis of the field accuracies. */
  partial: Pair[];
}

export interface Summary {
  articles: number;
  articles_not_coded: number;
  gold_core: number;
  gold_all: number;
  emitted: number;
  matched: number;
  matched_core: number;
  core_recall: number;
  precision: number;
  f1: number;
  forbidden_hits: number;
  /** Field accuracy over pairs that agree on actors and on type or date. */
  accuracy: { pairs: number; type: number; date: number; status: number; names: number };
}

export interface Report {
  summary: Summary;
  articles: ArticleScore[];
}

const pct = (n: number, d: number): number => (d === 0 ? 100 : Math.round((1000 * n) / d) / 10);

function pairScore(a: FieldAgreement): number {
  return (a.actors ? 8 : 0) + (a.type ? 4 : 0) + (a.date ? 2 : 0) + (a.status ? 1 : 0) + a.names * 0.5;
}

/**
 * One-to-one assignment, greedy on agreement strength, core gold events first.
 * @example scoreArticle('000', gold.articles['000'], events).matched.length
 */
export function scoreArticle(id: string, gold: GoldArticleT, events: EventRecord[] | undefined): ArticleScore {
  const evs = events ?? [];
  const goldEvents = [...gold.events].sort((a, b) => Number(b.core) - Number(a.core));
  const candidates: Array<Pair & { score: number; full: boolean }> = [];
  for (const g of goldEvents) {
    for (const e of evs) {
      const agreement = compare(e, g);
      if (!agreement.actors) continue;
      candidates.push({ gold: g, event: e, agreement, score: pairScore(agreement) + (g.core ? 0.25 : 0), full: isFullMatch(agreement) });
    }
  }
  // Full matches first, core gold events before background ones (recall is measured on core events).
  candidates.sort((a, b) => Number(b.full) - Number(a.full) || Number(b.gold.core) - Number(a.gold.core) || b.score - a.score);

  const usedGold = new Set<GoldEventT>();
  const usedEvent = new Set<EventRecord>();
  const matched: Pair[] = [];
  for (const c of candidates) {
    if (!c.full || usedGold.has(c.gold) || usedEvent.has(c.event)) continue;
    usedGold.add(c.gold);
    usedEvent.add(c.event);
    matched.push({ gold: c.gold, event: c.event, agreement: c.agreement });
  }

  // Partial pairs for field accuracy: full matches plus the best remaining actor+type/date pairs.
  const partial: Pair[] = [...matched];
  const partGold = new Set(usedGold);
  const partEvent = new Set(usedEvent);
  for (const c of candidates) {
    if (partGold.has(c.gold) || partEvent.has(c.event)) continue;
    if (!(c.agreement.type || c.agreement.date)) continue;
    partGold.add(c.gold);
    partEvent.add(c.event);
    partial.push({ gold: c.gold, event: c.event, agreement: c.agreement });
  }

  const closestFor = (g: GoldEventT): Pair | null => {
    const best = candidates.find((c) => c.gold === g);
    return best ? { gold: best.gold, event: best.event, agreement: best.agreement } : null;
  };
  const missedCore = gold.events.filter((g) => g.core && !usedGold.has(g)).map((g) => ({ gold: g, closest: closestFor(g) }));
  const missedOther = gold.events.filter((g) => !g.core && !usedGold.has(g));
  const extras = evs.filter((e) => !usedEvent.has(e)).map((e) => {
    const dup = candidates.find((c) => c.event === e && c.full);
    return { event: e, duplicateOf: dup ? dup.gold.id : null };
  });
  const forbiddenHits: ArticleScore['forbiddenHits'] = [];
  for (const e of evs) {
    const f = gold.forbidden.find((x) => hitsForbidden(e, x));
    if (f) forbiddenHits.push({ event: e, note: f.note ?? '' });
  }
  return {
    article: id,
    coded: events !== undefined,
    goldCore: gold.events.filter((g) => g.core).length,
    goldAll: gold.events.length,
    emitted: evs.length,
    matched,
    missedCore,
    missedOther,
    extras,
    forbiddenHits,
    partial,
  };
}

/** Scores every gold article; events are grouped by their `article` field. */
export function scoreGold(gold: GoldFileT, events: EventRecord[], coded: ReadonlySet<string>): Report {
  const byArticle = new Map<string, EventRecord[]>();
  for (const e of events) {
    const list = byArticle.get(e.article) ?? [];
    list.push(e);
    byArticle.set(e.article, list);
  }
  const articles = Object.entries(gold.articles)
    .map(([id, g]) => scoreArticle(id, g, coded.has(id) ? byArticle.get(id) ?? [] : undefined));
  return { summary: summarize(articles), articles };
}

export function summarize(articles: ArticleScore[]): Summary {
  const sum = (f: (a: ArticleScore) => number): number => articles.reduce((n, a) => n + f(a), 0);
  const goldCore = sum((a) => a.goldCore);
  const emitted = sum((a) => a.emitted);
  const matched = sum((a) => a.matched.length);
  const matchedCore = sum((a) => a.matched.filter((p) => p.gold.core).length);
  const pairs = articles.flatMap((a) => a.partial);
  const recall = pct(matchedCore, goldCore);
  const precision = pct(matched, emitted);
  return {
    articles: articles.length,
    articles_not_coded: articles.filter((a) => !a.coded).length,
    gold_core: goldCore,
    gold_all: sum((a) => a.goldAll),
    emitted,
    matched,
    matched_core: matchedCore,
    core_recall: recall,
    precision,
    f1: recall + precision === 0 ? 0 : Math.round((20 * recall * precision) / (recall + precision)) / 10,
    forbidden_hits: sum((a) => a.forbiddenHits.length),
    accuracy: {
      pairs: pairs.length,
      type: pct(pairs.filter((p) => p.agreement.type).length, pairs.length),
      date: pct(pairs.filter((p) => p.agreement.date).length, pairs.length),
      status: pct(pairs.filter((p) => p.agreement.status).length, pairs.length),
      names: pct(pairs.reduce((n, p) => n + p.agreement.names, 0), pairs.length),
    },
  };
}
