import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildEngine,
  cosmeticsFor,
  loadEngine,
  serializeEngine,
  stripScriptletRules,
  validateFilterText,
} from '@/lib/autoclean/engine';
import { REGIONAL_FILTERS } from '@/lib/autoclean/regional-list';

// Public lists, read from ../shared by path: never copied into the repo.
const here = dirname(fileURLToPath(import.meta.url));
const shared = (name: string) => resolve(here, '../../../../shared/filterlists', name);
const ABPINDO = shared('abpindo.txt');
const EASYLIST = shared('easylist.txt');
const missing = !existsSync(ABPINDO) || !existsSync(EASYLIST);
if (missing) console.warn(`skipping filter-list tests: ${ABPINDO} or ${EASYLIST} not found`);

const CODE = /#@?#\+js\(|#@?%#|#@?\$#|#@?#\^/;
const page = (hostname: string) => ({ url: `https://${hostname}/read/1`, hostname });

describe.skipIf(missing)('public lists (../shared/filterlists)', () => {
  const abpindo = missing ? '' : readFileSync(ABPINDO, 'utf8');
  const easylist = missing ? '' : readFileSync(EASYLIST, 'utf8');

  it('drops every scriptlet and injection rule from ABPindo, keeps ## rules', () => {
    const before = abpindo.split('\n');
    const { text, dropped } = stripScriptletRules(abpindo);
    const after = text.split('\n');
    const rewrite = (l: string) => !l.includes('#') && /\$.*\b(redirect|rewrite|replace)=/.test(l);
    expect(dropped).toBe(before.filter((l) => CODE.test(l) || rewrite(l)).length);
    expect(dropped).toBeGreaterThan(10);
    expect(after.filter((l) => CODE.test(l))).toEqual([]);
    const hides = (lines: string[]) => lines.filter((l) => /##[^+^]/.test(l)).length;
    expect(hides(after)).toBe(hides(before));
  });

  it('builds an engine from ABPindo with news-site rules and no scripts', () => {
    const engine = buildEngine([{ id: 'abpindo', text: abpindo }]);
    for (const host of [
      'news.detik.com',
      'regional.kompas.com',
      'surabaya.tribunnews.com',
      'www.suara.com',
    ]) {
      const c = cosmeticsFor(engine, page(host), { generic: false });
      expect(c.count, host).toBeGreaterThan(3);
    }
    const okezone = cosmeticsFor(engine, page('news.okezone.com'));
    expect(okezone.css).not.toMatch(/\+js|rc, content-wrap/);
  });

  it('reports only the lines the engine cannot use', () => {
    const problems = validateFilterText(abpindo);
    const lines = abpindo.split('\n');
    const cosmeticErrors = problems.filter((p) => {
      const line = lines[p.line - 1];
      return /##/.test(line) && !CODE.test(line);
    });
    // One odd escape in the snapshot; scriptlets and network rules make up the rest.
    expect(cosmeticErrors.length).toBeLessThan(5);
    expect(problems.some((p) => /MV3/.test(p.message))).toBe(true);
    expect(problems.some((p) => /Network rule ignored/.test(p.message))).toBe(true);
  });

  it('combines EasyList, ABPindo and ours, round-trips, and keeps generic CSS bounded', () => {
    const engine = buildEngine([
      { id: 'regional', text: REGIONAL_FILTERS },
      { id: 'abpindo', text: abpindo },
      { id: 'easylist', text: easylist },
    ]);
    const loaded = loadEngine(serializeEngine(engine));
    const host = page('mojokerto.disway.id');
    expect(cosmeticsFor(loaded, host)).toEqual(cosmeticsFor(engine, host));

    const generic = cosmeticsFor(engine, page('example.org'));
    expect(generic.selectors.length).toBeGreaterThan(1000);
    expect(generic.selectors.length).toBeLessThan(4000);
    expect(generic.css.length).toBeLessThan(200_000);
    // EasyList's class rules arrive only with the page's classes.
    expect(generic.selectors).not.toContain('.above-header-advert');
    expect(
      cosmeticsFor(engine, { ...page('example.org'), classes: ['above-header-advert'] }).selectors,
    ).toContain('.above-header-advert');
  });
});
