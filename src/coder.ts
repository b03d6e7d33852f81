// The coding pipeline for one article: clean → segment → mentions → events → in-article dedupe.
import type { Article } from './ingest/article.js';
import type { CleanResult } from './clean/model.js';
import { cleanText } from './clean/index.js';
import type { EventRecord } from './events/model.js';
import { cueLexicon } from './extract/cue-lexicon.js';
import { dedupeArticleEvents } from './extract/dedupe.js';
import type { ExtractEngines, SentenceTrace } from './extract/draft.js';
import { extractEvents } from './extract/events.js';
import { MentionFinder } from './extract/mentions.js';
import { triggerLexicon } from './extract/trigger-lexicon.js';
import { KnowledgeBase } from './kb/index.js';
import { loadKbData, type KbProblem } from './kb/load.js';
import { loadTrieCache } from './kb/trie-cache.js';
import { SUPPORTED_LANGUAGES } from './lang/load.js';
import type { Segmented } from './text/model.js';
import { segment } from './text/segment.js';
import { tokenize } from './text/tokenize.js';

export interface CodedArticle {
  article: Article;
  clean: CleanResult;
  doc: Segmented;
  events: EventRecord[];
  trace: SentenceTrace[];
}

export interface CoderOptions {
  /** User knowledge-base files (YAML or CSV), applied over the bundled KB. */
  kbFiles?: string[];
}

/** Raised for an article the coder cannot handle (unsupported language); the batch goes on. */
export class UnsupportedArticle extends Error {}

export class Coder {
  private readonly engines = new Map<string, ExtractEngines>();
  readonly kb: KnowledgeBase;
  readonly kbProblems: KbProblem[];

  constructor(opts: CoderOptions = {}) {
    const { data, problems } = loadKbData({ userFiles: opts.kbFiles });
    this.kbProblems = problems;
    // The bundled KB alone has its aliases tokenized at build time (dist/kb-trie.json).
    this.kb = new KnowledgeBase(data, (s) => tokenize(s), opts.kbFiles?.length ? null : loadTrieCache());
  }

  engines_(lang: string): ExtractEngines {
    let e = this.engines.get(lang);
    if (!e) {
      const tok = (s: string) => tokenize(s);
      const cues = cueLexicon(lang, tok);
      e = { kb: this.kb, cues, triggers: triggerLexicon(lang, tok), mentions: new MentionFinder(this.kb, cues), lang };
      this.engines.set(lang, e);
    }
    return e;
  }

  /**
   * Codes one article into event records (evidence offsets point into the cleaned text).
   * @example new Coder().code(article).events[0]?.type // => 'CONSULT'
   */
  code(article: Article): CodedArticle {
    const lang = article.language ?? 'es';
    if (!SUPPORTED_LANGUAGES.includes(lang)) throw new UnsupportedArticle(`language "${lang}" is not supported yet (supported: ${SUPPORTED_LANGUAGES.join(', ')})`);
    const clean = cleanText(article.text, lang);
    const doc = segment(clean.text, lang);
    const { events, trace } = extractEvents({ id: article.id, published: article.published }, doc, this.engines_(lang));
    return { article, clean, doc, events: dedupeArticleEvents(events), trace };
  }
}
