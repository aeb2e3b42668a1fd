import { strict as assert } from 'node:assert';
import type { TimelineEntry } from '../../src/core/analysis/timeline/timeline';
import { entriesOf, inTaggedParagraphs, timelineGroups, type TimelineGroup } from '../../src/core/analysis/timeline/timelineGroups';

function entry(date: string, precision: TimelineEntry['precision'], from: string, file = 'file:///a.txt', start = 0): TimelineEntry {
  return { date, precision, file, start, end: start + 4, text: date, sentence: '', entities: [], entityKeys: [], from, to: from, publication: false, headline: '' };
}

// in date order, as the memo gives them: first day, then the finer precision first
const entries = [
  entry('1999', 'year', '1999-01-01'),
  entry('2025-12-03', 'day', '2025-12-03'),
  entry('2025-12', 'month', '2025-12-01'),
  entry('2026-W07', 'week', '2026-02-09'),
  entry('2026-02-12', 'day', '2026-02-12'),
  entry('2026-02-12', 'day', '2026-02-12', 'file:///b.txt'),
  entry('2026-02-13', 'day', '2026-02-13'),
  entry('2026', 'year', '2026-01-01'),
].sort((a, b) => a.from.localeCompare(b.from));

const shape = (groups: readonly TimelineGroup[]): unknown => groups.map((g) => (g.groups ? { [g.label]: shape(g.groups) } : `${g.label} (${g.entries!.length})`));

describe('timeline groups', () => {
  it('groups by month within years (the default)', () => {
    const groups = timelineGroups(entries);
    assert.deepEqual(shape(groups), [
      { 1999: ['1999 · the whole year (1)'] },
      { 2025: ['December 2025 (2)'] },
      { 2026: ['2026 · the whole year (1)', 'February 2026 (4)'] },
    ]);
    assert.equal(groups[2].count, 5);
  });

  it('groups by day, giving a week or a month its own group among the days', () => {
    assert.deepEqual(shape(timelineGroups(entries, 'day')), [
      { 1999: ['1999 · the whole year (1)'] },
      { 2025: [{ 'December 2025': ['2025-12 · the whole month (1)', 'Wednesday 3 December 2025 (1)'] }] },
      { 2026: ['2026 · the whole year (1)', { 'February 2026': ['2026-W07 · the week (1)', 'Thursday 12 February 2026 (2)', 'Friday 13 February 2026 (1)'] }] },
    ]);
  });

  it('groups by year, and loses no date in any grouping', () => {
    assert.deepEqual(shape(timelineGroups(entries, 'year')), ['1999 (1)', '2025 (2)', '2026 (5)']);
    for (const by of ['day', 'month', 'year'] as const) assert.deepEqual(entriesOf(timelineGroups(entries, by)), entries, by);
  });

  it('keeps the dates in the paragraphs of tagged passages', () => {
    const text = 'Headline\n\nTalks began on 3 December 2025 in Geneva. They stalled.\n\nA second round is set for 12 February 2026.\n';
    const first = entry('2025-12-03', 'day', '2025-12-03', 'file:///a.txt', text.indexOf('3 December'));
    const second = entry('2026-02-12', 'day', '2026-02-12', 'file:///a.txt', text.indexOf('12 February'));
    const other = entry('2026-02-12', 'day', '2026-02-12', 'file:///b.txt', 0);
    // the analyst tagged "They stalled." only: the date of its paragraph is kept, the next paragraph's is not
    const kept = inTaggedParagraphs([first, second, other], [{ uri: 'file:///a.txt', start: text.indexOf('They'), end: text.indexOf('stalled.') + 8 }], () => text);
    assert.deepEqual(kept, [first]);
  });
});
