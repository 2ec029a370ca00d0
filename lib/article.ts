/** What extraction produces, in the page or from the command line. */
export interface ExtractedArticle {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when it could be parsed, else the raw text, else null. */
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  leadImage: { src: string; alt: string; caption: string | null } | null;
  /** Article HTML before sanitizing: the reader sanitizes before it enters the DOM. */
  content: string;
  textContent: string;
  /** Paragraph texts in article order, for the summarizer. */
  paragraphs: string[];
  wordCount: number;
  readerable: boolean;
  /** Set when the article has more than one page (see lib/page/multi-page.ts). */
  pages?: MultiPageInfo;
}

/** How much of a multi-page article the content holds. */
export interface MultiPageInfo {
  /** Pages whose text is in the content (1 when only the open page could be read). */
  merged: number;
  /** Pages the article has, as far as its page links tell. */
  total: number;
  /** Some page could not be loaded in time: its text (and any after it) is missing. */
  failed: boolean;
}

export interface KeyPoint {
  text: string;
  /** Index of the sentence in the article's sentence list. */
  sentenceIndex: number;
  /** Index of the paragraph that holds it. */
  paragraphIndex: number;
}

export interface ArticleSummary {
  keyPoints: KeyPoint[];
  wordCount: number;
  readingMinutes: number;
  lang: 'id' | 'en';
}
