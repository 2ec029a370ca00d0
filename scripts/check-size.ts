/**
 * CI size check: the content scripts that run on every page (the manifest's content_scripts
 * matching all http/https pages; today content-scripts/content.js) must stay within 40 kB
 * gzipped in all. Prints every entrypoint's size; exits 1 over budget, 2 without a build.
 *
 *   npm run -s check:size [-- DIR]       # a built extension, default .output/chrome-mv3
 *   npm run -s check:size -- --build     # builds first, into a temporary folder
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildExtension } from './bench/build';
import { CONTENT_SCRIPT_BUDGET_BYTES, contentScriptsSize, entrypointSizes, kB } from './bench/size';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log('usage: check-size [DIR | --build]   (DIR defaults to .output/chrome-mv3)');
    return 0;
  }
  let dir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.output/chrome-mv3');
  let temporary: string | null = null;
  if (args.includes('--build')) {
    temporary = mkdtempSync(join(tmpdir(), 'baca-bersih-size-'));
    dir = await buildExtension(temporary);
  }
  try {
    let entries;
    try {
      entries = entrypointSizes(dir);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      return 2;
    }
    const width = Math.max(12, ...entries.map((entry) => entry.name.length + 1));
    console.log(
      `${'entrypoint'.padEnd(width)} ${'kind'.padEnd(15)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)}`,
    );
    for (const entry of entries) {
      console.log(
        `${entry.name.padEnd(width)} ${entry.kind.padEnd(15)} ${kB(entry.rawBytes).padStart(9)} ${kB(entry.gzipBytes).padStart(9)}`,
      );
    }
    const content = contentScriptsSize(dir);
    const ok = content.gzipBytes <= CONTENT_SCRIPT_BUDGET_BYTES;
    console.log(
      `\ncontent scripts on every page (${content.files.join(', ') || 'none'}): ` +
        `${kB(content.gzipBytes)} gzipped, budget ${kB(CONTENT_SCRIPT_BUDGET_BYTES)} ${ok ? '✓' : '✗'}`,
    );
    if (!ok) console.error('check-size: the content scripts are over budget.');
    return ok ? 0 : 1;
  } finally {
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
