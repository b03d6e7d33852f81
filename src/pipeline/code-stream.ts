// Codes a stream of read results, in one process or on a pool of worker threads, yielding the
// results in input order: the same records either way, so `--workers N` output equals `--workers 1`.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Coder } from '../coder.js';
import type { EventRecord } from '../events/model.js';
import type { Article, ItemProblem, ReadResult } from '../ingest/article.js';
import type { KbProblem } from '../kb/load.js';
import type { StoredArticle } from '../store/model.js';
import { codeOne, type CodeResult, type Render, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './code-one.js';

/** One output of the stream, in input order. */
export type StreamItem =
  | {
    kind: 'coded';
    article: Article;
    events: EventRecord[];
    /** With `render`: each event rendered (a JSON object or a CSV row), in order; `events` is then empty. */
    lines?: string[];
    /** With `stored: true`: what the store keeps (cleaned text, mentions, hash), built in the worker. */
    stored?: StoredArticle;
  }
  /** A reader problem passed through, or an article that could not be coded (unsupported language, coder error). */
  | { kind: 'problem'; problem: ItemProblem };

export interface CodeStreamOptions {
  /** Worker threads; 0 or 1 codes in this thread. Default: os.availableParallelism(). */
  workers?: number;
  /** User knowledge-base files, as for `new Coder({ kbFiles })`. */
  kbFiles?: string[];
  /** Also build each article's StoredArticle (for `atalaya ingest`). */
  stored?: boolean;
  /** Render the events where they are coded ('json': JSON.stringify each, 'csv': csvRow each) into `lines`. */
  render?: Render;
  /** Called once, before the first item, with the knowledge base's warnings. */
  onKbProblems?: (problems: KbProblem[]) => void;
  /** In-process only: a Coder to reuse instead of building one. */
  coder?: Coder;
  /** Articles per message to a worker (default 16). */
  chunkArticles?: number;
  /** Characters of text per message to a worker (default 256k): long articles make smaller chunks. */
  chunkChars?: number;
  /** Chunks in flight per worker (default 2): what bounds memory however long the stream. */
  chunksPerWorker?: number;
  /** Send a partial chunk when the input has been quiet this long (ms, default 50): a slow stdin still flows. */
  flushAfterMs?: number;
}

export const defaultWorkers = (): number => availableParallelism();

/**
 * Codes every article of `input`, yielding one item per article or problem, in input order.
 * With `workers` > 1 each worker thread builds its own Coder once; the main thread reads, sends
 * chunks and reorders; at most `workers × chunksPerWorker` chunks are in flight, so memory stays
 * flat on an endless stream. Never throws for a bad item; throws if a worker dies.
 * @example
 * for await (const item of codeStream(readInputs(['news.jsonl']), { workers: 2 })) {
 *   if (item.kind === 'coded') console.log(item.article.id, item.events.length);
 *   else console.error(item.problem.message);
 * }
 */
export async function* codeStream(input: AsyncIterable<ReadResult> | Iterable<ReadResult>, opts: CodeStreamOptions = {}): AsyncGenerator<StreamItem> {
  const workers = Math.max(0, Math.floor(opts.workers ?? defaultWorkers()));
  if (workers <= 1) {
    yield* inProcess(input, opts);
    return;
  }
  yield* pooled(input, workers, opts);
}

function toItem(article: Article, r: CodeResult): StreamItem {
  if ('problem' in r) return { kind: 'problem', problem: r.problem };
  const item: StreamItem = { kind: 'coded', article, events: r.events };
  if (r.lines) item.lines = r.lines;
  if (r.stored) item.stored = r.stored;
  return item;
}

async function* inProcess(input: AsyncIterable<ReadResult> | Iterable<ReadResult>, opts: CodeStreamOptions): AsyncGenerator<StreamItem> {
  const coder = opts.coder ?? new Coder({ kbFiles: opts.kbFiles });
  opts.onKbProblems?.(coder.kbProblems);
  const toStored = opts.stored ? (await import('../store/model.js')).toStoredArticle : null;
  for await (const r of input) {
    if (r.kind === 'problem') { yield r; continue; }
    yield toItem(r.article, codeOne(coder, r.article, toStored, opts.render ?? null));
  }
}

interface Chunk {
  seq: number;
  entries: ReadResult[];
  results: CodeResult[] | null;
}

class WorkerDied extends Error {}

function startWorker(setup: WorkerSetup): Worker {
  if (import.meta.url.endsWith('.ts')) {
    // Under tsx (tests, development) the worker is TypeScript too: register tsx in the thread first.
    const api = import.meta.resolve('tsx/esm/api');
    const target = new URL('./worker.ts', import.meta.url).href;
    return new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`, { eval: true, workerData: setup });
  }
  return new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
}

async function* pooled(input: AsyncIterable<ReadResult> | Iterable<ReadResult>, n: number, opts: CodeStreamOptions): AsyncGenerator<StreamItem> {
  const maxArticles = Math.max(1, opts.chunkArticles ?? 16);
  const maxChars = Math.max(1, opts.chunkChars ?? 256_000);
  const perWorker = Math.max(1, opts.chunksPerWorker ?? 2);
  // Finished chunks wait for the one before them: twice the in-flight limit bounds what is held.
  const maxHeld = 2 * n * perWorker;
  const flushAfter = opts.flushAfterMs ?? 50;
  const setup: WorkerSetup = { kbFiles: opts.kbFiles ?? [], stored: !!opts.stored, render: opts.render ?? null };

  // Woken whenever a worker reports; each wait takes the current promise.
  let wakeResolve!: () => void;
  let wakeP = new Promise<void>((r) => { wakeResolve = r; });
  const signal = (): void => { const r = wakeResolve; wakeP = new Promise<void>((res) => { wakeResolve = res; }); r(); };
  let failure: Error | null = null;
  let stopping = false;
  const chunks = new Map<number, Chunk>();
  const pool = Array.from({ length: n }, () => ({ worker: startWorker(setup), busy: 0 }));
  let kbReported = false;
  for (const slot of pool) {
    slot.worker.on('message', (msg: WorkerResponse) => {
      if (msg.type === 'ready') {
        if (!kbReported) { kbReported = true; opts.onKbProblems?.(msg.kbProblems); }
      } else if (msg.type === 'done') {
        slot.busy--;
        const c = chunks.get(msg.seq);
        if (c) c.results = msg.results;
      } else {
        failure ??= new WorkerDied(`worker failed: ${msg.message}`);
      }
      signal();
    });
    slot.worker.on('error', (err) => { failure ??= new WorkerDied(`worker failed: ${err.message}`); signal(); });
    slot.worker.on('exit', (code) => { if (!stopping) { failure ??= new WorkerDied(`worker exited early (code ${code})`); signal(); } });
  }

  const it = Symbol.asyncIterator in input ? (input as AsyncIterable<ReadResult>)[Symbol.asyncIterator]() : (input as Iterable<ReadResult>)[Symbol.iterator]();
  let pendingNext: Promise<IteratorResult<ReadResult>> | null = null;
  let inputDone = false;
  let nextSeq = 0;
  let emitSeq = 0;
  let draft: ReadResult[] = [];
  let draftArticles = 0;
  let draftChars = 0;

  const canDispatch = (): boolean => chunks.size < maxHeld && pool.some((s) => s.busy < perWorker);
  const dispatch = (): void => {
    if (draft.length === 0) return;
    const chunk: Chunk = { seq: nextSeq++, entries: draft, results: null };
    chunks.set(chunk.seq, chunk);
    const articles: Article[] = [];
    for (const r of draft) if (r.kind === 'article') articles.push(r.article);
    draft = [];
    draftArticles = 0;
    draftChars = 0;
    if (articles.length === 0) { chunk.results = []; return; }
    let target = pool[0]!;
    for (const s of pool) if (s.busy < target.busy) target = s;
    target.busy++;
    const req: WorkerRequest = { type: 'chunk', seq: chunk.seq, articles };
    target.worker.postMessage(req);
  };

  try {
    // Knowledge-base warnings come first, as in one process.
    while (!kbReported && !failure) await wakeP;
    while (true) {
      if (failure) throw failure;
      const head = chunks.get(emitSeq);
      if (head?.results) {
        chunks.delete(emitSeq);
        emitSeq++;
        let k = 0;
        for (const entry of head.entries) {
          if (entry.kind === 'problem') yield entry;
          else yield toItem(entry.article, head.results[k++]!);
        }
        continue;
      }
      if (inputDone && chunks.size === 0) break;
      if (!inputDone && canDispatch()) {
        pendingNext ??= Promise.resolve(it.next());
        const racers: Array<Promise<IteratorResult<ReadResult> | 'wake' | 'quiet'>> = [pendingNext];
        // Outstanding work: a result may arrive while the input is slow.
        if (chunks.size > 0) racers.push(wakeP.then(() => 'wake' as const));
        let timer: NodeJS.Timeout | undefined;
        if (draft.length > 0 && flushAfter >= 0) racers.push(new Promise<'quiet'>((resolve) => { timer = setTimeout(() => resolve('quiet'), flushAfter); }));
        const r = racers.length === 1 ? await pendingNext : await Promise.race(racers);
        if (timer) clearTimeout(timer);
        if (r === 'wake') continue;
        if (r === 'quiet') { dispatch(); continue; }
        pendingNext = null;
        if (r.done) { inputDone = true; dispatch(); continue; }
        draft.push(r.value);
        if (r.value.kind === 'article') {
          draftArticles++;
          draftChars += r.value.article.text.length;
        }
        if (draftArticles >= maxArticles || draftChars >= maxChars || draft.length >= 4 * maxArticles) dispatch();
        continue;
      }
      await wakeP;
    }
  } finally {
    stopping = true;
    await Promise.all(pool.map((s) => s.worker.terminate()));
    if (!inputDone && typeof it.return === 'function') await it.return();
  }
}
