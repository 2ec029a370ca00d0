/**
 * `:style()` declarations a filter list may inject. A list is remote text: a declaration that
 * loads something (`url()`, `image-set()`, `@import`) would tell its author which pages the
 * reader visits, and a brace would break out of the rule. Such styles are refused.
 */
const UNSAFE_STYLE = /url\s*\(|image-set\s*\(|image\s*\(|@import|expression\s*\(|\\|[{}<>]|\/\*/i;

export function isSafeStyle(style: string): boolean {
  return !UNSAFE_STYLE.test(style);
}
