/**
 * The quote ledger over the corpus index: every article's quotations with their speakers resolved through
 * the index, so the registry's merges, aliases and type changes apply to speakers as they do to mentions.
 */
import type { CorpusIndex } from '../../index';
import type { NameType } from '../../extract/types';
import type { AttributionKind } from './findQuotes';
import { AnalysisStore } from '../analysisStore';

/** One quotation as the CLI prints it and the views list it. Offsets are UTF-16, end exclusive. */
export interface QuoteRecord {
  file: string;
  /** The quoted words without the quotation marks. */
  start: number;
  end: number;
  text: string;
  /** The speaker's canonical name, or null when the speaker is not named. */
  speaker: string | null;
  speakerType: NameType | null;
  /** The mention of the speaker the attribution rests on (a name, a pronoun, a description), or null. */
  cueStart: number | null;
  cueEnd: number | null;
}

export interface LedgerQuote extends QuoteRecord {
  /** The speaker's entity key in the index, for references and grouping. */
  speakerKey?: string;
  attribution: AttributionKind;
}

/**
 * The quotations of one indexed article, in text order: found when the article was indexed, speakers resolved
 * to the workspace's entities now (see `AnalysisStore`).
 */
export function quotesOfArticle(index: CorpusIndex, uri: string): LedgerQuote[] {
  return AnalysisStore.of(index).quotes(uri);
}

/** The fields of the CLI's JSON line, in the documented order. */
export function quoteLine(q: QuoteRecord): QuoteRecord {
  return { file: q.file, start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerType: q.speakerType, cueStart: q.cueStart, cueEnd: q.cueEnd };
}
