import { strict as assert } from 'node:assert';
import { findDates } from '../../src/core/extract/dates';
import { findFigures } from '../../src/core/extract/figures';
import type { Span } from '../../src/core/extract/types';

/**
 * Dates and figures in the shapes of saved news pages (live pages' time stamps, report titles, budget releases,
 * match reports). Every sentence is written for this test.
 */

const MONDAY = '2026-03-16'; // a Monday, ISO week 12

function dates(text: string, reference = MONDAY): string[] {
  const spans = findDates(text, reference);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  return spans.map((s) => `${s.text} = ${String(s.value)}${s.mod ? ` (${s.mod})` : ''}`);
}

function figures(text: string): string[] {
  const spans = findFigures(text);
  for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
  return spans.map((s: Span) => `${s.type} ${s.text} = ${String(s.value)}`);
}

describe('dates on real-page shapes', () => {
  it('keeps a time zone\'s offset in the date\'s span, and finds no figure in it', () => {
    assert.deepEqual(dates('Posted 12 Mar 2026, 9:41 pm GMT+1'), ['12 Mar 2026, 9:41 pm GMT+1 = 2026-03-12']);
    assert.deepEqual(dates('Updated 4:12 PM GMT+2, March 9, 2026'), ['4:12 PM GMT+2, March 9, 2026 = 2026-03-09']);
    assert.deepEqual(figures('The call (UTC+2) starts at UTC-05:00 for some, with 3 speakers.'), ['QUANTITY 3 = 3']);
  });


  it('finds a date line right after a headline that ends in a number', () => {
    // the headline's "by 2030-31" and the next line's day once read as one match across the blank line
    assert.deepEqual(dates('Ports plan to double capacity by 2030-31\n\nMarch 12, 2026 - Halifax\n\nThe plan was tabled today.'),
      ['2030-31 = 2030/2031', 'March 12, 2026 = 2026-03-12', 'today = 2026-03-16']);
  });

  it('reads a report title\'s "second quarter 2025" as one quarter', () => {
    assert.deepEqual(dates('Labour market bulletin, second quarter 2025 (released 14 August 2025)'),
      ['second quarter 2025 = 2025-Q2', '14 August 2025 = 2025-08-14']);
  });

  it('gives a clock time with its zone the day of the page, or the day named just before it', () => {
    assert.deepEqual(dates('Last updated 09:12 BST, 16 March 2026\n\n08:55 GMT\nFerries resume\n\nThe sailing on Friday 20 March (departing 18:30 GMT) is full.'),
      ['09:12 BST, 16 March 2026 = 2026-03-16', '08:55 GMT = 2026-03-16', 'Friday 20 March = 2026-03-20', '18:30 GMT = 2026-03-20']);
    // a clock without a zone, or a score, stays out
    assert.deepEqual(dates('The ferry left at 14:10 and won 2-1.'), []);
  });

  it('reads a clock time alone on its line as a live page\'s time stamp, but not a decimal alone on its line', () => {
    assert.deepEqual(dates('Storm live\n\n11:40\nGusts reach the coast.\n\n9.15am\nFerries stop.\n\n92.40\nBrent at close'),
      ['11:40 = 2026-03-16', '9.15am = 2026-03-16']);
  });

  it('reads a British clock time with a point before a day, and a time on a day with its date (valued the day)', () => {
    assert.deepEqual(dates('Ministers met at 4.45pm on Friday.'), ['4.45pm on Friday = 2026-03-13']);
    assert.deepEqual(dates('The final starts at 8pm on Saturday 21 March.'), ['8pm on Saturday 21 March = 2026-03-21']);
  });

  it('reads a half-year code with its year, or after "in" without one', () => {
    assert.deepEqual(dates('Margins fell in H2 2025 and recover in 2026 H1; sales rose in H1, but the H1 visa rules stay.'),
      ['H2 2025 = 2025-H2', '2026 H1 = 2026-H1', 'H1 = 2026-H1']);
  });

  it('keeps a clock time after a day in the span and out of the value', () => {
    assert.deepEqual(dates('The talks resume next Wednesday at 10:30, and the vote is today at 5pm.'),
      ['next Wednesday at 10:30 = 2026-03-18', 'today at 5pm = 2026-03-16']);
  });

  it('reads "2h ago" and "40 minutes ago" as earlier on the day of the page', () => {
    assert.deepEqual(dates('Ferries resume - 3h ago\nPort closed - 40 minutes ago'), ['3h ago = 2026-03-16', '40 minutes ago = 2026-03-16']);
  });

  it('reads a bare weekday after a fixture in the present tense as ahead, even after a past verb in the sentence', () => {
    // Monday 16 March 2026
    assert.deepEqual(dates('Porto, who have not lost since January, host Benfica on Saturday evening.'),
      ['January = 2026-01', 'Saturday evening = 2026-03-21']);
    assert.deepEqual(dates('Porto beat Benfica on Saturday evening.'), ['Saturday evening = 2026-03-14']);
  });

  it('reads "a week on Tuesday" as the coming Tuesday and seven days', () => {
    assert.deepEqual(dates('The appeal will be heard a week on Tuesday.'), ['a week on Tuesday = 2026-03-24']);
    assert.deepEqual(dates('The appeal will be heard a week on Tuesday.', '2026-03-19'), ['a week on Tuesday = 2026-03-31']);
  });

  it('gives the first of two days sharing a month written after the second its own date', () => {
    assert.deepEqual(dates('The inquiry sat on 3 and 4 February, and between 9 or 10 March.'),
      ['3 = 2026-02-03', '4 February = 2026-02-04', '9 = 2026-03-09', '10 March = 2026-03-10']);
    assert.deepEqual(dates('Talks are set for 24-25 March.'), ['24 = 2026-03-24', '25 March = 2026-03-25']);
    // money and figures before "and" are no days
    assert.deepEqual(dates('It cost £5 and 6 tonnes were sent in May.'), ['May = 2025-05']);
  });

  it('reads "early in" and "late in" a period as its edge, and "the new year" as the next', () => {
    assert.deepEqual(dates('The mine closed late in 2024 and reopens early in the new year.'),
      ['late in 2024 = 2024 (END)', 'early in the new year = 2027 (START)']);
  });

  it('reads a year of the next century after "by"', () => {
    assert.deepEqual(dates('Seas may rise a metre by 2150, though 2150 tonnes were shipped.'), ['2150 = 2150']);
  });

  it('reads a split year in a sentence about public money as a fiscal year, and one of a season as two years', () => {
    assert.deepEqual(dates('Debt will peak at 61% of GDP in 2027-28, and the council spent £4m in 2024/25.'),
      ['2027-28 = FY2028', '2024/25 = FY2025']);
    assert.deepEqual(dates('The 2025-26 season budget rose. They were champions in 2019-20.'), ['2025-26 = 2025/2026', '2019-20 = 2019/2020']);
  });

  it('writes a fiscal year named "FY" or "fiscal year" by the year it ends', () => {
    assert.deepEqual(dates('Spending in financial year 2026/27 and FY2025-26 beat fiscal year 2024; fiscal 1990 did not.'),
      ['financial year 2026/27 = FY2027', 'FY2025-26 = FY2026', 'fiscal year 2024 = FY2024', 'fiscal 1990 = 1990']);
  });
});

describe('figures on real-page shapes: rates, scores, local dollars', () => {
  it('reads "seven in 10" as a rate, but not a count "in" a period', () => {
    assert.deepEqual(figures('Seven in 10 nurses voted; three in four agreed.'),
      ['QUANTITY Seven in 10 = 0.7', 'QUANTITY three in four = 0.75']);
    assert.deepEqual(figures('She scored 4 in 12 minutes.'), ['QUANTITY 4 = 4']);
  });

  it('finds no figures in match scores', () => {
    assert.deepEqual(figures('Celtic 2-0 Hibernian\nRangers were held 1-1 at home after a 3-2 defeat, with 48,100 fans watching.'),
      ['QUANTITY 48,100 = 48100']);
    // the opponent between the result's verb and the score, and how a draw was settled
    assert.deepEqual(figures('Molde beat Real Sociedad 3-1 on Thursday and drew with Lazio 2-2, then went out 4-5 on penalties.'), []);
    assert.deepEqual(figures('They won agg 4-2, and lost 3-3 after extra time.'), []);
    // a range of counts stays
    assert.deepEqual(figures('Each team fields 5-7 players.'), ['QUANTITY 5 = 5', 'QUANTITY 7 = 7']);
    // a range after a name, with no result's verb before it, is no score
    assert.deepEqual(figures('The board named Dr Ortiz 2-3 members.'), ['QUANTITY 2 = 2', 'QUANTITY 3 = 3']);
  });

  it('finds no count in a number word made an adjective in "-ed"', () => {
    assert.deepEqual(figures('It was a one-sided contest and a two-pronged attack by a 12-sided panel.'), ['QUANTITY 12-sided = 12']);
  });

  it('reads a bare "$" in a text about Canada or Australia as their dollar', () => {
    const canadian = 'Ottawa will spend $2.5 billion on ports. Canada and Canadian provinces share the cost with Ontario.';
    assert.deepEqual(figures(canadian), ['MONEY $2.5 billion = CAD 2500000000']);
    const australian = 'Canberra pledged $40m; Australia and Australians in Sydney welcomed it. US$10m came from a Japanese fund.';
    assert.deepEqual(figures(australian), ['MONEY $40m = AUD 40000000', 'MONEY US$10m = USD 10000000']);
    // a text about the United States keeps US dollars, though it names Canada
    const american = 'The United States sold $3bn of grain to Canada; US farmers and American ports in Washington gained, Canada said.';
    assert.deepEqual(figures(american), ['MONEY $3bn = USD 3000000000']);
  });
});

describe('article metadata and reference date on saved pages', () => {
  // imported here so the figures and dates above run without the metadata module
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { articleMetadata } = require('../../src/core/text/articleMeta') as typeof import('../../src/core/text/articleMeta');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { findPublicationDate } = require('../../src/core/extract/dates') as typeof import('../../src/core/extract/dates');

  it('passes a cookie banner, a menu of sections and a "Live:" label to the headline', () => {
    const page = 'Skip to main content\nWe care about your privacy\nWe and our partners use cookies to personalise ads and measure traffic. You can change your choices at any time.\n' +
      'Accept all | Manage options | Reject all\nThe Harbour Gazette\nNews | Business | Culture | Sport | Sign in\nBUSINESS\n\n' +
      'Dockers vote to strike as talks on pay collapse\n\nThe vote was held on Monday.\n\n© 2026 Harbour Gazette Media Ltd. All rights reserved.\n';
    assert.deepEqual(articleMetadata(page), { title: 'Dockers vote to strike as talks on pay collapse', outlet: 'Harbour Gazette' });
    const live = 'Live: Dockers strike - ports shut as talks collapse\n\nKey points\n- About 4,000 dockers walk out\n- Ferries cancelled\n\n10:05 GMT\nThe strike began.\n';
    assert.equal(articleMetadata(live).title, 'Live: Dockers strike - ports shut as talks collapse');
    assert.equal(articleMetadata('Live\n\nPorts shut as talks collapse\n').title, 'Ports shut as talks collapse');
  });

  it('reads a release\'s issuer above its label as the outlet, and a name above a role or a place as the byline', () => {
    const release = 'Ministry of Transport Norway\nPress release\n\nNew ferry contracts worth NOK 2 billion\n\nMarch 2, 2026 - Oslo, Norway\n\nThe ministry signed.\n';
    assert.deepEqual(articleMetadata(release), { title: 'New ferry contracts worth NOK 2 billion', outlet: 'Ministry of Transport Norway' });
    assert.equal(findPublicationDate(release, {})?.iso, '2026-03-02');
    const report = 'Late goal sinks leaders\n\nIngrid Halvorsen\nat Ullevaal Stadion\nSat 7 Mar 2026 19.40 GMT\n\nThe hosts won.\n';
    assert.equal(articleMetadata(report).byline, 'Ingrid Halvorsen');
    const court = 'Judge orders refund\n\nTomás Ferreira de Souza\nLegal affairs correspondent\n\nThe judge ruled.\n';
    assert.equal(articleMetadata(court).byline, 'Tomás Ferreira de Souza');
    // a name followed by a sentence is no byline
    assert.equal(articleMetadata('Judge orders refund\n\nMaria Lopez\nThe judge ruled on Monday that fees be repaid.\n').byline, undefined);
  });

  it('reads a wire dateline without a year for its outlet, and a date line with a zone offset or "2 hours ago"', () => {
    const wire = 'Ports\n\nDockers strike across Europe\n\nBy Ana Lopes\n\nMarch 5, 2026 9:05 AM GMT+1 Updated 3 hours ago\n\n' +
      'LISBON, March 5 (Reuters) - Dock workers walked out on Thursday.\n';
    assert.equal(articleMetadata(wire).outlet, 'Reuters');
    assert.equal(findPublicationDate(wire, {})?.iso, '2026-03-05');
    const agency = 'Dockers strike\n\nUpdated 7:12 AM GMT+9, March 6, 2026\n\nTOKYO (AP) — Dock workers walked out.\n';
    assert.equal(findPublicationDate(agency, {})?.iso, '2026-03-06');
  });

  it('finds a date line without a year under page furniture, its year the latest that gives its weekday', () => {
    const furniture = Array.from({ length: 12 }, (_, i) => `Section ${String.fromCharCode(65 + i)}`).join('\n');
    const page = `${furniture}\nDockers vote to strike\n\nThursday, March 5\n\nThe vote was held on Monday.\n`;
    // saved in 2027, when 5 March is a Friday: the page is of 2026, when it was a Thursday
    assert.deepEqual(findPublicationDate(page, { name: 'strike.txt', modified: '2027-04-01' })?.iso, '2026-03-05');
    assert.equal(findPublicationDate(page, { name: 'strike.txt' }), undefined);
  });
});

describe('dates and figures in names, ranks and fiscal years', () => {
  it('leaves a year or a season that is part of a name, and reads "this fiscal year" from April', () => {
    assert.deepEqual(dates('The Spring Budget 2026 and Vision 2030 were tabled in the spring of 2026.'), ['the spring of 2026 = 2026-SP']);
    assert.deepEqual(dates('Spending reaches 2% of GDP this fiscal year and 2.5% next financial year.', '2026-11-03'),
      ['this fiscal year = FY2027', 'next financial year = FY2028']);
    assert.deepEqual(dates('Spending reaches 2% of GDP this fiscal year.', '2026-02-10'), ['this fiscal year = FY2026']);
  });

  it('reads "a quarter" before "since" as a share, and an index name\'s number as no count', () => {
    assert.deepEqual(figures('Exports have fallen by a quarter since 2021, though the club served a third term.'), ['QUANTITY a quarter = 0.25']);
    assert.deepEqual(figures('The DAX 40 closed higher while NATO 32 members met.'), ['QUANTITY 32 = 32']);
    // a year that ends a name is neither a date nor a count
    assert.deepEqual(figures('Charges under the Fraud Act 2006 and Agenda 2030 were read.'), []);
    assert.deepEqual(dates('Charges under the Fraud Act 2006 and Agenda 2030 were read.'), []);
  });
});
