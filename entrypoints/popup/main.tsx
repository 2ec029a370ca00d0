import { render } from 'preact';

export function mount(root: HTMLElement) {
  render(<p>Baca Bersih</p>, root);
}
mount(document.getElementById('app')!);
