/**
 * Rewrites tests/golden/<name>/expected.json from source.html with the current extractor.
 * Review the diff before committing: it is the extractor's new behaviour.
 *
 *   npm run golden:regenerate [-- <name>...]
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { extractGolden, goldenCases, serialise } from './lib/golden';

const only = new Set(process.argv.slice(2));
const cases = goldenCases().filter((c) => only.size === 0 || only.has(c.name));
if (cases.length === 0) {
  console.error(
    only.size ? `no golden case named ${[...only].join(', ')}` : 'no golden cases found',
  );
  process.exit(2);
}
for (const c of cases) {
  const next = serialise(extractGolden(c.source));
  const previous = existsSync(c.expected) ? readFileSync(c.expected, 'utf8') : null;
  if (previous === next) {
    console.log(`unchanged ${c.name}`);
    continue;
  }
  writeFileSync(c.expected, next);
  console.log(`${previous === null ? 'created' : 'updated'} ${c.expected}`);
}
