/**
 * A production build into a folder of our own, so a benchmark or size check never reads a
 * half-written .output/ while someone else builds (and never disturbs theirs).
 */
import { existsSync, readFileSync } from 'node:fs';
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

export interface BuildOptions {
  /** The instrumented build: our User Timing entries on (lib/perf.ts), as benchmarks read them. */
  perf?: boolean;
}

/** Builds the Chrome MV3 extension under `outDir`; returns the unpacked extension folder. */
export async function buildExtension(outDir: string, options: BuildOptions = {}): Promise<string> {
  const before = process.env.BACA_BERSIH_PERF;
  process.env.BACA_BERSIH_PERF = options.perf ? '1' : '0';
  try {
    await build({ outDir, browser: 'chrome', manifestVersion: 3, logger: quiet });
  } finally {
    if (before === undefined) delete process.env.BACA_BERSIH_PERF;
    else process.env.BACA_BERSIH_PERF = before;
  }
  return join(outDir, 'chrome-mv3');
}

/** Whether the extension in `dir` was built with our User Timing entries on (wxt.config.ts). */
function isInstrumented(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      version_name?: unknown;
    };
    return (
      typeof manifest.version_name === 'string' && manifest.version_name.endsWith(' instrumented')
    );
  } catch {
    return false;
  }
}

/** Says so on stderr when `dir` is not an instrumented build: its timings will be missing. */
export function warnIfNotInstrumented(dir: string): void {
  if (isInstrumented(dir)) return;
  process.stderr.write(
    `warning: ${dir} is not an instrumented build (scripts/build-to.ts makes one); ` +
      'our User Timing entries are off in it, so timings of our own work will be missing ' +
      '(builds from before the flag had them always on and are fine).\n',
  );
}

/**
 * `given` if set, else a fresh instrumented build under `scratch`; null when the folder holds no
 * extension. A given folder should be an instrumented build (`scripts/build-to.ts`).
 */
export async function extensionToTest(
  given: string | null | undefined,
  scratch: string,
): Promise<string | null> {
  let dir = given;
  if (!dir) {
    process.stderr.write('Building the instrumented extension (into a temporary folder)…\n');
    dir = await buildExtension(join(scratch, 'build'), { perf: true });
  }
  if (!existsSync(join(dir, 'manifest.json'))) return null;
  warnIfNotInstrumented(dir);
  return dir;
}
