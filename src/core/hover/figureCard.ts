/** The hover card of a MONEY / PERCENT / QUANTITY mention: its value, what it measures, and how other articles compare. */
import type { CorpusIndex } from '../index/corpusIndex';
import { decodeClaim } from '../index/measure';
import type { IndexedSpan } from '../index/queryTypes';
import { articleLines, snippetQuote } from './articleList';
import { counted, plural } from '../util/plural';
import { formatFigureValue, TYPE_LABELS } from './format';
import { escapeMarkdown } from './markdown';

/** `corroboration`: a line on how independently the figure is reported, shown under what it measures. */
export function figureCard(index: CorpusIndex, hit: IndexedSpan, limit = 10, corroboration?: string): string {
  const { span } = hit;
  const value = formatFigureValue(span);
  const blocks: string[] = [];
  blocks.push(`**${TYPE_LABELS[span.type]}** · ${escapeMarkdown(value ?? span.text)}`);
  const related = index.relatedFigures(hit, { limit });
  const claim = decodeClaim(related.measure);
  const what = [claim.measure, claim.base ? `${span.type === 'PERCENT' ? '% of' : 'share of'} ${claim.base}` : undefined].filter(Boolean).join(', ');
  const measures = what ? ` — measures: ${escapeMarkdown(what)}` : '';
  blocks.push(`“${escapeMarkdown(span.text)}”${measures}${value ? '' : ' (no exact value)'}`);
  // the claim's other fields, when the sentence states them: who it is about, the period, target or actual
  const fields = [
    claim.subject ? `about: ${escapeMarkdown(claim.subject)}` : undefined,
    claim.period ? `period: ${escapeMarkdown(claim.period)}` : undefined,
    claim.kind ? `kind: ${claim.kind}` : undefined,
  ].filter(Boolean);
  if (fields.length) blocks.push(fields.join(' · '));
  if (span.reason) blocks.push(`_${escapeMarkdown(span.reason)}_`);
  if (corroboration) blocks.push(corroboration);
  let quote: string | undefined;
  if (related.same.total) {
    blocks.push(`**Same figure** in ${plural(related.same.total, 'other article')}:\n\n${articleLines(related.same.articles).join('\n')}`);
    // one snippet per card: the sentence that gives the figure in the first article listed
    quote ??= snippetQuote(related.same.articles[0]);
  }
  if (related.conflictTotal) {
    const lines = articleLines(related.conflicts, (article) => {
      const conflict = related.conflicts.find((c) => c.uri === article.uri)!;
      return `says **${escapeMarkdown(conflict.text)}**`;
    });
    blocks.push(`⚠ **Possible conflicts** — ${counted(related.conflictTotal, 'other article', 'gives')} a different figure:\n\n${lines.join('\n')}`);
    quote ??= snippetQuote(related.conflicts[0]);
  }
  if (quote) blocks.push(quote);
  return blocks.join('\n\n');
}
