import { defineBackground } from 'wxt/utils/define-background';
import { registerReaderEntryPoints } from '@/lib/background/reader-entry-points';

export default defineBackground(() => {
  registerReaderEntryPoints();
});
