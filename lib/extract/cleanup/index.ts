import { type Credit, takeCredits } from '../credits';
import { removeAdSlots } from './ad-slots';
import { removeBanners } from './banners';
import { removeDatelines } from './datelines';
import { removeEmptyBlocks } from './empty';
import { removeFooters } from './footers';
import { removeReadAlsoLinks } from './inline-links';
import {
  removeCallouts,
  removeForms,
  removeLabelledLists,
  removeNamedLists,
  removeShareBars,
  removeWidgetLabels,
} from './furniture';

export type CleanupRule = (root: Element) => number;

/** Rules for clutter that Readability keeps on Indonesian news pages, in the order they run. */
export const RULES: CleanupRule[] = [
  removeAdSlots,
  removeBanners,
  removeShareBars,
  removeCallouts,
  removeReadAlsoLinks,
  removeLabelledLists,
  removeNamedLists,
  removeFooters,
  removeForms,
  removeWidgetLabels,
];

/**
 * Rules run on the whole page before Readability: only clutter that is never story. Lists and
 * forms wait for the article: taking a "Baca Juga" box, a related list or a comment form out of
 * the story's container can tip Readability toward a wider or a different container.
 */
export const PAGE_RULES: CleanupRule[] = [
  removeAdSlots,
  removeBanners,
  removeShareBars,
  removeCallouts,
  removeReadAlsoLinks,
  removeFooters,
  removeWidgetLabels,
];

/** Before Readability, on a clone of the whole page. */
export function cleanPage(root: Element): void {
  for (const rule of PAGE_RULES) rule(root);
}

export interface ArticleCleanup {
  /** Dates of the date lines taken out (ISO 8601). */
  dates: string[];
  /** Penulis/Editor lines taken out. */
  credits: Credit[];
}

/** After Readability, on the article content: the same rules, then date and credit lines. */
export function cleanArticle(root: Element): ArticleCleanup {
  for (const rule of RULES) rule(root);
  const credits = takeCredits(root);
  const dates = removeDatelines(root);
  removeEmptyBlocks(root);
  return { dates, credits };
}
