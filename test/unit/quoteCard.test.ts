import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/index';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { CopyIndex, corroborate } from '../../src/core/analysis/corroboration/corroboration';
import { quoteCard } from '../../src/core/hover/quoteCard';
import { QuoteIndex } from '../../src/core/analysis/corroboration/quoteReports';
import { lexiconExtractor, type LexiconEntry } from './indexFixtures';

const LEXICON: LexiconEntry[] = [
  { text: 'Marit Jansen', type: 'PERSON' },
  { text: 'Evil [x](command:evil.run) Jones', type: 'PERSON' },
];

const PARAGRAPHS = [
  'Dock workers at the port of Rotterdam walked off the job on Monday, leaving container ships waiting at anchor in the North Sea.',
  '"We will not go back until the contract is signed," Marit Jansen told reporters outside the main terminal gate on Monday.',
  'Shipping lines have begun diverting some vessels to Antwerp and Hamburg, where port authorities said they could absorb extra traffic.',
];
const WIRE = `Dock Strike\n\n${PARAGRAPHS.join('\n\n')}\n`;
const COPY = `Ships Stranded in Rotterdam\n\n${PARAGRAPHS.join('\n\n')}\n`;
const OTHER = 'Port Quiet\n\nThe harbour was quiet as the strike went on and the union kept its members at home for a third day.\n\n' +
  '"We will not go back until the contract is signed," Marit Jansen said to the crowd.\n';

function links(markdown: string): [string, string, unknown[]][] {
  return [...markdown.matchAll(/\[((?:[^\]\\]|\\.)*)\]\(command:([\w.]+)\?([^)\s]*)/gu)]
    .map((m) => [m[1].replace(/\\(.)/gu, '$1'), m[2], JSON.parse(decodeURIComponent(m[3])) as unknown[]]);
}

describe('hover card: a quotation', () => {
  const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
  index.update('file:///wire.txt', WIRE);
  index.update('file:///copy.txt', COPY);
  index.update('file:///other.txt', OTHER);
  index.update('file:///anon.txt', 'Quiet\n\n"Nobody told us anything," a worker said.\n\n"Evil [x](command:evil.run) Jones" is a ship.\n');
  const store = new AnalysisStore(index);
  const copies = new CopyIndex();
  copies.set('file:///wire.txt', WIRE, { outlet: 'Reuters', published: '2026-03-02' });
  copies.set('file:///copy.txt', COPY, { outlet: 'Daily Courier', published: '2026-03-03' });
  copies.set('file:///other.txt', OTHER, { outlet: 'Harbour Times', published: '2026-03-02' });

  it('says who said it, linked to their references at the cue, and when the article was published', () => {
    const [quote] = store.quotes('file:///wire.txt');
    assert.equal(quote.speaker, 'Marit Jansen');
    const card = quoteCard({ uri: 'file:///wire.txt', quote, published: '2026-03-02' })!;
    assert.match(card, /^\*\*Quotation\*\* · said by \[Marit Jansen\]\(command:sourceAnnotator\.showReferences\?[^)]+\) · Mon 2 Mar 2026$/u);
    const [[label, command, args]] = links(card);
    assert.equal(label, 'Marit Jansen');
    assert.equal(command, 'sourceAnnotator.showReferences');
    assert.deepEqual(args, [quote.speakerKey, 'file:///wire.txt', quote.cueStart]);
    assert.equal(WIRE.slice(quote.cueStart!, quote.cueEnd!), 'Marit Jansen');
    assert.doesNotMatch(card, /Corroboration/u);
  });

  it('adds the corroboration line when more than one source has it: the republished copy counts once', () => {
    const [quote] = store.quotes('file:///copy.txt');
    const c = corroborate(copies, ['file:///wire.txt', 'file:///copy.txt', 'file:///other.txt']);
    const card = quoteCard({ uri: 'file:///copy.txt', quote, published: '2026-03-03', corroboration: c })!;
    assert.equal(card.split('\n\n')[1],
      '**Corroboration** · reported by 2 outlets (Harbour Times and Reuters); 1 more republishes the same wire copy (Daily Courier)');
    const alone = corroborate(copies, ['file:///wire.txt']);
    assert.equal(quoteCard({ uri: 'file:///wire.txt', quote, corroboration: alone })!.includes('Corroboration'), false);
  });

  it('says nothing of a quotation nobody is named for and no other source has; says "speaker not named" when others carry it', () => {
    const [quote] = store.quotes('file:///anon.txt');
    assert.equal(quote.speaker, null);
    assert.equal(quoteCard({ uri: 'file:///anon.txt', quote, published: '2026-03-02' }), undefined);
    const c = corroborate(copies, ['file:///wire.txt', 'file:///other.txt']);
    assert.match(quoteCard({ uri: 'file:///anon.txt', quote, corroboration: c })!, /^\*\*Quotation\*\* · speaker not named\n\n\*\*Corroboration\*\* · reported by 2 outlets/u);
  });

  it('escapes a speaker name that looks like Markdown or a command link, leaving only the references link', () => {
    const quote = { start: 10, speaker: 'Evil [x](command:evil.run) Jones', speakerKey: 'PERSON:evil', cueStart: 3 };
    const card = quoteCard({ uri: 'file:///anon.txt', quote })!;
    const found = links(card);
    assert.equal(found.length, 1);
    assert.equal(found[0][1], 'sourceAnnotator.showReferences');
    assert.equal(card.includes('(command:evil.run)'), false);
    const unlinked = quoteCard({ uri: 'file:///anon.txt', quote: { ...quote, speakerKey: undefined } })!;
    assert.equal(links(unlinked).length, 0);
    assert.match(unlinked, /said by Evil \\\[x\\\]\\\(command\\:evil\\\.run\\\) Jones$/u);
  });
});

describe('quotation index', () => {
  it('keeps which articles carry each quotation, case and punctuation aside, through changes, renames and removals', () => {
    const quotes = new QuoteIndex();
    quotes.set('a', [{ text: 'We will not go back.' }, { text: 'Never.' }]);
    quotes.set('b', [{ text: 'we will NOT go back' }]);
    quotes.set('c', [{ text: 'We will not go back, ever.' }]);
    assert.deepEqual([...quotes.articlesWith('We will not go back.')].sort(), ['a', 'b']);
    quotes.set('b', [{ text: 'Something else.' }]);
    assert.deepEqual([...quotes.articlesWith('We will not go back.')], ['a']);
    quotes.rename('a', 'a2');
    assert.deepEqual([...quotes.articlesWith('never')], ['a2']);
    quotes.remove('a2');
    assert.equal(quotes.articlesWith('We will not go back.').size, 0);
    assert.deepEqual([...quotes.articlesWith('We will not go back, ever')], ['c']);
  });
});
