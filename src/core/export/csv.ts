/**
 * CSV export, one row per annotation and then one per quotation of the exported articles (`kind` tells them
 * apart; a quotation's `quote` is the quoted words, `speaker` who says them, its tags and note empty), RFC 4180 (CRLF line ends, fields quoted when needed, quotes
 * doubled). Cells that a spreadsheet would run as a formula are defused with a leading apostrophe.
 */
import { ArticleAnnotations } from './articleAnnotations';
import { speakerLabel } from './quotations';

export const CSV_COLUMNS = ['article', 'quote', 'tags', 'note', 'author', 'created', 'modified', 'start', 'end', 'kind', 'speaker'] as const;

/** Leading characters that make Excel, LibreOffice or Sheets evaluate a cell (tab and CR included). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/** One CSV cell: formula-guarded, then quoted if it holds a comma, quote or line break. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (typeof value === 'string' && FORMULA_TRIGGERS.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** U+FEFF, written first so that Excel reads the file as UTF-8 (curly quotes, accents) and not as ANSI. */
export const BYTE_ORDER_MARK = '\ufeff';

/**
 * The CSV document for the given articles, header first. Tags are joined with "; ". It starts with a
 * UTF-8 byte-order mark unless `byteOrderMark: false` (for tools that take the mark for part of the header).
 */
export function annotationsToCsv(items: readonly ArticleAnnotations[], options: { byteOrderMark?: boolean } = {}): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const { article, sidecar } of items) {
    for (const annotation of sidecar.annotations) {
      rows.push([
        article, annotation.target.exact, annotation.tags.join('; '), annotation.note, annotation.author,
        annotation.created, annotation.modified, annotation.target.start, annotation.target.end, 'annotation', undefined,
      ].map(csvCell).join(','));
    }
  }
  for (const { article, quotes, text } of items) {
    for (const q of quotes ?? []) {
      rows.push([article, q.text, undefined, undefined, undefined, undefined, undefined, q.start, q.end, 'quotation', speakerLabel(q, text)].map(csvCell).join(','));
    }
  }
  return (options.byteOrderMark === false ? '' : BYTE_ORDER_MARK) + rows.join('\r\n') + '\r\n';
}
