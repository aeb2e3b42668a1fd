import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { reanchor } from '../../src/core/anchor/reanchor';
import { shiftThroughEdits } from '../../src/core/anchor/shiftThroughEdits';
import { articleTextHash } from '../../src/core/sidecar/textHash';

const TEXT = 'The minister said on Monday that the army would withdraw. Later the minister said the talks had failed.';

function targetOf(text: string, quote: string, occurrence = 0) {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(quote, start + 1);
  return createTarget(text, start, start + quote.length);
}

describe('anchor selectors and re-anchoring', () => {
  it('creates selectors with 32 characters of context, cut at the text edges', () => {
    const target = targetOf(TEXT, 'the army');
    assert.equal(target.exact, 'the army');
    assert.equal(target.prefix, TEXT.slice(target.start - 32, target.start));
    assert.equal(target.suffix, ' would withdraw. Later the minis');
    assert.equal(createTarget(TEXT, 0, 3).prefix, '');
    assert.equal(target.textHash, articleTextHash(TEXT));
    assert.throws(() => createTarget(TEXT, 5, 5), RangeError);
    assert.throws(() => createTarget(TEXT, 0, TEXT.length + 1), RangeError);
  });

  it('reports unchanged text as unchanged, and a shifted quote as moved to its new offsets', () => {
    const target = targetOf(TEXT, 'the minister said', 0);
    assert.deepEqual((({ status, start }) => ({ status, start }))(reanchor(target, TEXT) as { status: string; start: number }),
      { status: 'unchanged', start: target.start });
    const edited = 'UPDATE: ' + TEXT;
    const result = reanchor(target, edited);
    assert.ok(result.status === 'moved');
    assert.equal(result.start, target.start + 8);
    assert.equal(result.target.textHash, articleTextHash(edited));
    assert.equal(result.target.prefix, edited.slice(Math.max(0, result.start - 32), result.start));
  });

  it('tells repeated phrases apart by their context', () => {
    const second = targetOf(TEXT, 'minister said', 1);
    const edited = TEXT.replace('the army would withdraw', 'troops would pull back');
    const result = reanchor(second, edited);
    assert.ok(result.status !== 'orphan');
    assert.equal(result.start, edited.lastIndexOf('minister said'));
    const first = targetOf(TEXT, 'minister said', 0);
    const firstGone = TEXT.replace('The minister said on Monday', 'On Monday it was announced');
    assert.equal(reanchor(first, firstGone).status, 'orphan', 'must not jump to the other "minister said"');
  });

  it('follows a lightly edited quote and orphans a rewritten one', () => {
    const target = targetOf(TEXT, 'the talks had failed');
    const typo = TEXT.replace('the talks had failed', 'the talks have failed');
    const fuzzy = reanchor(target, typo);
    assert.ok(fuzzy.status === 'fuzzy');
    assert.equal(typo.slice(fuzzy.start, fuzzy.end), 'the talks have failed');
    const rewritten = TEXT.replace('the talks had failed', 'negotiations collapsed entirely');
    assert.equal(reanchor(target, rewritten).status, 'orphan');
  });

  it('shifts offsets through several edits and flags edits inside the quote', () => {
    const range = { start: 40, end: 50 };
    assert.deepEqual(shiftThroughEdits(range, [{ start: 0, end: 0, text: 'abc' }, { start: 10, end: 15, text: '' }]),
      { start: 38, end: 48, touched: false });
    assert.deepEqual(shiftThroughEdits(range, [{ start: 40, end: 40, text: 'xy' }]), { start: 42, end: 52, touched: false });
    assert.deepEqual(shiftThroughEdits(range, [{ start: 50, end: 50, text: 'xy' }]), { start: 40, end: 50, touched: false });
    assert.deepEqual(shiftThroughEdits(range, [{ start: 45, end: 46, text: 'long' }]), { start: 40, end: 53, touched: true });
    assert.deepEqual(shiftThroughEdits(range, [{ start: 30, end: 60, text: '' }]), { start: 30, end: 30, touched: true });
  });
});
