// Re-anchoring through the text the annotation was made on (the editor's snapshot, git's copy): cases
// where the diff alone once put the annotation on a copy or on more than the annotated words.
import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { reanchor } from '../../src/core/anchor/reanchor';
import { TextHistory } from '../../src/core/anchor/textHistory';

function withHistory(before: string, quote: string, after: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = before.indexOf(quote, start + 1);
  const target = createTarget(before, start, start + quote.length);
  return reanchor(target, after, { history: new TextHistory(after, (hash) => (hash === target.textHash ? before : undefined)) });
}

describe('re-anchoring through the earlier text', () => {
  it('text inserted at the edge of the words, which the diff aligns inside them, stays outside them', () => {
    const before = '© 2026 Thomson/Reuters. All rights reserved.\nThe end.\n';
    const after = `© 2026 in ${before}`;
    const result = withHistory(before, '2026 Thomson/Reuters.', after);
    assert.ok(result.status === 'moved', JSON.stringify(result));
    assert.equal(after.slice(result.start, result.end), '2026 Thomson/Reuters.');
    assert.equal(result.start, after.indexOf('2026 Thomson/Reuters.'));
  });

  const twin = 'The ministers agreed on Monday that the budget would rise by a third over the next two years, and officials said the details would follow.';
  const between = 'Reporters were kept outside the building for most of the afternoon session.';
  const before = `Budget talks.\n${twin}\n${between}\n${twin}\nEnd of report.\n`;

  it('one of two identical paragraphs, with a paragraph moved past the other: an orphan, as either could be the annotated one', () => {
    // The second copy moved above the paragraph between them reads the same as that paragraph moved down.
    const after = `Budget talks.\n${twin}\n${twin}\n${between}\nEnd of report.\n`;
    const result = withHistory(before, 'the budget would rise by a third', after, 1);
    assert.deepEqual(result.status === 'orphan' && result.reason, 'ambiguous');
  });

  it('one of two identical paragraphs, with an edit elsewhere: stays on its own copy', () => {
    const after = `Budget talks, updated.\n${twin}\n${between.replace('most of', 'all of')}\n${twin}\nEnd of report.\n`;
    const result = withHistory(before, 'the budget would rise by a third', after, 1);
    assert.ok(result.status !== 'orphan', JSON.stringify(result));
    assert.equal(result.start, after.lastIndexOf('the budget would rise by a third'));
  });

  it('one of two identical paragraphs, moved past its twin while a near-copy takes its place: an orphan, as the diff may pair them either way', () => {
    const paragraph = 'The other articles in this folder are news reports from February 2026 about NATO and its defence ministers.';
    const middle = '- Click the highlight counter in the status bar to turn kinds of highlight on and off.';
    const earlier = `${paragraph}\n${middle}\n\n${paragraph}\n`;
    // The annotated first paragraph moved to the end, its twin edited, a near-copy pasted at the top:
    // the diff pairs the near-copy with the annotated paragraph and the moved one with its twin.
    const later = `${paragraph.replace('news', 'it;')} ${middle}\n\n${paragraph.replace('reports from', ' in the file')}\n${paragraph}\n`;
    const result = withHistory(earlier, 'news reports', later, 0);
    assert.deepEqual(result.status === 'orphan' && result.reason, 'ambiguous');
  });
});
