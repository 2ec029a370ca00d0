import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAutoClean } from '@/lib/page/autoclean-start';
import { guarded } from '@/lib/page/guarded';

/** Auto-clean: runs before first paint on every page; decides itself whether to act. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    guarded('autoclean:main', startAutoClean)(window);
  },
});
