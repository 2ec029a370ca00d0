/**
 * Property-based fuzzing of the reader pipeline, shared by `npm run fuzz` (many runs) and
 * tests/unit/fuzz.test.ts (a few, fixed seed): random HTML from a tag/attribute grammar and
 * mutated real pages go through extraction (normal, then forced), the sanitizer and the
 * summary. Properties: nothing throws, the output is sanitized, and each case ends in time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractArticle, type ExtractResult } from '../../lib/extract';
import { safeImageUrl, safeLinkUrl, sanitizeArticleHtml } from '../../lib/sanitize';
import { extractFacts, summarize } from '../../lib/summary';
import { XSS_PAYLOADS } from '../../tests/fixtures/xss/payloads';
import { buildXssPages, REAL_PARAGRAPHS } from '../../tests/fixtures/xss/pages';
import { signalScript } from '../../tests/fixtures/xss/signal';
import { isDirectory, listCorpus, readHtml } from './corpus';
import { findUnsafeMarkup } from './fuzz-unsafe-markup';

export interface FuzzSource {
  name: string;
  url: string;
  html: string;
}

export interface FuzzCase {
  kind: 'grammar' | 'grammar-article' | 'mutated';
  source: string;
  url: string;
  html: string;
}

export interface CaseOutcome {
  /** CPU time of the case (user + system), so waiting for a busy machine does not count. */
  ms: number;
  extracted: boolean;
  forced: boolean;
}

/** A broken property: what was wrong, on which case. */
export class FuzzViolation extends Error {}

const FUZZ_URL = 'https://mojokerto.disway.id/read/12345/berita-fuzz';
const BEACON = 'http://contoh.example/xss-beacon';

// ---- Sources ------------------------------------------------------------------------------

/** tests/fixtures pages and the XSS corpus pages: what `npm test` fuzzes. */
export function fixtureSources(dir = 'tests/fixtures'): FuzzSource[] {
  const pages = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => ({
      name: `fixtures/${name}`,
      url: `https://mojokerto.disway.id/read/${name}`,
      html: readFileSync(join(dir, name), 'utf8'),
    }));
  const xss = buildXssPages(BEACON).map((page) => ({
    name: `fixtures${page.path}`,
    url: `https://mojokerto.disway.id${page.path}`,
    html: page.html,
  }));
  return [...pages, ...xss];
}

/** Saved pages of a corpus folder, or of every corpus folder under it (e.g. ../shared/corpora). */
export function corpusSources(dir: string): FuzzSource[] {
  const corpora = (path: string): string[] => {
    const list = listCorpus(path);
    if (list.length && list.some((page) => page.truth)) return [path];
    return readdirSync(path)
      .map((name) => join(path, name))
      .filter(isDirectory)
      .flatMap(corpora);
  };
  const found = [dir, ...corpora(dir).filter((path) => path !== dir)];
  const sources: FuzzSource[] = [];
  const seen = new Set<string>();
  for (const path of found) {
    for (const page of listCorpus(path)) {
      if (seen.has(page.file) || !/\.html?(\.gz)?$/.test(page.file)) continue;
      seen.add(page.file);
      try {
        const url = typeof page.truth?.url === 'string' ? page.truth.url : FUZZ_URL;
        sources.push({ name: `${path}/${page.id}`, url, html: readHtml(page.file) });
      } catch {
        // A listed page without its file is skipped.
      }
    }
    for (const sub of ['not-articles']) {
      if (isDirectory(join(path, sub))) found.push(join(path, sub));
    }
  }
  return sources;
}

// ---- Grammar ------------------------------------------------------------------------------

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'img',
  'figure',
  'figcaption',
  'h1',
  'h2',
  'ul',
  'li',
  'table',
  'tr',
  'td',
  'blockquote',
  'picture',
  'source',
  'details',
  'summary',
  'article',
  'section',
  'script',
  'SCRIPT',
  'ScRiPt',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'base',
  'meta',
  'link',
  'noscript',
  'noembed',
  'xmp',
  'template',
  'title',
  'svg',
  'Svg',
  'math',
  'mtext',
  'mglyph',
  'mi',
  'annotation-xml',
  'foreignObject',
  'use',
  'animate',
  'set',
  'image',
  'video',
  'marquee',
  'body',
  'head',
  'html',
  'frameset',
  'portal',
  'x-custom',
];

const ATTRS = [
  'href',
  'src',
  'srcset',
  'style',
  'onerror',
  'ONERROR',
  'onload',
  'onclick',
  'ontoggle',
  'onbegin',
  'srcdoc',
  'formaction',
  'action',
  'xlink:href',
  'xmlns',
  'id',
  'name',
  'class',
  'title',
  'alt',
  'data',
  'background',
  'poster',
  'rel',
  'target',
  'http-equiv',
  'content',
  'attributeName',
  'values',
  'to',
  'encoding',
  'is',
  'dir',
  'lang',
  'width',
  'type',
  'open',
  'autofocus',
];

const URL_SCHEMES = [
  'javascript:',
  'JaVaScRiPt:',
  ' javascript:',
  'java\tscript:',
  'java\nscript:',
  'java&#x09;script:',
  '&#106;avascript:',
  '&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A',
  'javascript&colon;',
  '\u0001javascript:',
  'vbscript:',
  'data:text/html,',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'data:image/png;base64,iVBORw0KGgo=',
  'https://contoh.example/',
  'http://mojokerto.disway.id/',
  '//evil.example/',
  '/relatif/',
  '#bagian',
  'mailto:redaksi@contoh.example',
  'tel:+62321',
  'blob:',
  'file:///',
  'http://[',
  '',
];

const CODE = [
  'alert(1)',
  "alert('xss')",
  signalScript('fuzz', BEACON),
  '%61lert(1)',
  '//%0aalert(1)',
];

const TEXT_BITS = [
  'Warga Desa Parengan mengungsi ke balai desa.',
  'BACA JUGA: Banjir di Jetis',
  'ADVERTISEMENT',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&amp;',
  '&',
  '&#0;',
  '&#x110000;',
  '&#x3c;svg onload=alert(1)&#x3e;',
  '&nbsp;',
  '</',
  '<!',
  ']]>',
  '"',
  "'",
  '`',
  '--!>',
  '\u2028',
  '\u0000',
];

const urlValue = fc
  .tuple(fc.constantFrom(...URL_SCHEMES), fc.constantFrom(...CODE, 'berita/1.html', 'a.jpg 1x'))
  .map(([scheme, rest]) => scheme + rest);

const cssValue = fc.constantFrom(
  "background:url('javascript:alert(1)')",
  'background:url(data:text/html,<script>alert(1)</script>)',
  'width:expression(alert(1))',
  '-moz-binding:url(http://evil.example/x.xml#x)',
  'color:red',
  '@import "javascript:alert(1)"',
);

const attrValue = fc.oneof(
  { weight: 4, arbitrary: urlValue },
  { weight: 2, arbitrary: fc.constantFrom(...CODE) },
  { weight: 1, arbitrary: cssValue },
  { weight: 1, arbitrary: fc.constantFrom(...TEXT_BITS, '"><script>alert(1)</script>', '__bbXss') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({
      unit: 'binary',
      maxLength: 6,
    }),
  },
);

const attribute = fc
  .tuple(
    fc.constantFrom(...ATTRS),
    attrValue,
    fc.constantFrom('"', "'", '', 'none'),
    fc.constantFrom(' ', '\n', '/', '\t'),
  )
  .map(([name, value, quote, separator]) => {
    if (quote === 'none') return `${separator}${name}`;
    const safe = quote ? value.split(quote).join('') : value.replace(/[\s>]/g, '');
    return `${separator}${name}=${quote}${safe}${quote}`;
  });

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TEXT_BITS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
);

const CLOSINGS = ['normal', 'normal', 'normal', 'none', 'self', 'upper', 'extra'] as const;

/** Random HTML from a tag/attribute grammar: nasty attributes, URLs, nesting and closings. */
export const grammarHtml: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>(
  (tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 3, arbitrary: text },
      {
        weight: 4,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...TAGS),
            fc.array(attribute, { maxLength: 4 }),
            tie('nodes'),
            fc.constantFrom(...CLOSINGS),
          )
          .map(([tag, attrs, children, closing]) => {
            const open = `<${tag}${attrs.join('')}`;
            if (closing === 'self') return `${open}/>${children}`;
            if (closing === 'none') return `${open}>${children}`;
            const close = closing === 'upper' ? tag.toUpperCase() : tag;
            const extra = closing === 'extra' ? `</${tag}></p></svg></math>` : '';
            return `${open}>${children}</${close}>${extra}`;
          }),
      },
      { weight: 1, arbitrary: text.map((t) => `<!--${t}-->`) },
      { weight: 1, arbitrary: text.map((t) => `<![CDATA[${t}]]>`) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...XSS_PAYLOADS.filter((payload) => payload.placement !== 'og-image'))
          .map((payload) => payload.markup(signalScript(payload.id, BEACON))),
      },
    ),
    nodes: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
  }),
).nodes;

/** Grammar HTML between the real paragraphs of an article page, so extraction goes deep. */
const grammarArticle: fc.Arbitrary<string> = fc
  .tuple(fc.array(grammarHtml, { minLength: 1, maxLength: 6 }), fc.subarray(REAL_PARAGRAPHS))
  .map(([junk, paragraphs]) => {
    const blocks = paragraphs.flatMap((paragraph, index) => [
      `<p>${paragraph}</p>`,
      junk[index % junk.length],
    ]);
    return (
      '<!DOCTYPE html><html lang="id"><head><title>Banjir Rendam Tiga Desa</title>' +
      '<meta property="og:type" content="article"></head><body><article>' +
      `<h1>Banjir Rendam Tiga Desa</h1><div class="entry-content">${blocks.join('\n')}${junk[0]}` +
      '</div></article></body></html>'
    );
  });

// ---- Mutations ----------------------------------------------------------------------------

const TAG_RE = /<\/?[a-zA-Z][^<>]*>/g;

export type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'drop-tag' | 'duplicate-tag'; at: number }
  | { kind: 'swap-tags'; at: number; other: number }
  | { kind: 'inject'; at: number; markup: string }
  | { kind: 'mangle-entities'; at: number; variant: number }
  | { kind: 'splice'; at: number; junk: string };

const position = fc.nat({ max: 1_000_000 });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constantFrom('drop-tag' as const, 'duplicate-tag' as const), at: position }),
  fc.record({ kind: fc.constant('swap-tags' as const), at: position, other: position }),
  fc.record({ kind: fc.constant('inject' as const), at: position, markup: grammarHtml }),
  fc.record({
    kind: fc.constant('mangle-entities' as const),
    at: position,
    variant: fc.nat({ max: 4 }),
  }),
  fc.record({
    kind: fc.constant('splice' as const),
    at: position,
    junk: fc.constantFrom(
      '<',
      '>',
      '"',
      "'",
      '</',
      '<!--',
      '-->',
      ']]>',
      '<svg>',
      '<math>',
      '</p>',
      '&',
    ),
  }),
);

function tagSpans(html: string): Array<[number, number]> {
  return Array.from(html.matchAll(TAG_RE), (match) => [match.index, match.index + match[0].length]);
}

const ENTITY_MANGLES: Array<(text: string) => string> = [
  (t) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
  (t) => t.replace(/&amp;/g, '&'),
  (t) => t.replace(/&(#?\w+);/g, '&$1'),
  (t) => t.replace(/</g, '&#60'),
  (t) => t.replace(/"/g, '&quot'),
];

/** Applies one mutation; positions wrap around the page's length or tag count. */
export function mutate(html: string, change: Mutation): string {
  const at = html.length ? change.at % html.length : 0;
  switch (change.kind) {
    case 'truncate':
      return html.slice(0, at);
    case 'inject':
      return html.slice(0, at) + change.markup + html.slice(at);
    case 'splice':
      return html.slice(0, at) + change.junk + html.slice(at);
    case 'mangle-entities': {
      const end = Math.min(html.length, at + 4000);
      return (
        html.slice(0, at) + ENTITY_MANGLES[change.variant](html.slice(at, end)) + html.slice(end)
      );
    }
    default: {
      const spans = tagSpans(html);
      if (!spans.length) return html;
      const [start, end] = spans[change.at % spans.length];
      const tag = html.slice(start, end);
      if (change.kind === 'drop-tag') return html.slice(0, start) + html.slice(end);
      if (change.kind === 'duplicate-tag') return html.slice(0, end) + tag + html.slice(end);
      if (change.kind !== 'swap-tags') return html;
      const [otherStart, otherEnd] = spans[change.other % spans.length];
      if (otherStart === start) return html;
      const [first, second] =
        start < otherStart
          ? [
              [start, end],
              [otherStart, otherEnd],
            ]
          : [
              [otherStart, otherEnd],
              [start, end],
            ];
      return (
        html.slice(0, first[0]) +
        html.slice(second[0], second[1]) +
        html.slice(first[1], second[0]) +
        html.slice(first[0], first[1]) +
        html.slice(second[1])
      );
    }
  }
}

/** Random and mutated pages; `sources` are the real pages to mutate. */
export function fuzzCases(sources: FuzzSource[]): fc.Arbitrary<FuzzCase> {
  const mutated = fc
    .tuple(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([source, changes]): FuzzCase => ({
      kind: 'mutated',
      source: `${source.name} ${changes.map((change) => change.kind).join('+')}`,
      url: source.url,
      html: changes.reduce(mutate, source.html),
    }));
  return fc.oneof(
    {
      weight: 3,
      arbitrary: grammarHtml.map((html): FuzzCase => ({
        kind: 'grammar',
        source: 'grammar',
        url: FUZZ_URL,
        html,
      })),
    },
    {
      weight: 2,
      arbitrary: grammarArticle.map((html): FuzzCase => ({
        kind: 'grammar-article',
        source: 'grammar',
        url: FUZZ_URL,
        html,
      })),
    },
    { weight: 1, arbitrary: mutated },
  );
}

// ---- Properties ---------------------------------------------------------------------------

function fail(message: string, input: FuzzCase): never {
  throw new FuzzViolation(`${message} [${input.kind}: ${input.source}]`);
}

/** jsdom's DOMParser: a Document without a window of its own, much cheaper than a JSDOM. */
function parseHtml(win: Window, html: string): Document {
  const Parser = (win as unknown as { DOMParser: typeof DOMParser }).DOMParser;
  return new Parser().parseFromString(html, 'text/html');
}

/** Sanitized HTML, parsed again, must hold nothing unsafe. */
function checkSanitized(html: string, win: Window, input: FuzzCase, what: string): void {
  const clean = sanitizeArticleHtml(html, win);
  const body = parseHtml(win, `<body>${clean}</body>`).body;
  const problems = findUnsafeMarkup(body, 'article');
  if (problems.length) fail(`${what}: unsafe output: ${problems.slice(0, 3).join('; ')}`, input);
  // The output survives another round trip (parse, sanitize, serialize, parse) just as safe.
  const again = parseHtml(win, `<body>${sanitizeArticleHtml(clean, win)}</body>`).body;
  const later = findUnsafeMarkup(again, 'article');
  if (later.length)
    fail(`${what}: unsafe after a round trip: ${later.slice(0, 3).join('; ')}`, input);
}

function extractBoth(doc: Document, url: string): { result: ExtractResult; forced: boolean } {
  const result = extractArticle(doc, { url });
  if (result.ok || result.reason !== 'not-readerable') return { result, forced: false };
  return { result: extractArticle(doc, { url, force: true }), forced: true };
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Runs one case through the pipeline and checks every property; throws FuzzViolation (or the
 * pipeline's own error) when one breaks. `win` is the window the sanitizer uses.
 */
export function checkCase(input: FuzzCase, win: Window, maxMs: number): CaseOutcome {
  const started = cpuMs();
  checkSanitized(input.html, win, input, 'raw page');
  const { result, forced } = extractBoth(parseHtml(win, input.html), input.url);
  if (result.ok) {
    const { article } = result;
    checkSanitized(article.content, win, input, 'article');
    const lead = safeImageUrl(article.leadImage?.src);
    if (lead !== null && !/^(https?:|data:image\/(png|gif|jpe?g|webp|avif);)/i.test(lead)) {
      fail(`lead image URL ${lead.slice(0, 60)}`, input);
    }
    const link = safeLinkUrl(article.url);
    if (link !== null && !/^https?:/.test(link)) fail(`source link ${link.slice(0, 60)}`, input);
    const summary = summarize({ paragraphs: article.paragraphs, title: article.title });
    for (const point of summary.keyPoints) {
      if (typeof point.text !== 'string' || !article.paragraphs[point.paragraphIndex]) {
        fail('key point outside the article', input);
      }
    }
    extractFacts(article.paragraphs);
  }
  const ms = cpuMs() - started;
  if (ms > maxMs) fail(`took ${ms.toFixed(0)} ms (limit ${maxMs} ms)`, input);
  return { ms, extracted: result.ok, forced };
}
