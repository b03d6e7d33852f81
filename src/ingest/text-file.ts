// Reader for .txt and .md articles, with optional YAML front matter (id, published, url, title, outlet, language).
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { ArticleOrigin, ReadResult } from './article.js';
import { assembleArticle, DEFAULT_MAX_BYTES, formatSize, problem, type ReadOptions } from './assemble.js';
import { decodeBytes } from './decode.js';
import { splitFrontMatter } from './front-matter.js';

/**
 * File name without directory and last extension — the default article id.
 * @example fileStem('corpus/2022/000.txt') // => '000'
 */
export function fileStem(path: string): string {
  const base = basename(path);
  const ext = extname(base);
  return ext && ext !== base ? base.slice(0, -ext.length) : base;
}

/** HTML comments removed with indexOf: a regex would rescan to the end after every unclosed "<!--". */
function stripComments(md: string): string {
  let out = '';
  let pos = 0;
  for (let open = md.indexOf('<!--'); open !== -1; open = md.indexOf('<!--', pos)) {
    const close = md.indexOf('-->', open + 4);
    if (close === -1) break;
    out += md.slice(pos, open);
    pos = close + 3;
  }
  return pos === 0 ? md : out + md.slice(pos);
}

/** `s` without the trailing run of `chars` (a `[…]+$` regex would be quadratic on a long inner run). */
function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** A link destination: no newline, balanced parentheses one level deep ("…/Foo_(bar)"). */
const DEST = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)`;
const IMAGE = new RegExp(String.raw`!\[[^[\]\n]*\]` + DEST, 'g');
const LINK = new RegExp(String.raw`\[([^[\]\n]+)\](?:` + DEST + String.raw`|\[[^[\]\n]*\])`, 'g');

/**
 * Reduce Markdown to plain text: headings, emphasis, links, images, quotes and list markers go,
 * the words stay. Good enough for news copy; not a full CommonMark renderer. Every pattern is
 * linear in the line length: none rescans a line for a delimiter that never comes.
 * @example stripMarkdown('## Título\n\nEl **ministro** [habló](https://x.y).') // => 'Título\n\nEl ministro habló.'
 */
export function stripMarkdown(md: string): string {
  return stripComments(md)
    .replace(/^[ \t]*\[[^\]\n]+\]:[ \t]*\S+.*$/gm, '') // reference-link definitions
    .replace(/^[ \t]*(?:[-*_=][ \t]*){3,}$/gm, '') // rules and setext underlines
    // ATX headings: the closing "#"s and spaces are trimmed by hand (a lazy group before
    // "[ \t]*#*[ \t]*$" backtracked cubically on long runs of spaces).
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*)$/gm, (_, title: string) => trimEnd(trimEnd(trimEnd(title, ' \t'), '#'), ' \t'))
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, '')
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/(\*\*|__)(?=\S)((?:(?!\1)[^\n])*?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^\n*_]*?\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/**
 * Build the article from the decoded contents of a text or Markdown file.
 * @example parseTextArticle('---\npublished: 2022-05-13\n---\nEl ministro habló.', { file: 'a/000.txt' })
 * // => [{ kind: 'article', article: { id: '000', published: '2022-05-13', language: 'es', … } }]
 */
export function parseTextArticle(
  content: string,
  origin: ArticleOrigin,
  opts: ReadOptions & { markdown?: boolean } = {},
): ReadResult[] {
  const out: ReadResult[] = [];
  const fm = splitFrontMatter(content);
  if (fm.error) out.push(problem('warning', origin, fm.error));
  const data = fm.data ?? {};
  let body = opts.markdown ? stripMarkdown(fm.body) : fm.body;
  body = body.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  const id = typeof data['id'] === 'string' && data['id'].trim() !== '' ? data['id'].trim() : fileStem(origin.file);
  out.push(
    ...assembleArticle(
      {
        id,
        text: body,
        url: data['url'],
        outlet: data['outlet'],
        published: data['published'],
        language: data['language'],
        title: data['title'],
      },
      origin,
      opts,
    ),
  );
  return out;
}

/**
 * Read one .txt or .md file: decode (UTF-8, else windows-1252), refuse binary, warn on empty.
 * @example for (const r of await readTextFile('corpus/000.txt')) console.log(r.kind)
 */
export async function readTextFile(path: string, opts: ReadOptions = {}): Promise<ReadResult[]> {
  const origin: ArticleOrigin = { file: path };
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    const { size } = await stat(path);
    // Front matter and markup add a little; twice the text cap keeps a huge file from being loaded.
    if (size > 2 * maxBytes) {
      return [problem('error', origin, `article "${fileStem(path)}" is too large: ${formatSize(size)} file (limit ${formatSize(maxBytes)} of text)`)];
    }
    const decoded = decodeBytes(await readFile(path));
    if (!decoded.ok) return [problem('error', origin, decoded.reason)];
    if (decoded.text.trim() === '') return [problem('warning', origin, 'empty file')];
    const results = parseTextArticle(decoded.text, origin, { ...opts, markdown: /\.(?:md|markdown)$/i.test(path) });
    return decoded.warning ? [problem('warning', origin, decoded.warning), ...results] : results;
  } catch (err) {
    return [problem('error', origin, `cannot read file: ${(err as Error).message}`)];
  }
}
