/**
 * Bundle sizes per entrypoint of a built extension (e.g. .output/chrome-mv3): every JS file an
 * entrypoint loads (HTML script tags, module preloads and the chunks they import), raw and
 * gzipped (level 9, file by file). Shared by `npm run bench` and `npm run check:size`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The content scripts that run on every page may weigh this much gzipped, in all. */
export const CONTENT_SCRIPT_BUDGET_BYTES = 40_000;

export interface EntrySize {
  /** background, content, popup, options, or an unlisted script's name. */
  name: string;
  kind: 'background' | 'content-script' | 'page' | 'injected' | 'lazy';
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { matches?: string[]; js?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  options_page?: string;
}

const clean = (path: string) => normalize(path.replace(/^\//, '')).split('\\').join('/');

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No built extension in ${dir} (run \`wxt build\` first).`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** The file and every chunk it imports statically, relative to `dir`. */
function withImports(dir: string, start: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file) || !existsSync(join(dir, file))) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
      const target = match[1].startsWith('/')
        ? clean(match[1])
        : posix.normalize(posix.join(posix.dirname(file), match[1]));
      queue.push(target);
    }
  }
  return [...seen];
}

/** Chunks the files load with `import()` (and what those import), minus the files themselves. */
function lazyImports(dir: string, files: string[]): string[] {
  const lazy: string[] = [];
  for (const file of files) {
    const code = readFileSync(join(dir, file), 'utf8');
    for (const match of code.matchAll(/\bimport\(\s*[`"']([^`"']+\.js)[`"']\s*\)/g)) {
      lazy.push(posix.normalize(posix.join(posix.dirname(file), match[1])));
    }
  }
  return withImports(dir, lazy).filter((file) => !files.includes(file));
}

function htmlScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const found: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) found.push(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) {
    found.push(match[1]);
  }
  const base = dirname(page);
  return found.map((src) => (src.startsWith('/') ? clean(src) : clean(join(base, src))));
}

function measure(dir: string, name: string, kind: EntrySize['kind'], files: string[]): EntrySize {
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { name, kind, files, rawBytes, gzipBytes };
}

/** The content scripts the manifest runs on every http(s) page. */
export function everyPageContentScripts(dir: string): string[] {
  const broad = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*)$/;
  return (readManifest(dir).content_scripts ?? [])
    .filter((script) => (script.matches ?? []).some((match) => broad.test(match)))
    .flatMap((script) => script.js ?? [])
    .map(clean);
}

export function entrypointSizes(dir: string): EntrySize[] {
  const manifest = readManifest(dir);
  const sizes: EntrySize[] = [];
  const listed = new Set<string>();
  const add = (name: string, kind: EntrySize['kind'], start: string[]) => {
    const files = withImports(dir, start);
    files.forEach((file) => listed.add(file));
    sizes.push(measure(dir, name, kind, files));
    const later = lazyImports(dir, files);
    later.forEach((file) => listed.add(file));
    if (later.length > 0) sizes.push(measure(dir, `${name}, loaded later`, 'lazy', later));
  };
  if (manifest.background?.service_worker) {
    add('background', 'background', [clean(manifest.background.service_worker)]);
  }
  for (const script of manifest.content_scripts ?? []) {
    for (const file of script.js ?? []) {
      add(posix.basename(file, '.js'), 'content-script', [clean(file)]);
    }
  }
  const pages = [manifest.action?.default_popup, manifest.options_ui?.page, manifest.options_page];
  for (const page of pages) {
    if (page && existsSync(join(dir, page))) {
      add(posix.basename(page, '.html'), 'page', htmlScripts(dir, clean(page)));
    }
  }
  // Unlisted scripts at the top level are injected on demand (extractor, picker).
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    if (!listed.has(file)) add(posix.basename(file, '.js'), 'injected', [file]);
  }
  return sizes;
}

export function contentScriptsSize(dir: string): {
  files: string[];
  gzipBytes: number;
  rawBytes: number;
} {
  const files = everyPageContentScripts(dir);
  const size = measure(dir, 'content', 'content-script', files);
  return { files, gzipBytes: size.gzipBytes, rawBytes: size.rawBytes };
}

export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
