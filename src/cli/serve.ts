// `atalaya serve`: the API and the web UI over a store, on 127.0.0.1 unless told otherwise.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Coder } from '../coder.js';
import { KnowledgeBase } from '../kb/index.js';
import { loadKbData } from '../kb/load.js';
import { createApp } from '../server/app.js';
import { openStore, StoreError } from '../store/sqlite.js';
import { tokenize } from '../text/tokenize.js';
import { writeBatch } from './ingest.js';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  token?: string;
}

const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/** Resolves when the server closes; returns 2 for an unusable store. */
export async function serveCommand(opts: ServeOptions): Promise<number> {
  let store;
  try {
    store = openStore(opts.db, { readonly: !opts.token });
  } catch (err) {
    if (err instanceof StoreError) { process.stderr.write(`error: ${err.message}\n`); return 2; }
    throw err;
  }
  const kb = new KnowledgeBase(loadKbData({}).data, (s) => tokenize(s));
  let coder: Coder | null = null;
  const app = createApp({
    store, kb, token: opts.token,
    coder: () => (coder ??= new Coder()),
    ingest: (s, article) => writeBatch(s, [article], (_a, err) => { throw err; }),
    webRoot: existsSync(WEB_ROOT) ? WEB_ROOT : null,
    log: (line) => process.stderr.write(line + '\n'),
  });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, (info) => {
      process.stderr.write(`atalaya: serving ${opts.db} on http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}/ `
        + `(${opts.token ? 'POST /api/articles enabled by ATALAYA_TOKEN' : 'read-only'})\n`);
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      process.stderr.write(`error: cannot listen on ${opts.host}:${opts.port}: ${err.code ?? err.message}\n`);
      store.close();
      resolve(2);
    });
    const stop = () => server.close(() => { store.close(); resolve(0); });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
