import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import type { Translate } from '@/lib/i18n';

/** The thin bar on top of every view: logo, name, the view's own actions and settings. */
export function BrandBar({ t, children }: { t: Translate; children?: ComponentChildren }) {
  return (
    <header class="brand-bar">
      <span class="brand">
        <img src="/icon/32.png" width="20" height="20" alt="" />
        {t('extName')}
      </span>
      <span class="brand-actions">
        {children}
        <button
          type="button"
          class="button icon-button"
          title={t('openSettings')}
          aria-label={t('openSettings')}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
            <path
              fill="currentColor"
              d="M19.14 12.94a7.5 7.5 0 0 0 .05-.94 7.5 7.5 0 0 0-.05-.94l2.03-1.58a.5.5 0 0 0 .12-.64l-1.92-3.32a.5.5 0 0 0-.6-.22l-2.39.96a7.3 7.3 0 0 0-1.63-.94l-.36-2.54A.5.5 0 0 0 13.9 2h-3.8a.5.5 0 0 0-.49.42l-.36 2.54c-.59.24-1.13.56-1.63.94l-2.39-.96a.5.5 0 0 0-.6.22L2.71 8.48a.5.5 0 0 0 .12.64l2.03 1.58a7.5 7.5 0 0 0 0 1.88l-2.03 1.58a.5.5 0 0 0-.12.64l1.92 3.32c.13.22.39.3.6.22l2.39-.96c.5.38 1.04.7 1.63.94l.36 2.54c.05.24.25.42.49.42h3.8c.24 0 .45-.18.49-.42l.36-2.54c.59-.24 1.13-.56 1.63-.94l2.39.96c.22.08.47 0 .6-.22l1.92-3.32a.5.5 0 0 0-.12-.64l-2.03-1.58ZM12 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
            />
          </svg>
        </button>
      </span>
    </header>
  );
}
