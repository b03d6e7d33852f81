// `npm run bench`: throughput, memory and start-up of Atalaya on this machine, against a floor
// (read + regex-tokenise) and a peer (wink-nlp), written to bench/results.md.
//
//   npm run bench                              # 20,000 articles (~40 MB), all steps
//   npm run bench -- --articles 5000           # a smaller workload
//   npm run bench -- --workers 4               # N for step (d) (default: one per core)
//   npm run bench -- --stream 1000000          # memory check: stream N generated articles through
//                                              # `code - --workers` to /dev/null, sampling RSS
//   npm run bench -- --repeat 3                # fastest of 3 runs per step (a shared, busy machine)
//   npm run bench -- --check                   # also compare (c) and (d) output byte for byte
//   npm run bench -- --no-build --no-write     # skip the build; print only
//
// Every step is a child process timed from spawn to exit (start-up included); its peak RSS and
// CPU time come from process.resourceUsage() at exit (bench/rss.mjs, preloaded). The machine's
// load average is recorded before and after: on a shared machine other processes take cores.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, loadavg, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { records, writeWorkload } from './workload.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = join(ROOT, 'bench', '.work');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const RSS = join(ROOT, 'bench', 'rss.mjs');
const STARTUP_FILE = join(ROOT, 'examples', 'lula-macron-llamada.txt');

// ---- options --------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const ARTICLES = value('articles', 20_000);
const WORKERS = value('workers', availableParallelism());
const STREAM = value('stream', 0);
const STARTUP_RUNS = value('startup-runs', 10);
const CHECK = flag('check');
/** Each step runs this many times and its fastest run counts (other processes share the machine). */
const REPEAT = Math.max(1, value('repeat', 1));
if (!(ARTICLES > 0) || !(WORKERS >= 1)) {
  console.error('usage: node bench/run.mjs [--articles N] [--workers N] [--stream N] [--check] [--no-build] [--no-write]');
  process.exit(2);
}

// ---- helpers --------------------------------------------------------------------------------
const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const mb = (kb) => `${fmt(kb / 1024)} MB`;

/** The fastest of REPEAT runs. */
async function best(args, opts) {
  let bestRun = null;
  for (let i = 0; i < REPEAT; i++) {
    const r = await run(args, opts);
    if (!bestRun || r.seconds < bestRun.seconds) bestRun = r;
  }
  return bestRun;
}

/** Runs `node [--import rss.mjs] args…`, stdout to `stdout` (a file path, 'ignore' or 'pipe'); returns timing and usage. */
function run(args, { stdout = 'ignore', input = null, onSpawn = null } = {}) {
  const usageFile = join(WORK, `usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  return new Promise((resolve, reject) => {
    const out = stdout === 'ignore' || stdout === 'pipe' ? stdout : 'pipe';
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', RSS, ...args], {
      cwd: ROOT, stdio: [input ? 'pipe' : 'ignore', out, 'pipe'], env: { ...process.env, BENCH_USAGE_FILE: usageFile, NO_COLOR: '1' },
    });
    let stderr = '';
    let text = '';
    const hash = createHash('sha256');
    child.stderr.on('data', (d) => { stderr += d; });
    if (out === 'pipe') {
      child.stdout.on('data', (d) => {
        if (stdout === 'pipe') text += d;
        else hash.update(d);
      });
    }
    if (input) input(child.stdin);
    onSpawn?.(child);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000;
      let usage = { maxRssKb: NaN, userSeconds: NaN, systemSeconds: NaN };
      try { usage = JSON.parse(readFileSync(usageFile, 'utf8')); rmSync(usageFile); } catch { /* the child died before exit */ }
      resolve({ code, seconds, stderr, stdout: text, sha256: out === 'pipe' && stdout !== 'pipe' ? hash.digest('hex') : null, ...usage });
    });
  });
}

function machine() {
  const info = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpu: model,
    cores: availableParallelism(),
    memory: `${fmt(totalmem() / 2 ** 30, 1)} GiB (${fmt(freemem() / 2 ** 30, 1)} GiB free)`,
    node: process.version,
    os: `${osType()} ${release()}`,
    load: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

const summaryOf = (stderr) => {
  const m = /coded (\d+) articles, (\d+) events, (\d+) errors in ([\d.]+) s/.exec(stderr);
  return m ? { articles: Number(m[1]), events: Number(m[2]), errors: Number(m[3]) } : null;
};

// ---- build, workload ---------------------------------------------------------------------------
mkdirSync(WORK, { recursive: true });
if (!flag('no-build')) {
  // The coder and its start-up caches (npm run build also builds the web UI, which is not measured here).
  console.error('building (tsc, scripts/build-cache.mjs)…');
  for (const [cmd, args] of [[process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json']], [process.execPath, ['scripts/build-cache.mjs']]]) {
    const b = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
}
const host = machine();
console.error(`machine: ${host.cpu}, ${host.cores} cores, ${host.memory}, Node ${host.node}, load ${host.load}`);

if (STREAM > 0) {
  await streamCheck(STREAM);
  process.exit(0);
}

const workloadFile = join(WORK, `workload-${ARTICLES}.jsonl`);
const wl = await writeWorkload(workloadFile, ARTICLES);
const sentences = await countSentences(workloadFile, ARTICLES);
console.error(`workload: ${fmt(wl.articles)} articles, ${fmt(wl.bytes / 1e6, 1)} MB, ${fmt(sentences)} sentences (${wl.reused ? 'reused' : 'generated'}) at ${workloadFile}`);

/** Sentences of the workload as Atalaya segments them (cleaned text), counted once and kept beside it. */
async function countSentences(file, n) {
  const meta = `${file}.sentences`;
  if (existsSync(meta) && statSync(meta).mtimeMs >= statSync(file).mtimeMs) return Number(readFileSync(meta, 'utf8'));
  const { cleanText } = await import(join(ROOT, 'dist/clean/index.js'));
  const { segment } = await import(join(ROOT, 'dist/text/segment.js'));
  let total = 0;
  for await (const rec of records(n)) total += segment(cleanText(rec.text, 'es').text, 'es').sentences.length;
  writeFileSync(meta, String(total));
  return total;
}

// ---- steps ------------------------------------------------------------------------------------
const steps = [];
const add = (key, label, r, extra = {}) => {
  const s = { key, label, seconds: r.seconds, rate: ARTICLES / r.seconds, mbps: wl.bytes / 1e6 / r.seconds, maxRssKb: r.maxRssKb, cpuSeconds: r.userSeconds + r.systemSeconds, code: r.code, ...extra };
  steps.push(s);
  console.error(`${key} ${label}: ${fmt(s.seconds, 2)} s, ${fmt(s.rate)} articles/s, ${fmt(s.mbps, 2)} MB/s, CPU ${fmt(s.cpuSeconds, 1)} s, peak RSS ${mb(s.maxRssKb)}${r.code ? ` (exit ${r.code})` : ''}`);
  return s;
};

console.error('(a) floor…');
add('a', 'floor: read JSONL + regex-tokenise', await best([join(ROOT, 'bench/floor.mjs'), workloadFile], { stdout: 'pipe' }));
console.error('(b) peer…');
add('b', 'peer: wink-nlp readDoc (tokens, POS, entities)', await best([join(ROOT, 'bench/peer.mjs'), workloadFile], { stdout: 'pipe' }));

const outC = CHECK ? join(WORK, 'out-c.jsonl') : null;
console.error('(c) atalaya code, one process…');
const rc = await best([CLI, 'code', workloadFile], { stdout: CHECK ? 'hash' : 'ignore' });
const c = add('c', 'atalaya code (one process)', rc, { summary: summaryOf(rc.stderr), sha256: rc.sha256 });
console.error(`(d) atalaya code --workers ${WORKERS}…`);
const rd = await best([CLI, 'code', workloadFile, '--workers', String(WORKERS)], { stdout: CHECK ? 'hash' : 'ignore' });
const d = add('d', `atalaya code --workers ${WORKERS}`, rd, { summary: summaryOf(rd.stderr), sha256: rd.sha256 });
if (outC) rmSync(outC, { force: true });

const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' }).stdout;
let e = null;
if (/^\s+ingest\b/m.test(help)) {
  const db = join(WORK, `ingest-${process.pid}.db`);
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const ingestHelp = spawnSync(process.execPath, [CLI, 'ingest', '--help'], { encoding: 'utf8' }).stdout;
  const workerArgs = /--workers/.test(ingestHelp) ? ['--workers', String(WORKERS)] : [];
  console.error(`(e) atalaya ingest ${workerArgs.join(' ')} into a new SQLite file…`);
  let re = null;
  for (let i = 0; i < REPEAT; i++) {
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    const r = await run([CLI, 'ingest', workloadFile, '--db', db, ...workerArgs]);
    if (!re || r.seconds < re.seconds) re = r;
  }
  const dbSize = existsSync(db) ? statSync(db).size : 0;
  e = add('e', `atalaya ingest ${workerArgs.join(' ')} → new SQLite`.replace('  ', ' '), re, { note: re.stderr.trim().split('\n').slice(-2).join(' / '), dbBytes: dbSize });
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
} else {
  console.error('(e) skipped: ingest not available');
}

// ---- start-up ---------------------------------------------------------------------------------
console.error(`start-up: ${STARTUP_RUNS} runs of atalaya code ${STARTUP_FILE.replace(ROOT, '')}…`);
const startup = [];
for (let i = 0; i < STARTUP_RUNS; i++) startup.push(await run([CLI, 'code', STARTUP_FILE, '--quiet']));
const startupTimes = startup.map((r) => r.seconds * 1000).sort((x, y) => x - y);
const startupMedian = startupTimes[Math.floor(startupTimes.length / 2)];
console.error(`start-up: median ${fmt(startupMedian)} ms (min ${fmt(startupTimes[0])}, max ${fmt(startupTimes.at(-1))}), peak RSS ${mb(Math.max(...startup.map((r) => r.maxRssKb)))}`);

// ---- targets ----------------------------------------------------------------------------------
const [a, b] = steps;
const hostAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
const targets = [
  ['(c) at least as fast as the peer', c.rate >= b.rate, `${fmt(c.rate)} vs ${fmt(b.rate)} articles/s (${fmt(c.rate / b.rate, 2)}×)`],
  ['(c) within 15× the floor', a.rate / c.rate <= 15, `${fmt(a.rate / c.rate, 1)}× slower than the floor`],
  [`(d) ≥ 1.8× (c)`, d.rate >= 1.8 * c.rate, `${fmt(d.rate / c.rate, 2)}×`],
  ...(e ? [['(e) ≥ 70 % of (d)', e.rate >= 0.7 * d.rate, `${fmt(100 * e.rate / d.rate)} %`]] : [['(e) ≥ 70 % of (d)', null, 'ingest not available']]),
  ['start-up under 300 ms (median)', startupMedian < 300, `${fmt(startupMedian)} ms`],
  ['(c) and (d) give the same events', c.summary && d.summary ? c.summary.events === d.summary.events && (!CHECK || c.sha256 === d.sha256) : null,
    `${c.summary?.events ?? '?'} vs ${d.summary?.events ?? '?'} events${CHECK ? `, output sha256 ${c.sha256 === d.sha256 ? 'identical' : 'different'}` : ''}`],
];
for (const [name, ok, detail] of targets) console.error(`${ok === null ? 'n/a ' : ok ? 'MET ' : 'MISS'} ${name}: ${detail}`);

if (!flag('no-write')) writeResults();

function writeResults() {
  const file = join(ROOT, 'bench', 'results.md');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marker = '<!-- notes: kept by bench/run.mjs -->';
  const notes = old.includes(marker) ? old.slice(old.indexOf(marker)) : `${marker}\n`;
  const streamPart = old.includes('<!-- stream -->') ? old.slice(old.indexOf('<!-- stream -->'), old.indexOf('<!-- /stream -->') + '<!-- /stream -->'.length) : '<!-- stream -->\n_Not run yet: `npm run bench -- --stream 1000000`._\n<!-- /stream -->';
  const row = (s) => `| ${s.key} | ${s.label} | ${fmt(s.seconds, 2)} | ${fmt(s.rate)} | ${fmt(s.rate * sentences / ARTICLES)} | ${fmt(s.mbps, 2)} | ${fmt(a.rate / s.rate, 1)}× | ${fmt(s.rate / b.rate, 2)}× | ${fmt(s.cpuSeconds, 1)} | ${mb(s.maxRssKb)} |`;
  const md = `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.

## Machine

| | |
|---|---|
| CPU | ${host.cpu} |
| cores (os.availableParallelism) | ${host.cores} |
| memory | ${host.memory} |
| Node | ${host.node} |
| OS | ${host.os} |
| load average before / after | ${host.load} / ${hostAfter} |

## Workload

${fmt(ARTICLES)} articles, ${fmt(wl.bytes / 1e6, 1)} MB of JSONL, ${fmt(sentences)} sentences (as Atalaya segments them): the
${'project\'s'} fixture articles (test/fixtures/gold dev + test, examples/) cycled with distinct ids and URLs, paragraphs
after the lead shuffled (seeded), no \`language\` field (so the language is identified). See bench/workload.mjs.

## Throughput

Wall time from process spawn to exit (start-up included)${REPEAT > 1 ? `, fastest of ${REPEAT} runs` : ''}; "× floor" is how many times slower than the floor,
"× peer" how many times the peer's speed. CPU is user + system time of all threads.

| step | what | seconds | articles/s | sentences/s | MB/s | × floor | × peer | CPU s | peak RSS |
|---|---|---|---|---|---|---|---|---|---|
${steps.map(row).join('\n')}

${c.summary ? `(c) coded ${fmt(c.summary.articles)} articles into ${fmt(c.summary.events)} events, ${c.summary.errors} errors; (d) ${d.summary ? `${fmt(d.summary.events)} events` : '?'}${CHECK ? `; output sha256 ${c.sha256 === d.sha256 ? 'identical' : 'DIFFERENT'}` : ''}.` : ''}
${e ? `(e) ${e.note} (database ${fmt(e.dbBytes / 1e6, 1)} MB).` : '(e) skipped: ingest not available.'}

## Start-up

\`atalaya code examples/lula-macron-llamada.txt\` (one short article without a \`language\` field), ${STARTUP_RUNS} runs:
median ${fmt(startupMedian)} ms, min ${fmt(startupTimes[0])} ms, max ${fmt(startupTimes.at(-1))} ms, peak RSS ${mb(Math.max(...startup.map((r) => r.maxRssKb)))}.

## Targets

| target | met | figure |
|---|---|---|
${targets.map(([name, ok, detail]) => `| ${name} | ${ok === null ? 'n/a' : ok ? 'yes' : '**no**'} | ${detail} |`).join('\n')}

## Memory while streaming

${streamPart}

${notes}`;
  writeFileSync(file, md);
  console.error(`wrote ${file}`);
}

// ---- streaming memory check -------------------------------------------------------------------
async function streamCheck(n) {
  console.error(`streaming ${fmt(n)} generated articles through \`atalaya code - --workers ${WORKERS}\` to /dev/null…`);
  let written = 0;
  let bytes = 0;
  const samples = [];
  let timer;
  const r = await run([CLI, 'code', '-', '--workers', String(WORKERS), '--quiet'], {
    input: (stdin) => {
      stdin.on('error', () => {});
      (async () => {
        for await (const rec of records(n, 11)) {
          const line = JSON.stringify({ ...rec, id: `${rec.id}~s` }) + '\n';
          bytes += line.length;
          if (!stdin.write(line)) await new Promise((res) => stdin.once('drain', res));
          written++;
        }
        stdin.end();
      })().catch(() => stdin.destroy());
    },
    onSpawn: (child) => {
      const t0 = performance.now();
      timer = setInterval(() => {
        try {
          const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
          if (rss > 0) samples.push({ t: (performance.now() - t0) / 1000, articles: written, rssKb: rss });
        } catch { /* exited */ }
      }, 1000);
    },
  });
  clearInterval(timer);
  const at = (f) => samples.find((x) => x.articles >= f * n) ?? samples.at(-1);
  const peakSampled = Math.max(...samples.map((x) => x.rssKb));
  // RSS growth over the second half, per 100,000 articles: flat memory is ~0.
  const half = samples.filter((x) => x.articles >= n / 2 && x.articles < n);
  let slope = NaN;
  if (half.length >= 3) {
    const mx = half.reduce((t, x) => t + x.articles, 0) / half.length;
    const my = half.reduce((t, x) => t + x.rssKb, 0) / half.length;
    const cov = half.reduce((t, x) => t + (x.articles - mx) * (x.rssKb - my), 0);
    const v = half.reduce((t, x) => t + (x.articles - mx) ** 2, 0);
    slope = v > 0 ? (cov / v) * 100_000 : NaN;
  }
  const checkpoints = [0.01, 0.1, 0.25, 0.5, 0.75, 1].map((f) => ({ f, s: at(f) })).filter((x) => x.s);
  console.error(`streamed ${fmt(written)} articles (${fmt(bytes / 1e9, 2)} GB) in ${fmt(r.seconds)} s (${fmt(written / r.seconds)} articles/s), exit ${r.code}`);
  console.error(`peak RSS ${mb(r.maxRssKb)} (sampled peak ${mb(peakSampled)}); RSS at ${checkpoints.map((x) => `${x.f * 100} %: ${mb(x.s.rssKb)}`).join(', ')}; second-half growth ${fmt(slope / 1024, 1)} MB per 100,000 articles`);
  if (flag('no-write')) return;
  const file = join(ROOT, 'bench', 'results.md');
  const part = `<!-- stream -->
\`npm run bench -- --stream ${n}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (${host.cpu}, ${host.cores} cores, Node ${host.node}, load ${host.load}):
${fmt(written)} generated articles (${fmt(bytes / 1e9, 2)} GB of JSONL, written into stdin as the coder reads it) through
\`atalaya code - --workers ${WORKERS} --quiet\` to /dev/null in ${fmt(r.seconds / 60, 1)} min (${fmt(written / r.seconds)} articles/s), exit ${r.code}.

- peak RSS (process.resourceUsage, all threads): **${mb(r.maxRssKb)}** (target < 500 MB: ${r.maxRssKb < 500 * 1024 ? 'met' : '**missed**'})
- RSS sampled each second at ${checkpoints.map((x) => `${x.f * 100} % → ${mb(x.s.rssKb)}`).join(', ')}
- growth over the second half: ${fmt(slope / 1024, 1)} MB per 100,000 articles (a least-squares slope over ${half.length} samples)
<!-- /stream -->`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const i = old.indexOf('<!-- stream -->');
  const j = old.indexOf('<!-- /stream -->');
  writeFileSync(file, i >= 0 && j > i ? old.slice(0, i) + part + old.slice(j + '<!-- /stream -->'.length) : `${old}\n## Memory while streaming\n\n${part}\n`);
  console.error(`wrote ${file}`);
}
