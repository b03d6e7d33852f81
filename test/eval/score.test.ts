import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, EventRecord } from '../../src/events/model.js';
import { GoldFile } from '../../src/eval/gold.js';
import { scoreGold } from '../../src/eval/score.js';

const actor = (name: string, country: string, org: string | null = null): Actor =>
  ({ name, kb_id: null, kind: 'person', country, org, sector: 'GOV', role: null });

let n = 0;
function ev(partial: Partial<EventRecord> & Pick<EventRecord, 'type'>): EventRecord {
  n++;
  return {
    id: `ev_${n}`, article: 'a1', mode: null, cameo: null, source: [actor('Austin', 'USA')], target: [actor('Shoigu', 'RUS')],
    date: { start: '2022-05-13', end: '2022-05-13', precision: 'day', basis: 'publication' }, status: 'occurred',
    location: null, attribution: null, evidence: { text: 's', start: 0, end: 1, trigger: 't', rule: 'r' }, confidence: 0.8, ...partial,
  };
}

const gold = GoldFile.parse({ articles: { a1: { published: '2022-05-13', events: [
  { id: 'g1', core: true, type: ['CONSULT'], source: ['USA'], target: ['RUS'], names: ['Austin', 'Shoigu'], date: ['2022-05-13', '2022-05-13'], status: 'occurred' },
  { id: 'g2', core: true, type: ['REQUEST'], source: ['USA'], target: ['RUS'], date: ['2022-05-13', '2022-05-13'], status: 'occurred' },
  { id: 'g3', core: false, type: ['REJECT'], source: ['RUS'], target: ['USA'], status: 'negative' },
], forbidden: [{ type: ['ASSAULT'], source: ['CAN'] }] } } });

test('a full match needs type, actors, overlapping date and status; direction is free for CONSULT', () => {
  const events = [
    ev({ type: 'CONSULT', source: [actor('Shoigu', 'RUS')], target: [actor('Austin', 'USA')] }),
    ev({ type: 'REQUEST', source: [actor('Shoigu', 'RUS')], target: [actor('Austin', 'USA')] }), // wrong direction
  ];
  const r = scoreGold(gold, events, new Set(['a1']));
  assert.equal(r.summary.matched, 1);
  assert.equal(r.summary.core_recall, 50);
  assert.equal(r.summary.precision, 50);
  assert.deepEqual(r.articles[0]?.missedCore.map((m) => m.gold.id), ['g2']);
});

test('negative statuses match gold "negative"; a wrong date is a miss but a paired field error', () => {
  const events = [
    ev({ type: 'REJECT', source: [actor('Gerasimov', 'RUS')], target: [actor('Milley', 'USA')], status: 'refused' }),
    ev({ type: 'CONSULT', date: { start: '2022-02-18', end: '2022-02-18', precision: 'day', basis: 'explicit' } }),
  ];
  const r = scoreGold(gold, events, new Set(['a1']));
  assert.equal(r.summary.matched, 1);
  assert.equal(r.summary.matched_core, 0);
  assert.ok(r.summary.accuracy.date < 100);
});

test('duplicates count once; forbidden hits and uncoded articles are reported', () => {
  const events = [ev({ type: 'CONSULT' }), ev({ type: 'CONSULT' }), ev({ type: 'ASSAULT', source: [actor('X', 'CAN')], target: [] })];
  const r = scoreGold(gold, events, new Set(['a1']));
  assert.equal(r.summary.matched, 1);
  assert.equal(r.articles[0]?.extras.filter((x) => x.duplicateOf === 'g1').length, 1);
  assert.equal(r.summary.forbidden_hits, 1);
  const none = scoreGold(gold, [], new Set());
  assert.equal(none.summary.articles_not_coded, 1);
  assert.equal(none.summary.core_recall, 0);
});
