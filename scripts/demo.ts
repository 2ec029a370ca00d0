/**
 * `npm start`: builds the extension, loads it in Chromium, opens the bundled disway-style demo
 * page, saves screenshots of the page and of the reader, and prints the clean article and its
 * summary. `--headed` shows a real window (needs a desktop) and keeps it open until Ctrl+C.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { launchWithExtension, READER_SETTLED } from './lib/browser';
import { startFixtureServer } from './lib/fixture-server';

const OUT = 'artifacts/demo';
const args = new Set(process.argv.slice(2));
const headed = args.has('--headed');

if (args.has('--help')) {
  console.log('Usage: npm start [-- --headed] [-- --no-build]');
  process.exit(0);
}

async function main() {
  if (!args.has('--no-build')) {
    console.log('Building the extension (wxt build)…');
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  mkdirSync(OUT, { recursive: true });
  const server = await startFixtureServer('tests/fixtures');
  const browser = await launchWithExtension({ headed });
  try {
    const url = server.url('/disway-article.html', 'mojokerto.disway.id');
    const { page, tabId } = await browser.openTab(url);
    await page.screenshot({ path: `${OUT}/page.png`, fullPage: false });

    const reader = await browser.openExtensionPage(`/popup.html?tab=${tabId}&layout=popup`);
    await reader.waitForSelector(READER_SETTLED);
    await reader.screenshot({ path: `${OUT}/reader.png` });

    // Plain selectors in, plain strings out: evaluated code may not define helper functions.
    const texts = (selector: string) =>
      reader.$$eval(selector, (els) =>
        els.map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean),
      );
    const result = {
      title: (await texts('.article-title'))[0] ?? '',
      meta: (await texts('.article-meta > *')).join(' · '),
      body: await texts('.article-body p, .article-body li, .article-body blockquote'),
      stats: (await texts('.summary-stats .stat')).join(' · '),
      points: await texts('.key-point'),
      facts: await texts('.fact-chip'),
      status: (await texts('.status-card h1'))[0] ?? null,
    };
    if (result.status) throw new Error(`The reader did not show the article: ${result.status}`);

    console.log(`\nDemo page: ${url}\n`);
    console.log(`# ${result.title}\n${result.meta}\n`);
    console.log(result.body.filter(Boolean).join('\n\n'));
    console.log(`\n## Ringkasan (${result.stats})`);
    result.points.forEach((point, i) => console.log(`${i + 1}. ${point}`));
    if (result.facts.length) console.log(`\nFakta kunci: ${result.facts.join(' | ')}`);
    console.log(`\nScreenshots: ${OUT}/page.png (the page), ${OUT}/reader.png (the reader)`);

    if (headed) {
      console.log('\nThe window stays open; press Ctrl+C to quit.');
      await new Promise(() => {});
    }
  } finally {
    if (!headed) {
      await browser.close();
      await server.close();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
