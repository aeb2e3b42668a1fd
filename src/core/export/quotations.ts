/**
 * The article's quotations (the quote ledger: quoted words and their speakers) as they go into the
 * annotation exports, beside the analyst's annotations and never mixed with them: a section of the
 * Markdown report, rows of kind "quotation" in the CSV, annotations with the motivation "quoting" and an id
 * of their own in the W3C export (which the importer leaves out: they are found again, not the analyst's work).
 */
import type { QuoteRecord } from '../analysis/quotes/quoteLedger';

/** One quotation of an exported article; offsets into its text, UTF-16, end exclusive. */
export type ExportQuote = Omit<QuoteRecord, 'file'>;

/** Ids of exported quotations start with this; the importer skips them. */
export const QUOTATION_ID_PREFIX = 'urn:source-annotator:quotation:';

/** "Mark Rutte", or "an unnamed speaker" (with the words the attribution rests on, when the text has them). */
export function speakerLabel(quote: ExportQuote, text?: string): string {
  if (quote.speaker) return quote.speaker;
  const cue = text !== undefined && quote.cueStart !== null && quote.cueEnd !== null ? text.slice(quote.cueStart, quote.cueEnd).replace(/\s+/gu, ' ').trim() : '';
  return cue ? `unnamed speaker (“${cue}”)` : 'unnamed speaker';
}

/** The sentence a body carries: "Said by Mark Rutte." */
export function saidBy(quote: ExportQuote, text?: string): string {
  return `Said by ${speakerLabel(quote, text)}.`;
}
