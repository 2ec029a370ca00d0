import { blockText } from '@/lib/extract/text';

/** Parses an HTML snippet or page into its own Document (jsdom test environment). */
export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The body of a parsed snippet. */
export function body(html: string): HTMLElement {
  return parse(`<!DOCTYPE html><html><body>${html}</body></html>`).body;
}

/** Text with blocks kept apart by one space. */
export function text(el: Element): string {
  return blockText(el).replace(/\s+/g, ' ').trim();
}

/** A paragraph of story text long enough to count as prose. */
export const PROSE =
  'Pemerintah kota menargetkan pasar baru bisa dipakai sebelum Lebaran tahun depan. Selama masa pembangunan, petugas akan berjaga di lokasi sementara untuk mengatur parkir dan lalu lintas di jalan utama.';
