import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPicker } from '@/lib/page/picker';

/** Injected on demand when the user asks to hide an element, so other pages pay nothing. */
export default defineUnlistedScript(() => {
  installPicker(window);
});
