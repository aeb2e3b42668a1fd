import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import './propertySeed';
import { copyClusters, corroborate, CopyIndex, type SourceArticle } from '../../src/core/analysis/corroboration/corroboration';
import { corroborationAt, corroborationMarkdown, ReportIndex, type CorroborationContext } from '../../src/core/analysis/corroboration/cardLine';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { extract } from '../../src/core/extract';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { quoteKey, quotingArticles } from '../../src/core/analysis/corroboration/quoteReports';

// A wire story written for this test: five paragraphs about a harbour strike in an invented port town.
const wire = [
  'PORT HALDEN (Wire Service) - Dock workers at the port of Halden walked out on Monday after talks with the harbour authority over night-shift pay broke down, leaving at least forty container ships waiting at anchor.',
  'The union representing about 3,200 crane operators and lashers said the strike would last until the authority restored the shift premium it cut in January, a move the authority says saved it 14 million crowns a year.',
  '"We have asked for a meeting every week since the cut and every week the answer was no," union leader Petra Solberg told reporters outside the main gate, where several hundred workers had gathered before dawn.',
  'The harbour authority said in a statement that it remained open to talks but could not reverse the cut without a rise in port fees, which it said would drive shipping lines to rival ports further down the coast.',
  'Halden handles roughly a fifth of the country\'s container traffic, and shippers warned that a strike of more than a few days would leave supermarket shelves short of imported fruit and vegetables within a week.',
];

function article(uri: string, outlet: string | undefined, published: string, headline: string, paragraphs: string[]): SourceArticle {
  return { uri, outlet, published, text: `${headline}\n\n${paragraphs.join('\n\n')}\n` };
}

const original = article('wire.txt', 'Wire Service', '2026-03-02', 'Halden dock workers strike over night-shift pay', wire);
// republished the next day: its own headline, the last paragraph trimmed, one word changed, a sign-off of its own
const republished = article('coast.txt', 'Coast Gazette', '2026-03-03', 'Ships stranded as port of Halden grinds to a halt', [
  wire[0], wire[1].replace('about 3,200', 'some 3,200'), wire[2], wire[3], 'This story was supplied by a news agency.',
]);
// a second republication, verbatim, two days later
const aggregator = article('aggregator.txt', 'Daily Digest', '2026-03-04', 'Halden strike', [...wire]);
// the same event, reported independently in other words
const independent = article('harbour-news.txt', 'Harbour News', '2026-03-02', 'Cranes stand idle in Halden', [
  'Not a single crane moved in Halden on Monday. The port\'s crane operators stayed home in protest at a cut to their night-shift premium, and by noon the queue of ships in the roads had grown past forty.',
  'Petra Solberg, who leads their union, said her members had been turned away at every meeting since January. The harbour authority insists the saving, which it puts at 14 million crowns, cannot be given up unless port fees rise.',
  'Freight forwarders in the capital said they were already routing cargo through southern ports, at an extra cost of several days at sea.',
]);
const otherIndependent = article('evening.txt', 'Evening Courier', '2026-03-02', 'Strike closes Halden port', [
  'A strike by dock workers closed the port of Halden on Monday. Their union says the harbour authority broke its word when it cut night-shift pay at the start of the year without consulting anyone on the quays.',
  'The authority answered that pay could only go up if shipping lines paid more to call at Halden, and that the lines would then go elsewhere, taking jobs with them along the whole coast.',
]);

const articles = [original, republished, aggregator, independent, otherIndependent];

describe('corroboration', () => {

  it('finds wire copy republished with a new headline, a trimmed last paragraph and a changed word', () => {
    assert.deepEqual(copyClusters(articles), [[0, 1, 2]]);
  });

  it('counts republished wire copy once and independent reports apart', () => {
    const copies = new CopyIndex();
    for (const a of articles) copies.set(a.uri, a.text, a);
    const all = corroborate(copies, articles.map((a) => a.uri));
    assert.equal(all.independent, 3);
    assert.deepEqual(all.outlets, ['Evening Courier', 'Harbour News', 'Wire Service']);
    assert.deepEqual(all.republishers, ['Coast Gazette', 'Daily Digest']);
    assert.equal(all.summary, 'reported by 3 outlets; 2 more republish the same wire copy');
    // the wire story and its copies alone: one source
    const wireOnly = corroborate(copies, ['wire.txt', 'coast.txt', 'aggregator.txt']);
    assert.equal(wireOnly.independent, 1);
    assert.equal(wireOnly.summary, 'reported by 1 outlet only; 2 more republish its wire copy');
    // two outlets writing independently count twice
    assert.equal(corroborate(copies, ['harbour-news.txt', 'evening.txt']).summary, 'reported by 2 outlets');
    // one article: nothing to say
    assert.equal(corroborate(copies, ['harbour-news.txt']).summary, '');
  });

  it('takes the earliest copy as the original, and counts one outlet once', () => {
    const copies = new CopyIndex();
    for (const a of articles) copies.set(a.uri, a.text, a);
    // the copy published a day later is never the original, whatever the order of the articles
    const c = corroborate(copies, ['coast.txt', 'wire.txt']);
    assert.deepEqual(c.outlets, ['Wire Service']);
    assert.deepEqual(c.republishers, ['Coast Gazette']);
    // two independent stories of the same outlet are one outlet
    const sameOutlet = corroborate(copies, ['harbour-news.txt', 'evening.txt'], (uri) => ({ outlet: 'Harbour News', published: copies.info(uri)?.published }));
    assert.equal(sameOutlet.independent, 2);
    assert.equal(sameOutlet.summary, '');
  });

  it('counts articles without a named outlet as sources of their own', () => {
    const copies = new CopyIndex();
    for (const a of articles) copies.set(a.uri, a.text, { published: a.published, outlet: a.uri === 'evening.txt' ? undefined : a.outlet });
    assert.equal(corroborate(copies, ['harbour-news.txt', 'evening.txt']).summary, 'reported by 1 outlet and 1 article without a named outlet');
  });

  it('follows edits, removals and renames', () => {
    const copies = new CopyIndex();
    for (const a of articles) copies.set(a.uri, a.text, a);
    assert.deepEqual(copies.copiesOf('coast.txt'), ['aggregator.txt', 'coast.txt', 'wire.txt']);
    // the aggregator rewrites its story in its own words: no longer a copy
    copies.set('aggregator.txt', otherIndependent.text.replace(/Halden/gu, 'the northern port'), { outlet: 'Daily Digest' });
    assert.deepEqual(copies.copiesOf('coast.txt'), ['coast.txt', 'wire.txt']);
    copies.remove('wire.txt');
    assert.deepEqual(copies.copiesOf('coast.txt'), ['coast.txt'], 'the copy only copied the removed article');
    copies.set('wire.txt', original.text, original);
    copies.rename('coast.txt', 'renamed/coast.txt');
    assert.deepEqual(copies.copiesOf('wire.txt'), ['renamed/coast.txt', 'wire.txt']);
    assert.equal(copies.has('coast.txt'), false);
    assert.equal(copies.size, 5);
  });

  it('never joins unrelated articles (random words)', () => {
    const vocabulary = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon'.split(' ');
    let joined = 0;
    let runs = 0;
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: vocabulary.length - 1 }), { minLength: 40, maxLength: 80 }), { minLength: 2, maxLength: 6 }), (docs) => {
      runs++;
      const random = docs.map((words, i) => ({ uri: `${i}.txt`, text: words.map((w) => vocabulary[w]).join(' ') + '.\n' }));
      const clusters = copyClusters(random);
      joined += clusters.length;
      // random sequences over twenty words share few 5-shingles: only identical texts may join
      for (const g of clusters) for (const i of g) assert.ok(g.some((j) => j !== i && random[j].text === random[i].text), 'only identical random texts may join');
    }), { numRuns: 200 });
    console.log(`      ${runs} random corpora, ${joined} groups of copies (identical texts only)`);
  });

  it('joins an article with its copy after random small edits, and keeps apart a shuffle of its sentences', () => {
    let joined = 0;
    let runs = 0;
    const sentences = wire.join(' ').split(/(?<=[.!?"])\s+/u);
    fc.assert(fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: 4 }), (cuts, seed) => {
      runs++;
      // the copy: a word dropped from up to three paragraphs
      const paragraphs = [...wire];
      for (const c of cuts) {
        const p = c % paragraphs.length;
        const words = paragraphs[p].split(' ');
        words.splice(c % words.length, 1);
        paragraphs[p] = words.join(' ');
      }
      const copy = article('copy.txt', 'Copy', '2026-03-03', 'Other headline', paragraphs);
      // a different article made of the same sentences, each paragraph mixing sentences of several
      const mixed = sentences.map((_, i) => sentences[(i * (seed + 2)) % sentences.length]);
      const shuffled = article('mixed.txt', 'Mixed', '2026-03-03', 'Mixed', [mixed.slice(0, 4).join(' '), mixed.slice(4, 8).join(' '), mixed.slice(8).join(' ')]);
      const clusters = copyClusters([original, copy, shuffled]);
      assert.deepEqual(clusters[0]?.slice(0, 2), [0, 1], 'the lightly edited copy is found');
      if (clusters[0].includes(2)) joined++;
    }), { numRuns: 100 });
    console.log(`      ${runs} edited copies found; ${joined} of the sentence shuffles joined them`);
  });
});

describe('corroboration in hover cards', () => {
  // the same figure and the same dated event, in the wire story, two republications and two independent reports
  const withFacts = (a: SourceArticle, sentence: string): SourceArticle => ({ ...a, text: `${a.text}\n${sentence}\n` });
  const facts = 'The authority expects to lose $14 million if the strike lasts until 20 March 2026, when the next shipping season opens at the port.';
  const reports = [
    withFacts(original, facts),
    withFacts(republished, facts),
    withFacts(aggregator, facts),
    withFacts(independent, 'Officials put the loss at $14 million should the walkout last until 20 March 2026, the first day of the spring season.'),
    withFacts(otherIndependent, 'Shipping lines said they would not return before 20 March 2026 at the earliest.'),
  ].map((a) => ({ ...a, uri: `file:///${a.uri}` }));

  function setup(articles = reports): { index: CorpusIndex; context: CorroborationContext } {
    const index = new CorpusIndex({ extract });
    const context: CorroborationContext = { copies: new CopyIndex(), reports: new ReportIndex(), publicationDayOf: (uri) => index.articleInfo(uri)?.reference?.iso };
    for (const a of articles) {
      index.update(a.uri, a.text);
      context.copies.set(a.uri, a.text, a);
      context.reports.set(a.uri, index.spansOf(a.uri));
    }
    return { index, context };
  }

  function lineAt(index: CorpusIndex, context: CorroborationContext, uri: string, needle: string): string | undefined {
    const text = index.textOf(uri)!;
    const hit = index.spanAt(uri, text.lastIndexOf(needle))!;
    assert.ok(hit, `a span at ${needle}`);
    const found = corroborationAt(context, uri, hit.span);
    return found && corroborationMarkdown(found);
  }

  it('says how many outlets give the same figure, wire copy counted once', () => {
    const { index, context } = setup();
    assert.equal(lineAt(index, context, 'file:///wire.txt', '$14 million'),
      '**Corroboration** · reported by 2 outlets (Harbour News and Wire Service); 2 more republish the same wire copy (Coast Gazette and Daily Digest)');
  });

  it('says how many outlets date the same event', () => {
    const { index, context } = setup();
    assert.equal(lineAt(index, context, 'file:///evening.txt', '20 March 2026'),
      '**Corroboration** · reported by 3 outlets (Evening Courier, Harbour News and Wire Service); 2 more republish the same wire copy (Coast Gazette and Daily Digest)');
  });

  it('puts the line in the figure card and says nothing when one source has it', () => {
    const { index, context } = setup();
    const uri = 'file:///wire.txt';
    const text = index.textOf(uri)!;
    const card = hoverCardAt(index, uri, text.lastIndexOf('$14 million'), undefined, {
      corroboration: (hit) => { const c = corroborationAt(context, hit.uri, hit.span); return c && corroborationMarkdown(c); },
    })!;
    assert.match(card.markdown, /\*\*Corroboration\*\* · reported by 2 outlets/);
    // only the wire story and its copies give "3,200"
    const alone = index.spanAt(uri, text.indexOf('3,200'))!;
    assert.equal(alone.span.type, 'QUANTITY');
    assert.equal(corroborationAt(context, uri, alone.span)?.summary, 'reported by 1 outlet only; 2 more republish its wire copy');
    const solo = setup([reports[3]]);
    const soloHit = solo.index.spanAt(reports[3].uri, reports[3].text.lastIndexOf('$14 million'))!;
    assert.equal(corroborationAt(solo.context, reports[3].uri, soloHit.span), undefined);
  });

  it('counts a day given with a clock time ("9 a.m. on 20 March") as that day', () => {
    const reports2 = new ReportIndex();
    reports2.set('a', [{ type: 'DATE', value: '2026-03-20T09:00' }]);
    reports2.set('b', [{ type: 'DATE', value: '2026-03-20' }]);
    reports2.set('c', [{ type: 'DATE', value: '2026-03' }, { type: 'DATE', value: '2026-03-20T24:00' }], '2026-03-20');
    assert.deepEqual([...reports2.articlesWith('DATE|2026-03-20')].sort(), ['a', 'b']);
  });

  it('gives a date that restates the publication day no line, and follows removals', () => {
    const dated = reports.map((a) => ({ ...a, text: `${a.text}\nPublished on 20 March 2026.\n` }));
    const { index, context } = setup(dated);
    context.publicationDayOf = () => '2026-03-20';
    assert.equal(lineAt(index, context, 'file:///evening.txt', '20 March 2026'), undefined);
    context.publicationDayOf = () => undefined;
    assert.match(lineAt(index, context, 'file:///evening.txt', '20 March 2026') ?? '', /reported by 3 outlets/);
    context.reports.remove('file:///harbour-news.txt');
    context.reports.remove('file:///wire.txt');
    context.reports.rename('file:///coast.txt', 'file:///moved/coast.txt');
    assert.deepEqual([...context.reports.articlesWith('DATE|2026-03-20')].sort(), ['file:///aggregator.txt', 'file:///evening.txt', 'file:///moved/coast.txt']);
  });
});

describe('corroboration of quotations', () => {
  it('finds the same quotation in other articles, case and punctuation aside, and counts their outlets', () => {
    const quote = '"We have asked for a meeting every week since the cut and every week the answer was no,"';
    const quotes = [
      { file: 'wire.txt', text: 'We have asked for a meeting every week since the cut and every week the answer was no,' },
      { file: 'coast.txt', text: 'We have asked for a meeting every week since the cut, and every week the answer was no.' },
      { file: 'harbour-news.txt', text: 'WE HAVE ASKED for a meeting every week since the cut and every week the answer was no' },
      { file: 'harbour-news.txt', text: 'Not a single crane moved.' },
      { file: 'evening.txt', text: 'We asked for a meeting every week.' },
    ];
    const byQuote = quotingArticles(quotes);
    assert.deepEqual([...byQuote.get(quoteKey(quote))!].sort(), ['coast.txt', 'harbour-news.txt', 'wire.txt']);
    assert.deepEqual([...byQuote.get(quoteKey('We asked for a meeting every week.'))!], ['evening.txt'], 'a different wording is another quotation');
    const copies = new CopyIndex();
    for (const a of articles) copies.set(a.uri, a.text, a);
    assert.equal(corroborate(copies, byQuote.get(quoteKey(quote))!).summary, 'reported by 2 outlets; 1 more republishes the same wire copy');
  });
});
