/** The hover card of a DATE mention: the resolved day, how it was resolved, and articles on the same day or month. */
import type { ReferenceDate } from '../extract/types';
import type { CorpusIndex } from '../index/corpusIndex';
import type { IndexedSpan } from '../index/queryTypes';
import { articleLines, snippetQuote } from './articleList';
import { plural } from '../util/plural';
import { formatDateValue } from './format';
import { escapeMarkdown } from './markdown';

const REFERENCE_SOURCES: Record<ReferenceDate['source'], string> = {
  caller: 'given for this file',
  dateline: 'from the dateline',
  'front-matter': 'from the front matter',
  'date line': 'from the date line',
  'file name': 'from the date in the file name',
};

const YEAR_SOURCES: Record<NonNullable<ReferenceDate['yearFrom']>, string> = {
  'file name': 'the year from the file name',
  sidecar: 'the year from the date of the first annotation',
  'modified date': 'the year from the date the file was last modified',
};

/** Where the publication date came from, as the card says it ("from the date line, the year from the file name"). */
export function describeReference(reference: ReferenceDate): string {
  const source = REFERENCE_SOURCES[reference.source];
  return reference.yearFrom ? `${source}, ${YEAR_SOURCES[reference.yearFrom]}` : source;
}

/** `corroboration`: a line on how independently the dated event is reported, shown under how the date was resolved. */
export function dateCard(index: CorpusIndex, hit: IndexedSpan, limit = 10, corroboration?: string): string {
  const { span } = hit;
  const blocks: string[] = [];
  if (typeof span.value !== 'string' || span.value === '') {
    blocks.push(`**Date** · “${escapeMarkdown(span.text)}” could not be resolved`);
    if (span.reason) blocks.push(`_${escapeMarkdown(span.reason)}_`);
    return blocks.join('\n\n');
  }
  const formatted = formatDateValue(span.value);
  blocks.push(`**Date** · ${escapeMarkdown(formatted)}`);
  const reference = index.articleInfo(hit.uri)?.reference;
  const writtenInFull = /\b\d{4}\b/.test(span.text);
  const origin = !writtenInFull && reference
    ? `, from the publication date ${escapeMarkdown(reference.iso)} (${describeReference(reference)})`
    : writtenInFull ? ', as written' : '';
  blocks.push(`${escapeMarkdown(span.text)} → ${escapeMarkdown(formatted)}${origin}`);
  if (span.reason) blocks.push(`How: _${escapeMarkdown(span.reason)}_`);
  if (corroboration) blocks.push(corroboration);
  const related = index.relatedDates(hit, { limit });
  // one snippet per card: the sentence with the date in the first article listed
  const quote = snippetQuote(related.sameDay.articles[0] ?? related.sameMonth.articles[0]);
  if (related.sameDay.total) {
    blocks.push(`**Same day** in ${plural(related.sameDay.total, 'other article')}:\n\n${articleLines(related.sameDay.articles).join('\n')}`);
  }
  if (related.sameMonth.total) {
    blocks.push(`**Same month** in ${plural(related.sameMonth.total, 'other article')}:\n\n${articleLines(related.sameMonth.articles).join('\n')}`);
  }
  if (quote) blocks.push(quote);
  return blocks.join('\n\n');
}
