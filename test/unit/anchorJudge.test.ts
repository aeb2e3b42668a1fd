// The adversarial judge's verdict on orphans: which are necessary (nothing in the text can tell where
// the annotated words are) and which are not.
import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { judge, judgeByProvenance, Script, type Trial } from './anchorAdversary';

function trial(original: string, quote: string, final: string, truthText: string, truthOccurrence: number): Trial {
  const start = original.indexOf(quote);
  let at = -1;
  for (let i = 0; i <= truthOccurrence; i++) at = final.indexOf(truthText, at + 1);
  return { original, start, end: start + quote.length, steps: [], final, truth: { start: at, end: at + truthText.length, edited: truthText !== quote }, kinds: [] };
}

// One annotated paragraph between two others, shared by both groups of cases.
const before = 'Spending rose.\n';
const paragraph = 'By 2024 the alliance said members spent 2 per cent of national income on defence, as agreed in Wales.\n';
const after = 'Officials declined to comment.\n';
const original = before + paragraph + after;
const quote = '2 per cent of national income';

describe('the adversarial judge on orphans', () => {

  it('calls an orphan necessary when a copy with as much of the stored context fits as well (a paragraph pasted above, the words edited in the lower one)', () => {
    // Indistinguishable from: the annotated paragraph kept, an edited copy pasted below it.
    const edited = paragraph.replace('per cent', 'percent');
    const t = trial(original, quote, before + paragraph + edited + after, '2 percent of national income', 0);
    const target = createTarget(original, t.start, t.end);
    assert.equal(judge(t, target, undefined), 'orphan: a copy with context fits as well');
  });

  it('still calls an orphan unnecessary when the edited words keep more of their stored context than any copy', () => {
    // The copy elsewhere shares only its 16 characters before the quote; the edited words keep all of theirs.
    const elsewhere = 'In 2014 members spent 2 per cent of national income, though few did.\n';
    const text = before + paragraph + elsewhere + after;
    const t = trial(text, quote, before + paragraph.replace('per cent', 'percent') + elsewhere + after, '2 percent of national income', 0);
    const target = createTarget(text, t.start, t.end);
    assert.ok(target.prefix.endsWith(' members spent ') && elsewhere.includes(' members spent 2 per cent'));
    assert.equal(judge(t, target, undefined), 'orphan: unnecessary');
  });
});

describe('the adversarial judge: the annotated words move to a copy the text cannot tell from them', () => {
  const start = original.indexOf(quote);
  const target = createTarget(original, start, start + quote.length);
  const script = (): Script => new Script(original, { start, end: start + quote.length, edited: false }, target);
  const finish = (s: Script): Trial => ({
    original, start, end: start + quote.length, steps: s.steps, final: s.text, truth: s.observedTruth,
    provenanceTruth: s.provenanceTruth, transfers: s.transfers, kinds: [],
  });

  it('moves them to the one copy with the whole stored context when an edit deletes them, and follows later edits there', () => {
    const s = script();
    // Paste a copy of the paragraph above the annotated one, then delete the original.
    s.replace(before.length, before.length, paragraph);
    s.replace(before.length + paragraph.length, before.length + 2 * paragraph.length, '');
    // Right now the text is byte for byte the annotated one, the copy where the original was.
    assert.equal(s.text, original);
    assert.equal(s.transfers, 1);
    assert.deepEqual(s.observedTruth, { start, end: start + quote.length, edited: false });
    assert.equal(s.provenanceTruth, undefined);
    // A word changed next to the copy: the words are tracked on it, shifted by the edit.
    const word = s.text.indexOf('alliance');
    s.replace(word, word + 'alliance'.length, 'NATO');
    const delta = 'NATO'.length - 'alliance'.length;
    assert.deepEqual(s.observedTruth, { start: start + delta, end: start + quote.length + delta, edited: false });
    const trial = finish(s);
    const found = { start: start + delta, end: start + quote.length + delta };
    // The same final text as changing that word next to the original: landing there is right, an orphan unnecessary.
    assert.equal(trial.final, original.replace('alliance', 'NATO'));
    assert.equal(judge(trial, target, found), 'on the true words');
    assert.equal(judge(trial, target, undefined), 'orphan: unnecessary');
    // The judge before transfers followed the words into the deletion and calls the landing wrong.
    assert.equal(judgeByProvenance(trial, target, found), 'WRONG: onto a copy of the words');
    assert.equal(judgeByProvenance(trial, target, undefined), 'orphan: words gone');
  });

  it('does not move them to a copy with only part of the stored context', () => {
    const s = script();
    // The sentence's middle pasted at the top, away from the stored context's first words; the original deleted.
    const piece = 'members spent 2 per cent of national income on defence, as agreed in Wales.\n';
    s.replace(0, 0, piece);
    const at = s.text.indexOf(paragraph);
    s.replace(at, at + paragraph.length, '');
    assert.equal(s.text.indexOf(quote), 'members spent '.length);
    assert.equal(s.transfers, 0);
    assert.equal(s.observedTruth, undefined);
    assert.equal(judge(finish(s), target, undefined), 'orphan: words gone');
  });

  it('does not move them to a copy while the original, only edited, is still there', () => {
    const s = script();
    s.replace(before.length, before.length, paragraph);
    // The copy above keeps every character of the stored context; the original is copy-edited.
    const at = before.length + paragraph.length + paragraph.indexOf('per cent');
    s.replace(at, at + 'per cent'.length, 'percent');
    assert.equal(s.transfers, 0);
    assert.deepEqual(s.observedTruth, { start: before.length + paragraph.length + paragraph.indexOf(quote), end: at + 'percent'.length + ' of national income'.length, edited: true });
    const trial = finish(s);
    const edited = trial.truth!;
    assert.equal(judge(trial, target, edited), 'on the true words');
    // Landing on the copy is not right: at best counted apart, as the copy keeps every character of
    // the stored context (the same verdict as before transfers).
    const copy = before.length + paragraph.indexOf(quote);
    assert.equal(judge(trial, target, { start: copy, end: copy + quote.length }), 'indistinguishable copy');
    assert.equal(judgeByProvenance(trial, target, { start: copy, end: copy + quote.length }), 'indistinguishable copy');
  });

  it('does not move them when several copies have the whole stored context', () => {
    const s = script();
    s.replace(before.length, before.length, paragraph + paragraph);
    const at = before.length + 2 * paragraph.length;
    s.replace(at, at + paragraph.length, '');
    assert.equal(s.text, before + paragraph + paragraph + after);
    assert.equal(s.transfers, 0);
    assert.equal(s.observedTruth, undefined);
  });

  it('does not move them when a cut takes them whole (they come back with the paste: a move)', () => {
    // A twin paragraph already below; the annotated one cut and pasted at the end.
    const text = original + paragraph;
    const t = new Script(text, { start, end: start + quote.length, edited: false }, createTarget(text, start, start + quote.length));
    t.cut(before.length, before.length + paragraph.length);
    t.paste(t.text.length);
    assert.equal(t.transfers, 0);
    const moved = t.text.lastIndexOf(quote);
    assert.deepEqual(t.observedTruth, { start: moved, end: moved + quote.length, edited: false });
    assert.deepEqual(t.observedTruth, t.provenanceTruth);
  });
});
