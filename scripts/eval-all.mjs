// `npm run eval`: atalaya eval on the dev, dev2 and test splits and, when present, on ../shared/seeds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const sets = [
  ['dev', 'test/fixtures/gold/dev'],
  ['dev2', 'test/fixtures/gold/dev2'],
  ['test', 'test/fixtures/gold/test'],
  ['seeds', '../shared/seeds'],
];
const json = process.argv.includes('--json');
const results = {};
for (const [name, dir] of sets) {
  const gold = join(dir, 'gold.json');
  if (!existsSync(gold)) continue;
  const inputs = readdirSync(dir).filter((f) => /\.(txt|md|html?|jsonl)$/.test(f)).sort().map((f) => join(dir, f));
  const args = ['dist/cli/main.js', 'eval', gold, ...inputs, ...(json ? ['--json'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (json) results[name] = JSON.parse(r.stdout).summary;
  else {
    const lines = r.stdout.trim().split('\n');
    process.stdout.write(`\n=== ${name} (${inputs.length} articles) ===\n${(process.argv.includes('-v') ? lines : lines.slice(-3)).join('\n')}\n`);
  }
  if (r.stderr) process.stderr.write(r.stderr);
}
if (json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
