/**
 * validateFilterText's problems as message keys, so the options page can say them in the
 * user's language. Unknown wording falls back to a generic message.
 */

export type RuleProblemKey =
  | 'ruleProblemScriptlet'
  | 'ruleProblemNetwork'
  | 'ruleProblemNetworkInvalid'
  | 'ruleProblemUnsupported'
  | 'ruleProblemNotRule'
  | 'ruleProblemEmpty'
  | 'ruleProblemSelector'
  | 'ruleProblemNeedsDomain'
  | 'ruleProblemSubframe'
  | 'ruleProblemUnsafeStyle'
  | 'ruleProblemInvalid';

const PATTERNS: [RegExp, RuleProblemKey][] = [
  [/^Scriptlet/, 'ruleProblemScriptlet'],
  [/^Network rule ignored/, 'ruleProblemNetwork'],
  [/^Invalid network rule/, 'ruleProblemNetworkInvalid'],
  [/^Unsupported extended syntax/, 'ruleProblemUnsupported'],
  [/^Not a filter rule/, 'ruleProblemNotRule'],
  [/^Empty selector/, 'ruleProblemEmpty'],
  [/^Procedural selectors/, 'ruleProblemNeedsDomain'],
  [/^Subframe domains/, 'ruleProblemSubframe'],
  [/^Unsafe style/, 'ruleProblemUnsafeStyle'],
  [/^Invalid (or unsupported|CSS) selector/, 'ruleProblemSelector'],
];

export function ruleProblemKey(message: string): RuleProblemKey {
  return PATTERNS.find(([pattern]) => pattern.test(message))?.[1] ?? 'ruleProblemInvalid';
}
