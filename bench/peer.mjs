// Step (b) of the benchmark, the peer: wink-nlp readDoc with wink-eng-lite-web-model on the same
// texts — tokens, part-of-speech tags and entities for every article.
// Prints one JSON line: { articles, tokens, entities, seconds, loadSeconds, maxRssKb }.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
const t0 = performance.now();
const winkNLP = (await import('wink-nlp')).default;
const model = (await import('wink-eng-lite-web-model')).default;
const nlp = winkNLP(model);
const its = nlp.its;
const loadSeconds = (performance.now() - t0) / 1000;
let articles = 0;
let tokens = 0;
let entities = 0;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (line === '') continue;
  const rec = JSON.parse(line);
  const doc = nlp.readDoc(rec.text ?? rec.body ?? '');
  tokens += doc.tokens().out(its.pos).length;
  entities += doc.entities().out(its.detail).length;
  articles++;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ articles, tokens, entities, seconds, loadSeconds, maxRssKb: process.resourceUsage().maxRSS }));
