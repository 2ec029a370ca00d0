import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPicker } from '@/lib/page/picker';
import { guarded } from '@/lib/page/guarded';

/** Injected on demand when the user asks to hide an element, so other pages pay nothing. */
export default defineUnlistedScript(() => {
  guarded('picker:main', installPicker)(window);
});
