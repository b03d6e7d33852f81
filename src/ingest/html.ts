// Reader for saved HTML pages: main text via Readability on a linkedom DOM, plus title, date, URL and outlet.
import { readFile, stat } from 'node:fs/promises';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleOrigin, ReadResult } from './article.js';
import { assembleArticle, DEFAULT_MAX_BYTES, formatSize, problem, type ReadOptions } from './assemble.js';
import { parsePublishedDate } from './dates.js';
import { decodeBytes } from './decode.js';
import { fileStem } from './text-file.js';

/** The small part of the DOM API we use; linkedom provides it without the DOM type library. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
  remove?(): void;
}
interface DomDocument {
  title: string;
  documentElement: DomNode | null;
  body: DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements that start a new block of text. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose content is never article text. Photo captions are kept out too: they describe a picture, not the reported events. */
const SKIP_TAGS = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'HEAD']);
/** Removed before the no-Readability fallback walks the body. */
const CHROME_SELECTOR = 'script, style, noscript, nav, header, footer, aside, form, iframe, svg';

/**
 * Plain text of a DOM subtree: one block per block-level element, blocks joined by blank lines,
 * whitespace collapsed, `<br>` kept as a line break.
 */
export function domToText(root: DomNode): string {
  const blocks: string[] = [];
  let current = '';
  const flush = (): void => {
    const block = current.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter((l) => l !== '').join('\n');
    if (block !== '') blocks.push(block);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
  };
  walk(root);
  flush();
  return blocks.join('\n\n');
}

function meta(doc: DomDocument, selectors: string[]): string | null {
  for (const selector of selectors) {
    const value = doc.querySelector(selector)?.getAttribute?.('content')?.trim();
    if (value) return value;
  }
  return null;
}

/** Every object in the page's JSON-LD blocks, flattening arrays and `@graph`. */
function jsonLdObjects(doc: DomDocument): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      out.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
    }
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common on news sites; the other metadata sources still apply.
    }
  }
  return out;
}

function firstString(objects: Array<Record<string, unknown>>, pick: (o: Record<string, unknown>) => unknown): string | null {
  for (const o of objects) {
    const v = pick(o);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
}

function firstValidDate(candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) {
    const d = parsePublishedDate(c);
    if (d) return d;
  }
  return null;
}

function absoluteUrl(candidates: Array<string | null | undefined>): string | null {
  for (const c of candidates) if (c && /^https?:\/\/\S+$/i.test(c.trim())) return c.trim();
  return null;
}

/** The charset an HTML page declares in its first bytes, if any. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1]! : null;
}

/**
 * Reduce an HTML page to an article: Readability's main content as paragraphs joined by blank
 * lines; title (og:title, JSON-LD headline, <title>), published date (article:published_time,
 * JSON-LD datePublished, <time datetime>), canonical URL (rel=canonical, og:url), outlet
 * (og:site_name, JSON-LD publisher) and language (<html lang>, else identified).
 * @example parseHtmlArticle('<html lang="es"><body><article><p>El ministro habló.</p></article></body></html>', { file: 'a.html' })
 * // => [{ kind: 'article', article: { id: 'a', text: 'El ministro habló.', language: 'es', … } }]
 */
export function parseHtmlArticle(html: string, origin: ArticleOrigin, opts: ReadOptions = {}): ReadResult[] {
  const { document } = parseHTML(html);
  const doc = document as unknown as DomDocument;
  // Metadata first: Readability rewrites the document it parses.
  const ld = jsonLdObjects(doc);
  const timeEl = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const published = firstValidDate([
    meta(doc, ['meta[property="article:published_time"]', 'meta[name="article:published_time"]']),
    firstString(ld, (o) => o['datePublished']),
    meta(doc, ['meta[itemprop="datePublished"]', 'meta[name="pubdate"]', 'meta[name="publish-date"]', 'meta[name="date"]']),
    timeEl?.getAttribute?.('datetime'),
  ]);
  const ogTitle = meta(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? firstString(ld, (o) => o['headline']);
  const pageTitle = doc.title.trim() || null;
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute?.('href');
  const url = absoluteUrl([canonical, meta(doc, ['meta[property="og:url"]']), firstString(ld, (o) => o['url'])]);
  const outlet =
    meta(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ??
    firstString(ld, (o) => (o['publisher'] as Record<string, unknown> | undefined)?.['name']);
  const lang = doc.documentElement?.getAttribute?.('lang') ?? null;

  let text = '';
  // Readability strips the " | Site" suffix from <title>, so it beats the raw title.
  let title = ogTitle;
  try {
    const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    if (parsed?.content) text = domToText(parsed.content);
    title ??= parsed?.title?.trim() || null;
  } catch {
    // Readability gives up on some odd pages; fall back to the whole body below.
  }
  if (text === '') {
    const { document: fresh } = parseHTML(html);
    const freshDoc = fresh as unknown as DomDocument;
    const chrome = freshDoc.querySelectorAll(CHROME_SELECTOR);
    for (let i = chrome.length - 1; i >= 0; i--) chrome[i]!.remove?.();
    if (freshDoc.body) text = domToText(freshDoc.body);
  }
  text = text.normalize('NFC');
  title ??= pageTitle;
  return assembleArticle(
    { id: fileStem(origin.file), text, url, outlet, published, language: lang, title },
    origin,
    opts,
  );
}

/**
 * Read one .html/.htm file (charset from the bytes, else the page's declaration, else windows-1252).
 * @example for (const r of await readHtmlFile('pagina.html')) console.log(r.kind)
 */
export async function readHtmlFile(path: string, opts: ReadOptions = {}): Promise<ReadResult[]> {
  const origin: ArticleOrigin = { file: path };
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const { size } = await stat(path);
    // Markup, scripts and styles outweigh the text many times over on news pages.
    if (size > 10 * maxBytes) {
      return [problem('error', origin, `article "${fileStem(path)}" is too large: ${formatSize(size)} file (limit ${formatSize(10 * maxBytes)} of HTML)`)];
    }
    const bytes = await readFile(path);
    const decoded = decodeBytes(bytes, declaredCharset(bytes));
    if (!decoded.ok) return [problem('error', origin, decoded.reason)];
    if (decoded.text.trim() === '') return [problem('warning', origin, 'empty file')];
    return parseHtmlArticle(decoded.text, origin, opts);
  } catch (err) {
    return [problem('error', origin, `cannot read file: ${(err as Error).message}`)];
  }
}
