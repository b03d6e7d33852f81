import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePublishedDate } from '../../src/ingest/dates.js';

test('ISO dates and datetimes give the calendar day as written', () => {
  assert.equal(parsePublishedDate('2022-05-13'), '2022-05-13');
  assert.equal(parsePublishedDate(' 2024-02-29 '), '2024-02-29');
  assert.equal(parsePublishedDate('2022-05-13T23:30:00-05:00'), '2022-05-13');
  assert.equal(parsePublishedDate('2022-05-13T04:00:00Z'), '2022-05-13');
  assert.equal(parsePublishedDate('2022-05-13 10:20'), '2022-05-13');
  assert.equal(parsePublishedDate('2023-09-14T08:30:00.000+0200'), '2023-09-14');
  assert.equal(parsePublishedDate(new Date(Date.UTC(2021, 11, 31))), '2021-12-31');
});

test('impossible or non-ISO dates are rejected', () => {
  for (const bad of ['2022-02-30', '2023-02-29', '2022-13-01', '2022-00-10', 'ayer', '13/13/2020', '13/05/2020', '2022-5-13', '', '1850-01-01', '2022-05-13T25:00:00Z']) {
    assert.equal(parsePublishedDate(bad), null, bad);
  }
  assert.equal(parsePublishedDate(20220513), null);
  assert.equal(parsePublishedDate(null), null);
  assert.equal(parsePublishedDate(new Date('nada')), null);
});
