import './propertySeed';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SPAN_STRIDE } from '../../src/core/index/analysis';
import { decodeSpans, encodeSpans, isPackable } from '../../src/core/index/spanCodec';

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** Spans as an analysis packs them: starts in order, ends after them, small codes and -1 for absent fields. */
const realistic = fc.array(fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 60 }), fc.array(fc.integer({ min: -1, max: 300 }), { minLength: SPAN_STRIDE - 2, maxLength: SPAN_STRIDE - 2 })), { maxLength: 60 })
  .map((spans) => {
    let start = 0;
    return spans.flatMap(([gap, length, rest]) => {
      start += gap;
      return [start, start + length, ...rest];
    });
  });

describe('Packed spans of a cache entry', () => {
  it('decode to exactly the numbers encoded, for any 32-bit integers and for realistic spans', () => {
    let runs = 0;
    let numbers = 0;
    let digits = 0;
    fc.assert(fc.property(fc.oneof(realistic, fc.array(int32, { maxLength: 30 * SPAN_STRIDE }).map((xs) => xs.slice(0, xs.length - (xs.length % SPAN_STRIDE)))), (spans) => {
      fc.pre(isPackable(spans));
      const text = encodeSpans(spans);
      assert.match(text, /^[A-Za-z0-9_-]+$/u, 'nothing JSON would escape');
      assert.deepEqual(Array.from(decodeSpans(text)!), spans);
      runs++;
      numbers += spans.length;
      digits += text.length;
    }), { numRuns: 300 });
    console.log(`      ${runs} arrays, ${numbers} numbers in ${digits} digits`);
    assert.ok(runs > 200);
  });

  it('keeps realistic spans short: one or two digits a number', () => {
    const spans = [0, 5, 0, 3, -1, -1, -1, 0, -1, 3, 214, 12, 19, 2, 4, 5, -1, -1, 0, 6, -1, -1];
    const text = encodeSpans(spans);
    assert.ok(text.length <= spans.length * 2, text);
    assert.deepEqual(Array.from(decodeSpans(text)!), spans);
  });

  it('refuses what is not packable, and damaged text, without throwing', () => {
    assert.equal(isPackable([1.5, ...Array(SPAN_STRIDE - 1).fill(0)]), false);
    assert.equal(isPackable([2 ** 31, ...Array(SPAN_STRIDE - 1).fill(0)]), false);
    assert.equal(isPackable([0, 1]), false, 'not whole spans');
    // a start far before the previous one: the difference leaves 32 bits
    assert.equal(isPackable([2 ** 31 - 1, 2 ** 31 - 1, ...Array(SPAN_STRIDE - 2).fill(0), -(2 ** 31), 0, ...Array(SPAN_STRIDE - 2).fill(0)]), false);
    const text = encodeSpans([3, 9, 0, 1, -1, -1, -1, 0, -1, 1, 200]);
    let refused = 0;
    for (const damaged of ['', text.slice(0, -1), `${text}A`, text.replace(/.$/u, '!'), `${text.slice(0, 1)}é${text.slice(2)}`, '_______________A', 'zA']) {
      assert.equal(decodeSpans(damaged), undefined, damaged);
      refused++;
    }
    assert.equal(refused, 7);
    // a count larger than the text could hold allocates nothing
    assert.equal(decodeSpans(`${encodeSpans(Array(SPAN_STRIDE * 1000).fill(0)).slice(0, 3)}AAAA`), undefined);
  });

  it('decodes a long text whole (2.2 million numbers)', () => {
    const spans = Array.from({ length: 200_000 * SPAN_STRIDE }, (_, i) => (i % SPAN_STRIDE < 2 ? i : (i % 7) - 1));
    const text = encodeSpans(spans);
    const started = performance.now();
    const decoded = decodeSpans(text)!;
    const ms = performance.now() - started;
    assert.equal(decoded.length, spans.length);
    assert.equal(decoded[spans.length - 1], spans[spans.length - 1]);
    console.log(`      ${spans.length} numbers (${text.length} digits) decoded in ${ms.toFixed(0)} ms`);
  });
});
