import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LiveBlocks } from '../../src/vscode/perf/liveBlocks';

const limits = { min: 40, max: 160 };
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
          b.spans = [...b.text.matchAll(/NATO/g)].map((m) => ({ start: b.start + (m.index ?? 0), end: b.start + (m.index ?? 0) + 4, type: 'ORG' as const, text: 'NATO', value: null }));
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
});
