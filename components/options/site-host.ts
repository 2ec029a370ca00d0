/**
 * The hostname a user means when typing a site: `Mojokerto.Disway.id`, a pasted URL, or a host
 * with a path or port. Null when it is not a dotted hostname.
 */
export function siteHostFromInput(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return null;
    }
  }
  text = text
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(text) ? text : null;
}
