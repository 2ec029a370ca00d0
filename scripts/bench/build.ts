/**
 * A production build into a folder of our own, so a benchmark or size check never reads a
 * half-written .output/ while someone else builds (and never disturbs theirs).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'wxt';

const quiet = {
  debug: () => undefined,
  log: () => undefined,
  info: () => undefined,
  success: () => undefined,
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => console.error(...args),
  fatal: (...args: unknown[]) => console.error(...args),
  level: 1,
};

/** Builds the Chrome MV3 extension under `outDir`; returns the unpacked extension folder. */
export async function buildExtension(outDir: string): Promise<string> {
  await build({ outDir, browser: 'chrome', manifestVersion: 3, logger: quiet });
  return join(outDir, 'chrome-mv3');
}

/** `given` if set, else a fresh build under `scratch`; null when the folder holds no extension. */
export async function extensionToTest(
  given: string | null | undefined,
  scratch: string,
): Promise<string | null> {
  let dir = given;
  if (!dir) {
    process.stderr.write('Building the extension (wxt build, into a temporary folder)…\n');
    dir = await buildExtension(join(scratch, 'build'));
  }
  return existsSync(join(dir, 'manifest.json')) ? dir : null;
}
