/**
 * An instrumented production Chrome build (lib/perf.ts) into a folder of your choosing, for
 * side-by-side benchmarks:
 *
 *   npx tsx scripts/build-to.ts /tmp/before   →  /tmp/before/chrome-mv3
 */
import { resolve } from 'node:path';
import { buildExtension } from './bench/build';

const target = process.argv[2];
if (!target) {
  console.error('usage: npx tsx scripts/build-to.ts DIR');
  process.exit(2);
}
console.log(await buildExtension(resolve(target), { perf: true }));
