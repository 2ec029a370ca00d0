/**
 * Finds markup that could run code, load a document or change the page under `root`.
 * `article` mode checks sanitized article HTML against the sanitizer's allow list; `page` mode
 * checks a whole extension page, whose own UI has buttons, its scripts and stylesheets.
 *
 * Self-contained on purpose (no imports, no outer constants): the e2e tests pass this very
 * function to the browser with page.evaluate.
 */
export function findUnsafeMarkup(
  root: ParentNode = document,
  mode: 'article' | 'page' = 'page',
): string[] {
  const articleTags = new Set(
    (
      'a abbr article aside b bdi bdo blockquote br caption cite code col colgroup dd del details ' +
      'dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i img ins kbd li ' +
      'mark ol p picture pre q rp rt ruby s samp section small source span strong sub summary ' +
      'sup table tbody td tfoot th thead time tr u ul var wbr'
    ).split(' '),
  );
  const neverTags = new Set(
    (
      'iframe frame frameset object embed applet form base noscript template math svg portal ' +
      'noembed noframes xmp plaintext marquee isindex param'
    ).split(' '),
  );
  const urlAttrs = new Set(
    (
      'href src srcset action formaction data cite poster background xlink:href lowsrc dynsrc ' +
      'ping codebase longdesc usemap manifest icon profile'
    ).split(' '),
  );
  const neverAttrs = new Set('srcdoc formaction xlink:href action background ping'.split(' '));
  const rasterData = /^data:image\/(png|gif|jpe?g|webp|avif);/;
  const badScheme = /(^|[\s,])(javascript|vbscript|livescript|mocha):/;
  const compact = (value: string) =>
    Array.from(value)
      .filter((ch) => ch.charCodeAt(0) > 0x20)
      .join('')
      .toLowerCase();
  const ownScript = (el: Element) => {
    const src = el.getAttribute('src') ?? '';
    return src.startsWith('/') && !src.startsWith('//');
  };

  const problems: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    const where = `<${tag}>`;
    if (mode === 'article' && !articleTags.has(tag)) problems.push(`element ${where}`);
    // The extension's own UI draws its icons as inline SVG.
    if (neverTags.has(tag) && !(mode === 'page' && tag === 'svg')) {
      problems.push(`element ${where}`);
    }
    if (tag === 'script' && (mode === 'article' || !ownScript(el)))
      problems.push(`script ${where}`);
    if (tag === 'style' || (tag === 'link' && mode === 'article'))
      problems.push(`element ${where}`);
    if (tag === 'meta' && el.hasAttribute('http-equiv')) problems.push(`meta http-equiv`);
    if (tag === 'a' && el.hasAttribute('href') && mode === 'article') {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (el.getAttribute('target') !== '_blank' || !rel.includes('noopener')) {
        problems.push(`link without target=_blank rel=noopener`);
      }
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = compact(attr.value);
      if (name.startsWith('on')) problems.push(`handler ${where} ${name}`);
      if (neverAttrs.has(name)) problems.push(`attribute ${where} ${name}`);
      if (mode === 'article' && (name === 'style' || name === 'id' || name === 'name')) {
        problems.push(`attribute ${where} ${name}`);
      }
      if (name === 'style' && /url\(|expression\(|javascript:|@import|binding/.test(value)) {
        problems.push(`style ${where} ${value.slice(0, 60)}`);
      }
      if (urlAttrs.has(name) || name.endsWith(':href')) {
        if (badScheme.test(value)) problems.push(`url ${where} ${name}=${value.slice(0, 60)}`);
        const dataUrls = value.match(/(^|[\s,])data:[^\s,]*/g) ?? [];
        for (const url of dataUrls) {
          const trimmed = url.replace(/^[\s,]/, '');
          if (!(name === 'src' && tag === 'img' && rasterData.test(trimmed))) {
            problems.push(`data url ${where} ${name}=${trimmed.slice(0, 60)}`);
          }
        }
      }
    }
  }
  return problems;
}
