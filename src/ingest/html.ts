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
  // Iterative, with an explicit stack: pages nested 20,000 tags deep overflowed a recursive walk.
  // An entry is a node to visit, or null for "the block element above ends here".
  const stack: Array<DomNode | null> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT) {
      current += (node.textContent ?? '').replace(/\s+/g, ' ');
      continue;
    }
    if (node.nodeType !== ELEMENT && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    // linkedom builds childNodes afresh on every access: read it once (per-child reads were quadratic).
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return blocks.join('\n\n');
}

/** Beyond this nesting the HTML parser itself goes quadratic (20,000 levels: ~1 s; 100,000: ~18 s). */
const MAX_HTML_DEPTH = 5_000;
/** Start or end tag; attributes may not contain "<", so an unclosed "<a" costs one scan to the next "<". */
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>/g;
/** Elements that never nest: void ones, and ones whose end tag is optional (`<p><p>` are siblings). */
const FLAT_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
/** Kept as they are when flattening: document structure, metadata and content skipped anyway. */
const KEEP_WHEN_FLAT = new Set(['html', 'head', 'body', 'title', 'meta', 'link', 'time', 'br', 'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'textarea']);

/**
 * Largest nesting depth of the markup, estimated from its tags in one linear scan.
 * @example tagDepth('<div><div><p>a</p></div></div>') // => 2
 */
export function tagDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (FLAT_TAGS.has(name) || m[0].endsWith('/>')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

/**
 * The page with its nesting removed: block elements become `<p>` (which never nest), other
 * inline tags go; structure, metadata and skipped elements stay. Used only on absurdly deep pages.
 * @example flattenHtml('<div><div><b>Hola</b></div></div>') // => '<p>Hola<p>'
 */
export function flattenHtml(html: string): string {
  return html.replace(TAG, (tag, _close: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (KEEP_WHEN_FLAT.has(name)) return tag;
    return BLOCK_TAGS.has(name.toUpperCase()) ? '<p>' : '';
  }).replace(/(?:<p>\s*){2,}/g, '<p>');
}

/**
 * Readability re-reads the text of every ancestor of every node: quadratic in nesting depth
 * (20,000 nested <div>s took seconds, 40,000 over 20 s). Real pages nest a few dozen levels.
 */
const MAX_READABILITY_DEPTH = 500;

/** Readability costs ~0.1 ms per element; news pages have a few thousand. Bigger ones take the fallback. */
const MAX_READABILITY_ELEMENTS = 20_000;

/**
 * Why Readability should not run on this tree (too deep or too many elements), or null.
 * Iterative, stops early. (Readability's own maxElemsToParse counts nothing under linkedom.)
 */
function tooBigForReadability(root: DomNode): string | null {
  const stack: Array<[DomNode, number]> = [[root, 0]];
  let elements = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_READABILITY_DEPTH) return `nested over ${MAX_READABILITY_DEPTH} levels`;
    if (++elements > MAX_READABILITY_ELEMENTS) return `over ${MAX_READABILITY_ELEMENTS} elements`;
    const children = Array.from(node.childNodes);
    for (const child of children) if (child.nodeType === ELEMENT) stack.push([child, depth + 1]);
  }
  return null;
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
export function parseHtmlArticle(page: string, origin: ArticleOrigin, opts: ReadOptions = {}): ReadResult[] {
  const depth = tagDepth(page);
  const html = depth > MAX_HTML_DEPTH ? flattenHtml(page) : page;
  let source = html;
  let { document } = parseHTML(source);
  // Bare text has no element at all, and linkedom's document.title then throws: give it a page.
  if (!document.documentElement) {
    source = `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
    ({ document } = parseHTML(source));
  }
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
    const tooBig = doc.documentElement ? tooBigForReadability(doc.documentElement) : null;
    if (tooBig) throw new Error(`page ${tooBig}: not given to Readability`);
    const parsed = new Readability<DomNode>(document as never, { serializer: (node) => node as unknown as DomNode }).parse();
    if (parsed?.content) text = domToText(parsed.content);
    title ??= parsed?.title?.trim() || null;
  } catch {
    // Readability gives up on some odd pages (and is skipped on absurdly deep ones); fall back to the whole body below.
  }
  if (text === '') {
    const { document: fresh } = parseHTML(source);
    const freshDoc = fresh as unknown as DomDocument;
    const chrome = freshDoc.querySelectorAll(CHROME_SELECTOR);
    for (let i = chrome.length - 1; i >= 0; i--) chrome[i]!.remove?.();
    // The whole element tree (<head> is skipped): a fragment without <html>/<body> ("<p>…</p>")
    // leaves linkedom with an empty body and the text outside it.
    // (Not document.body: linkedom's getter throws once the chrome removal took the root element.)
    if (freshDoc.documentElement) text = domToText(freshDoc.documentElement);
  }
  text = text.normalize('NFC');
  title ??= pageTitle;
  const results = assembleArticle(
    { id: fileStem(origin.file), text, url, outlet, published, language: lang, title },
    origin,
    opts,
  );
  if (html === page) return results;
  return [problem('warning', origin, `HTML nested ${depth} levels deep (limit ${MAX_HTML_DEPTH}): tags flattened before reading`), ...results];
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
    const results = parseHtmlArticle(decoded.text, origin, opts);
    return decoded.warning ? [problem('warning', origin, decoded.warning), ...results] : results;
  } catch (err) {
    return [problem('error', origin, `cannot read file: ${(err as Error).message}`)];
  }
}
