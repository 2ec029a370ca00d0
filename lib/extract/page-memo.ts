/**
 * Page facts read several times during one extraction (meta tags, JSON-LD), kept only while
 * that extraction runs: a later extraction of the same, changed page reads them afresh.
 */
const active = new WeakMap<Document, Map<string, unknown>>();

/** Runs `work` with a memo for `doc`; the memo is gone when it returns. */
export function withPageMemo<T>(doc: Document, work: () => T): T {
  if (active.has(doc)) return work();
  active.set(doc, new Map());
  try {
    return work();
  } finally {
    active.delete(doc);
  }
}

/** `compute(doc)`, once per extraction of `doc` (every time outside one). */
export function memo<T>(doc: Document, key: string, compute: (doc: Document) => T): T {
  const facts = active.get(doc);
  if (!facts) return compute(doc);
  if (!facts.has(key)) facts.set(key, compute(doc));
  return facts.get(key) as T;
}
