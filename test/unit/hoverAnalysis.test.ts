import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/index';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { latestQuotesBlock, oftenWithLine, timelineLink } from '../../src/core/hover/analysisEntries';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { lexiconExtractor, type LexiconEntry } from './indexFixtures';

const LEXICON: LexiconEntry[] = [
  { text: 'Anna Berg', type: 'PERSON' },
  { text: 'Nordbank', type: 'ORG' },
  { text: 'Tom Frey', type: 'PERSON' },
  { text: 'Oslo', type: 'PLACE' },
  { text: 'Evil [x](command:evil.run) Corp', type: 'ORG' },
];

function corpus(): CorpusIndex {
  const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
  index.update('file:///1.txt', 'Banks in Oslo\n\nAnna Berg of Nordbank spoke in Oslo.\n\n"Rates will fall," Anna Berg said.\n\nTom Frey met Evil [x](command:evil.run) Corp.\n');
  index.update('file:///2.txt', 'Nordbank news\n\nAnna Berg left Nordbank.\n\n"We were right all along about the rates, the currency, the housing market and the pace of wage growth in every region," said Anna Berg.\n\nTom Frey and Evil [x](command:evil.run) Corp met again.\n');
  index.update('file:///3.txt', 'Oslo\n\nOslo was cold. Tom Frey stayed home.\n');
  return index;
}

/** [label, command, decoded arguments] of each command link. */
function links(markdown: string): [string, string, unknown[]][] {
  return [...markdown.matchAll(/\[((?:[^\]\\]|\\.)*)\]\(command:([\w.]+)\?([^)\s]*)/gu)]
    .map((m) => [m[1].replace(/\\(.)/gu, '$1'), m[2], JSON.parse(decodeURIComponent(m[3])) as unknown[]]);
}

describe('hover card: analysis entries', () => {
  it('"Often with" lists the connections sharing two paragraphs, each opening the other entity\'s references at a shared article', () => {
    const index = corpus();
    const store = new AnalysisStore(index);
    const line = oftenWithLine(index, store, 'PERSON:anna berg')!;
    assert.match(line, /^\*\*Often with\*\* /u);
    assert.ok(line.includes('(2 paragraphs)'), line);
    const [[label, command, args]] = links(line);
    assert.equal(label, 'Nordbank');
    assert.equal(command, 'sourceAnnotator.showReferences');
    const [key, uri, offset] = args as [string, string, number];
    assert.equal(key, 'ORG:nordbank');
    assert.equal(index.textOf(uri)!.slice(offset, offset + 'Nordbank'.length), 'Nordbank');
    // Oslo shares only one paragraph with Anna Berg: not listed
    assert.ok(!line.includes('Oslo'), line);
    // a name that could act as Markdown is escaped, its link still ours
    const frey = oftenWithLine(index, store, 'PERSON:tom frey')!;
    assert.deepEqual(links(frey).map(([, c]) => c), ['sourceAnnotator.showReferences']);
    assert.ok(frey.includes('Evil \\[x\\]\\(command\\:evil'), frey);
    assert.equal(oftenWithLine(index, store, 'PLACE:oslo'), undefined, 'nothing shared twice');
    store.dispose();
  });

  it('lists a person\'s latest quotes, newest article first, each opening the quoted words, cut at a word', () => {
    const index = corpus();
    const store = new AnalysisStore(index);
    const block = latestQuotesBlock(index, store, 'PERSON:anna berg', 'PERSON')!;
    assert.match(block, /^\*\*Latest quotes\*\* \(2\)/u);
    const quoteLinks = links(block);
    assert.equal(quoteLinks.length, 2);
    for (const [label, command, args] of quoteLinks) {
      assert.equal(command, 'sourceAnnotator.openMention');
      const [uri, start, end] = args as [string, number, number];
      const quoted = index.textOf(uri)!.slice(start, end);
      assert.ok(label.startsWith(`“${quoted.slice(0, 15)}`), `${label} / ${quoted}`);
      assert.ok(label.length <= 63, label);
    }
    assert.ok(quoteLinks.some(([label]) => label.endsWith('…”')), 'the long quotation is cut');
    // lines with hard breaks, not list items: the card stays compact
    assert.ok(!/^\s*[-*] /mu.test(block), block);
    assert.equal(latestQuotesBlock(index, store, 'PERSON:anna berg', 'PERSON', 1)!.split('  \n')[0], '**Latest quotes** (1 of 2)');
    assert.equal(latestQuotesBlock(index, store, 'PLACE:oslo', 'PLACE'), undefined, 'places are not quoted');
    assert.equal(latestQuotesBlock(index, store, 'PERSON:tom frey', 'PERSON'), undefined, 'nothing quoted');
    store.dispose();
  });

  it('links "Timeline of" with the entity\'s name as the argument, escaped in the label', () => {
    const [[label, command, args]] = links(timelineLink({ name: 'Evil [x](command:evil.run) Corp' }));
    assert.equal(label, 'Timeline of Evil [x](command:evil.run) Corp');
    assert.equal(command, 'sourceAnnotator.timeline.ofEntity');
    assert.deepEqual(args, [{ name: 'Evil [x](command:evil.run) Corp' }]);
  });

  it('adds the entries to a name card once the shared store has caught up, which it does in the background', async () => {
    const index = corpus();
    const offset = index.textOf('file:///2.txt')!.indexOf('Anna Berg');
    const first = hoverCardAt(index, 'file:///2.txt', offset)!.markdown;
    assert.ok(first.includes('Timeline of Anna Berg'), 'the timeline link needs no analysis');
    assert.ok(!first.includes('Often with'), 'the store had not read the articles yet: the card does not wait for it');
    const store = AnalysisStore.of(index);
    while (!store.ready()) await new Promise((resolve) => setImmediate(resolve));
    const card = hoverCardAt(index, 'file:///2.txt', offset)!.markdown;
    assert.ok(card.includes('**Often with** [Nordbank]'), card);
    assert.ok(card.includes('**Latest quotes** (2)'), card);
  });
});
