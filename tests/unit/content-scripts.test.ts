import { describe, expect, it } from 'vitest';
import early from '@/entrypoints/early.content';
import main from '@/entrypoints/content';

describe('the auto-clean content scripts', () => {
  it('put list CSS in place at document_start and do the rest once the page is idle', () => {
    expect(early.runAt).toBe('document_start');
    // document_end would run the main script's work before the page's first paint and load.
    expect(main.runAt).toBe('document_idle');
    expect(main.matches).toEqual(early.matches);
  });
});
