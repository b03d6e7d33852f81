// Streaming reader for JSONL/NDJSON article collections (one JSON object per line); "-" is stdin.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { ArticleOrigin, ReadResult } from './article.js';
import { assembleArticle, problem, type ReadOptions } from './assemble.js';
import { decodeBytes, isBinary } from './decode.js';
import { fileStem } from './text-file.js';

/** Anything that yields chunks: a Node stream (file, stdin) or an async iterable of strings/bytes. */
export type ChunkSource = NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>;

/** Marker thrown through the chunk pipeline when the first bytes are binary. */
class BinaryInput extends Error {}

/**
 * Re-express chunks as latin1 strings: one char per byte, so readline splits lines on the exact
 * newline bytes and each line's bytes can be recovered and decoded on their own (UTF-8 with a
 * windows-1252 fallback per line, which a text-mode stream could not do).
 */
async function* asLatin1(source: ChunkSource): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of source as AsyncIterable<string | Uint8Array>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (first && bytes.length > 0) {
      first = false;
      if (isBinary(bytes)) throw new BinaryInput();
    }
    yield bytes.toString('latin1');
  }
}

/**
 * Turn one parsed JSONL record into results. `text` or `body` holds the text; `published` or
 * `date` the date; a missing id becomes "<file-stem>:<line>" ("stdin:<line>" for "-").
 * @example parseJsonlRecord({ text: 'El ministro habló.', date: '2024-03-05T10:00:00Z' }, { file: 'noticias.jsonl', line: 3 })
 * // => [{ kind: 'article', article: { id: 'noticias:3', published: '2024-03-05', … } }]
 */
export function parseJsonlRecord(record: unknown, origin: ArticleOrigin, opts: ReadOptions = {}): ReadResult[] {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    return [problem('error', origin, 'line is not a JSON object')];
  }
  const r = record as Record<string, unknown>;
  const rawText = typeof r['text'] === 'string' ? r['text'] : typeof r['body'] === 'string' ? r['body'] : null;
  if (rawText === null) return [problem('error', origin, 'missing "text" (or "body") string')];
  const rawId = r['id'];
  const stem = origin.file === '-' ? 'stdin' : fileStem(origin.file);
  const id =
    (typeof rawId === 'string' && rawId.trim() !== '') ? rawId.trim()
      : typeof rawId === 'number' && Number.isFinite(rawId) ? String(rawId)
        : `${stem}:${origin.line ?? 0}`;
  const text = rawText.replace(/\r\n?/g, '\n').normalize('NFC').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  return assembleArticle(
    {
      id,
      text,
      url: r['url'],
      outlet: r['outlet'],
      published: r['published'] ?? r['date'],
      language: r['language'],
      title: r['title'],
    },
    origin,
    opts,
  );
}

/**
 * Read JSONL from any stream, line by line (never the whole input at once). A broken line gives
 * an error naming file and 1-based line, and reading goes on; blank lines are skipped.
 * @example for await (const r of readJsonlStream(process.stdin, '-')) if (r.kind === 'article') console.log(r.article.id)
 */
export async function* readJsonlStream(source: ChunkSource, file: string, opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const lines = createInterface({ input: Readable.from(asLatin1(source)), crlfDelay: Infinity });
  let lineNo = 0;
  let seen = 0;
  try {
    for await (const raw of lines) {
      lineNo++;
      if (raw.trim() === '') continue;
      const origin: ArticleOrigin = { file, line: lineNo };
      const decoded = decodeBytes(Buffer.from(raw, 'latin1'));
      if (decoded.ok && decoded.text.trim() === '') continue; // a lone BOM
      seen++;
      if (!decoded.ok) {
        yield problem('error', origin, 'binary data in line');
        continue;
      }
      if (decoded.warning) yield problem('warning', origin, decoded.warning);
      let record: unknown;
      try {
        record = JSON.parse(decoded.text);
      } catch (err) {
        yield problem('error', origin, `invalid JSON: ${(err as Error).message}`);
        continue;
      }
      yield* parseJsonlRecord(record, origin, opts);
    }
  } catch (err) {
    if (err instanceof BinaryInput) {
      yield problem('error', { file }, 'binary file');
      return;
    }
    // Before the first line the stream itself failed (missing file, permissions): name no line.
    if (lineNo === 0) yield problem('error', { file }, `cannot read file: ${(err as Error).message}`);
    else yield problem('error', { file, line: lineNo + 1 }, `read failed: ${(err as Error).message}`);
    return;
  } finally {
    lines.close();
  }
  if (seen === 0) yield problem('warning', { file }, 'empty file');
}

/**
 * Read a .jsonl/.ndjson file as a stream.
 * @example for await (const r of readJsonlFile('noticias.jsonl')) console.log(r.kind)
 */
export async function* readJsonlFile(path: string, opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  yield* readJsonlStream(createReadStream(path), path, opts);
}
