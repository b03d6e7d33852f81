// The bundled knowledge base's aliases, tokenized at build time (dist/kb-trie.json): a run then grows
// the alias trie lazily from them instead of tokenizing ~12,000 names at start-up.
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../text/tokenize.js';
import { KnowledgeBase, type CompiledAliases } from './index.js';
import { KB_DIR, kbFingerprint, loadKbData } from './load.js';

export const KB_TRIE = fileURLToPath(new URL('../../dist/kb-trie.json', import.meta.url));

/**
 * What the tokenized aliases depend on: the KB files, the abbreviation list, and the code of the
 * tokenizer, the folding and the trie keys (so a changed tokenizer, or running from source, rebuilds).
 */
function trieFingerprint(lang: string): string {
  const code = ['../text/tokenize', '../text/normalize', './index'].map((m) => {
    const url = new URL(`${m}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
    return createHash('sha1').update(readFileSync(url)).digest('hex');
  });
  const abbr = fileURLToPath(new URL(`../../src/lang/${lang}/abbreviations.yaml`, import.meta.url));
  const s = statSync(abbr);
  return [kbFingerprint(KB_DIR, lang), `${abbr}:${s.size}:${Math.round(s.mtimeMs)}`, ...code].join('|');
}

/** Writes dist/kb-trie.json for the bundled KB (build time); false when the KB does not validate. */
export function writeTrieCache(lang = 'es'): boolean {
  const { data, problems } = loadKbData({ lang });
  if (problems.length) return false;
  const aliases = new KnowledgeBase(data, (s) => tokenize(s)).compileAliases();
  writeFileSync(KB_TRIE, JSON.stringify({ fingerprint: trieFingerprint(lang), aliases }));
  return true;
}

/** The bundled KB's tokenized aliases, or null when the cache is missing or stale. */
export function loadTrieCache(lang = 'es'): CompiledAliases | null {
  try {
    const file = JSON.parse(readFileSync(KB_TRIE, 'utf8')) as { fingerprint: string; aliases: CompiledAliases };
    return file.fingerprint === trieFingerprint(lang) ? file.aliases : null;
  } catch {
    return null;
  }
}
