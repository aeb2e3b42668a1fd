import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import { CorpusIndex } from '../../src/core/index';
import { hoverCardAt } from '../../src/core/hover';

// The index driven by the real extraction pipeline, on invented articles.
describe('corpus index with the extraction pipeline', () => {
  const first = 'Ministers meet\n\nDefense Secretary Pete Hegseth met NATO ministers in Brussels on Thursday. Hegseth said allies must spend more.';
  const second = 'Budget fight\n\nPete Hegseth told Congress that NATO allies had to do more.';

  function index(): CorpusIndex {
    const idx = new CorpusIndex({ extract, publishedFor: () => '2026-02-12' });
    idx.update('file:///first.txt', first);
    idx.update('file:///second.txt', second);
    return idx;
  }

  it('links a surname to the full name and lists the other article on the card', () => {
    const card = hoverCardAt(index(), 'file:///first.txt', first.lastIndexOf('Hegseth'))!;
    assert.ok(card, 'a card for "Hegseth"');
    assert.match(card.markdown, /\*\*Person\*\* · Pete Hegseth/);
    assert.match(card.markdown, /Budget fight/);
  });

  it('resolves a weekday against the publication date on the date card', () => {
    const card = hoverCardAt(index(), 'file:///first.txt', first.indexOf('Thursday'))!;
    assert.ok(card, 'a card for "Thursday"');
    assert.ok(card.markdown.includes('Thu 12 Feb 2026'), card.markdown);
  });
});
