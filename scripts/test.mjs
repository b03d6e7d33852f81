// Runs every test/**/*.test.ts with node's test runner through tsx (Node 20 does not expand globs).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const find = (dir) => readdirSync(dir).sort().flatMap((name) => {
  const p = join(dir, name);
  if (statSync(p).isDirectory()) return name === 'fixtures' ? [] : find(p);
  return name.endsWith('.test.ts') ? [p] : [];
});
const only = process.argv.slice(2);
const files = only.length ? only : find('test');
const reporter = process.env.CI ? ['--test-reporter=spec'] : [];
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...reporter, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
