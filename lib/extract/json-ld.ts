import { memo } from './page-memo';

/** JSON-LD objects of a page, flattened (arrays and @graph). Broken blocks are skipped. */
export function jsonLdObjects(doc: Document): Record<string, unknown>[] {
  return memo(doc, 'json-ld', collectJsonLd);
}

function collectJsonLd(doc: Document): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      objects.push(record);
      if (record['@graph']) collect(record['@graph']);
    }
  };
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type') !== 'application/ld+json') continue;
    try {
      collect(JSON.parse(script.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common.
    }
  }
  return objects;
}

export function jsonLdTypes(doc: Document): string[] {
  return jsonLdObjects(doc).flatMap((o) => {
    const type = o['@type'];
    if (typeof type === 'string') return [type];
    return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
  });
}
