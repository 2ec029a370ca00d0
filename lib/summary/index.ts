export { splitParagraphSentences, splitSentences, type PlacedSentence } from './sentences';
export {
  contentTokens,
  countWords,
  detectLanguage,
  readingMinutes,
  removeStops,
  summaryLanguage,
  tokenize,
  type SummaryLanguage,
} from './tokens';
export {
  DEFAULT_WEIGHTS,
  defaultCount,
  summarize,
  summaryStats,
  type SummaryInput,
  type SummaryOptions,
  type Weights,
} from './summarize';
export {
  DEFAULT_MAX_FACTS,
  DEFAULT_MAX_PER_KIND,
  extractFacts,
  type Fact,
  type FactKind,
  type FactOptions,
} from './facts';
