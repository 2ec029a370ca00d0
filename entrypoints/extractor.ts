import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installExtractor } from '@/lib/page/extractor-host';
import { guarded } from '@/lib/page/guarded';

/** Injected on demand by the reader, so pages that never open it pay nothing. */
export default defineUnlistedScript(() => {
  guarded('extractor:main', installExtractor)(window);
});
