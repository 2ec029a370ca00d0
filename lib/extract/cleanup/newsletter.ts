import { hasProse, nameTokens, outermostWrapper, removeAll, shortText } from './dom';

const NEWSLETTER_NAME_TOKENS = new Set(['newsletter', 'subscribe', 'subscription', 'signup']);
/** Sign-up prompts: "langganan newsletter kami", "Sign up for our newsletter". */
const SIGNUP_RE =
  /\b(langganan|berlangganan|daftar|subscribe|sign up|signup)\b.{0,40}\b(newsletter|buletin|nawala)\b|\b(newsletter|buletin)\b.{0,40}\b(langganan|berlangganan|daftar|subscribe|sign up)\b/i;
const MAX_PROMPT_CHARS = 200;

/** Removes newsletter sign-up boxes and prompts (no story prose inside). */
export function removeNewsletterBoxes(root: Element): number {
  const found: Element[] = [];
  for (const el of root.querySelectorAll('div, section, aside, form, p, span')) {
    if (found.some((f) => f.contains(el))) continue;
    const named = nameTokens(el).some((t) => NEWSLETTER_NAME_TOKENS.has(t));
    if (named && !hasProse(el)) {
      found.push(el);
      continue;
    }
    const text = shortText(el, MAX_PROMPT_CHARS);
    if (text && SIGNUP_RE.test(text)) found.push(outermostWrapper(el));
  }
  return removeAll(found);
}
