import { JSDOM, VirtualConsole } from 'jsdom';

const STYLE_BLOCK_RE = /(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi;

function parse(html: string, url: string): Document {
  // A silent console: page CSS and markup errors are not ours to report.
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}

/** Parse HTML into a Document at `url`, without running scripts or loading resources. */
export function makeDocument(html: string, url: string): Document {
  try {
    return parse(html, url);
  } catch {
    // jsdom throws on some stylesheets (e.g. Sass left in calc()); retry without their text.
    return parse(html.replace(STYLE_BLOCK_RE, '$1$2'), url);
  }
}

/** Frees a document made by makeDocument (jsdom keeps its window alive otherwise). */
export function closeDocument(doc: Document): void {
  doc.defaultView?.close();
}

/** A bare window for DOMPurify in Node. */
export function makeWindow(): Window {
  return new JSDOM('').window as unknown as Window;
}
