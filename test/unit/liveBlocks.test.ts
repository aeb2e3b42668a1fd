import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LiveBlocks } from '../../src/vscode/perf/liveBlocks';

const limits = { min: 40, max: 160 };
/** Block-relative spans for every "NATO" in `text`, the simplest extractor. */
const natoSpans = (text: string) => [...text.matchAll(/NATO/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + 4, type: 'ORG' as const, text: 'NATO', value: null }));
const paragraph = (n: number) => `Paragraph ${n} names Pete Hegseth and NATO in Brussels.\n\n`;

describe('LiveBlocks', () => {
  it('follows random edits: the blocks always spell the edited text, and kept spans keep their words', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 30 }), text: fc.constantFrom('', 'x', 'NATO ', '\n\n', 'a longer insertion of words ') }), { maxLength: 25 }),
      (edits) => {
        let text = Array.from({ length: 20 }, (_, n) => paragraph(n)).join('');
        const live = new LiveBlocks(text, limits);
        // extract every block the simple way: each "NATO" is a span
        for (const b of live.blocks) {
          b.spans = natoSpans(b.text);
        }
        for (const e of edits) {
          const offset = e.at % (text.length + 1);
          const length = Math.min(e.cut, text.length - offset);
          text = text.slice(0, offset) + e.text + text.slice(offset + length);
          live.apply([{ offset, length, text: e.text }]);
          assert.equal(live.blocks.map((b) => b.text).join(''), text);
          assert.equal(live.length, text.length);
          let expectedStart = 0;
          for (const b of live.blocks) { assert.equal(b.start, expectedStart); expectedStart += b.text.length; }
          for (const s of live.spans()) assert.equal(text.slice(s.start, s.end), 'NATO', `span at ${s.start} no longer covers its word`);
          const from = Math.floor(text.length / 3);
          const to = from + 200;
          const window = live.spansBetween(from, to);
          assert.deepEqual(window, live.spans().filter((s) => s.end > from && s.start < to));
          for (const s of window) assert.deepEqual(live.spanAt(s.start + 1), s);
        }
      },
    ), { numRuns: 200, seed: 7 });
  });

  it('applies several changes of one event against the text before them', () => {
    const live = new LiveBlocks('abcdef\n\nghijkl\n\n', limits);
    live.apply([{ offset: 1, length: 1, text: 'B' }, { offset: 8, length: 0, text: 'XY' }]);
    assert.equal(live.blocks.map((b) => b.text).join(''), 'aBcdef\n\nXYghijkl\n\n');
    assert.equal(live.head(4), 'aBcd');
  });

  it('knows which blocks an edit replaced, so late answers for them can be dropped', () => {
    const live = new LiveBlocks(Array.from({ length: 20 }, (_, n) => paragraph(n)).join(''), limits);
    const [first, second] = live.blocks;
    live.apply([{ offset: first.start + 2, length: 0, text: 'x' }]);
    assert.equal(live.holds(first), false);
    assert.equal(live.holds(second), true);
    assert.equal(second.start, first.text.length + 1);
  });

  it('answers an offset outside every span with nothing, and a window before any spans with none', () => {
    const live = new LiveBlocks(Array.from({ length: 20 }, (_, n) => paragraph(n)).join(''), limits);
    for (const b of live.blocks) b.spans = natoSpans(b.text);
    assert.equal(live.spanAt(0), undefined);
    assert.deepEqual(live.spansBetween(0, 10), []);
    assert.equal(live.spanAt(live.spans()[0].start)?.text, 'NATO');
  });

  it('keeps the spans an edit does not touch on the replaced block until it is extracted again', () => {
    const live = new LiveBlocks(Array.from({ length: 20 }, (_, n) => paragraph(n)).join(''), limits);
    for (const b of live.blocks) b.spans = natoSpans(b.text);
    const before = live.spans().length;
    const first = live.blocks[0];
    const nato = first.start + first.text.indexOf('NATO');
    live.apply([{ offset: first.start + 2, length: 0, text: 'xx' }]);
    const edited = live.blocks[0];
    assert.equal(edited.spans, undefined, 'the edited block must be extracted again');
    assert.equal(live.spans().length, before);
    assert.equal(live.spanAt(nato + 2 + 1)?.text, 'NATO');
    // typing right after a name drops that name until extraction: it may have grown
    const end = live.spanAt(nato + 3)!.end;
    live.apply([{ offset: end, length: 0, text: 's' }]);
    assert.equal(live.spanAt(end - 1), undefined);
    assert.equal(live.spans().length, before - 1);
  });
});

