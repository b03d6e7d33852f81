import assert from 'node:assert/strict';
import { test } from 'node:test';
import { partialEnd, partialStart, within } from '../../src/kb/dates.js';

test('partial dates expand to their first and last day', () => {
  assert.equal(partialStart('2024'), '2024-01-01');
  assert.equal(partialEnd('2024'), '2024-12-31');
  assert.equal(partialStart('2024-05'), '2024-05-01');
  assert.equal(partialEnd('2024-02'), '2024-02-29');
  assert.equal(partialEnd('2023-02'), '2023-02-28');
  assert.equal(partialEnd('2022-05-12'), '2022-05-12');
});

test('within honours open ends and partial bounds', () => {
  assert.ok(within('2022-05-13', '2012-11-06', '2024-05-12'));
  assert.ok(!within('2024-09-13', '2012-11-06', '2024-05-12'));
  assert.ok(within('2024-09-13', '2024-05-14', null));
  assert.ok(within('2021-01-31', '2021-01', '2022-05'));
  assert.ok(!within('2022-06-01', '2021-01', '2022-05'));
});
