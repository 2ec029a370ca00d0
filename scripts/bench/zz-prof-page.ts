import { extractArticle } from '@/lib/extract';
export function run(doc: Document, url: string, n: number) {
  for (let i = 0; i < n; i++) extractArticle(doc, { url, force: true });
}
