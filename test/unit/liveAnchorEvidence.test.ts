// The live editor path re-attaches an annotation only to what it can show is the annotated text: the
// very text an edit removed, put back by the next event (undo, the paste of the cut). Each case below
// once put an annotation on a copy in the adversarial test (test/unit/anchorAdversarial.test.ts).
import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { shiftAnchors, type AnchorMap, type LostAnchors } from '../../src/core/anchor/liveAnchors';
import type { TextEdit } from '../../src/core/anchor/shiftThroughEdits';
import { applyEvent, TextBeforeEvents } from '../../src/core/anchor/textBeforeEvents';
import { seededRandom } from '../../src/core/util/seededRandom';

/** Plays single-edit events through the live path, as the editor does, with the text before each. */
function play(text: string, quote: string, edits: TextEdit[], options: { occurrence?: number; withBefore?: boolean; lastIsUndo?: boolean } = {}) {
  let start = -1;
  for (let i = 0; i <= (options.occurrence ?? 0); i++) start = text.indexOf(quote, start + 1);
  const target = createTarget(text, start, start + quote.length);
  const targets = new Map([['a', target]]);
  const lost: LostAnchors = new Map();
  let anchors: AnchorMap = new Map([['a', { start, end: start + quote.length }]]);
  let current = text;
  edits.forEach((edit, i) => {
    const before = current;
    current = applyEvent(current, [edit]);
    const after = current;
    anchors = shiftAnchors(anchors, [edit], () => after, targets, lost, options.withBefore === false ? undefined : () => before,
      options.lastIsUndo === true && i === edits.length - 1);
  });
  const anchor = anchors.get('a');
  return { text: current, anchor, words: anchor && current.slice(anchor.start, anchor.end) };
}

const line = 'Ukraine Defense Contact Group meeting at NATO headquarters.';
const article = `Opening paragraph of the report.\n${line}\nThe ministers then met the press.\n`;

describe('live anchors: only the removed text put back brings an annotation back', () => {
  it('a sentence of the same length but other text (a space for the line break) pasted after the deletion does not take it', () => {
    const at = article.indexOf(line);
    const result = play(article, 'Contact Group meeting', [
      { start: at, end: at + line.length + 1, text: '' },
      { start: 0, end: 0, text: `${line} ` },
    ]);
    assert.equal(result.anchor, undefined);
  });

  it('the deleted line put back by the next event (undo, or the paste of the cut) brings it back', () => {
    const at = article.indexOf(line);
    const result = play(article, 'Contact Group meeting', [
      { start: at, end: at + line.length + 1, text: '' },
      { start: at, end: at, text: `${line}\n` },
    ]);
    assert.equal(result.words, 'Contact Group meeting');
    assert.equal(result.anchor?.start, article.indexOf('Contact Group meeting'));
  });

  it('without the text before the event nothing is re-attached', () => {
    const at = article.indexOf(line);
    const result = play(article, 'Contact Group meeting', [
      { start: at, end: at + line.length + 1, text: '' },
      { start: at, end: at, text: `${line}\n` },
    ], { withBefore: false });
    assert.equal(result.anchor, undefined);
  });

  it('with an identical line elsewhere, the same text pasted where the annotated line was is a copy; an undo brings it back', () => {
    const twice = `${line}\nThe ministers then met the press.\n${line}\n`;
    const removal = { start: 0, end: line.length + 1, text: '' };
    const putBack = { start: 0, end: 0, text: `${line}\n` };
    assert.equal(play(twice, 'Contact Group meeting', [removal, putBack]).anchor, undefined, 'a paste of the other line');
    const undone = play(twice, 'Contact Group meeting', [removal, putBack], { lastIsUndo: true });
    assert.equal(undone.anchor?.start, twice.indexOf('Contact Group meeting'));
  });

  it('an identical line cut after the deletion and pasted back at the same place is that line, not the annotated one', () => {
    const twice = `${line}\n${line}\nThe ministers then met the press.\n`;
    const result = play(twice, 'Contact Group meeting', [
      { start: 0, end: line.length + 1, text: '' },
      { start: 0, end: line.length + 1, text: '' },
      { start: 0, end: 0, text: `${line}\n` },
    ]);
    assert.equal(result.anchor, undefined);
  });
});

describe('live anchors: an edit that replaces all of the annotated words', () => {
  const text = 'Spending rose to 2 per cent in 2026 across the alliance.\n';
  it('keeps the words when the new text holds them once (a number rewritten around them)', () => {
    const at = text.indexOf('2026');
    const result = play(text, '2026', [{ start: at, end: at + 4, text: '2026.0' }]);
    assert.equal(result.anchor?.start, at);
    assert.equal(result.words, '2026');
  });

  it('orphans them when the new text only resembles them', () => {
    const at = text.indexOf('2 per cent');
    const result = play(text, '2 per cent', [{ start: at, end: at + '2 per cent'.length, text: '2 percent' }]);
    assert.equal(result.anchor, undefined);
  });

  it('text pasted next to an edited quote that holds the stored words is a copy, and the edited words keep the annotation', () => {
    const sentence = 'The allies agreed to raise spending by March.';
    const source = `${sentence}\nOther news.\n`;
    const cut = source.indexOf('by March');
    const result = play(source, sentence, [
      { start: cut, end: cut + 'by March'.length, text: 'soon' },
      { start: 0, end: 0, text: `${sentence}\n` },
    ]);
    assert.equal(result.words, 'The allies agreed to raise spending soon.');
  });
});

describe('the text before each change event', () => {
  it('is the text with every recorded event applied, read afresh every few dozen events', () => {
    const rnd = seededRandom(20261123);
    let text = article.repeat(5);
    const log = new TextBeforeEvents(text);
    let checks = 0;
    for (let event = 0; event < 700; event++) {
      if (event % 37 === 0) {
        assert.equal(log.current(), text);
        checks++;
      }
      const start = Math.floor(rnd() * text.length);
      const end = Math.min(text.length, start + Math.floor(rnd() * 12));
      const edits = [{ start, end, text: 'xyz'.slice(0, Math.floor(rnd() * 4)) }];
      const after = applyEvent(text, edits);
      log.record(edits, () => after);
      text = after;
      assert.equal(log.length, text.length);
    }
    assert.equal(log.current(), text);
    console.log(`      ${checks + 1} comparisons over 700 events`);
  });
});
