import { type Credit, takeCredits } from '../credits';
import { removeAdSlots } from './ad-slots';
import { removeBanners } from './banners';
import { removeDatelines } from './datelines';
import { removeEmptyBlocks } from './empty';
import { removeFooters } from './footers';
import { removeReadAlsoLinks } from './inline-links';
import { removeKickers } from './kickers';
import { removeNewsletterBoxes } from './newsletter';
import { removeTeasers } from './teasers';
import { removeTitleRepeats } from './title-repeat';
import {
  removeCallouts,
  removeForms,
  removeLabelledLists,
  removeNamedLists,
  removeShareBars,
  removeWidgetLabels,
} from './furniture';
import { findCaptions } from '../captions';
import { findStoryBlock } from '../story-block';

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
  removeNewsletterBoxes,
  removeWidgetLabels,
];

/**
 * Before Readability, on a clone of the whole page: only "Baca juga" links, which sit inside the
 * story's container and would tip Readability toward a wider or a different one (their link text
 * counts against the container). The other rules wait for the article: on the whole page they
 * cost more than Readability itself and change nothing it picks (measured on the corpora).
 */
export function cleanPage(root: Element): void {
  removeReadAlsoLinks(root);
}

export interface ArticleCleanup {
  /** Dates of the date lines taken out (ISO 8601). */
  dates: string[];
  /** Penulis/Editor lines taken out. */
  credits: Credit[];
  /** The block holding the story's prose (see findStoryBlock). */
  story: Element;
}

/**
 * After Readability, on the article content: the same rules; teasers beside the story block;
 * then date and credit lines (kept for the metadata); then labels and the headline above the story.
 */
export function cleanArticle(root: Element, title = ''): ArticleCleanup {
  for (const rule of RULES) rule(root);
  const story = findStoryBlock(root, findCaptions(root));
  if (story !== root) removeTeasers(root, story);
  const credits = takeCredits(root);
  const dates = removeDatelines(root);
  if (story !== root && root.contains(story)) {
    removeTitleRepeats(root, story, title);
    removeKickers(root, story);
  }
  removeEmptyBlocks(root);
  return { dates, credits, story: root.contains(story) ? story : root };
}
