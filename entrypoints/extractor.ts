import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installExtractor } from '@/lib/page/extractor-host';

/** Injected on demand by the reader, so pages that never open it pay nothing. */
export default defineUnlistedScript(() => {
  installExtractor(window);
});
