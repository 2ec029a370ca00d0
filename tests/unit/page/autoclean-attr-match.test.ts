import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchAttributes, splitSelectors } from '@/lib/page/autoclean-attr-match';

const TAGS = ['img', 'a', 'div'];
const ATTRIBUTES = ['alt', 'title', 'href', 'data-slot'];
/** Upper and lower case, and a non-ASCII letter the `i` flag must not fold. */
const CHARS = ['a', 'B', 'c', 'D', '-', '/', ' ', 'é'];

const text = (maxLength: number) =>
  fc.array(fc.constantFrom(...CHARS), { maxLength }).map((chars) => chars.join(''));

const selector = fc
  .record({
    tag: fc.option(fc.constantFrom(...TAGS), { nil: undefined }),
    name: fc.constantFrom(...ATTRIBUTES),
    operator: fc.constantFrom('=', '^=', '$=', '*='),
    value: text(5).filter((value) => value !== ''),
    quote: fc.constantFrom('"', "'"),
    insensitive: fc.boolean(),
  })
  .map(
    ({ tag, name, operator, value, quote, insensitive }) =>
      `${tag ?? ''}[${name}${operator}${quote}${value}${quote}${insensitive ? ' i' : ''}]`,
  );

const element = fc.record({
  tag: fc.constantFrom(...TAGS),
  name: fc.constantFrom(...ATTRIBUTES),
  value: text(7),
});

/** Elements of `page` that one of `selectors` matches, as the browser decides. */
function matchedByBrowser(page: Element, selectors: string[], skip: Set<string>): Element[] {
  return [...page.querySelectorAll('*')].filter((el) =>
    selectors.some((s) => !skip.has(s) && el.matches(s)),
  );
}

function pageOf(elements: { tag: string; name: string; value: string }[]): HTMLElement {
  const page = document.createElement('section');
  for (const { tag, name, value } of elements) {
    const el = page.appendChild(document.createElement(tag));
    el.setAttribute(name, value);
  }
  return page;
}

describe('attribute rules', () => {
  it('match exactly what the browser matches, also with selectors skipped', () => {
    fc.assert(
      fc.property(
        fc.array(selector, { minLength: 1, maxLength: 12 }),
        fc.array(element, { maxLength: 12 }),
        fc.nat(),
        (selectors, elements, seed) => {
          const page = pageOf(elements);
          const split = splitSelectors(selectors);
          expect(split.rest).toEqual([]);
          const skip = new Set(selectors.filter((_, i) => (seed >> i) % 3 === 0));
          const expected = matchedByBrowser(page, selectors, skip);
          const sorted = (els: Element[]) =>
            [...page.querySelectorAll('*')].filter((el) => els.includes(el));
          expect(sorted(matchAttributes(page, split.attributes, { skip }))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends anything but one quoted attribute test to querySelectorAll', () => {
    const split = splitSelectors([
      'img[alt^="SLOT" i]',
      '.iklan',
      'div > [title="x"]',
      '[type="banner"]',
      'a[href]',
      '[alt^="x" s]',
    ]);
    expect(split.rest).toEqual([
      '.iklan',
      'div > [title="x"]',
      '[type="banner"]',
      'a[href]',
      '[alt^="x" s]',
    ]);
    expect([...split.attributes.keys()]).toEqual(['alt']);
  });

  it('treats values such as __proto__ and constructor as plain values', () => {
    const split = splitSelectors(['[alt="__proto__"]', '[alt="constructor"]', '[title^="toS"]']);
    const page = pageOf([
      { tag: 'img', name: 'alt', value: '__proto__' },
      { tag: 'img', name: 'alt', value: 'hasOwnProperty' },
      { tag: 'img', name: 'alt', value: 'constructor' },
      { tag: 'img', name: 'title', value: 'valueOf' },
    ]);
    const found = matchAttributes(page, split.attributes).map((el) => el.getAttribute('alt'));
    expect(found).toEqual(['__proto__', 'constructor']);
  });
});
