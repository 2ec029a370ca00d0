import { describe, expect, it } from 'vitest';
import early from '@/entrypoints/early.content';
import main from '@/entrypoints/content';

describe('the auto-clean content scripts', () => {
  it('put list CSS in place at document_start and do the rest once the page is idle', () => {
    expect(early.runAt).toBe('document_start');
    // Chromium (the test build): document_end would run its work before the page's first paint.
    // Firefox builds keep document_end, where document_idle waits for every picture.
    expect(main.runAt).toBe('document_idle');
    expect(main.matches).toEqual(early.matches);
  });
});
