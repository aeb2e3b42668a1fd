import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import { reanchor } from '../../src/core/anchor/reanchor';
import { suggestPlaces } from '../../src/core/anchor/suggestPlaces';

const TEXT = 'The ministry declined to comment on the report.\n'
  + 'At the summit all members committed to raise core spending to 3.5 per cent of national income by 2035.\n'
  + 'Eight years earlier fewer than a quarter were meeting the target of 2 per cent of national income.\n'
  + 'Officials in Brussels said the figures had been checked twice.\n';

function targetOf(quote: string, text = TEXT) {
  const start = text.indexOf(quote);
  return createTarget(text, start, start + quote.length);
}

describe('suggestPlaces: where an orphan\'s words may be, for the analyst to confirm', () => {
  it('offers the words an edit next to them left unconfirmed, and the re-anchoring still does not attach them', () => {
    const quote = 'fewer than a quarter were meeting the target';
    const target = targetOf(quote);
    const edited = TEXT.replace('Eight years earlier', 'Eight years before');
    assert.equal(reanchor(target, edited).status, 'orphan', 'no guess: the context changed next to the words');
    const [place, ...rest] = suggestPlaces(target, edited);
    assert.equal(rest.length, 0);
    assert.equal(edited.slice(place.start, place.end), quote);
    assert.equal(place.exact, true);
  });

  it('puts the copy that kept more of the stored context first', () => {
    const quote = 'per cent of national income';
    const target = targetOf(quote, TEXT.slice(TEXT.indexOf('Eight')));
    const places = suggestPlaces(target, TEXT);
    assert.equal(places.length, 2);
    assert.ok(places[0].start > places[1].start, 'the second figure, whose context was stored, comes first');
    assert.ok(places[0].context > places[1].context);
  });

  it('offers an edited version where the stored context still frames it first, and nothing for words that are gone', () => {
    const target = targetOf('2 per cent of national income');
    const edited = TEXT.replace('2 per cent of national income', '2 percent of national output');
    const [place, other] = suggestPlaces(target, edited);
    assert.equal(place.exact, false);
    assert.match(edited.slice(other.start, other.end), /5 per cent of national income/, 'the other figure, more alike but out of context, comes second');
    assert.ok(place.similarity >= 0.6 && place.similarity < 1);
    assert.match(edited.slice(place.start, place.end), /2 percent of national/);
    assert.deepEqual(suggestPlaces(target, 'A text about something else entirely.'), []);
    assert.deepEqual(suggestPlaces(target, edited, 3, { edited: false }).map((p) => p.exact), [], 'verbatim words only, when asked');
  });

  it('offers the edited original in its context before a verbatim copy out of it, with the bounds its context draws', () => {
    const quote = 'fewer than a quarter were meeting the target';
    const target = targetOf(quote);
    // the original's first word edited; a verbatim copy of the words quoted in a new last line
    const edited = TEXT.replace('fewer than a quarter were', 'less than a quarter were') + `Critics noted that "${quote}" then.\n`;
    const [first, second] = suggestPlaces(target, edited);
    assert.equal(edited.slice(first.start, first.end), 'less than a quarter were meeting the target', 'bounded by the stored context');
    assert.equal(first.exact, false);
    assert.equal(edited.slice(second.start, second.end), quote);
    assert.equal(second.exact, true);
  });

  it('suggests nothing for a quote the text holds too often to point at one place', () => {
    const text = 'the end. '.repeat(50);
    assert.deepEqual(suggestPlaces(createTarget(text, 0, 3), text.replace('the end. ', 'an end. ')), []);
  });
});
