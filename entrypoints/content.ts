import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAutoClean } from '@/lib/page/autoclean-start';
import { guarded } from '@/lib/page/guarded';

/**
 * Auto-clean once the page is idle: settings, list matches, banner heuristics, late content.
 * The early script (early.content.ts) put the list CSS in place before first paint; this one
 * runs after the load event, or about 200 ms after the HTML is parsed on a page still loading
 * (Chromium's document_idle), so it never holds up the page's first paint or its load.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    guarded('autoclean:main', startAutoClean)(window);
  },
});
