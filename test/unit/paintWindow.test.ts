import { strict as assert } from 'node:assert';
import { coversScreen, paintWindow, REPAINT_SLACK_LINES, VISIBLE_MARGIN_LINES } from '../../src/vscode/features/paintWindow';

const LAST_LINE = 20_000;

describe('paint window (long documents)', () => {
  it('centres a first window on the screen, within the document', () => {
    assert.deepEqual(paintWindow(undefined, 1000, 1040, LAST_LINE), { first: 1000 - VISIBLE_MARGIN_LINES, last: 1040 + VISIBLE_MARGIN_LINES });
    assert.deepEqual(paintWindow(undefined, 10, 50, LAST_LINE), { first: 0, last: 50 + VISIBLE_MARGIN_LINES });
    assert.deepEqual(paintWindow(undefined, LAST_LINE - 30, LAST_LINE, LAST_LINE), { first: LAST_LINE - 30 - VISIBLE_MARGIN_LINES, last: LAST_LINE });
  });

  it('keeps its window through small scrolls, so its edges and what it sends stay the same', () => {
    const first = paintWindow(undefined, 1000, 1040, LAST_LINE);
    for (const shift of [2, 4, -3, VISIBLE_MARGIN_LINES - REPAINT_SLACK_LINES]) {
      assert.deepEqual(paintWindow(first, 1000 + shift, 1040 + shift, LAST_LINE), first, `a scroll of ${shift} lines`);
    }
  });

  it('moves with the screen once fewer than the slack lines are left painted past an edge', () => {
    const first = paintWindow(undefined, 1000, 1040, LAST_LINE);
    const shift = VISIBLE_MARGIN_LINES - REPAINT_SLACK_LINES + 1;
    assert.deepEqual(paintWindow(first, 1000 + shift, 1040 + shift, LAST_LINE), { first: 1000 + shift - VISIBLE_MARGIN_LINES, last: 1040 + shift + VISIBLE_MARGIN_LINES });
    assert.deepEqual(paintWindow(first, 1000 - shift, 1040 - shift, LAST_LINE), { first: 1000 - shift - VISIBLE_MARGIN_LINES, last: 1040 - shift + VISIBLE_MARGIN_LINES });
  });

  it('counts the document ends as covered, and never reaches past a document that shrank', () => {
    const atTop = paintWindow(undefined, 0, 40, LAST_LINE);
    assert.ok(coversScreen(atTop, 0, 40, LAST_LINE));
    const atEnd = paintWindow(undefined, LAST_LINE - 40, LAST_LINE, LAST_LINE);
    assert.deepEqual(paintWindow(atEnd, LAST_LINE - 45, LAST_LINE - 5, LAST_LINE - 5), { first: atEnd.first, last: LAST_LINE - 5 });
  });
});
