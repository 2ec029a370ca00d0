import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface TruthRecord {
  articleBody?: string;
  url?: string;
  title?: string;
  readerable?: boolean;
  [key: string]: unknown;
}

export interface CorpusPage {
  id: string;
  file: string;
  truth: TruthRecord | null;
}

/** Read an .html or .html.gz file as UTF-8 text. */
export function readHtml(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

const PAGE_RE = /\.html?(\.gz)?$/i;

function pageId(file: string): string {
  return basename(file).replace(PAGE_RE, '');
}

/** Pages of a corpus folder: ground-truth.json + html/<id>.html(.gz), or bare *.html files. */
export function listCorpus(dir: string): CorpusPage[] {
  const truthFile = join(dir, 'ground-truth.json');
  if (existsSync(truthFile)) {
    const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<string, TruthRecord>;
    const htmlDir = join(dir, 'html');
    return Object.keys(truth)
      .sort()
      .map((id) => {
        const plain = join(htmlDir, `${id}.html`);
        const file = existsSync(plain) ? plain : `${plain}.gz`;
        return { id, file, truth: truth[id] };
      });
  }
  return readdirSync(dir)
    .filter((name) => PAGE_RE.test(name) && statSync(join(dir, name)).isFile())
    .sort()
    .map((name) => ({ id: pageId(name), file: join(dir, name), truth: null }));
}

export function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
