import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAutoClean } from '@/lib/page/autoclean-start';

/** Auto-clean: runs before first paint on every page; decides itself whether to act. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main() {
    startAutoClean(window);
  },
});
