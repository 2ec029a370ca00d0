import { defineContentScript } from 'wxt/utils/define-content-script';
import { startEarlyRules } from '@/lib/page/autoclean-early';
import { guarded } from '@/lib/page/guarded';

/** Auto-clean's first moment: the site's list CSS, in place before first paint. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    guarded('autoclean:early', startEarlyRules)(window);
  },
});
