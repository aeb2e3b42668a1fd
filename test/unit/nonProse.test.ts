import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';
import { blankMarkRuns, blankNonProse, findNonProse } from '../../src/core/text/nonProse';

const covered = (text: string): string[] => findNonProse(text).map((r) => text.slice(r.start, r.end));

describe('non-prose stretches: addresses yield no figures, dates or names', () => {
  it('finds URLs, e-mail addresses, paths, handles, hashtags and percent-encoded text, leaving closing punctuation as prose', () => {
    assert.deepEqual(covered('See https://x.com/s?q=nato%20spending%2050%25&p=%24300%20million.'), ['https://x.com/s?q=nato%20spending%2050%25&p=%24300%20million']);
    assert.deepEqual(covered('(web.archive.org/web/20260212080300/https://nato.int/x),'), ['web.archive.org/web/20260212080300/https://nato.int/x']);
    assert.deepEqual(covered('Write to press@nato.int, or @NATO_Press; #NATOSummit2025!'), ['press@nato.int', '@NATO_Press', '#NATOSummit2025']);
    assert.deepEqual(covered('saved in /home/ana/2026/5.txt and C:\\Reports\\12%.doc'), ['/home/ana/2026/5.txt', 'C:\\Reports\\12%.doc']);
    assert.deepEqual(covered('the query nato%20spending and www.nato.int/en and nato.int.'), ['nato%20spending', 'www.nato.int/en', 'nato.int']);
    assert.deepEqual(covered('The #1 seed, 24/7, and/or 50% of GDP, 3.5%-4%, Amazon.com, 5%20 or (20%).'), []);
  });

  it('blanks them to spaces of the same length, so offsets hold', () => {
    const text = 'Up 5% at https://a.io/x?y=1 now.';
    const blanked = blankNonProse(text, findNonProse(text));
    assert.equal(blanked.length, text.length);
    assert.equal(blanked, 'Up 5% at ' + ' '.repeat('https://a.io/x?y=1'.length) + ' now.');
  });

  it('keeps figures, dates and names out of addresses in the pipeline, and finds them in the prose around', () => {
    const text = 'On 12 February 2026 NATO agreed 5% of GDP (https://x.com/s?q=nato%20spending%2050%25&p=%24300%20million, ' +
      'web.archive.org/web/20260212080300/https://nato.int/, press@nato.int, @NATO, #NATO2035).';
    const spans = extract(text, { nameDetector: new RuleNameDetector() }).spans;
    const inAddresses = findNonProse(text);
    for (const s of spans) assert.ok(!inAddresses.some((r) => s.start < r.end && r.start < s.end), `${s.type} "${s.text}" inside an address`);
    const texts = spans.map((s) => `${s.type}:${s.text}`);
    assert.ok(texts.includes('PERCENT:5%') && texts.includes('DATE:12 February 2026'), texts.join(' '));
    assert.equal(spans.filter((s) => s.type === 'PERCENT' || s.type === 'QUANTITY' || s.type === 'MONEY').length, 1, texts.join(' '));
  });
});

describe('runs of marks', () => {
  it('blanks runs of 32 or more marks for the name detector, keeping the length and shorter runs', () => {
    const text = `NATO${'.'.repeat(40)} Smith said "yes"?! ${'?!'.repeat(20)}end`;
    const blanked = blankMarkRuns(text);
    assert.equal(blanked.length, text.length);
    assert.equal(blanked, `NATO${' '.repeat(40)} Smith said "yes"?! ${' '.repeat(40)}end`);
    assert.equal(blankMarkRuns('No runs here... at all!'), 'No runs here... at all!');
  });

  it('blanks long runs of digits and marks but for their ends, so a code glued to a name stays whole', () => {
    const run = '12-'.repeat(20);
    const text = `F-35${run}COVID-19 and 1,234,567 and 2026-02-12T08:03`;
    const blanked = blankMarkRuns(text);
    assert.equal(blanked.length, text.length);
    const letterless = `-35${run}`; // from the letter F to the letter C
    assert.equal(blanked, `F${letterless.slice(0, 8)}${' '.repeat(letterless.length - 16)}${letterless.slice(-8)}COVID-19 and 1,234,567 and 2026-02-12T08:03`);
  });
});
