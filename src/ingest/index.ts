// One entry point over all input readers: files, directories and "-" (JSONL on stdin) → ReadResults.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ReadResult } from './article.js';
import { problem, type ReadOptions } from './assemble.js';
import { parsePublishedDate } from './dates.js';
import { readJsonlFile, readJsonlStream } from './jsonl.js';
import { readTextFile } from './text-file.js';
import { walkDirectory } from './walk.js';

export type { Article, ArticleOrigin, ItemProblem, ReadResult } from './article.js';
export { assembleArticle, DEFAULT_MAX_BYTES, formatSize, type RawArticleFields, type ReadOptions } from './assemble.js';
export { parsePublishedDate } from './dates.js';
export { decodeBytes, decodeWindows1252, isBinary, normalizeText, type DecodeResult } from './decode.js';
export { splitFrontMatter, type FrontMatterSplit } from './front-matter.js';
export { parseJsonlRecord, readJsonlFile, readJsonlStream, type ChunkSource } from './jsonl.js';
export { identifyLanguage, loadLanguageDetector, normalizeLanguageTag } from './language.js';
import { identifyLanguage, loadLanguageDetector } from './language.js';
export { fileStem, parseTextArticle, readTextFile, stripMarkdown } from './text-file.js';
export { walkDirectory, type WalkEntry } from './walk.js';

/** Input format chosen by file extension. */
export type InputFormat = 'text' | 'jsonl' | 'html';

const FORMATS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.html': 'html',
  '.htm': 'html',
};

/**
 * The reader a file needs, from its extension (case-insensitive), or null if unsupported.
 * @example formatOf('Noticias.NDJSON') // => 'jsonl'
 */
export function formatOf(path: string): InputFormat | null {
  return FORMATS[extname(path).toLowerCase()] ?? null;
}

/**
 * Read one file with the reader its extension calls for.
 * @example for await (const r of readFile('corpus/000.txt')) console.log(r.kind)
 */
export async function* readInputFile(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  switch (formatOf(path)) {
    case 'text':
      yield* await readTextFile(path, opts);
      return;
    case 'html': {
      // linkedom and Readability load only when an HTML page comes (they cost ~0.1 s to import).
      const { readHtmlFile } = await import('./html.js');
      yield* await readHtmlFile(path, opts);
      return;
    }
    case 'jsonl':
      yield* readJsonlFile(path, opts);
      return;
    default:
      yield problem('warning', { file: path }, 'unsupported file type');
  }
}

/**
 * Read every input in order — files, directories (recursively, sorted) and "-" for JSONL on
 * stdin — yielding articles and per-item problems; one bad item never stops the batch.
 * Throws only for a bad option (an invalid fallback `published`).
 * @example
 * for await (const r of readInputs(['corpus/', 'extra.jsonl'], { published: '2024-03-05' })) {
 *   if (r.kind === 'article') console.log(r.article.id);
 * }
 */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  for await (const r of readAll(inputs, opts)) {
    if (r.kind === 'article' && r.article.language === null) {
      await loadLanguageDetector();
      yield { kind: 'article', article: { ...r.article, language: identifyLanguage(r.article.text) } };
    } else yield r;
  }
}

async function* readAll(inputs: string[], opts: ReadOptions): AsyncGenerator<ReadResult> {
  if (opts.published !== undefined && parsePublishedDate(opts.published) !== opts.published) {
    throw new RangeError(`invalid fallback published date "${opts.published}" (expected YYYY-MM-DD)`);
  }
  if (opts.maxBytes !== undefined && !(opts.maxBytes > 0)) {
    throw new RangeError(`invalid maxBytes ${opts.maxBytes}`);
  }
  for (const input of inputs) {
    if (input === '-') {
      yield* readJsonlStream(process.stdin, '-', opts);
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(input)).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield problem('error', { file: input }, code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(err as Error).message}`);
      continue;
    }
    if (!isDir) {
      yield* readInputFile(input, opts);
      continue;
    }
    for await (const entry of walkDirectory(input)) {
      if (entry.kind === 'error') yield problem('error', { file: entry.path }, entry.message);
      else yield* readInputFile(entry.path, opts);
    }
  }
}
