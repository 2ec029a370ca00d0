import type { ComponentChildren } from 'preact';
import type { Translate } from '@/lib/i18n';

/** The thin bar on top of every view: logo, name, and the view's own actions. */
export function BrandBar({ t, children }: { t: Translate; children?: ComponentChildren }) {
  return (
    <header class="brand-bar">
      <span class="brand">
        <img src="/icon/32.png" width="20" height="20" alt="" />
        {t('extName')}
      </span>
      <span class="brand-actions">{children}</span>
    </header>
  );
}
