// The accuracy gate: held-out test split (and dev, and the shared seeds when present) may not fall
// below the figures recorded in test/fixtures/gold/baseline.json, which is raised deliberately.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { articleFiles, evaluate } from '../../src/eval/run.js';
import { coder } from '../helpers/code.js';

interface Floor { core_recall: number; precision: number; forbidden_hits?: number }
const baseline = JSON.parse(readFileSync('test/fixtures/gold/baseline.json', 'utf8')) as Record<string, Floor>;
const folders: Record<string, string> = { test: 'test/fixtures/gold/test', dev: 'test/fixtures/gold/dev', dev2: 'test/fixtures/gold/dev2', seeds: '../shared/seeds' };

for (const [split, floor] of Object.entries(baseline)) {
  const dir = folders[split];
  if (!dir) continue;
  test(`${split}: core recall and precision stay at or above the recorded baseline`, { skip: !existsSync(`${dir}/gold.json`) && `${dir} not present` }, async () => {
    const { summary } = await evaluate(`${dir}/gold.json`, articleFiles(dir), coder());
    assert.equal(summary.articles_not_coded, 0, 'every gold article is coded');
    assert.ok(summary.core_recall >= floor.core_recall, `core recall ${summary.core_recall}% < baseline ${floor.core_recall}%`);
    assert.ok(summary.precision >= floor.precision, `precision ${summary.precision}% < baseline ${floor.precision}%`);
    if (floor.forbidden_hits !== undefined) assert.ok(summary.forbidden_hits <= floor.forbidden_hits, `forbidden hits ${summary.forbidden_hits} > ${floor.forbidden_hits}`);
  });
}
