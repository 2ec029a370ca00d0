/**
 * The element picker: hover outlines an element, a click picks it, a small panel shows the
 * selector and how many elements it matches, can widen to the parent, and saves the rule. Its
 * UI lives in a shadow root so page CSS cannot reach it; Esc cancels.
 */

import { autocleanCss, HIDDEN_ATTR, injectStyle, markHidden } from '@/lib/autoclean/hide';
import { selectorFor, widerElement } from '@/lib/autoclean/selector';
import { onMessages, sendToBackground, type PickerStrings } from '@/lib/messages';
import { CONTEXT_TARGET, type WindowWithTarget } from './context-target';
import { guarded, reportingHandlers } from './guarded';

const INSTALLED = Symbol.for('baca-bersih.picker');
const HOST_TAG = 'baca-bersih-picker';
const MAX_MARKS = 50;
const CLOSE_AFTER_SAVE_MS = 900;
const BLOCKED = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'auxclick',
  'dblclick',
];

export function installPicker(win: WindowWithTarget & { [INSTALLED]?: boolean }): void {
  if (win[INSTALLED]) return;
  win[INSTALLED] = true;
  let picker: Picker | null = null;
  onMessages(
    reportingHandlers('picker', {
      'picker:ping': () => 'pong',
      'picker:open': ({ strings }) => {
        picker?.close();
        const target = win[CONTEXT_TARGET];
        win[CONTEXT_TARGET] = undefined;
        picker = new Picker(win, strings, () => (picker = null));
        picker.open(target?.isConnected ? target : null);
        return true as const;
      },
    }),
  );
}

const CSS = `
:host { all: initial; }
.box, .mark { position: fixed; pointer-events: none; box-sizing: border-box; border-radius: 3px; }
.box { outline: 2px dashed #0f766e; outline-offset: -1px; background: rgb(15 118 110 / 8%); }
.mark { outline: 2px solid #e11d48; outline-offset: -1px; background: rgb(225 29 72 / 14%); }
.panel {
  position: fixed; right: 16px; bottom: 16px; width: min(380px, calc(100vw - 32px));
  pointer-events: auto; box-sizing: border-box; padding: 14px 16px;
  font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif;
  color: #1f2328; background: #fff; border: 1px solid #e3dfd5; border-radius: 12px;
  box-shadow: 0 12px 40px rgb(0 0 0 / 22%);
}
.title { display: flex; align-items: center; gap: 8px; margin: 0 0 6px; font-weight: 700; color: #0f766e; }
.hint { margin: 0; color: #5d6470; }
.rule {
  display: block; margin: 10px 0 4px; padding: 8px 10px; max-height: 96px; overflow: auto;
  font: 12.5px/1.4 ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
  background: #f2f0ea; border-radius: 8px; overflow-wrap: anywhere; white-space: pre-wrap;
}
.count { margin: 0 0 10px; font-size: 13px; color: #5d6470; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
button {
  font: inherit; font-size: 13px; font-weight: 600; padding: 6px 12px; border-radius: 999px;
  border: 1px solid #d5d0c4; background: #fff; color: #1f2328; cursor: pointer;
}
button:hover:not(:disabled) { border-color: #0f766e; color: #0f766e; }
button:disabled { opacity: 0.45; cursor: default; }
button.primary { background: #0f766e; border-color: #0f766e; color: #fff; }
button.primary:hover:not(:disabled) { color: #fff; filter: brightness(1.08); }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
.status { margin: 8px 0 0; font-weight: 600; color: #0f766e; }
.status.failed { color: #b42318; }
[hidden] { display: none !important; }
`;

class Picker {
  private readonly doc: Document;
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly box: HTMLElement;
  private readonly marks: HTMLElement;
  private readonly rule: HTMLElement;
  private readonly count: HTMLElement;
  private readonly status: HTMLElement;
  private readonly widen: HTMLButtonElement;
  private readonly save: HTMLButtonElement;
  private hovered: Element | null = null;
  private picked: Element | null = null;
  private selector = '';
  private frame: number | null = null;
  private closed = false;

  constructor(
    private readonly win: Window,
    private readonly strings: PickerStrings,
    private readonly onClose: () => void,
  ) {
    this.doc = win.document;
    this.host = this.doc.createElement(HOST_TAG);
    this.host.setAttribute('data-bb-ui', '');
    this.host.style.cssText =
      'all:initial!important;position:fixed!important;inset:0!important;display:block!important;' +
      'z-index:2147483647!important;pointer-events:none!important;';
    this.root = this.host.attachShadow({ mode: 'open' });
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, text = '') => {
      const node = this.doc.createElement(tag);
      node.className = cls;
      node.textContent = text;
      return node;
    };
    const style = this.doc.createElement('style');
    style.textContent = CSS;
    this.box = el('div', 'box');
    this.box.hidden = true;
    this.marks = el('div', 'marks');
    const panel = el('div', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', strings.hint);
    const title = el('p', 'title', 'Baca Bersih');
    const hint = el('p', 'hint', strings.hint);
    this.rule = el('code', 'rule');
    this.rule.hidden = true;
    this.count = el('p', 'count');
    this.count.hidden = true;
    const actions = el('div', 'actions');
    this.widen = el('button', 'widen', strings.widen);
    const cancel = el('button', 'cancel', strings.cancel);
    this.save = el('button', 'primary save', strings.save);
    this.status = el('p', 'status');
    this.status.hidden = true;
    for (const button of [this.widen, cancel, this.save]) button.type = 'button';
    this.widen.disabled = true;
    this.save.disabled = true;
    this.widen.addEventListener(
      'click',
      guarded('picker:widen', () => this.widenPick()),
    );
    cancel.addEventListener(
      'click',
      guarded('picker:cancel', () => this.close()),
    );
    this.save.addEventListener(
      'click',
      guarded('picker:save', () => this.saveRule()),
    );
    actions.append(this.widen, cancel, this.save);
    panel.append(title, hint, this.rule, this.count, actions, this.status);
    this.root.append(style, this.box, this.marks, panel);
  }

  open(initial: Element | null): void {
    this.doc.documentElement.append(this.host);
    this.win.addEventListener('mousemove', this.onMove, true);
    for (const type of BLOCKED) this.win.addEventListener(type, this.onPointer, true);
    this.win.addEventListener('keydown', this.onKey, true);
    this.win.addEventListener('scroll', this.onLayout, true);
    this.win.addEventListener('resize', this.onLayout, true);
    if (initial) this.pick(initial);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.win.removeEventListener('mousemove', this.onMove, true);
    for (const type of BLOCKED) this.win.removeEventListener(type, this.onPointer, true);
    this.win.removeEventListener('keydown', this.onKey, true);
    this.win.removeEventListener('scroll', this.onLayout, true);
    this.win.removeEventListener('resize', this.onLayout, true);
    if (this.frame !== null) this.win.cancelAnimationFrame(this.frame);
    this.host.remove();
    this.onClose();
  }

  private isOwn(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  private targetAt(x: number, y: number): Element | null {
    const el = this.doc.elementFromPoint(x, y);
    if (!el || el === this.host || el === this.doc.documentElement || el === this.doc.body) {
      return null;
    }
    return el;
  }

  private readonly onMove = guarded('picker:move', (event: MouseEvent) => {
    if (this.isOwn(event)) return;
    const el = this.targetAt(event.clientX, event.clientY);
    if (el === this.hovered) return;
    this.hovered = el;
    this.scheduleLayout();
  });

  private readonly onPointer = guarded('picker:pointer', (event: Event) => {
    if (this.isOwn(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== 'click') return;
    const { clientX, clientY } = event as MouseEvent;
    const el = this.targetAt(clientX, clientY);
    if (el) this.pick(el);
  });

  private readonly onKey = guarded('picker:key', (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.close();
  });

  private readonly onLayout = guarded('picker:layout', () => this.scheduleLayout());

  private pick(el: Element): void {
    this.picked = el;
    this.selector = selectorFor(el);
    const matches = this.matches();
    this.rule.textContent = `${this.win.location.hostname}##${this.selector}`;
    this.rule.hidden = false;
    this.count.textContent = this.strings.matches.replace('{count}', String(matches.length));
    this.count.hidden = false;
    this.widen.disabled = widerElement(el) === null;
    this.save.disabled = false;
    this.status.hidden = true;
    this.scheduleLayout();
  }

  private widenPick(): void {
    const wider = this.picked && widerElement(this.picked);
    if (wider) this.pick(wider);
  }

  private matches(): Element[] {
    try {
      return [...this.doc.querySelectorAll(this.selector)];
    } catch {
      return [];
    }
  }

  private async saveRule(): Promise<void> {
    if (!this.picked) return;
    this.save.disabled = true;
    try {
      await sendToBackground('picker:save', {
        host: this.win.location.hostname,
        selector: this.selector,
      });
      // Hidden at once; the saved rule hides it on every later visit.
      injectStyle(this.doc, autocleanCss());
      markHidden(this.matches(), HIDDEN_ATTR, 'list');
      this.showStatus(this.strings.saved, false);
      this.win.setTimeout(() => this.close(), CLOSE_AFTER_SAVE_MS);
    } catch {
      this.save.disabled = false;
      this.showStatus(this.strings.failed, true);
    }
  }

  private showStatus(text: string, failed: boolean): void {
    this.status.textContent = text;
    this.status.classList.toggle('failed', failed);
    this.status.hidden = false;
  }

  private scheduleLayout(): void {
    if (this.frame !== null || this.closed) return;
    this.frame = this.win.requestAnimationFrame(
      guarded('picker:layout', () => {
        this.frame = null;
        this.layout();
      }),
    );
  }

  /** Outline boxes follow the elements' boxes on screen. */
  private layout(): void {
    const place = (node: HTMLElement, el: Element) => {
      const rect = el.getBoundingClientRect();
      node.style.left = `${rect.left}px`;
      node.style.top = `${rect.top}px`;
      node.style.width = `${rect.width}px`;
      node.style.height = `${rect.height}px`;
    };
    const hover = this.hovered && this.hovered !== this.picked ? this.hovered : null;
    this.box.hidden = hover === null;
    if (hover) place(this.box, hover);
    this.marks.replaceChildren();
    if (!this.picked) return;
    for (const el of this.matches().slice(0, MAX_MARKS)) {
      const mark = this.doc.createElement('div');
      mark.className = 'mark';
      place(mark, el);
      this.marks.append(mark);
    }
  }
}
