import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortText } from '@/lib/extract/cleanup/dom';
import { parse } from './helpers';

/** What shortText promises, read the long way: the whole text, collapsed, then measured. */
function wholeText(node: Node, max: number): string | null {
  const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : null;
}

const piece = fc
  .array(fc.constantFrom('a', 'Bé', ' ', '  ', '\n', '\t', '\u00a0', 'kata'), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('shortText', () => {
  it('gives the collapsed text up to the limit, and null past it', () => {
    const doc = parse('<!DOCTYPE html><html><body></body></html>');
    const p = doc.createElement('p');
    p.append('  Baca   juga:\n', doc.createElement('b'), ' Judul ');
    p.querySelector('b')!.textContent = 'Pasar';
    expect(shortText(p, 40)).toBe('Baca juga: Pasar Judul');
    expect(shortText(p, 21)).toBeNull();
    expect(shortText(p, 22)).toBe('Baca juga: Pasar Judul');
  });

  it('reads long text nodes only as far as it must, with the same answer', () => {
    const doc = parse('<!DOCTYPE html><html><body></body></html>');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.nat(30), (texts, max) => {
        const block = doc.createElement('div');
        for (const [i, text] of texts.entries()) {
          if (i % 2 === 0) block.append(text);
          else block.appendChild(doc.createElement('span')).textContent = text;
        }
        expect(shortText(block, max)).toBe(wholeText(block, max));
      }),
      { numRuns: 500 },
    );
  });
});
