/**
 * Extracts the article of a saved page, or of every page of a corpus folder, as JSON.
 * Run with --help for usage.
 */
import { existsSync, statSync } from 'node:fs';
import { extractArticle, isReaderable } from '@/lib/extract';
import { sanitizeArticleHtml } from '@/lib/sanitize';
import { summarize } from '@/lib/summary';
import { isDirectory, listCorpus } from './lib/corpus';
import { closeDocument, makeWindow } from './lib/dom';
import { loadPage } from './lib/page';

const HELP = `usage:
  npm run -s extract -- <page.html[.gz]> [--url URL]
      Prints one JSON object: {title, byline, siteName, publishedTime, lang, excerpt,
      readerable, textContent, content, summary, readingMinutes}. content is sanitized HTML;
      summary lists the key sentences. Pages that do not look like articles are still
      extracted (readerable: false); when nothing can be extracted the fields are null,
      textContent and content are "" and summary is [].
      URL defaults to the page's canonical URL, else http://localhost/<file name>.

  npm run -s extract -- <corpus-dir>
      For a folder with ground-truth.json and html/<id>.html(.gz), or a folder of *.html
      files, prints {"<id>": {"articleBody", "title", "readerable"}} for every page,
      using the ground-truth url as the page URL. Pages that fail are reported on stderr
      and left out; the exit code is then 1.
`;

interface Args {
  path: string;
  url: string | null;
}

function fail(message: string): never {
  console.error(`extract: ${message}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Args {
  let path: string | null = null;
  let url: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(HELP);
      process.exit(0);
    } else if (arg === '--url') {
      url = argv[++i] ?? fail('--url needs a URL');
      if (!URL.canParse(url)) fail(`not a URL: ${url}`);
    } else if (arg.startsWith('--')) fail(`unknown option ${arg}\n\n${HELP}`);
    else if (path) fail(`one path only (got ${path} and ${arg})`);
    else path = arg;
  }
  if (!path) fail(`no page or folder given\n\n${HELP}`);
  if (!existsSync(path)) fail(`no such file or folder: ${path}`);
  return { path, url };
}

function extractFile(file: string, url: string | null) {
  const page = loadPage(file, url);
  // Forced: the fields are filled even when the page does not look like an article.
  const result = extractArticle(page.doc, { url: page.url, force: true });
  const readerable = result.ok ? result.article.readerable : isReaderable(page.doc, page.url);
  closeDocument(page.doc);
  return { result, readerable };
}

function printPage(file: string, url: string | null): void {
  const { result, readerable } = extractFile(file, url);
  if (!result.ok) {
    const empty = { title: null, byline: null, siteName: null, publishedTime: null, lang: null };
    const rest = { excerpt: null, readerable, textContent: '', content: '', summary: [] };
    console.log(JSON.stringify({ ...empty, ...rest, readingMinutes: null }, null, 2));
    return;
  }
  const { article } = result;
  const summary = summarize({
    paragraphs: article.paragraphs,
    title: article.title,
    lang: article.lang,
  });
  const output = {
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    lang: article.lang,
    excerpt: article.excerpt,
    readerable: article.readerable,
    textContent: article.textContent,
    content: sanitizeArticleHtml(article.content, makeWindow()),
    summary: summary.keyPoints.map((point) => point.text),
    readingMinutes: summary.readingMinutes,
  };
  console.log(JSON.stringify(output, null, 2));
}

function printCorpus(dir: string): void {
  const output: Record<string, { articleBody: string; title: string | null; readerable: boolean }> =
    {};
  let failed = 0;
  for (const page of listCorpus(dir)) {
    try {
      const { result, readerable } = extractFile(page.file, page.truth?.url ?? null);
      output[page.id] = result.ok
        ? { articleBody: result.article.textContent, title: result.article.title, readerable }
        : { articleBody: '', title: null, readerable };
    } catch (error) {
      failed++;
      console.error(
        `extract: ${page.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  console.log(JSON.stringify(output, null, 2));
  if (failed) process.exitCode = 1;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (isDirectory(args.path)) {
    printCorpus(args.path);
    return;
  }
  if (!statSync(args.path).isFile()) fail(`not a file: ${args.path}`);
  try {
    printPage(args.path, args.url);
  } catch (error) {
    fail(`cannot read ${args.path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main();
