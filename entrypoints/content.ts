import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAutoClean } from '@/lib/page/autoclean-start';
import { guarded } from '@/lib/page/guarded';

/**
 * Auto-clean once the page is idle: settings, list matches, banner heuristics, late content.
 * The early script (early.content.ts) put the list CSS in place before first paint. In Chromium
 * this one runs at document_idle (at the load event, or about 200 ms after the HTML is parsed on
 * a page still loading), so it does not hold up the page's first paint. Firefox's document_idle
 * waits for every picture and frame, seconds on a news page: there it runs at document_end.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: import.meta.env.FIREFOX ? 'document_end' : 'document_idle',
  main() {
    guarded('autoclean:main', startAutoClean)(window);
  },
});
