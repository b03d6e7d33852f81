// Step (a) of the benchmark, the floor: read the JSONL workload and regex-tokenise every text,
// nothing else. Prints one JSON line: { articles, tokens, seconds, maxRssKb }.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
const TOKEN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
const t0 = performance.now();
let articles = 0;
let tokens = 0;
for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
  if (line === '') continue;
  const rec = JSON.parse(line);
  const text = rec.text ?? rec.body ?? '';
  for (const _ of text.matchAll(TOKEN)) tokens++;
  articles++;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ articles, tokens, seconds, maxRssKb: process.resourceUsage().maxRSS }));
