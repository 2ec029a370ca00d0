/**
 * Renders assets/icon.svg to public/icon/{16,32,48,96,128}.png with Chromium.
 * Usage: npx tsx scripts/render-icons.ts   (CHROMIUM_PATH overrides /usr/bin/chromium)
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZES = [16, 32, 48, 96, 128];
const root = fileURLToPath(new URL('..', import.meta.url));
const source = `${root}assets/icon.svg`;
const outDir = `${root}public/icon`;

async function main(): Promise<void> {
  const svg = await readFile(source, 'utf8');
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      // The SVG fills the viewport exactly; the page background stays transparent.
      await page.setContent(
        `<!DOCTYPE html><style>html,body{margin:0;background:transparent}` +
          `svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
      );
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      await writeFile(`${outDir}/${size}.png`, png);
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
