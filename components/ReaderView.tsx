import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExtractedArticle, KeyPoint } from '@/lib/article';
import type { Translate, UiLanguage } from '@/lib/i18n';
import { formatPublished, hostnameOf } from '@/lib/reader/format';
import { highlightText } from '@/lib/reader/highlight';
import { speechLanguage } from '@/lib/reader/read-aloud';
import { safeImageUrl, safeLinkUrl, sanitizeArticleHtml } from '@/lib/sanitize';
import { extractFacts, summarize, summaryStats, type Fact } from '@/lib/summary';
import type { Settings } from '@/lib/settings/schema';
import { BrandBar } from './BrandBar';
import { MergingPagesNote, MultiPageNote } from './MultiPageNote';
import { ReadAloudControls } from './ReadAloudControls';
import { SummarySidebar } from './SummarySidebar';

interface ReaderViewProps {
  article: ExtractedArticle;
  /** The article's other pages are being read: this is the open page alone for now. */
  mergingPages?: boolean;
  summarySettings: Settings['summary'];
  t: Translate;
  language: UiLanguage;
  /** Present in the popup only. */
  onOpenFullTab?: () => void;
  /** Auto-clean's bar for the page behind the popup. */
  pageControls?: ComponentChildren;
}

export function ReaderView({
  article,
  mergingPages = false,
  summarySettings,
  t,
  language,
  onOpenFullTab,
  pageControls,
}: ReaderViewProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const articleRef = useRef<HTMLElement>(null);
  const [activePoint, setActivePoint] = useState<number | null>(null);
  const [activeFact, setActiveFact] = useState<string | null>(null);
  const html = useMemo(() => sanitizeArticleHtml(article.content, window), [article.content]);
  const stats = useMemo(() => summaryStats(article), [article]);
  const digest = useDigest(article, summarySettings);
  // Page-supplied URLs outside the sanitized body: http(s) (or a raster data: image) only.
  const leadImageSrc = safeImageUrl(article.leadImage?.src);
  const originalUrl = safeLinkUrl(article.url);
  const showLeadImage = leadImageSrc !== null && !htmlHasImage(html, leadImageSrc);
  const published = formatPublished(article.publishedTime, language);
  const site = article.siteName ?? hostnameOf(article.url);

  const jumpTo = (point: KeyPoint, index: number) => {
    const body = bodyRef.current;
    if (!body) return;
    const mark = highlightText(body, point.text);
    setActivePoint(index);
    setActiveFact(null);
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const showText = (text: string) => {
    const body = bodyRef.current;
    if (!body) return;
    const mark = highlightText(body, text);
    setActivePoint(null);
    setActiveFact(mark ? text : null);
    mark?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <div class="reader-shell">
      <BrandBar t={t}>
        <ReadAloudControls
          title={article.title}
          paragraphs={article.paragraphs}
          language={speechLanguage(article.lang, stats.lang)}
          articleRef={articleRef}
          t={t}
        />
        {originalUrl && (
          <a class="button ghost" href={originalUrl} target="_blank" rel="noopener noreferrer">
            {t('openOriginal')}
          </a>
        )}
        {onOpenFullTab && (
          <button type="button" class="button" onClick={onOpenFullTab}>
            {t('openFullTab')}
          </button>
        )}
      </BrandBar>
      {pageControls}
      <div class={summarySettings.enabled ? 'reader-columns' : 'reader-columns single'}>
        {/* Focusable: in the popup it is the scroller, and arrow keys must reach it. */}
        <main class="reader-main" aria-label={t('readerLabel')} tabIndex={0}>
          <article
            ref={articleRef}
            class="reader-article"
            aria-busy={mergingPages ? 'true' : undefined}
            lang={article.lang ?? undefined}
            dir={textDirection(article.dir)}
          >
            <header class="article-header">
              <p class="article-site">{site}</p>
              <h1 class="article-title" elementtiming="reader-article">
                {article.title}
              </h1>
              <p class="article-meta">
                {article.byline && (
                  <span class="article-byline">{t('byline', { name: article.byline })}</span>
                )}
                {published && (
                  <time class="article-date" dateTime={article.publishedTime ?? undefined}>
                    {published}
                  </time>
                )}
              </p>
              {mergingPages ? (
                <MergingPagesNote t={t} />
              ) : (
                article.pages && <MultiPageNote pages={article.pages} t={t} />
              )}
            </header>
            {showLeadImage && article.leadImage && (
              <figure class="lead-image">
                <img src={leadImageSrc} alt={article.leadImage.alt} />
                {article.leadImage.caption && <figcaption>{article.leadImage.caption}</figcaption>}
              </figure>
            )}
            <div class="article-body" ref={bodyRef} dangerouslySetInnerHTML={{ __html: html }} />
          </article>
        </main>
        {summarySettings.enabled && (
          <SummarySidebar
            stats={stats}
            keyPoints={digest?.keyPoints ?? null}
            showReadingTime={summarySettings.showReadingTime}
            t={t}
            activePoint={activePoint}
            onSelect={jumpTo}
            facts={digest?.facts ?? null}
            activeFact={activeFact}
            onSelectText={showText}
            builtInSummary={
              summarySettings.useBuiltInSummarizer
                ? { paragraphs: article.paragraphs, title: article.title, lang: stats.lang }
                : undefined
            }
          />
        )}
      </div>
    </div>
  );
}

interface Digest {
  keyPoints: KeyPoint[];
  facts: Fact[];
}

/**
 * Key points and key facts, worked out once the article has painted (Preact runs effects after
 * the next frame): the reader reads the article while the sidebar fills in. Null until then;
 * a new article keeps the last digest on screen until its own is ready.
 */
function useDigest(article: ExtractedArticle, settings: Settings['summary']): Digest | null {
  const [digest, setDigest] = useState<Digest | null>(null);
  useEffect(() => {
    if (!settings.enabled) return;
    const { keyPoints } = summarize(article, { count: settings.keyPoints || undefined });
    setDigest({ keyPoints, facts: extractFacts(article.paragraphs) });
  }, [article, settings.enabled, settings.keyPoints]);
  return digest;
}

function textDirection(dir: string | null): 'ltr' | 'rtl' | 'auto' | undefined {
  return dir === 'ltr' || dir === 'rtl' || dir === 'auto' ? dir : undefined;
}

/** Parsed in an inert document (no innerHTML, so nothing loads and Firefox's linter agrees). */
function htmlHasImage(html: string, src: string): boolean {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const resolve = (url: string) => {
    try {
      return new URL(url, document.baseURI).href;
    } catch {
      return null;
    }
  };
  const wanted = resolve(src);
  return Array.from(parsed.querySelectorAll('img')).some(
    (img) => resolve(img.getAttribute('src') ?? '') === wanted,
  );
}
