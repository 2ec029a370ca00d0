import { describe, expect, it } from 'vitest';
import { restrictedReason } from '@/lib/restricted-pages';

describe('restrictedReason', () => {
  it.each([
    [undefined, 'browser-page'],
    ['chrome://settings/', 'browser-page'],
    ['chrome-extension://abc/popup.html', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['view-source:https://detik.com/', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', 'store'],
    ['https://chrome.google.com/webstore/category/extensions', 'store'],
    ['https://addons.mozilla.org/id/firefox/', 'store'],
    ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
    ['https://example.go.id/laporan.pdf', 'pdf'],
    ['ftp://example.com/file', 'unsupported-scheme'],
  ])('%s → %s', (url, reason) => {
    expect(restrictedReason(url)).toBe(reason);
  });

  it('lets ordinary news pages through', () => {
    expect(restrictedReason('https://mojokerto.disway.id/read/1234/judul')).toBeNull();
    expect(restrictedReason('http://radarmojokerto.jawapos.com/berita')).toBeNull();
  });
});
