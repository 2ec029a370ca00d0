/**
 * Which ground-truth article text the reader lost to our hiding: 4-token shingles of the
 * expected text that are visible once our stylesheets are off but nowhere visible with them on.
 * Text the page never shows (ground-truth mismatches, lazy content) is not our loss and does not
 * count.
 */
import type { GuardSnapshot } from './guard-snapshot';

const SHINGLE = 4;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function shingles(words: string[]): Set<string> {
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i += 1) {
    out.add(words.slice(i, i + SHINGLE).join(' '));
  }
  return out;
}

export interface LostRun {
  /** The lost words, in ground-truth order. */
  text: string;
  words: number;
  /** What hid it (from the hidden element that holds the run), or `unknown`. */
  causes: string[];
}

export interface LossReport {
  /** Ground-truth shingles visible without our hiding. */
  shown: number;
  /** Ground-truth words whose every shown shingle our hiding took away. */
  lostWords: number;
  runs: LostRun[];
  headlineLost: boolean;
  leadImageLost: boolean;
  /** Causes of a lost headline or lead image. */
  otherCauses: string[];
}

/**
 * Ground-truth words the reader lost: every shingle around the word that the page shows
 * without our hiding is gone with it. A shingle that only crosses into hidden text (an ad label
 * the expected text happens to include) does not take the words beside it along.
 */
function lostRuns(
  words: string[],
  shown: Set<string>,
  lost: Set<string>,
): { start: number; end: number }[] {
  const gone = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i += 1) {
    let seen = 0;
    let missing = 0;
    for (let j = Math.max(0, i - SHINGLE + 1); j <= i && j + SHINGLE <= words.length; j += 1) {
      const shingle = words.slice(j, j + SHINGLE).join(' ');
      if (!shown.has(shingle)) continue;
      seen += 1;
      if (lost.has(shingle)) missing += 1;
    }
    gone[i] = seen > 0 && missing === seen;
  }
  const runs: { start: number; end: number }[] = [];
  for (let i = 0; i < words.length; i += 1) {
    if (!gone[i]) continue;
    const start = i;
    while (i < words.length && gone[i]) i += 1;
    runs.push({ start, end: i });
  }
  return runs;
}

function contains(haystack: string[], needle: string[]): boolean {
  const text = ` ${haystack.join(' ')} `;
  return text.includes(` ${needle.join(' ')} `);
}

export function measureLoss(
  snapshot: GuardSnapshot,
  truth: { articleBody?: string; title?: string },
): LossReport {
  const words = tokens(truth.articleBody ?? '');
  const expected = shingles(words);
  const withHiding = shingles(tokens(snapshot.withHiding));
  const without = shingles(tokens(snapshot.without));
  const shown = new Set<string>();
  const lost = new Set<string>();
  for (const shingle of expected) {
    if (!without.has(shingle)) continue;
    shown.add(shingle);
    if (!withHiding.has(shingle)) lost.add(shingle);
  }
  const blocks = snapshot.hidden.map((block) => ({ ...block, words: tokens(block.text) }));
  /** Hidden elements holding any 4-word window of the run. */
  const causesOf = (run: string[]) => {
    const probes = [...shingles(run)].slice(0, 40).map((probe) => probe.split(' '));
    const holding = blocks.filter((b) => probes.some((probe) => contains(b.words, probe)));
    return [...new Set(holding.map((b) => b.cause))];
  };
  const runs = lostRuns(words, shown, lost).map(({ start, end }) => {
    const run = words.slice(start, end);
    const causes = causesOf(run);
    return { text: run.join(' '), words: run.length, causes: causes.length ? causes : ['unknown'] };
  });

  // Headline: the expected title's words, or an <h1> sharing most of them.
  const title = tokens(truth.title ?? '');
  const titleSeen = (text: string) => title.length > 0 && contains(tokens(text), title);
  const titleWords = new Set(title);
  const h1Lost = snapshot.headlines.filter((h) => {
    if (!h.without || h.withHiding) return false;
    const hw = tokens(h.text);
    return hw.length > 0 && hw.filter((w) => titleWords.has(w)).length >= hw.length * 0.6;
  });
  const headlineLost =
    (titleSeen(snapshot.without) && !titleSeen(snapshot.withHiding)) || h1Lost.length > 0;
  const leadImageLost =
    snapshot.leadImages.some((img) => img.without) &&
    !snapshot.leadImages.some((img) => img.withHiding);
  const otherCauses: string[] = [];
  if (headlineLost) {
    const probe = h1Lost.length ? tokens(h1Lost[0].text) : title;
    otherCauses.push(...causesOf(probe).map((cause) => `headline ← ${cause}`));
  }
  if (leadImageLost) otherCauses.push('lead image hidden');
  const lostWords = runs.reduce((sum, run) => sum + run.words, 0);
  return { shown: shown.size, lostWords, runs, headlineLost, leadImageLost, otherCauses };
}

export function losesArticle(report: LossReport): boolean {
  return report.lostWords > 0 || report.headlineLost || report.leadImageLost;
}
