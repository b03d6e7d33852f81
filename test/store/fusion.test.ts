import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, EventRecord } from '../../src/events/model.js';
import { actorId, fusionKey, groupStories } from '../../src/store/fusion.js';

const person = (kb_id: string, country: string): Actor => ({ name: kb_id, kb_id, kind: 'person', country, org: null, sector: 'GOV', role: null });
const lula = person('lula', 'BRA');
const macron = person('macron', 'FRA');
const ev = (type: EventRecord['type'], source: Actor[], target: Actor[], status: EventRecord['status'] = 'occurred') => ({ type, status, source, target });

test('two-sided types ignore direction; one-sided types keep it', () => {
  assert.equal(fusionKey(ev('CONSULT', [lula], [macron])), fusionKey(ev('CONSULT', [macron], [lula])));
  assert.notEqual(fusionKey(ev('REQUEST', [lula], [macron])), fusionKey(ev('REQUEST', [macron], [lula])));
});

test('type, status and actor set all separate stories', () => {
  const base = fusionKey(ev('CONSULT', [lula], [macron]));
  assert.notEqual(base, fusionKey(ev('AGREE', [lula], [macron])));
  assert.notEqual(base, fusionKey(ev('CONSULT', [lula], [macron], 'planned')));
  assert.notEqual(base, fusionKey(ev('CONSULT', [lula], [person('sanchez', 'ESP')])));
  assert.equal(fusionKey(ev('CONSULT', [], [])), null);
});

test('actors outside the KB are keyed by their folded name', () => {
  assert.equal(actorId({ name: 'Consejo de  Seguridad', kb_id: null, kind: 'org', country: null, org: null, sector: null, role: null }), 'name:consejo de seguridad');
});

test('overlapping dates chain into one story, a gap of more than a day starts another, undated stay alone', () => {
  const groups = groupStories('k', [
    { id: 'e3', start: '2025-09-17', end: '2025-09-17' },
    { id: 'e1', start: '2025-09-16', end: '2025-09-16' },
    { id: 'e2', start: '2025-09-15', end: '2025-09-21' },
    { id: 'e4', start: '2025-10-01', end: '2025-10-01' },
    { id: 'e5', start: null, end: null },
  ]);
  assert.deepEqual(groups.map((g) => g.members), [['e1', 'e2', 'e3'], ['e4'], ['e5']]);
  assert.equal(new Set(groups.map((g) => g.id)).size, 3);
});

test('story ids do not depend on the order events arrive in', () => {
  const evs = [{ id: 'a', start: '2025-01-01', end: '2025-01-01' }, { id: 'b', start: '2025-01-02', end: '2025-01-02' }];
  assert.deepEqual(groupStories('k', evs), groupStories('k', [...evs].reverse()));
});
