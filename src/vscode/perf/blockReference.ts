/**
 * The reference date of a long document analysed block by block, and the extraction of one block with it.
 * A block has no dateline of its own, so the date every block resolves against is chosen once, from the
 * document's head and what is known of its file, by the same chain a short article goes through
 * (`findPublicationDate`): a sidecar date, a dateline, a date line without a year completed from the file
 * name, the sidecar or the modification day, an ISO date in the file name. Free of `vscode`, so unit tests
 * run it as the editor does.
 */
import { extract, type ArticleFileHints, type EntityRegistry, type NameDetector, type ReferenceDate, type Span } from '../../core/extract';
import { findPublicationDate } from '../../core/extract/dates';

/** The publication date is looked for in the document's head only, as a dateline would be. */
export const HEAD_CHARS = 16384;

/**
 * `published` is a date recorded outside the text (the sidecar), which wins; else the head's dateline or
 * date line, completed by the file hints; else an ISO date in the file name.
 */
export function blockReference(head: string, published: string | undefined, file: ArticleFileHints | undefined): ReferenceDate | undefined {
  if (published && /^\d{4}-\d{2}-\d{2}$/.test(published)) return { iso: published, source: 'caller' };
  return findPublicationDate(head, file);
}

/** Whether two reference dates would resolve a document's dates alike and be described alike on its cards. */
export function sameReference(a: ReferenceDate | undefined, b: ReferenceDate | undefined): boolean {
  return a?.iso === b?.iso && a?.source === b?.source && a?.yearFrom === b?.yearFrom;
}

export interface BlockExtraction {
  detector: NameDetector | undefined;
  registry: EntityRegistry | undefined;
  /** The document's reference date (`blockReference`), or null: a block never looks for a dateline of its own. */
  published: string | null;
}

/** The spans of one block, with block-relative offsets. */
export function extractBlock(text: string, { detector, registry, published }: BlockExtraction): Span[] {
  return extract(text, { nameDetector: detector, registry, published }).spans;
}
