import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { checkGoldSet, isDateValue, newsGoldSetDirs, uncoveredTokens } from '../../scripts/eval/checkGold';

describe('project news gold sets (test/fixtures/newsgold/)', () => {
  const sets = newsGoldSetDirs();

  it('holds at least the blind set', () => {
    assert.ok(sets.map((d) => basename(d)).includes('blind'), `sets found: ${sets.join(', ')}`);
  });

  for (const dir of sets) {
    it(`${basename(dir)}: every gold file is well-formed under the guidelines`, () => {
      const reports = checkGoldSet(dir);
      assert.ok(reports.length > 0);
      const problems = reports.flatMap((r) => r.problems.map((p) => `${r.file}: ${p}`));
      assert.deepEqual(problems, []);
      for (const r of reports) assert.ok(Object.keys(r.counts).length > 0, `${r.file} has no spans`);
    });
  }
});

describe('gold checker', () => {
  let dir: string;
  const text = 'Ann’s trip: Ann met Bob in Paris on 5 May 2026 and paid $40 for two tickets.\n';
  const write = (spans: string[], head = 'article: a.txt\npublished: "2026-05-05"\nanchor_date: "2026-05-05"\n'): void => {
    writeFileSync(join(dir, 'gold', 'a.gold.yaml'), `${head}spans:\n${spans.map((s) => `  - ${s}\n`).join('')}`);
  };
  const problems = (): string[] => checkGoldSet(dir).flatMap((r) => r.problems);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsgold-'));
    mkdirSync(join(dir, 'articles'));
    mkdirSync(join(dir, 'gold'));
    writeFileSync(join(dir, 'articles', 'a.txt'), text);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a well-formed file and reports what no span covers', () => {
    write([
      '{start: 0, end: 3, type: PERSON, text: Ann, canonical: Ann}',
      '{start: 12, end: 15, type: PERSON, text: Ann, canonical: Ann}',
      '{start: 27, end: 32, type: PLACE, text: Paris, canonical: Paris}',
      '{start: 36, end: 46, type: DATE, text: "5 May 2026", value: "2026-05-05"}',
      '{start: 56, end: 59, type: MONEY, text: "$40", value: "USD 40"}',
      '{start: 64, end: 67, type: QUANTITY, text: two, value: 2, unit: ticket}',
    ]);
    const [report] = checkGoldSet(dir);
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.counts, { PERSON: 2, PLACE: 1, DATE: 1, MONEY: 1, QUANTITY: 1 });
    assert.deepEqual(report.uncovered.map((u) => `${u.kind}:${u.token}@${u.offsets.join(',')}`), ['capitalised:Bob@20']);
  });

  it('reports wrong offsets, overlaps, disorder and missing fields', () => {
    write([
      '{start: 0, end: 5, type: PERSON, text: "Ann’s", canonical: Ann}',
      '{start: 20, end: 23, type: PERSON, text: Bob}',
      '{start: 12, end: 15, type: PERSON, text: Ann, canonical: Ann}',
      '{start: 27, end: 32, type: PLACE, text: Pari, canonical: Paris}',
      '{start: 29, end: 34, type: PLACE, text: "ris o", canonical: x}',
      '{start: 36, end: 46, type: DATE, text: "5 May 2026", value: "5 May"}',
      '{start: 56, end: 59, type: MONEY, text: "$40", value: 40}',
      '{start: 64, end: 67, type: QUANTITY, text: two, value: "2"}',
      '{start: 68, end: 75, type: THING, text: tickets, canonical: t}',
    ]);
    const found = problems();
    const expect = [
      'the possessive stays outside the span', 'a PERSON needs a canonical name', 'not in text order',
      'text.slice(27, 32) is "Paris"', 'overlaps', 'starts inside a word', 'is not TIMEX3-style',
      'is not "ISO-currency amount"', 'QUANTITY value "2" is not a number', 'a QUANTITY needs a unit', 'unknown type THING',
    ];
    for (const e of expect) assert.ok(found.some((p) => p.includes(e)), `expected a problem with "${e}" in:\n${found.join('\n')}`);
  });

  it('reports a malformed header, a missing article and an article without gold', () => {
    write([], 'article: b.txt\npublished: 5 May\nanchor_date: soon\n');
    assert.ok(problems().some((p) => p.includes('article b.txt not found')));
    write([], 'article: a.txt\npublished: 5 May\nanchor_date: soon\n');
    const found = problems();
    assert.ok(found.includes('published must be an ISO day (quoted) or null'), found.join('\n'));
    assert.ok(found.includes('anchor_date must be an ISO day, month or year'), found.join('\n'));
    writeFileSync(join(dir, 'articles', 'c.txt'), 'More text.\n');
    assert.ok(problems().includes('article has no gold file'));
    writeFileSync(join(dir, 'gold', 'a.gold.yaml'), 'spans: [unclosed\n');
    assert.ok(problems().some((p) => p.startsWith('cannot read:')));
  });

  it('knows the guideline\'s DATE values', () => {
    for (const v of ['2026-02-12', '2026-02', '2026', '2026-W07', '2026-SU', '199', '20', 'FY2026', '1989/1991', '2026-Q1', null]) {
      assert.ok(isDateValue(v), String(v));
    }
    for (const v of ['12 February', '2026-2-1', 2026, '', '1989/1991/1993']) assert.ok(!isDateValue(v), String(v));
  });

  it('lists uncovered digits, number words and time words, but not words a span covers', () => {
    const t = 'Kenya’s output fell 3% last week; two plants shut in June.';
    const listed = uncoveredTokens(t, [{ start: 0, end: 5 }, { start: 20, end: 22 }])
      .map((u) => `${u.kind}:${u.token}`);
    assert.deepEqual(listed, ['time word:week', 'number word:two', 'time word:June']);
  });
});
