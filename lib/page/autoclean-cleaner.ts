/**
 * Hides ads in one document: list CSS from the first moment, then (after the first paint, when
 * idle) list matches and banner heuristics through the guard, marked with an attribute; late
 * content through a MutationObserver, batched per animation frame with a time budget per frame.
 */

import type { ExtendedSelector } from '@/lib/autoclean/engine';
import {
  filterHideable,
  isSafeToHide,
  protectedRegion,
  type ProtectedRegion,
} from '@/lib/autoclean/guard';
import { findListMatches, isScrollLocked, scanBanners } from '@/lib/autoclean/heuristics';
import {
  autocleanCss,
  HIDDEN_ATTR,
  injectStyle,
  LIST_MORE_STYLE_ID,
  LIST_STYLE_ID,
  markHidden,
  setReveal,
  setScrollUnlock,
  STYLE_ID,
  unmarkAll,
} from '@/lib/autoclean/hide';
import type { PageCosmetics, PageFeatures } from '@/lib/messages';
import { matchAttributes, splitSelectors, type SplitSelectors } from './autoclean-attr-match';
import { hideRule, styledLines } from '@/lib/autoclean/packed-cosmetics';
import { afterPaintWhenIdle } from './autoclean-idle';
import { markOnce, measureSince, perfNow, timed } from '@/lib/perf';
import { guarded, reportError } from './guarded';

const FRAME_BUDGET_MS = 8;
/** More new list rules than this at once: render the stylesheet's text again instead. */
const MAX_INSERTED_RULES = 200;
/** A whole-page heuristic scan runs at most this often while the page keeps changing. */
const HEURISTICS_EVERY_MS = 800;
/** More added subtrees than this in one batch: one document-wide list pass instead. */
const MANY_ROOTS = 40;
/** What separates class names in the attribute (HTML's ASCII whitespace). */
const CLASS_SEPARATOR = /[\t\n\f\r ]+/;
const MAX_FEATURES = 5000;
const MAX_VETO_CHECKS = 20;
const IGNORE = `[${HIDDEN_ATTR}], [data-bb-ui]`;
const INERT = new Set(['SCRIPT', 'STYLE', 'LINK', 'META', 'NOSCRIPT', 'TEMPLATE', 'BR']);

export interface CleanerOptions {
  heuristics: boolean;
  /** Called when the number of hidden or refused elements changes. */
  onCount: (hidden: number, skipped: number) => void;
  /** New class names, ids or hrefs appeared: their generic rules may now apply. */
  onFeatures: (features: PageFeatures) => void;
}

/** Rules added since the last pass: only they are matched on the next one. */
interface AddedRules {
  selectors: string[];
  extended: ExtendedSelector[];
}

const noneAdded = (): AddedRules => ({ selectors: [], extended: [] });

export class Cleaner {
  /** Every list selector, in the order its rule goes into the stylesheet. */
  private selectors = new Set<string>();
  private readonly styled = new Set<string>();
  private readonly extended = new Map<number, ExtendedSelector>();
  private readonly vetoed = new Set<string>();
  private readonly refused = new Set<Element>();
  private readonly known = {
    classes: new Set<string>(),
    ids: new Set<string>(),
    hrefs: new Set<string>(),
  };
  private readonly pending = new Set<Element>();
  private added = noneAdded();
  private addedDue = false;
  /** The rule sets added since the last clear, as given: an identical answer is spotted cheaply. */
  private sources: PageCosmetics[] = [];
  /** Rule sets whose CSS is in place but not yet indexed (see `addRules`). */
  private unindexed: PageCosmetics[] = [];
  /** The selectors split for matching, in parts as they came (vetoed ones skipped). */
  private splits: SplitSelectors[] = [];
  /** Selectors not split yet: split by the first pass that needs them. */
  private unsplit: string[] = [];
  /** The list stylesheet as last rendered; rules added since then are in `moreLines`. */
  private listStyle: HTMLStyleElement | null = null;
  private moreLines: string[] = [];
  private region: ProtectedRegion | null = null;
  /** Elements came or went since `region` was computed: the article may have changed. */
  private regionStale = true;
  private observer: MutationObserver | null = null;
  private fullDue = false;
  private heuristicsDue = false;
  private lastHeuristics = -Infinity;
  private frame: { raf: number | null; timer: ReturnType<typeof setTimeout> } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** DOMContentLoaded has been seen; `ready` once the first full pass ran. */
  private parsed = false;
  private ready = false;
  private cancelFirstPass: (() => void) | null = null;
  private stopped = false;
  private counted = '';
  private remark = false;
  reveal = false;

  constructor(
    private readonly doc: Document,
    private readonly win: Window,
    private options: CleanerOptions,
  ) {}

  /** The marker stylesheet: call as early as possible. */
  start(): void {
    injectStyle(this.doc, autocleanCss(), STYLE_ID);
    markOnce('style');
  }

  setHeuristics(on: boolean): void {
    if (on === this.options.heuristics) return;
    this.options = { ...this.options, heuristics: on };
    if (on) this.requestFull();
  }

  /** Adds list rules: their CSS applies at once, matching waits for the DOM. */
  addCosmetics(cosmetics: PageCosmetics): void {
    timed('cosmetics', () => {
      this.sources.push(cosmetics);
      this.addRules(cosmetics);
    });
  }

  /**
   * Replaces every list rule with `sets` in one task (so nothing shows in between). The same
   * rules again (the background's answer to what the session copy already gave) change nothing
   * and cost no pass; otherwise elements marked by a rule that is gone are unmarked on the next.
   */
  replaceCosmetics(...sets: PageCosmetics[]): void {
    timed('cosmetics', () => {
      if (sameSets(sets, this.sources) || this.sameRules(sets)) return;
      this.clearCosmetics();
      this.sources = [...sets];
      for (const cosmetics of sets) this.addRules(cosmetics);
    });
  }

  private sameRules(sets: PageCosmetics[]): boolean {
    this.index();
    const selectors = new Set(sets.flatMap((c) => c.selectors));
    const extended = new Set(sets.flatMap((c) => c.extended.map((rule) => rule.id)));
    const styled = new Set(sets.flatMap((c) => c.styled ?? styledLines(c)));
    const same = <T>(a: Set<T>, b: { size: number; has(value: T): boolean }) =>
      a.size === b.size && [...a].every((value) => b.has(value));
    return (
      same(selectors, this.selectors) && same(extended, this.extended) && same(styled, this.styled)
    );
  }

  /**
   * Before the first pass, rules go into the stylesheet as given and are indexed (split into
   * selectors, lines and procedural rules) only when the first pass needs them: the session
   * copy's ~2,000 rules then cost one stylesheet parse before first paint, nothing more.
   */
  private addRules(cosmetics: PageCosmetics): void {
    if (!this.ready && !this.stopped && this.styleUnindexed(cosmetics)) {
      this.unindexed.push(cosmetics);
      return;
    }
    this.index();
    this.indexRules(cosmetics, true);
  }

  /** Puts a rule set's CSS in place without indexing it; false if it cannot. */
  private styleUnindexed(cosmetics: PageCosmetics): boolean {
    const empty =
      this.unindexed.length === 0 &&
      this.styled.size === 0 &&
      this.selectors.size === 0 &&
      this.extended.size === 0;
    if (empty) {
      timed('list-style', () => {
        const style = injectStyle(this.doc, cosmetics.css, LIST_STYLE_ID);
        this.listStyle = style;
        if (cosmetics.css !== '') markOnce('list-css');
        this.setListMedia(style);
      });
      return true;
    }
    if (this.unindexed.length === 0) return false;
    const lines = cosmetics.css.split('\n').filter((line) => line !== '');
    if (!this.listStyle?.isConnected) return false;
    if (this.moreLines.length + lines.length > MAX_INSERTED_RULES) return false;
    timed('list-style', () => this.appendListStyle(lines));
    return true;
  }

  /** Indexes the rule sets whose CSS went in unindexed. */
  private index(): void {
    if (this.unindexed.length === 0) return;
    const sets = this.unindexed;
    this.unindexed = [];
    timed('index', () => {
      for (const cosmetics of sets) this.indexRules(cosmetics, false);
    });
  }

  /** Indexes a rule set; `render` also puts its new CSS in place (else it already is). */
  private indexRules(cosmetics: PageCosmetics, render: boolean): void {
    const fresh: string[] = [];
    let changed = false;
    for (const line of cosmetics.styled ?? styledLines(cosmetics)) {
      if (this.styled.has(line)) continue;
      this.styled.add(line);
      fresh.push(line);
      changed = true;
    }
    const added = this.addSelectors(cosmetics.selectors);
    if (added.length > 0) {
      this.unsplit = this.unsplit.concat(added);
      this.added.selectors = this.added.selectors.concat(added);
      if (render) {
        for (const selector of added) {
          if (!this.vetoed.has(selector)) fresh.push(hideRule(selector));
        }
      }
      changed = true;
    }
    for (const rule of cosmetics.extended) {
      if (this.extended.has(rule.id)) continue;
      this.extended.set(rule.id, rule);
      this.added.extended.push(rule);
      changed = true;
    }
    if (!changed) return;
    if (render) timed('list-style', () => this.appendListStyle(fresh));
    // Before the first pass every rule is matched anyway; after it, only the new ones.
    if (!this.ready || this.stopped) return;
    this.addedDue = true;
    this.schedule();
  }

  /** The selectors not known yet, now known. The first set, most of all rules, in bulk. */
  private addSelectors(selectors: string[]): string[] {
    if (this.selectors.size === 0) {
      this.selectors = new Set(selectors);
      return this.selectors.size === selectors.length ? selectors : [...this.selectors];
    }
    const added: string[] = [];
    for (const selector of selectors) {
      if (this.selectors.has(selector)) continue;
      this.selectors.add(selector);
      added.push(selector);
    }
    return added;
  }

  /**
   * Drops every list rule; call right before adding the fresh ones (same task, so nothing
   * shows in between). Elements marked by a rule that is gone are unmarked on the next pass.
   */
  clearCosmetics(): void {
    this.sources = [];
    this.unindexed = [];
    this.selectors.clear();
    this.styled.clear();
    this.extended.clear();
    this.vetoed.clear();
    this.splits = [];
    this.unsplit = [];
    this.remark = true;
    this.renderListStyle();
    this.requestFull();
  }

  knownFeatures(): PageFeatures {
    return {
      classes: [...this.known.classes],
      ids: [...this.known.ids],
      hrefs: [...this.known.hrefs],
    };
  }

  /**
   * The DOM is parsed: its class names, ids and links go to the background now (their rules
   * are CSS, applied as they come), and late content is collected from here on. The first full
   * pass (list matches, heuristics) waits for the next paint and an idle moment: list CSS covers
   * the page until then.
   */
  domReady(): void {
    if (this.parsed || this.stopped) return;
    this.parsed = true;
    const start = perfNow();
    const features = this.newFeatures([this.doc.documentElement]);
    measureSince('dom-ready', start);
    this.options.onFeatures(features);
    this.observer = new MutationObserver(
      guarded('autoclean:mutations', (records: MutationRecord[]) => this.onMutations(records)),
    );
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true });
    // The first pass's work, in idle periods of its own: indexing the rules, splitting them for
    // matching, finding the article, then matching and marking.
    this.cancelFirstPass = afterPaintWhenIdle(this.win, [
      () => this.safely(() => this.index()),
      () => this.safely(() => this.splitRules()),
      () => this.safely(() => this.currentRegion()),
      () => this.firstPass(),
    ]);
  }

  private firstPass(): void {
    this.cancelFirstPass = null;
    if (this.ready || this.stopped) return;
    this.ready = true;
    this.fullDue = true;
    this.safely(() => timed('tick', () => this.tick()));
  }

  /** Everything again; `report` resends the count even if unchanged (the badge was reset). */
  requestFull(report = false): void {
    if (report) this.counted = '';
    if (!this.ready || this.stopped) return;
    this.fullDue = true;
    this.schedule();
  }

  setReveal(on: boolean): void {
    this.reveal = on;
    setReveal(this.doc, on);
    this.renderListStyle();
  }

  counts(): { hidden: number; skipped: number } {
    const marked = [...this.doc.querySelectorAll(`[${HIDDEN_ATTR}]`)];
    const hidden = marked.filter((el) => !el.parentElement?.closest(`[${HIDDEN_ATTR}]`)).length;
    let skipped = 0;
    for (const el of this.refused) if (el.isConnected) skipped += 1;
    return { hidden, skipped };
  }

  /** Undoes everything: markers, styles, reveal, scroll unlock. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.cancelFirstPass?.();
    this.cancelFrame();
    if (this.timer !== null) clearTimeout(this.timer);
    unmarkAll(this.doc);
    setReveal(this.doc, false);
    setScrollUnlock(this.doc, false);
    this.doc.getElementById(STYLE_ID)?.remove();
    this.doc.getElementById(LIST_STYLE_ID)?.remove();
    this.doc.getElementById(LIST_MORE_STYLE_ID)?.remove();
  }

  /**
   * A few new rules go into a small stylesheet of their own: changing the big one, even by one
   * inserted rule, makes the browser parse or index its ~2,000 rules again. Anything else
   * renders the whole text.
   */
  private appendListStyle(lines: string[]): void {
    if (lines.length === 0) return;
    const more = this.moreLines.length + lines.length;
    if (!this.listStyle?.isConnected || more > MAX_INSERTED_RULES || this.stopped) {
      this.renderListStyle();
      return;
    }
    this.moreLines.push(...lines);
    // One rule per line: a selector this browser rejects drops that rule alone.
    const style = injectStyle(this.doc, this.moreLines.join('\n'), LIST_MORE_STYLE_ID);
    this.setListMedia(style);
  }

  private renderListStyle(): void {
    if (this.stopped) return;
    this.index();
    const css: string[] = [];
    for (const selector of this.selectors) {
      if (!this.vetoed.has(selector)) css.push(hideRule(selector));
    }
    css.push(...this.styled);
    const style = injectStyle(this.doc, css.join('\n'), LIST_STYLE_ID);
    this.moreLines = [];
    this.doc.getElementById(LIST_MORE_STYLE_ID)?.remove();
    this.listStyle = style;
    if (css.length > 0) markOnce('list-css');
    this.setListMedia(style);
  }

  /** Reveal mode turns list CSS off; marked elements then show outlined. */
  private setListMedia(style: HTMLStyleElement): void {
    if (this.reveal) style.setAttribute('media', 'not all');
    else style.removeAttribute('media');
  }

  private onMutations(records: MutationRecord[]): void {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || INERT.has((node as Element).tagName)) continue;
        this.pending.add(node as Element);
        this.regionStale = true;
      }
      for (const node of record.removedNodes) {
        if (node.nodeType === 1 && !INERT.has((node as Element).tagName)) this.regionStale = true;
      }
    }
    // Before the first pass, content is only collected (that pass looks at all of it).
    if (this.pending.size > 0 && this.ready) this.schedule();
  }

  /**
   * Next animation frame; a timer too, since hidden or occluded tabs get no frames (whichever
   * comes first runs, the other is cancelled).
   */
  private schedule(): void {
    if (this.frame !== null || this.stopped) return;
    const run = () => {
      this.cancelFrame();
      this.safely(() => timed('tick', () => this.tick()));
    };
    const frames =
      typeof this.win.requestAnimationFrame === 'function' && this.doc.visibilityState !== 'hidden';
    const raf = frames ? this.win.requestAnimationFrame(run) : null;
    this.frame = { raf, timer: setTimeout(run, raf === null ? 16 : 100) };
  }

  private cancelFrame(): void {
    if (this.frame === null) return;
    if (this.frame.raf !== null) this.win.cancelAnimationFrame(this.frame.raf);
    clearTimeout(this.frame.timer);
    this.frame = null;
  }

  private safely(work: () => void): void {
    try {
      work();
    } catch (error) {
      // Never break the page: a failed pass is reported and skipped, the next one runs.
      reportError('autoclean:tick', error);
    }
  }

  /** The guard's protected region, as of now. */
  private protect(): ProtectedRegion {
    this.regionStale = false;
    this.region = timed('region', () => protectedRegion(this.doc));
    return this.region;
  }

  /** The protected region, found again only if elements came or went since it was. */
  private currentRegion(): ProtectedRegion {
    return this.region && !this.regionStale ? this.region : this.protect();
  }

  /** Every list selector, split for matching (vetoed ones are skipped when matching). */
  private splitRules(): SplitSelectors[] {
    if (this.unsplit.length > 0) {
      const unsplit = this.unsplit;
      this.unsplit = [];
      this.splits.push(timed('split', () => splitSelectors(unsplit)));
    }
    return this.splits;
  }

  /** One frame's work; what does not fit waits for the next frame. */
  private tick(): void {
    if (this.stopped) return;
    this.index();
    const start = performance.now();
    const spent = () => performance.now() - start;
    // New content first gives its features: their generic rules may apply.
    const roots = [...this.pending].filter((el) => el.isConnected && !el.closest(IGNORE));
    this.pending.clear();
    const features = this.newFeatures(roots);
    if (features.classes.length + features.ids.length + features.hrefs.length > 0) {
      this.options.onFeatures(features);
    }
    if (this.fullDue) {
      this.fullDue = false;
      if (this.remark) {
        this.remark = false;
        for (const el of this.doc.querySelectorAll(`[${HIDDEN_ATTR}="list"]`)) {
          el.removeAttribute(HIDDEN_ATTR);
        }
      }
      this.addedDue = false;
      this.added = noneAdded();
      timed('list-pass', () => {
        this.currentRegion();
        this.apply(this.listMatches(this.doc));
      });
      this.heuristicsDue = this.options.heuristics;
      this.lastHeuristics = -Infinity;
    } else {
      if (this.addedDue) {
        // New rules (generic ones for the page's class names, ids and links): match only them.
        const added = this.added;
        this.addedDue = false;
        this.added = noneAdded();
        timed('list-added', () => {
          this.region ??= this.protect();
          this.apply(this.listMatches(this.doc, added));
        });
      }
      if (roots.length > 0) {
        this.region ??= this.protect();
        if (roots.length > MANY_ROOTS) {
          this.apply(this.listMatches(this.doc));
        } else {
          for (let i = 0; i < roots.length; i += 1) {
            if (spent() > FRAME_BUDGET_MS) {
              for (const rest of roots.slice(i)) this.pending.add(rest);
              break;
            }
            this.apply(this.listMatches(roots[i]));
          }
        }
        this.heuristicsDue = this.options.heuristics;
      }
    }
    if (this.heuristicsDue) this.heuristicsOrWait(spent());
    this.report();
    if (this.pending.size > 0) this.schedule();
  }

  /** Heuristics read layout for the whole page: at most every HEURISTICS_EVERY_MS. */
  private heuristicsOrWait(spent: number): void {
    const wait = this.lastHeuristics + HEURISTICS_EVERY_MS - performance.now();
    if (wait > 0 || spent > FRAME_BUDGET_MS) {
      if (this.timer === null) {
        this.timer = setTimeout(
          guarded('autoclean:timer', () => {
            this.timer = null;
            this.schedule();
          }),
          Math.max(wait, 16),
        );
      }
      return;
    }
    this.heuristicsDue = false;
    this.lastHeuristics = performance.now();
    timed('heuristics', () => this.heuristics());
  }

  private heuristics(): void {
    // The article may have grown since the last pass.
    this.currentRegion();
    const found = scanBanners(this.doc, this.win, { pageHost: this.win.location.hostname });
    const reasons = new Map(found.map((c) => [c.element, c.reason]));
    // Measured before hiding: a hidden element has no box.
    const overlays = found.filter((c) => this.coversViewport(c.element)).map((c) => c.element);
    const hidden = this.apply([...reasons.keys()], reasons);
    if (overlays.some((el) => hidden.includes(el)) && isScrollLocked(this.doc, this.win)) {
      setScrollUnlock(this.doc, true);
    }
  }

  /** A fixed layer over half the viewport or more: an interstitial. */
  private coversViewport(el: Element): boolean {
    if (this.win.getComputedStyle(el).position !== 'fixed') return false;
    const rect = el.getBoundingClientRect();
    const area = Math.max(1, this.win.innerWidth * this.win.innerHeight);
    return (rect.width * rect.height) / area >= 0.5;
  }

  /**
   * Elements the list rules match under `root`: every rule, or only `only`. The simple
   * attribute rules (most of them) are matched in script, the rest by the browser.
   */
  private listMatches(root: Document | Element, only?: AddedRules): Element[] {
    const splits = only ? [splitSelectors(only.selectors)] : this.splitRules();
    const extended = only ? only.extended : [...this.extended.values()];
    const skip = this.vetoed;
    const rest = [...new Set(splits.flatMap((split) => split.rest))].filter(
      (selector) => !skip.has(selector),
    );
    const found = timed('match-css', () =>
      findListMatches(root, { selectors: rest, extended: [] }),
    );
    const procedural = timed('match-extended', () =>
      findListMatches(root, { selectors: [], extended }),
    );
    const more = timed('match-attributes', () =>
      splits.flatMap((split) => matchAttributes(root, split.attributes, { skip })),
    );
    found.push(...procedural);
    if (more.length === 0) return found;
    return [...new Set([...found, ...more])];
  }

  /**
   * Guard, then mark; `reasons` names heuristic finds, anything else is a list match. List
   * matches the guard refuses also lose their CSS rule.
   */
  private apply(found: Element[], reasons?: Map<Element, string>): Element[] {
    if (found.length === 0) return [];
    const region = this.region ?? this.protect();
    const fresh = found.filter((el) => !el.closest(IGNORE));
    const { hide } = filterHideable(fresh, region);
    const refused = fresh.filter((el) => !isSafeToHide(el, region));
    for (const el of refused) this.refused.add(el);
    if (refused.length > 0 && !reasons) this.veto(refused);
    for (const el of hide) markHidden([el], HIDDEN_ATTR, reasons?.get(el) ?? 'list');
    if (hide.length > 0) markOnce('first-hide');
    return hide;
  }

  private veto(refused: Element[]): void {
    let changed = false;
    for (const el of refused.slice(0, MAX_VETO_CHECKS)) {
      for (const selector of this.selectors) {
        if (this.vetoed.has(selector)) continue;
        try {
          if (!el.matches(selector)) continue;
        } catch {
          continue;
        }
        this.vetoed.add(selector);
        changed = true;
      }
    }
    if (changed) this.renderListStyle();
  }

  private newFeatures(roots: Element[]): PageFeatures {
    const found: PageFeatures = { classes: [], ids: [], hrefs: [] };
    const add = (kind: keyof PageFeatures, value: string | null) => {
      if (!value || this.known[kind].has(value) || this.known[kind].size >= MAX_FEATURES) return;
      this.known[kind].add(value);
      found[kind].push(value);
    };
    for (const root of roots) {
      for (const el of [root, ...root.querySelectorAll('[id], [class], [href]')]) {
        add('ids', el.getAttribute('id'));
        add('hrefs', el.getAttribute('href'));
        // The attribute split in script: walking `classList` costs a browser call per name.
        for (const name of el.getAttribute('class')?.split(CLASS_SEPARATOR) ?? []) {
          add('classes', name);
        }
      }
    }
    return found;
  }

  private report(): void {
    const { hidden, skipped } = this.counts();
    const key = `${hidden}/${skipped}`;
    if (key === this.counted) return;
    this.counted = key;
    this.options.onCount(hidden, skipped);
  }
}

/** The same rule sets, in the same order (the session copy and the background's answer). */
function sameSets(a: PageCosmetics[], b: PageCosmetics[]): boolean {
  const sameList = <T>(x: T[], y: T[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.length === b.length &&
    a.every(
      (set, i) =>
        set.css === b[i].css &&
        sameList(set.selectors, b[i].selectors) &&
        sameList(
          set.extended.map((rule) => rule.id),
          b[i].extended.map((rule) => rule.id),
        ),
    )
  );
}
