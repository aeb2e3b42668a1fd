import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { shiftAnchors, type LostAnchors } from '../../src/core/anchor/liveAnchors';
import { TextHistory } from '../../src/core/anchor/textHistory';
import { reanchor } from '../../src/core/anchor/reanchor';
import { shiftThroughEdits, type TextEdit } from '../../src/core/anchor/shiftThroughEdits';
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

  it('tells repeated phrases apart by their context, and orphans one whose context changed', () => {
    const second = targetOf(TEXT, 'minister said', 1);
    const moved = 'UPDATE: corrected.\n' + TEXT;
    const result = reanchor(second, moved);
    assert.ok(result.status !== 'orphan');
    assert.equal(result.start, moved.lastIndexOf('minister said'));
    // Its context reworded: nothing in the text tells it from a copy that outlived it.
    const edited = TEXT.replace('the army would withdraw', 'troops would pull back');
    const reworded = reanchor(second, edited);
    assert.deepEqual(reworded.status === 'orphan' && reworded.reason, 'unconfirmed');
    // With the text it was anchored on, the diff follows it.
    const followed = reanchor(second, edited, { history: new TextHistory(edited, () => TEXT) });
    assert.equal(followed.status, 'orphan', 'the diff does not accept words whose stored context changed either');
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

describe('re-anchoring: the failures that once put annotations on wrong words', () => {
  // The two figures of samples/004, where the issue was found.
  const first = 'At the start of his first term in 2017, fewer than a quarter of NATO governments were meeting the then extant spending target of 2 per cent of national income. Eight years later this had risen to two thirds.';
  const second = 'All member states (bar Spain) committed themselves to raise core defence spending to 3.5 per cent of national income by the mid-2030s, with an additional 1.5 per cent going on security.';
  const text = `Spending\n\n${first}\n\n${second}\n\nA closing paragraph.\n`;

  it('the second of two "per cent of national income" figures, edited to "percent", never moves onto the first', () => {
    const quote = 'per cent of national income';
    const start = text.lastIndexOf(quote);
    const edited = text.replace('3.5 per cent', '3.5 percent');
    // The bare figure: the first one's context (" spending target of 2 ") is close enough to the
    // second's (" spending to 3.5 ") to compete, so it is an orphan, not a guess.
    const bare = reanchor(createTarget(text, start, start + quote.length), edited);
    assert.equal(bare.status, 'orphan');
    // With its number, the quote is told apart and follows its own edited words.
    const withNumber = reanchor(createTarget(text, start - 4, start + quote.length), edited);
    assert.ok(withNumber.status === 'fuzzy', `got ${withNumber.status}`);
    assert.equal(edited.slice(withNumber.start, withNumber.end), '3.5 percent of national income');
  });

  it('deleting the annotated paragraph orphans it rather than moving it onto a repeated sentence', () => {
    const repeated = 'The ministry declined to comment.';
    const withRepeat = `Lead paragraph. ${repeated} More text follows here.\n\nOther news today. ${repeated} Then the end.\n`;
    const start = withRepeat.lastIndexOf(repeated);
    const target = createTarget(withRepeat, start, start + repeated.length);
    const deleted = withRepeat.slice(0, withRepeat.indexOf('Other news today.'));
    assert.equal(reanchor(target, deleted).status, 'orphan');
  });

  it('a copy of the paragraph pasted above, then the original edited: the full re-anchor orphans instead of taking the copy', () => {
    const start = text.indexOf('committed themselves');
    const target = createTarget(text, start, start + 'committed themselves to raise core defence spending to 3.5 per cent'.length);
    const pasted = text.replace(`${second}`, `${second}\n\n${second}`);
    const originalAt = pasted.lastIndexOf(second);
    const edited = pasted.slice(0, originalAt) + second.replace('3.5 per cent', '3.5 percent') + pasted.slice(originalAt + second.length);
    const result = reanchor(target, edited);
    assert.equal(result.status, 'orphan');
    assert.equal((result as { reason: string }).reason, 'ambiguous');
  });

  it('known edits decide in the live path: a deleted quote is an orphan even with a copy elsewhere, and undo brings it back', () => {
    const quote = 'per cent of national income';
    const start = text.lastIndexOf(quote);
    const target = createTarget(text, start, start + quote.length);
    const targets = new Map([['a', target]]);
    const lost: LostAnchors = new Map();
    const paragraphStart = text.indexOf(second);
    const removal = { start: paragraphStart, end: paragraphStart + second.length + 2, text: '' };
    const afterDelete = text.slice(0, removal.start) + text.slice(removal.end);
    let anchors = shiftAnchors(new Map([['a', { start, end: start + quote.length }]]), [removal], () => afterDelete, targets, lost, () => text);
    assert.equal(anchors.has('a'), false, 'not moved onto the first figure');
    const undo = { start: removal.start, end: removal.start, text: text.slice(removal.start, removal.end) };
    anchors = shiftAnchors(anchors, [undo], () => text, targets, lost, () => afterDelete);
    assert.deepEqual(anchors.get('a'), { start, end: start + quote.length });
  });

  describe('live anchors removed by a cut come back with the very words the cut took', () => {
    const article = 'The talks opened on Monday.\nThe minister said the army would withdraw from the border by March.\nNothing else was agreed.\n';
    const quote = 'the army would withdraw from the border';
    const apply = (text: string, edit: TextEdit) => text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    const start = article.indexOf(quote);
    const target = createTarget(article, start, start + quote.length);
    const targets = new Map([['a', target]]);

    /** The quote edited inside (withdraw -> retreat), then its paragraph cut: an orphan holding the edited words. */
    function editedThenCut() {
      const lost: LostAnchors = new Map();
      const at = article.indexOf('withdraw');
      const copyEdit = { start: at, end: at + 'withdraw'.length, text: 'retreat' };
      const edited = apply(article, copyEdit);
      let anchors = shiftAnchors(new Map([['a', { start, end: start + quote.length }]]), [copyEdit], () => edited, targets, lost, () => article);
      assert.equal(anchors.get('a')?.edited, true);
      const paragraphStart = edited.indexOf('The minister');
      const cut = { start: paragraphStart, end: edited.indexOf('Nothing'), text: '' };
      const afterCut = apply(edited, cut);
      anchors = shiftAnchors(anchors, [cut], () => afterCut, targets, lost, () => edited);
      assert.equal(anchors.has('a'), false);
      return { anchors, lost, afterCut, clipboard: edited.slice(cut.start, cut.end) };
    }

    it('an edited quote moved with its paragraph (cut, then pasted) follows it, still edited', () => {
      const { anchors, lost, afterCut, clipboard } = editedThenCut();
      const paste = { start: afterCut.length, end: afterCut.length, text: clipboard };
      const pasted = apply(afterCut, paste);
      const back = shiftAnchors(anchors, [paste], () => pasted, targets, lost, () => afterCut).get('a');
      assert.ok(back, 'the moved paragraph brings the annotation along');
      assert.equal(pasted.slice(back.start, back.end), 'the army would retreat from the border');
      assert.equal(back.start, pasted.lastIndexOf('the army would retreat'));
      assert.equal(back.edited, true);
    });

    it('other text of the same length pasted instead, or the cut pasted after another edit, does not take it', () => {
      const first = editedThenCut();
      const other = first.clipboard.replace('retreat', 'advance');
      assert.equal(other.length, first.clipboard.length);
      const paste = { start: 0, end: 0, text: other };
      const pasted = apply(first.afterCut, paste);
      assert.equal(shiftAnchors(first.anchors, [paste], () => pasted, targets, first.lost, () => first.afterCut).has('a'), false);

      const second = editedThenCut();
      const typed = { start: 0, end: 0, text: 'Update: ' };
      const afterTyping = apply(second.afterCut, typed);
      const anchors = shiftAnchors(second.anchors, [typed], () => afterTyping, targets, second.lost, () => second.afterCut);
      const late = { start: afterTyping.length, end: afterTyping.length, text: second.clipboard };
      const pastedLate = apply(afterTyping, late);
      assert.equal(shiftAnchors(anchors, [late], () => pastedLate, targets, second.lost, () => afterTyping).has('a'), false,
        'only the event right after the cut can be its paste');
    });

    it('a cut that took only the end of the quote, undone, brings it back; pasted elsewhere, it does not', () => {
      const from = article.indexOf('would withdraw');
      const cut = { start: from, end: article.length, text: '' };
      const afterCut = apply(article, cut);
      const removed = article.slice(cut.start, cut.end);
      const orphaned = () => {
        const lost: LostAnchors = new Map();
        const anchors = shiftAnchors(new Map([['a', { start, end: start + quote.length }]]), [cut], () => afterCut, targets, lost, () => article);
        assert.equal(anchors.has('a'), false, 'too little of the quote is left to keep it');
        return { anchors, lost };
      };
      let { anchors, lost } = orphaned();
      const undo = { start: cut.start, end: cut.start, text: removed };
      assert.deepEqual(shiftAnchors(anchors, [undo], () => article, targets, lost, () => afterCut).get('a'), { start, end: start + quote.length });

      ({ anchors, lost } = orphaned());
      const elsewhere = { start: 0, end: 0, text: removed };
      const pasted = apply(afterCut, elsewhere);
      assert.equal(shiftAnchors(anchors, [elsewhere], () => pasted, targets, lost, () => afterCut).has('a'), false,
        'half of the quote pasted elsewhere is not the quote');
    });
  });

  it('places a target without stored context by its offsets when the quote stands there, else only a quote the text holds once', () => {
    const quoteOnly = (exact: string, start = 0, offsetsUnknown = false) =>
      ({ exact, prefix: '', suffix: '', start, end: start + exact.length, textHash: '', contextUnknown: true, offsetsUnknown });
    const atOffsets = TEXT.indexOf('minister said', 10);
    assert.deepEqual(pick(reanchor(quoteOnly('minister said', atOffsets), TEXT)), ['unchanged', atOffsets]);
    // "minister said" twice, no offsets to go by: ambiguous, never the first one found.
    const twice = reanchor(quoteOnly('minister said', 0, true), TEXT);
    assert.equal(twice.status, 'orphan');
    assert.equal(twice.status === 'orphan' && twice.reason, 'ambiguous');
    assert.deepEqual(pick(reanchor(quoteOnly('the army', 0, true), TEXT)), ['moved', TEXT.indexOf('the army')]);
    assert.equal(reanchor(quoteOnly('the navy', 0, true), TEXT).status, 'orphan');
  });
});

function pick(result: ReturnType<typeof reanchor>): [string, number | undefined] {
  return [result.status, result.status === 'orphan' ? undefined : result.start];
}
