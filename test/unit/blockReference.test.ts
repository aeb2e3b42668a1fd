import { strict as assert } from 'node:assert';
import { extract, type Span } from '../../src/core/extract';
import { blockReference, extractBlock, HEAD_CHARS } from '../../src/vscode/perf/blockReference';
import { LiveBlocks } from '../../src/vscode/perf/liveBlocks';

/** Past the large-document size (256 KB), so the editor analyses it block by block. */
const LARGE = 256 * 1024;

const head = 'NATO leaders meet in The Hague\nTuesday, November 25\n\nThe ministers met on Monday and will meet again on Thursday.\n\n';
const paragraph = 'Later the defence ministers met in Brussels on Wednesday, officials said.\n\n';

function bigArticle(): string {
  const parts = [head];
  while (parts.length * paragraph.length < LARGE + 1000) parts.push(paragraph);
  return parts.join('');
}

/** The DATE spans of a long text extracted block by block with the reference the editor would choose. */
function datesByBlock(text: string, file: { name?: string; modified?: string }, published?: string): { reference?: string; dates: Span[] } {
  const live = new LiveBlocks(text);
  assert.ok(live.blocks.length > 100, 'the text is split into many blocks');
  const reference = blockReference(live.head(HEAD_CHARS), published, file);
  for (const block of live.blocks) {
    block.spans = extractBlock(block.text, { detector: undefined, registry: undefined, published: reference?.iso ?? null });
  }
  return { reference: reference?.iso, dates: live.spans().filter((s) => s.type === 'DATE') };
}

const weekdayValues = (spans: Span[], text: string): string[] =>
  spans.filter((s) => /day\b/.test(text.slice(s.start, s.end))).map((s) => `${text.slice(s.start, s.end)}=${String(s.value)}`);

describe('reference date of a long document analysed block by block', () => {
  it('completes a date line without a year from an ISO date in the file name, as for a short article', () => {
    const text = bigArticle();
    assert.ok(text.length > LARGE);
    const file = { name: '/articles/2025-11-25-nato-summit.txt' };
    const small = extract(head, { file });
    assert.deepEqual(small.reference, { iso: '2025-11-25', source: 'date line', yearFrom: 'file name', start: 31, end: 51 });

    const big = datesByBlock(text, file);
    assert.equal(big.reference, '2025-11-25');
    // the weekdays of the first paragraph resolve as in the short article
    const smallWeekdays = weekdayValues(small.spans.filter((s) => s.type === 'DATE'), head);
    assert.deepEqual(smallWeekdays, ['Tuesday, November 25=2025-11-25', 'Monday=2025-11-24', 'Thursday=2025-11-27']);
    assert.deepEqual(weekdayValues(big.dates.filter((s) => s.end <= head.length), text), smallWeekdays);
    // and every later "Wednesday" takes the value it has in a short article of the head and that paragraph
    const short = extract(head + paragraph, { file }).spans.find((s) => s.text === 'Wednesday');
    assert.match(String(short?.value), /^2025-11-\d\d$/);
    const later = big.dates.filter((s) => s.start >= head.length);
    assert.ok(later.every((s) => s.text === 'Wednesday'));
    assert.ok(later.length > 1000);
    assert.deepEqual([...new Set(later.map((s) => s.value))], [short?.value]);
  });

  it('leaves the weekdays unresolved without any hint, as a short article does', () => {
    const big = datesByBlock(bigArticle(), {});
    assert.equal(big.reference, undefined);
    assert.ok(big.dates.filter((s) => /day$/.test(s.text)).every((s) => s.value === null));
  });

  it('takes the year from the modification day when the file name has none', () => {
    const big = datesByBlock(bigArticle(), { name: '/articles/nato-summit.txt', modified: '2026-01-10' });
    assert.equal(big.reference, '2025-11-25');
  });

  it('lets a publication date recorded in the sidecar win over the head and the file name', () => {
    const big = datesByBlock(bigArticle(), { name: '/articles/2025-11-25-nato-summit.txt' }, '2024-06-03');
    assert.equal(big.reference, '2024-06-03');
    assert.equal(big.dates.find((s) => s.text === 'Monday')?.value, '2024-06-03');
  });

  it('falls back to an ISO date in the file name when the head has no date line', () => {
    const text = bigArticle().replace('Tuesday, November 25\n', '');
    assert.equal(blockReference(new LiveBlocks(text).head(HEAD_CHARS), undefined, { name: 'nato_20251125.md' })?.source, 'file name');
    assert.equal(datesByBlock(text, { name: 'nato_20251125.md' }).reference, '2025-11-25');
  });
});
