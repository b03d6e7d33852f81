// A coding worker thread: builds its Coder once, then codes the chunks the pool sends, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { Coder } from '../coder.js';
import { codeOne, type WorkerRequest, type WorkerResponse, type WorkerSetup } from './code-one.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const send = (msg: WorkerResponse): void => port.postMessage(msg);

try {
  const coder = new Coder({ kbFiles: setup.kbFiles });
  const toStored = setup.stored ? (await import('../store/model.js')).toStoredArticle : null;
  port.on('message', (msg: WorkerRequest) => {
    send({ type: 'done', seq: msg.seq, results: msg.articles.map((a) => codeOne(coder, a, toStored, setup.render)) });
  });
  send({ type: 'ready', kbProblems: coder.kbProblems });
} catch (err) {
  send({ type: 'fatal', message: (err as Error).message });
}
