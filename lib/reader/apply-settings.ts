import type { Settings } from '@/lib/settings/schema';

/** Reader look as attributes on <html>; the stylesheet does the rest. */
export function applyReaderSettings(root: HTMLElement, reader: Settings['reader']): void {
  root.dataset.theme = reader.theme;
  root.dataset.font = reader.font;
  root.dataset.lineWidth = reader.lineWidth;
  root.dataset.images = reader.showImages ? 'on' : 'off';
  root.style.setProperty('--text-size', `${reader.textSize}px`);
}
