import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { PaintedRanges, type OffsetEdit } from '../../src/vscode/features/paintedRanges';

describe('PaintedRanges', () => {
  it('knows nothing before the first paint, then exactly what was sent', () => {
    const painted = new PaintedRanges();
    assert.equal(painted.showing([]), false, 'an editor never painted is painted once, even with nothing');
    painted.sentNow([1, 5, 10, 15]);
    assert.equal(painted.showing([1, 5, 10, 15]), true);
    assert.equal(painted.showing([1, 5, 10, 16]), false);
    assert.equal(painted.showing([1, 5]), false);
  });

  it('moves ranges through edits before and between them, and leaves ranges before an edit alone', () => {
    const painted = new PaintedRanges();
    painted.sentNow([1, 5, 10, 15]);
    painted.edited([{ offset: 7, length: 0, insertedLength: 3 }]);
    assert.equal(painted.showing([1, 5, 13, 18]), true);
    painted.edited([{ offset: 0, length: 0, insertedLength: 2 }, { offset: 9, length: 1, insertedLength: 0 }]);
    assert.equal(painted.showing([3, 7, 14, 19]), true, 'a batch of edits, offsets in the text before the batch');
    painted.edited([{ offset: 40, length: 2, insertedLength: 9 }]);
    assert.equal(painted.showing([3, 7, 14, 19]), true);
  });

  it('forgets everything when an edit touches a range, even at its edge', () => {
    for (const edit of [{ offset: 5, length: 0, insertedLength: 1 }, { offset: 0, length: 1, insertedLength: 0 }, { offset: 12, length: 1, insertedLength: 1 }]) {
      const painted = new PaintedRanges();
      painted.sentNow([1, 5, 10, 15]);
      painted.edited([edit]);
      assert.equal(painted.showing([1, 5, 10, 15]), false, JSON.stringify(edit));
      painted.sentNow([2, 6]);
      assert.equal(painted.showing([2, 6]), true, 'known again once sent');
    }
  });

  it('agrees with the text itself under random edits: an untouched range still covers the same characters', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.integer({ min: 0, max: 99 }), { minLength: 0, maxLength: 12 }),
      fc.array(fc.record({ at: fc.integer({ min: 0, max: 100 }), cut: fc.nat({ max: 6 }), insert: fc.nat({ max: 6 }) }), { minLength: 1, maxLength: 3 }),
      (cuts, rawEdits) => {
        // Ranges: consecutive pairs of sorted cut points, empty ones dropped.
        const points = [...cuts].sort((a, b) => a - b);
        const sent: number[] = [];
        for (let i = 0; i + 1 < points.length; i += 2) sent.push(points[i], points[i + 1]);
        // Edits in one batch do not overlap: keep those clear of the ones before them.
        const edits: OffsetEdit[] = [];
        for (const e of rawEdits) {
          const edit = { offset: e.at, length: Math.min(e.cut, 100 - e.at), insertedLength: e.insert };
          if (edits.every((o) => edit.offset + edit.length < o.offset || o.offset + o.length < edit.offset)) edits.push(edit);
        }
        // The text as character ids (-1 for inserted ones), edited from the end so offsets stay valid.
        const ids = Array.from({ length: 100 }, (_, i) => i);
        for (const e of [...edits].sort((a, b) => b.offset - a.offset)) ids.splice(e.offset, e.length, ...new Array<number>(e.insertedLength).fill(-1));
        const touched = edits.some((e) => sent.some((_, i) => i % 2 === 0 && e.offset <= sent[i + 1] && e.offset + e.length >= sent[i]));
        const moved = sent.map((offset, i) => (i % 2 === 0 ? ids.indexOf(offset) : ids.indexOf(offset - 1) + 1));

        const painted = new PaintedRanges();
        painted.sentNow(sent);
        painted.edited(edits);
        assert.equal(painted.showing(moved), !touched);
      },
    ), { numRuns: 500 });
  });
});
