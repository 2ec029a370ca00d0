/**
 * summarize() on a ~1,500-word Indonesian article: whole IndoSum articles joined until the text
 * reaches the length (as scripts/bench-summary.ts does), median of many runs after a warm-up.
 */
import { readFileSync } from 'node:fs';
import { countWords, summarize } from '@/lib/summary';
import { median, quantile, time } from './stats';

export interface SummaryTiming {
  words: number;
  paragraphs: number;
  keyPoints: number;
  runs: number;
  medianMs: number;
  p90Ms: number;
}

export function measureSummary(file: string, targetWords = 1500, runs = 40): SummaryTiming {
  const paragraphs: string[] = [];
  let words = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (words >= targetWords) break;
    try {
      const doc = JSON.parse(line) as { paragraphs: string[][][] };
      for (const paragraph of doc.paragraphs) {
        const text = paragraph.map((sentence) => sentence.join(' ')).join(' ');
        paragraphs.push(text);
        words += countWords(text);
      }
    } catch {
      // A blank or broken line.
    }
  }
  if (paragraphs.length === 0) throw new Error(`no articles in ${file}`);
  const input = { paragraphs };
  for (let i = 0; i < 5; i += 1) summarize(input);
  const times = Array.from({ length: runs }, () => time(() => summarize(input)));
  return {
    words,
    paragraphs: paragraphs.length,
    keyPoints: summarize(input).keyPoints.length,
    runs,
    medianMs: median(times),
    p90Ms: quantile(times, 0.9),
  };
}
