// Shared by test/web/ui.test.ts and scripts/screenshot.mjs: a fresh store from examples/ (plus any
// extra inputs) through `atalaya ingest`, `atalaya serve` on a free port, and a headless chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const CLI = join(ROOT, 'dist/cli/main.js');

/** A port nobody listens on right now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => ok(port));
    });
  });
}

/**
 * Ingests examples/ and `extraInputs` into a temp store and serves it.
 * @param {{ extraInputs?: string[] }} [opts]
 * @returns {Promise<{ url: string, db: string, stop: () => Promise<void> }>}
 */
export async function startUi(opts = {}) {
  for (const f of [CLI, join(ROOT, 'dist/web/index.html')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run "npm run build" first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'atalaya-ui-'));
  const db = join(dir, 'ui.db');
  const ing = spawnSync(process.execPath, [CLI, 'ingest', join(ROOT, 'examples'), ...(opts.extraInputs ?? []), '--db', db], { encoding: 'utf8', cwd: ROOT });
  if (ing.status !== 0) throw new Error(`atalaya ingest failed (${ing.status}):\n${ing.stderr}`);
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((ok) => child.once('exit', ok));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`atalaya serve exited with ${child.exitCode}:\n${log}`);
    }
    try {
      const r = await fetch(`${url}api/stats`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`atalaya serve did not answer within 20 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, db, stop };
}

/**
 * Headless chromium through playwright-core (no browser download: Debian's chromium).
 * @param {string[]} [extraArgs] e.g. `--lang=es-ES` for Spanish date inputs
 */
export async function launchChromium(extraArgs = []) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}
