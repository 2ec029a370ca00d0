import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
describe('env', () => { it('has a DOM', () => { expect(typeof Readability).toBe('function'); expect(document.createElement('p').tagName).toBe('P'); }); });
