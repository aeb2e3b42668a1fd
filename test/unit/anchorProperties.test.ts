import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createTarget } from '../../src/core/anchor/createTarget';
import { reanchor } from '../../src/core/anchor/reanchor';
import { shiftThroughEdits, TextEdit } from '../../src/core/anchor/shiftThroughEdits';

// A small vocabulary makes short quotes repeat, which is exactly what tempts an anchor to jump.
const VOCABULARY = (
  'the of and to in a said on for that with by is was officials government minister president army ' +
  'city talks deal sources week report forces border million percent new year police court united states ' +
  'ministry spokesman killed people attack statement election party leader capital meeting reuters agency ' +
  'according told they would also its after before two three since officials, said. ceasefire'
).split(' ');

type Region = 'outside' | 'context' | 'quote';
interface Case { text: string; start: number; end: number; edit: TextEdit }

const wordsArb = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 60, maxLength: 200 });
const insertArb = fc.stringMatching(/^[a-z ,.]{0,24}$/);

function buildText(words: string[]): { text: string; bounds: [number, number][] } {
  let text = '';
  const bounds: [number, number][] = [];
  words.forEach((word, i) => {
    if (i > 0) text += i % 17 === 0 ? '.\n\n' : ' ';
    bounds.push([text.length, text.length + word.length]);
    text += word;
  });
  return { text, bounds };
}

/** A text, a word-aligned quote, and one edit confined to the given region. */
function caseArb(region: Region): fc.Arbitrary<Case> {
  return fc.tuple(wordsArb, fc.nat(), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.nat(), fc.nat(), insertArb)
    .map(([words, quotePick, quoteWords, where, a, b, inserted]) => {
      const { text, bounds } = buildText(words);
      const first = quotePick % bounds.length;
      const last = Math.min(bounds.length - 1, first + quoteWords - 1);
      const start = bounds[first][0];
      const end = bounds[last][1];
      const target = createTarget(text, start, end);
      let lo: number;
      let hi: number;
      if (region === 'outside') {
        const before: [number, number] = [0, start - target.prefix.length];
        const after: [number, number] = [end + target.suffix.length, text.length];
        [lo, hi] = (where % 2 === 0 && before[1] > 0) || after[0] >= after[1] ? before : after;
      } else if (region === 'context') {
        [lo, hi] = where % 2 === 0 && target.prefix.length > 0 ? [start - target.prefix.length, start] : [end, end + target.suffix.length];
      } else {
        [lo, hi] = [start, end];
      }
      const editStart = lo + (hi > lo ? a % (hi - lo + 1) : 0);
      const editEnd = Math.min(hi, editStart + (b % 12));
      return { text, start, end, edit: { start: editStart, end: editEnd, text: inserted } };
    })
    .filter(({ text, start, end, edit }) => {
      const isChange = text.slice(edit.start, edit.end) !== edit.text;
      if (region !== 'quote') return isChange && (edit.end <= start || edit.start >= end);
      // Text typed exactly at the quote's edges is outside it by definition.
      const isInside = edit.start < edit.end ? edit.start >= start && edit.end <= end : edit.start > start && edit.start < end;
      return isChange && isInside;
    });
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** Where the annotated characters are after the edit (for a quote edit, the edited quote). */
function tracked({ start, end, edit }: Case): { start: number; end: number } {
  const delta = edit.text.length - (edit.end - edit.start);
  if (edit.end <= start) return { start: start + delta, end: end + delta };
  if (edit.start >= end) return { start, end };
  return { start, end: end + delta };
}

interface Counts { sameWords: number; fuzzyEditedQuote: number; orphan: number; otherWords: number; incrementalExact: number }

/** Descriptions of re-anchors that landed on other words, for the failure message. */
const wrong: string[] = [];

function run(region: Region, numRuns: number, seed: number): Counts {
  const counts: Counts = { sameWords: 0, fuzzyEditedQuote: 0, orphan: 0, otherWords: 0, incrementalExact: 0 };
  for (const sample of fc.sample(caseArb(region), { numRuns, seed })) {
    const target = createTarget(sample.text, sample.start, sample.end);
    const newText = apply(sample.text, sample.edit);
    const expected = tracked(sample);
    const shifted = shiftThroughEdits(sample, [sample.edit]);
    if (!shifted.touched && shifted.start === expected.start && shifted.end === expected.end
      && newText.slice(shifted.start, shifted.end) === target.exact) counts.incrementalExact++;

    const result = reanchor(target, newText);
    if (result.status === 'orphan') {
      counts.orphan++;
    } else if (result.start === expected.start && result.end === expected.end) {
      counts.sameWords++;
    } else {
      const overlap = Math.min(result.end, expected.end) - Math.max(result.start, expected.start);
      const isInsideEditedQuote = result.start >= expected.start && result.end <= expected.end;
      const isMostlyEditedQuote = overlap >= 0.5 * (result.end - result.start) && overlap >= 0.5 * (expected.end - expected.start);
      const isEditedQuote = region === 'quote' && (isInsideEditedQuote || isMostlyEditedQuote);
      if (isEditedQuote) counts.fuzzyEditedQuote++;
      else {
        counts.otherWords++;
        wrong.push(JSON.stringify({ quote: target.exact, edit: sample.edit, expected, got: newText.slice(result.start, result.end) }));
      }
    }
  }
  return counts;
}

describe('anchor re-anchoring under random edits (property-based)', () => {
  const numRuns = 600;
  // Fixed seeds keep the printed counts reproducible; set ANCHOR_SEED to explore other samples.
  const seed = Number(process.env.ANCHOR_SEED ?? 20260212);

  it('edits outside the quote and its context re-anchor exactly, incrementally and in full', () => {
    const counts = run('outside', numRuns, seed);
    console.log(`      outside quote+context (${numRuns} runs):`, counts);
    // With an 80-word vocabulary another occurrence of a short quote often has context much like the
    // quote's own on one side: the full re-anchor then calls it ambiguous and orphans rather than guess.
    assert.equal(counts.otherWords, 0, wrong.slice(0, 5).join('\n'));
    assert.ok(counts.sameWords >= 0.9 * numRuns, `only ${counts.sameWords}/${numRuns} re-anchored exactly`);
    assert.equal(counts.incrementalExact, numRuns);
  });

  it('edits inside the context but not the quote: exact while typing; from disk, exact or an orphan, never other words', () => {
    const counts = run('context', numRuns, seed + 1);
    console.log(`      inside context only (${numRuns} runs):`, counts);
    assert.equal(counts.incrementalExact, numRuns, 'the quote is untouched, so offset shifting alone must be exact');
    assert.equal(counts.otherWords, 0, wrong.slice(0, 5).join('\n'));
    // Without the edits or the earlier text, a quote whose stored context changed cannot be told from a
    // copy that outlived it, so the full re-anchor orphans it (the editor follows the edits instead).
    assert.equal(counts.sameWords + counts.orphan, numRuns);
  });

  it('edits inside the quote give the edited quote or an orphan, never other words', () => {
    const counts = run('quote', numRuns, seed + 2);
    console.log(`      inside the quote (${numRuns} runs):`, counts);
    assert.equal(counts.otherWords, 0, wrong.slice(0, 5).join('\n'));
    assert.equal(counts.incrementalExact, 0, 'an edit inside the quote must be reported as touching it');
    assert.ok(counts.sameWords + counts.fuzzyEditedQuote > 0, 'some edited quotes should still be found');
  });
});
