import { describe, expect, it } from 'vitest';
import { validateFilterText } from '@/lib/autoclean/engine';
import { ruleProblemKey } from '@/lib/autoclean/rule-problems';
import en from '@/public/_locales/en/messages.json';
import id from '@/public/_locales/id/messages.json';

describe('ruleProblemKey', () => {
  it.each([
    ['example.com##+js(nobab)', 'ruleProblemScriptlet'],
    ['||ads.example.com^', 'ruleProblemNetwork'],
    ['##div:has-text(x)', 'ruleProblemNeedsDomain'],
    ['example.com##', 'ruleProblemEmpty'],
    ['example.com##div:nonsense-pseudo(1)', 'ruleProblemSelector'],
    ['example.com##.x:style(background: url(https://t.invalid/))', 'ruleProblemUnsafeStyle'],
  ])('names the problem with %s', (line, key) => {
    const [problem] = validateFilterText(line);
    expect(ruleProblemKey(problem.message)).toBe(key);
  });

  it('falls back to a generic message, and every key is translated', () => {
    expect(ruleProblemKey('something new')).toBe('ruleProblemInvalid');
    for (const catalog of [id, en] as Record<string, unknown>[]) {
      for (const key of [
        'ruleProblemInvalid',
        'ruleProblemNetworkInvalid',
        'ruleProblemSubframe',
        'ruleProblemUnsafeStyle',
      ]) {
        expect(catalog[key], key).toBeDefined();
      }
    }
  });
});
