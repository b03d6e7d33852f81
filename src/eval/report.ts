// Human-readable eval report: every miss and every extra with its evidence sentence and rule.
import type { Actor, EventRecord } from '../events/model.js';
import type { GoldEventT } from './gold.js';
import type { Report } from './score.js';

const side = (actors: Actor[]): string =>
  actors.length === 0 ? '∅' : actors.map((a) => `${a.name}(${a.org ?? a.country ?? '?'})`).join('+');

export function describeEvent(e: EventRecord): string {
  const date = e.date ? (e.date.start === e.date.end ? e.date.start : `${e.date.start}..${e.date.end}`) : 'no-date';
  return `${e.type}${e.mode ? '/' + e.mode : ''} ${side(e.source)} → ${side(e.target)} ${date} ${e.status}`;
}

function describeGold(g: GoldEventT): string {
  const date = g.date ? `${g.date[0]}..${g.date[1]}` : 'any-date';
  return `${g.id} ${g.type.join('|')} ${(g.source ?? ['*']).join('|')} → ${(g.target ?? ['*']).join('|')} ${date} ${g.status}${g.note ? ` — ${g.note}` : ''}`;
}

const evidence = (e: EventRecord): string => `      «${e.evidence.text.trim().slice(0, 220)}» [${e.evidence.rule}: "${e.evidence.trigger}"]`;

/** Renders the report as text; `verbose` also lists non-core misses. */
export function formatReport(report: Report, verbose = false): string {
  const lines: string[] = [];
  for (const a of report.articles) {
    const core = a.matched.filter((p) => p.gold.core).length;
    lines.push(`${a.article}: core ${core}/${a.goldCore}, matched ${a.matched.length}/${a.emitted} emitted${a.forbiddenHits.length ? `, FORBIDDEN ${a.forbiddenHits.length}` : ''}${a.coded ? '' : ' (NOT CODED)'}`);
    for (const m of a.missedCore) {
      lines.push(`  miss  ${describeGold(m.gold)}`);
      if (m.closest) {
        const ag = m.closest.agreement;
        const wrong = (['type', 'date', 'status'] as const).filter((k) => !ag[k]).join(',');
        lines.push(`      closest: ${describeEvent(m.closest.event)} (wrong: ${wrong})`);
        lines.push(evidence(m.closest.event));
      }
    }
    if (verbose) for (const g of a.missedOther) lines.push(`  miss (non-core)  ${describeGold(g)}`);
    for (const x of a.extras) {
      lines.push(`  extra ${describeEvent(x.event)}${x.duplicateOf ? ` (duplicate of ${x.duplicateOf})` : ''}`);
      lines.push(evidence(x.event));
    }
    for (const f of a.forbiddenHits) {
      lines.push(`  FORBIDDEN ${describeEvent(f.event)} — ${f.note}`);
      lines.push(evidence(f.event));
    }
  }
  const s = report.summary;
  lines.push('');
  lines.push(`articles ${s.articles}${s.articles_not_coded ? ` (${s.articles_not_coded} not coded)` : ''}, gold events ${s.gold_all} (${s.gold_core} core), emitted ${s.emitted}, matched ${s.matched}`);
  lines.push(`field accuracy on ${s.accuracy.pairs} actor-matched pairs: type ${s.accuracy.type}%, date ${s.accuracy.date}%, status ${s.accuracy.status}%, names ${s.accuracy.names}%`);
  lines.push(`core recall ${s.core_recall}%  precision ${s.precision}%  F1 ${s.f1}  forbidden hits ${s.forbidden_hits}`);
  return lines.join('\n');
}
