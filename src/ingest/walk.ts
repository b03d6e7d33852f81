// Expands directories into the files under them, recursively, in a fixed sorted order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** One file found, or a directory entry that could not be read. */
export type WalkEntry = { kind: 'file'; path: string } | { kind: 'error'; path: string; message: string };

/**
 * Files under `dir`, depth first, entries sorted by name (code-point order, the same on every
 * machine), dotfiles and dot-directories skipped, symlinked directories followed once.
 * @example for await (const e of walkDirectory('corpus')) console.log(e.path)
 */
export async function* walkDirectory(dir: string, seen: Set<string> = new Set()): AsyncGenerator<WalkEntry> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    yield { kind: 'error', path: dir, message: `cannot read directory: ${(err as Error).message}` };
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  } catch (err) {
    yield { kind: 'error', path: dir, message: `cannot read directory: ${(err as Error).message}` };
    return;
  }
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const path = join(dir, name);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (err) {
      yield { kind: 'error', path, message: `cannot read: ${(err as Error).message}` };
      continue;
    }
    if (isDir) yield* walkDirectory(path, seen);
    else yield { kind: 'file', path };
  }
}
