import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAutoClean } from '@/lib/page/autoclean-start';
import { guarded } from '@/lib/page/guarded';

/**
 * Auto-clean, once the DOM is parsed: settings, list matches, banner heuristics, late content.
 * The early script (early.content.ts) put the list CSS in place before first paint.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_end',
  main() {
    guarded('autoclean:main', startAutoClean)(window);
  },
});
