// The adversarial judge's verdict on orphans: which are necessary (nothing in the text can tell where
// the annotated words are) and which are not.
import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { judge, type Trial } from './anchorAdversary';

function trial(original: string, quote: string, final: string, truthText: string, truthOccurrence: number): Trial {
  const start = original.indexOf(quote);
  let at = -1;
  for (let i = 0; i <= truthOccurrence; i++) at = final.indexOf(truthText, at + 1);
  return { original, start, end: start + quote.length, steps: [], final, truth: { start: at, end: at + truthText.length, edited: truthText !== quote }, kinds: [] };
}

describe('the adversarial judge on orphans', () => {
  const before = 'Spending rose.\n';
  const paragraph = 'By 2024 the alliance said members spent 2 per cent of national income on defence, as agreed in Wales.\n';
  const after = 'Officials declined to comment.\n';
  const original = before + paragraph + after;
  const quote = '2 per cent of national income';

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
