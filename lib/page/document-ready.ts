import { guarded } from './guarded';

/** Runs `run` once <html> exists: at document_start it may not yet. */
export function whenRoot(doc: Document, run: () => void): void {
  if (doc.documentElement) return run();
  const observer = new MutationObserver(
    guarded('autoclean:root', () => {
      if (!doc.documentElement) return;
      observer.disconnect();
      run();
    }),
  );
  observer.observe(doc, { childList: true });
}

/** Runs `run` once the DOM is parsed. */
export function whenDomReady(doc: Document, run: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
}
