import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import type { NameDetector, Span } from '../../src/core/extract';
import { findFigures } from '../../src/core/extract/figures';
import { propagateMentions } from '../../src/core/extract/names/coreference';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';
import { tokenize } from '../../src/core/text/tokenize';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { assertValidSpans } from './spanAssertions';

/**
 * Hostile shapes through the whole pipeline with the shipped name tagger: each must finish (the timeouts
 * are hang guards, generous for a busy machine; timings belong in `npm run bench`) and give spans whose
 * offsets are valid, in order and without overlap. The same shapes are timed from 1 to 4 MB by the bench.
 */
export const HOSTILE_SHAPES: [string, (size: number) => string][] = [
  ['a name followed by a run of periods', (n) => 'NATO' + '.'.repeat(n)],
  ['a run of mixed punctuation', (n) => 'Smith said' + '?!.,;:"\'()-'.repeat(Math.ceil(n / 12))],
  ['repeated capitalised names', (n) => 'Smith '.repeat(Math.ceil(n / 6))],
  ['distinct capitalised names', (n) => Array.from({ length: Math.ceil(n / 12) }, (_, i) => `Name${i.toString(36)} said.`).join(' ')],
  ['a run of digits', (n) => '1'.repeat(n)],
  ['digits and hyphens', (n) => '12-'.repeat(Math.ceil(n / 3))],
  ['nested quotes', (n) => '"\u201c\'\u2018'.repeat(Math.ceil(n / 8)) + 'NATO' + '\'\u2019"\u201d'.repeat(Math.ceil(n / 8))],
  ['one line of URLs', (n) => 'https://x.com/s?q=nato%20spending%2050%25&p=%24300%20million '.repeat(Math.ceil(n / 60))],
  ['currency names as labels on one line', (n) => 'Dollar: '.repeat(Math.ceil(n / 8))],
  ['a year inside numbered names', (n) => 'The Russell 2000 fell in 1999. '.repeat(Math.ceil(n / 31))],
  ['hyphenated compounds on one line', (n) => 'the NATO-led, U.S.-China and Brussels-based anti-American talks '.repeat(Math.ceil(n / 64))],
];

/** The fewest CPU milliseconds of two runs of `work` (CPU time: wall time on a shared machine swings more). */
function cpuMs(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 2; run++) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('hostile input: the whole pipeline finishes with valid spans', () => {
  let detector: NameDetector | undefined;
  before(async () => { detector = await loadDefaultNameDetector(); });
  for (const [name, make] of HOSTILE_SHAPES) {
    it(`${name} (256 KB)`, function () {
      this.timeout(120000);
      const text = make(256 * 1024);
      const { spans } = extract(text, { nameDetector: detector });
      assertValidSpans(text, spans);
    });
  }

  it('keeps a year inside a numbered name out of the dates, in linear time on a page of thousands of them', function () {
    this.timeout(120000);
    const detector = new RuleNameDetector();
    const page = (size: number): string => 'The Russell 2000 fell in 1999. '.repeat(Math.ceil(size / 31));
    const found = extract(page(31 * 3), { nameDetector: detector }).spans.filter((s) => s.type === 'DATE').map((s) => s.text);
    assert.deepEqual(found, ['1999', '1999', '1999']);
    // every date was once checked against every numbered name: 64 KB → 1 MB took ×146, where linear is ×16
    extract(page(32 * 1024), { nameDetector: detector });
    const small = page(64 * 1024);
    const large = page(1024 * 1024);
    const growth = cpuMs(() => extract(large, { nameDetector: detector })) / cpuMs(() => extract(small, { nameDetector: detector }));
    console.log(`      extract, 64 KB → 1 MB of "Russell 2000 … 1999": ×${growth.toFixed(1)} (linear ×16)`);
    assert.ok(growth < 48, `×${growth.toFixed(1)} for 16 times the text`);
  });

  it('reads "Dollar:" as a line\'s label by the line break before it, in linear time on one line of labels', function () {
    this.timeout(120000);
    assert.deepEqual(findFigures('Markets\nDollar: 143.80 yen').map((s) => [s.text, s.value]), [['Dollar', null], ['143.80 yen', 'JPY 143.8']]);
    assert.deepEqual(findFigures('Markets Dollar: 143.80 yen').map((s) => [s.text, s.value]), [['143.80 yen', 'JPY 143.8']]);
    // each label used to look back to the start of its line: 128 KB → 1 MB took ×56 (20 s), where linear is ×8
    const labels = (size: number): string => 'Dollar: '.repeat(size / 8);
    findFigures(labels(64 * 1024));
    const small = labels(256 * 1024);
    const large = labels(2048 * 1024);
    const growth = cpuMs(() => findFigures(large)) / cpuMs(() => findFigures(small));
    console.log(`      figure finder, 256 KB → 2 MB of "Dollar: ": ×${growth.toFixed(1)} (linear ×8)`);
    assert.ok(growth < 32, `×${growth.toFixed(1)} for 8 times the text`);
  });

  it('tokenizes "NATO" and 200,000 periods into one word and 200,000 marks, in order', function () {
    this.timeout(60000);
    const tokens = tokenize('NATO' + '.'.repeat(200000));
    assert.equal(tokens.length, 200001);
    assert.deepEqual(tokens[0], { start: 0, end: 4, text: 'NATO' });
    assert.deepEqual(tokens[1], { start: 4, end: 5, text: '.' });
    assert.deepEqual(tokens[200000], { start: 200003, end: 200004, text: '.' });
    assert.deepEqual(tokenize('the U.S. and Feb.').map((t) => t.text), ['the', 'U.S.', 'and', 'Feb.']);
    assert.deepEqual(tokenize('on 2026-02-12, 12-3').map((t) => t.text), ['on', '2026-02-12', ',', '12', '-', '3']);
  });

  it('propagates thousands of distinct names, longest form first, at word boundaries only', function () {
    this.timeout(60000);
    const names = Array.from({ length: 20000 }, (_, i) => `Name${i}`);
    const text = names.join(' and ') + '. Name7 met Name70 and Name7x and Pete Hegseth.';
    const spans: Span[] = names.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length, type: 'PERSON', text: n, value: null }));
    spans.push({ start: 0, end: 0, type: 'PERSON', text: 'Pete Hegseth', value: null, canonical: 'Pete Hegseth' });
    const seen = new Set(spans.map((s) => s.start));
    const tail = text.indexOf('. Name7 met');
    const added = propagateMentions(text, spans, (start) => seen.has(start) && start < tail);
    const at = (form: string): string => `${form}@${text.indexOf(` ${form}`, tail) + 1}`;
    assert.deepEqual(added.map((s) => `${s.text}@${s.start}`), [at('Name7'), at('Name70'), at('Pete Hegseth')]);
  });

  it('propagates around a name thousands of words long (more than a regular expression can hold)', () => {
    const long = Array.from({ length: 6000 }, () => 'Smith').join(' ');
    const text = `${long}. Smith and Jones met Smith.`;
    const spans: Span[] = [
      { start: 0, end: long.length, type: 'PERSON', text: long, value: null },
      { start: text.indexOf('Smith and'), end: text.indexOf('Smith and') + 5, type: 'PERSON', text: 'Smith', value: null },
    ];
    const added = propagateMentions(text, spans, (start, end) => end <= long.length || start === spans[1].start);
    assert.deepEqual(added.map((s) => s.start), [text.lastIndexOf('Smith')]);
  });
});
