import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findQuotes, type FoundQuote } from '../../src/core/analysis/quotes/findQuotes';
import { paragraphsOf, sentencesOf } from '../../src/core/analysis/textUnits';
import type { NameType, Span } from '../../src/core/extract/types';
import { extract } from '../../src/core/extract';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';

/** Name spans for every occurrence of each form: [surface, type, canonical]. */
function names(text: string, forms: [string, NameType, string?][]): Span[] {
  const out: Span[] = [];
  for (const [surface, type, canonical] of forms) {
    const re = new RegExp(`\\b${surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'gu');
    for (const m of text.matchAll(re)) {
      if (out.some((s) => s.start < m.index + surface.length && m.index < s.end)) continue;
      out.push({ start: m.index, end: m.index + surface.length, type, text: surface, value: null, canonical: canonical ?? surface });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const said = (q: FoundQuote) => [q.text, q.speaker?.name ?? null];

describe('quote ledger: findQuotes', () => {
  it('attributes a quotation to the name after it, offsets without the marks, the cue on the name', () => {
    const text = 'Talks ended.\n\n"We are ready," Rutte said.\n';
    const [q, ...rest] = findQuotes(text, names(text, [['Rutte', 'PERSON', 'Mark Rutte']]));
    assert.equal(rest.length, 0);
    assert.equal(text.slice(q.start, q.end), 'We are ready,');
    assert.equal(text[q.start - 1], '"');
    assert.equal(q.speaker?.name, 'Mark Rutte');
    assert.equal(text.slice(q.speaker!.cueStart, q.speaker!.cueEnd), 'Rutte');
  });

  it('reads "said NAME", titles before the name, and appositions before the verb', () => {
    const text = [
      '\u201cIt is a good day,\u201d said NATO Secretary General Mark Rutte.',
      '"Prices will rise," Anna Berg, an economist at the bank, said on Monday.',
      '"We will appeal," Aerion chief executive Richard Lowe said in a statement.',
    ].join('\n\n');
    const spans = names(text, [['NATO', 'ORG'], ['Mark Rutte', 'PERSON'], ['Anna Berg', 'PERSON'], ['Aerion', 'ORG'], ['Richard Lowe', 'PERSON']]);
    assert.deepEqual(findQuotes(text, spans).map(said), [
      ['It is a good day,', 'Mark Rutte'], ['Prices will rise,', 'Anna Berg'], ['We will appeal,', 'Richard Lowe'],
    ]);
  });

  it('reads cues before the quotation: told reporters, according to, and partial quotations', () => {
    const text = [
      'Hegseth told reporters: "The alliance must carry its own weight."',
      'According to Marta Lind, chief economist at Nordbank, "every week of delay costs money."',
      'Colby called on Thursday for an alliance based on "partnership rather than dependency."',
    ].join('\n\n');
    const spans = names(text, [['Hegseth', 'PERSON', 'Pete Hegseth'], ['Marta Lind', 'PERSON'], ['Nordbank', 'ORG'], ['Colby', 'PERSON', 'Elbridge Colby']]);
    const quotes = findQuotes(text, spans);
    assert.deepEqual(quotes.map(said), [
      ['The alliance must carry its own weight.', 'Pete Hegseth'],
      ['every week of delay costs money.', 'Marta Lind'],
      ['partnership rather than dependency.', 'Elbridge Colby'],
    ]);
    assert.deepEqual(quotes.map((q) => q.attribution), ['before', 'according', 'partial']);
  });

  it('resolves "he said" to the person last named as a subject, with the pronoun as the cue', () => {
    const text = 'NATO Secretary General Mark Rutte said allies had heeded Trump.\n\n"We are seeing increases," he said. "Investment is up."\n';
    const quotes = findQuotes(text, names(text, [['NATO', 'ORG'], ['Mark Rutte', 'PERSON'], ['Trump', 'PERSON', 'Donald Trump']]));
    assert.deepEqual(quotes.map(said), [['We are seeing increases,', 'Mark Rutte'], ['Investment is up.', 'Mark Rutte']]);
    assert.equal(text.slice(quotes[0].speaker!.cueStart, quotes[0].speaker!.cueEnd), 'he');
    assert.equal(text.slice(quotes[0].speaker!.nameStart, quotes[0].speaker!.nameEnd), 'Mark Rutte');
    assert.equal(quotes[1].attribution, 'adjacent');
  });

  it('reads a pronoun that opens its sentence before the verb: He added that "…", She told reporters: "…"', () => {
    const text = 'Minister Jan Kowal spoke first.\n\nHe added that talks would resume "within days, not weeks." She told the court: "The rules were clear from the start."\n';
    const quotes = findQuotes(text, names(text, [['Jan Kowal', 'PERSON']]));
    assert.deepEqual(quotes.map(said), [['within days, not weeks.', 'Jan Kowal'], ['The rules were clear from the start.', null]]);
    assert.equal(text.slice(quotes[0].speaker!.cueStart, quotes[0].speaker!.cueEnd), 'He');
  });

  it('does not give "she" to a man the article already called "he", nor "he" to a woman titled Ms', () => {
    const text = [
      'Judge Eva Lind questioned the lawyer. The lawyer, Tom Berg, said the law was old.',
      'He told the court: "The law has always meant this."',
      'When Berg finished, she said, "Then why has nobody read it that way?"',
      'Ms Dahl, the clerk, read the order to Mr Holm. "We object," he said.',
    ].join('\n\n');
    const quotes = findQuotes(text, names(text, [['Eva Lind', 'PERSON'], ['Tom Berg', 'PERSON'], ['Berg', 'PERSON', 'Tom Berg'], ['Dahl', 'PERSON'], ['Holm', 'PERSON']]));
    assert.deepEqual(quotes.map(said), [
      ['The law has always meant this.', 'Tom Berg'],
      ['Then why has nobody read it that way?', 'Eva Lind'],
      ['We object,', 'Holm'],
    ]);
  });

  it('gives a paragraph that is one quotation the speaker of the quotation that ends the paragraph before', () => {
    const text = [
      '"Costs are rising," said Ana Ruiz, who runs the clinic.',
      '"Without help, we will close."',
      'The clinic opened in 2001. "It was a good year."',
      'Officials called the plan "a start".',
      '"More is needed."',
    ].join('\n\n');
    const quotes = findQuotes(text, names(text, [['Ana Ruiz', 'PERSON']]));
    assert.deepEqual(quotes.map(said), [
      ['Costs are rising,', 'Ana Ruiz'],
      ['Without help, we will close.', 'Ana Ruiz'],
      // not a paragraph of its own: nothing says who
      ['It was a good year.', null],
      ['a start', null],
      // after a partial quotation of unnamed officials, not a speaker's next words
      ['More is needed.', null],
    ]);
    assert.equal(quotes[1].attribution, 'continued');
  });

  it('reads "NAME told analysts" as the name speaking, and "a NATO official" as an unnamed speaker', () => {
    const text = 'Finance chief Lea Horn told analysts that the slump would last "several quarters." A NATO official said the talks were "going nowhere."';
    const quotes = findQuotes(text, names(text, [['Lea Horn', 'PERSON'], ['NATO', 'ORG']]));
    assert.deepEqual(quotes.map(said), [['several quarters.', 'Lea Horn'], ['going nowhere.', null]]);
  });

  it('resolves "the minister said" to the person last given that title, and "the club wrote" to the club that opened a sentence before', () => {
    const text = [
      'Trade Minister Ola Berg met Jan Holm, the union\'s general secretary, in Oslo.',
      '"We have a deal," the minister said. The secretary has said his members were "ready to vote."',
      'Norwegian champions Rosenborg thanked the coach on its website. "We wish him well," the club wrote.',
      'Fans of Brann gathered outside. "Nobody told us," the company said.',
    ].join('\n\n');
    const quotes = findQuotes(text, names(text, [['Ola Berg', 'PERSON'], ['Jan Holm', 'PERSON'], ['Oslo', 'PLACE'], ['Rosenborg', 'ORG'], ['Brann', 'ORG']]));
    assert.deepEqual(quotes.map(said), [
      ['We have a deal,', 'Ola Berg'],
      ['ready to vote.', 'Jan Holm'],
      ['We wish him well,', 'Rosenborg'],
      // Brann is named in passing, not as a sentence's subject: the company stays unnamed
      ['Nobody told us,', null],
    ]);
    assert.equal(text.slice(quotes[0].speaker!.cueStart, quotes[0].speaker!.cueEnd), 'the minister');
  });

  it('finds the subject before several asides set off by commas, not a name inside an aside', () => {
    const text = 'Premier Ana Costa, speaking from Kenya, where she was on a visit, said the result was "a great day." Then Lisbon, Porto, and Braga voted, said Rui Lopes, and the count ended "late at night."';
    const quotes = findQuotes(text, names(text, [['Ana Costa', 'PERSON'], ['Kenya', 'PLACE'], ['Lisbon', 'PLACE'], ['Porto', 'PLACE'], ['Braga', 'PLACE'], ['Rui Lopes', 'PERSON']]));
    assert.deepEqual(quotes.map(said)[0], ['a great day.', 'Ana Costa']);
  });

  it('takes the name in an apposition after a role as the speaker after the quotation', () => {
    const text = '"Renters are struggling," the charity\'s chief executive, Polly Neate, said.';
    const quotes = findQuotes(text, names(text, [['Polly Neate', 'PERSON']]));
    assert.deepEqual(quotes.map(said), [['Renters are struggling,', 'Polly Neate']]);
  });

  it('resolves "it said" to an organization and "the tribunal said" to the tribunal named before', () => {
    const text = 'Veltrix Corp reported record revenue.\n\n"Demand has never been stronger," it said.\n\n' +
      'The Competition Appeal Tribunal blocked the deal.\n\n"The merger would remove a competitor," the tribunal said.\n';
    const spans = names(text, [['Veltrix Corp', 'ORG'], ['Competition Appeal Tribunal', 'ORG']]);
    assert.deepEqual(findQuotes(text, spans).map(said), [
      ['Demand has never been stronger,', 'Veltrix Corp'], ['The merger would remove a competitor,', 'Competition Appeal Tribunal'],
    ]);
  });

  it('gives unnamed speakers no name, even when a name qualifies them', () => {
    const text = 'The plan "made commitments clear," according to one U.S. official.\n\nBut a senior U.S. administration official described the talks as "tough but fair."\n';
    const quotes = findQuotes(text, names(text, [['U.S.', 'PLACE', 'United States']]));
    assert.deepEqual(quotes.map(said), [['made commitments clear,', null], ['tough but fair.', null]]);
    assert.deepEqual(quotes.map((q) => text.slice(q.speaker!.cueStart, q.speaker!.cueEnd)), ['one U.S. official', 'a senior U.S. administration official']);
  });

  it('keeps one speaker over a quotation that runs on over paragraphs', () => {
    const text = '"We have heard these numbers before," said Amina Yusuf.\n\n"What we need are grants, not loans.\n\n"Every loan is a burden on the next generation," she said.\n';
    const quotes = findQuotes(text, names(text, [['Amina Yusuf', 'PERSON']]));
    assert.deepEqual(quotes.map(said), [
      ['We have heard these numbers before,', 'Amina Yusuf'],
      ['What we need are grants, not loans.', 'Amina Yusuf'],
      ['Every loan is a burden on the next generation,', 'Amina Yusuf'],
    ]);
    // the open quotation stops at its paragraph's end, before the blank line
    assert.ok(!quotes[1].text.includes('\n'));
  });

  it('leaves out scare quotes and titles nobody says', () => {
    const text = [
      'The strike is the first since the so-called "summer of standstill" in 2002.',
      'She will give a speech titled "Living Within Our Means."',
      'A study in the journal "The Lancet" found protection fades.',
      'Fans waved banners that read "Chan out".',
      'The plan is a "reset" of relations.',
    ].join('\n\n');
    assert.deepEqual(findQuotes(text, []), []);
  });

  it('ignores inch marks and stray marks, and stays within its paragraph', () => {
    const text = 'The screen is 27" wide.\n\nHe stands 6\'2" tall and "smiles" a lot.\n';
    assert.deepEqual(findQuotes(text, []), []);
  });

  it('is linear on hostile input: unbalanced marks, a megabyte paragraph, thousands of quotations', () => {
    const unit = '"Prices are rising fast," Anna Berg said, and "" then " unbalanced " marks "" and he said "yes" ';
    const text = unit.repeat(12000);
    const spans = names(text, [['Anna Berg', 'PERSON']]);
    const started = process.hrtime.bigint();
    const quotes = findQuotes(text, spans);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      ${text.length} characters, ${quotes.length} quotations in ${ms.toFixed(0)} ms`);
    assert.ok(quotes.filter((q) => q.text === 'Prices are rising fast,').length === 12000);
    assert.ok(ms < 10000, `took ${ms} ms`);
  });

  it('attributes the quotations of a sample article through the real tagger', async () => {
    const nameDetector = await loadDefaultNameDetector();
    const text = readFileSync(resolve(__dirname, '..', '..', 'samples', 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt'), 'utf8');
    const quotes = findQuotes(text, extract(text, { nameDetector }).spans);
    assert.deepEqual(quotes.map((q) => [q.text.slice(0, 30), q.speaker?.name ?? null]), [
      ['partnership rather than depend', 'Elbridge Colby'],
      ['we have a really strong basis ', 'Elbridge Colby'],
      ["Now it's time to march out tog", 'Elbridge Colby'],
      ['based on partnership rather th', 'Elbridge Colby'],
      ['We are already seeing signific', 'Mark Rutte'],
      ['Investment is up by tens of bi', 'Mark Rutte'],
    ]);
  });
});

describe('analysis text units', () => {
  it('splits paragraphs on blank lines and on lines that end a sentence, joining hard-wrapped lines', () => {
    const wrapped = 'This first line of the paragraph is long and runs on past the wrap';
    const text = `Headline\n\n${wrapped}\non here.\nSecond paragraph.\nA Heading\nThe section.\n\n\n  Third.  \n`;
    assert.deepEqual(paragraphsOf(text).map((p) => text.slice(p.start, p.end)),
      ['Headline', `${wrapped}\non here.`, 'Second paragraph.', 'A Heading', 'The section.', 'Third.']);
  });

  it('splits sentences, keeping abbreviations, initials and quotations whole', () => {
    const text = 'Gen. Smith met U.S. officials. "Why now? It is late," he asked. J. Doe left.';
    const inside = (o: number) => o > text.indexOf('"') && o < text.lastIndexOf('"');
    assert.deepEqual(sentencesOf(text, { start: 0, end: text.length }, inside).map((s) => text.slice(s.start, s.end)),
      ['Gen. Smith met U.S. officials.', '"Why now? It is late," he asked.', 'J. Doe left.']);
  });
});
