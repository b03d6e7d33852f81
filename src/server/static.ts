// Serves the built web UI from one folder; unknown paths fall back to index.html (client routing).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2', '.map': 'application/json',
};

export function webHandler(root: string) {
  const base = resolve(root);
  return (c: Context) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return c.json({ error: 'bad path' }, 400);
    }
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return c.json({ error: 'not found' }, 404);
    if (!existsSync(file) || statSync(file).isDirectory()) {
      if (extname(path)) return c.json({ error: 'not found' }, 404);
      file = join(base, 'index.html');
      if (!existsSync(file)) return c.text('The web UI is not built: run "npm run build".', 503);
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(readFileSync(file), 200, { 'Content-Type': type, 'Cache-Control': cache });
  };
}
