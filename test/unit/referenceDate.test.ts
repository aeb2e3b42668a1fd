import { strict as assert } from 'node:assert';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileHints } from '../../src/cli/readArticle';
import { createTarget } from '../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';
import { extract } from '../../src/core/extract';
import { findDates, findPublicationDate } from '../../src/core/extract/dates';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';
import { analyzeArticle } from '../../src/core/index/analysis';
import { describeReference } from '../../src/core/hover/dateCard';

const dateOf = (text: string, phrase: string, reference: string): unknown =>
  findDates(text, reference).find((s) => s.text === phrase)?.value;

describe('relative weeks and weekends', () => {
  // 2026-02-09 is a Monday, 2026-02-11 a Wednesday, 2026-02-14 a Saturday
  it('reads "<weekday> of next/last week" as that weekday in the week after/before publication', () => {
    for (const ref of ['2026-02-09', '2026-02-11', '2026-02-14']) {
      assert.equal(dateOf('They will meet on Thursday of next week.', 'Thursday of next week', ref), '2026-02-19', ref);
      assert.equal(dateOf('They met on Tuesday of last week.', 'Tuesday of last week', ref), '2026-02-03', ref);
    }
    assert.equal(dateOf('The vote is on Friday of this week.', 'Friday of this week', '2026-02-09'), '2026-02-13');
  });

  it('reads "this weekend" by tense and by the publication weekday', () => {
    const weekend = (text: string, ref: string): unknown => findDates(text, ref).find((s) => /weekend/i.test(s.text))?.value;
    assert.equal(weekend('The ministers met this weekend.', '2026-02-09'), '2026-W06-WE');
    assert.equal(weekend('This weekend the leaders met in Rome.', '2026-02-11'), '2026-W06-WE');
    assert.equal(weekend('This weekend they will vote.', '2026-02-09'), '2026-W07-WE');
    assert.equal(weekend('Talks this weekend.', '2026-02-09'), '2026-W06-WE', 'a Monday story looks back');
    assert.equal(weekend('Talks this weekend.', '2026-02-11'), '2026-W07-WE', 'a midweek story looks ahead');
    assert.equal(weekend('Talks this weekend.', '2026-02-14'), '2026-W07-WE', 'a Saturday story means the weekend under way');
    assert.equal(weekend('Last weekend they talked.', '2026-02-11'), '2026-W06-WE');
  });
});

describe('the reference date chain', () => {
  const text = 'NATO leaders meet in The Hague\nTuesday, November 25\n\nThe ministers met on Monday and will meet again on Thursday.\n';

  it('takes a full dateline first, whatever the file says', () => {
    const dated = 'NATO leaders meet\nNovember 24, 2025\n\nThey met on Monday.\n';
    assert.deepEqual(findPublicationDate(dated, { name: '2024-01-01-x.txt', modified: '2026-03-01' })?.iso, '2025-11-24');
  });

  it('completes a date line without a year from the file name, then the sidecar, then the modification date', () => {
    assert.deepEqual(findPublicationDate(text, { name: 'notes/nato-2025-summit.txt', modified: '2026-01-05' }),
      { iso: '2025-11-25', source: 'date line', yearFrom: 'file name', start: 31, end: 51 });
    assert.equal(findPublicationDate(text, { name: 'summit.txt', sidecarYear: 2024, modified: '2026-01-05' })?.yearFrom, 'sidecar');
    const modified = findPublicationDate(text, { name: 'summit.txt', modified: '2025-12-01' });
    assert.deepEqual([modified?.iso, modified?.yearFrom], ['2025-11-25', 'modified date']);
    assert.equal(findPublicationDate(text, {}), undefined);
  });

  it('takes the year that puts the date line on or before the first annotation or the last save', () => {
    // a "November 25" article saved on 5 January was published the November before, not eleven months later
    const saved = findPublicationDate(text, { name: 'summit.txt', modified: '2026-01-05' });
    assert.deepEqual([saved?.iso, saved?.yearFrom], ['2025-11-25', 'modified date']);
    assert.equal(findPublicationDate(text, { name: 'summit.txt', modified: '2025-11-25' })?.iso, '2025-11-25', 'saved the same day');
    const annotated = findPublicationDate(text, { name: 'summit.txt', annotated: '2025-12-02', modified: '2027-03-01' });
    assert.deepEqual([annotated?.iso, annotated?.yearFrom], ['2025-11-25', 'sidecar'], 'the first annotation comes before the save');
    assert.equal(findPublicationDate(text, { name: 'summit.txt', annotated: '2026-11-24' })?.iso, '2025-11-25', 'annotated the day before the anniversary');
    assert.equal(findPublicationDate(text, { name: 'nato-2024.txt', annotated: '2026-01-01' })?.yearFrom, 'file name', 'the file name comes first');
  });

  it('falls back to an ISO date in the file name, and the weekdays then resolve', () => {
    const bare = 'NATO leaders meet\n\nThe ministers met on Monday and will meet again on Thursday.\n';
    const result = extract(bare, { nameDetector: new RuleNameDetector(), file: { name: '/news/2025-11-25-nato.txt' } });
    assert.deepEqual(result.reference, { iso: '2025-11-25', source: 'file name' });
    const dates = result.spans.filter((s) => s.type === 'DATE').map((s) => `${s.text}=${s.value}`);
    assert.deepEqual(dates, ['Monday=2025-11-24', 'Thursday=2025-11-27']);
    assert.equal(findPublicationDate(bare, { name: 'nato_20251125.md' })?.iso, '2025-11-25');
    assert.equal(findPublicationDate(bare, { name: 'nato-2025-13-45.md' }), undefined);
  });

  it('gives the corpus index the file name from the article\'s URI, and the date card says where the date came from', () => {
    const bare = 'NATO leaders meet\nTuesday, November 25\n\nThe ministers met on Monday.\n';
    const analysis = analyzeArticle('file:///news/nato-2025-summit.txt', bare, { extract: (t, o) => extract(t, { ...o, nameDetector: new RuleNameDetector() }) });
    assert.deepEqual([analysis.published, analysis.reference?.source, analysis.reference?.yearFrom], ['2025-11-25', 'date line', 'file name']);
    assert.equal(describeReference(analysis.reference!), 'from the date line, the year from the file name');
  });

  it('completes a wire dateline without a year the same way', () => {
    const wire = 'EU backs loan\n\nBRUSSELS, Dec 4 (Reuters) - European leaders on Thursday backed a loan.\n';
    assert.deepEqual(findPublicationDate(wire, { name: 'loan.txt', modified: '2026-12-05' }),
      { iso: '2026-12-04', source: 'date line', yearFrom: 'modified date', start: 25, end: 30 });
    const region = 'ROTTERDAM, Netherlands, March 11 — Dock workers walked out.\n';
    assert.equal(findPublicationDate(region, { name: 'strike-2026.txt' })?.iso, '2026-03-11');
    const dashOnly = 'KYIV, Dec. 4 -- Air raid sirens sounded.\n';
    assert.equal(findPublicationDate(dashOnly, { modified: '2026-12-05' })?.iso, '2026-12-04');
    // a place in ordinary case, or no dash after the date, is a sentence
    assert.equal(findPublicationDate('In Brussels, Dec 4 was the day the talks began.\n', { modified: '2026-12-05' }), undefined);
    assert.equal(findPublicationDate('BRUSSELS, Dec 4 was the day the talks began.\n', { modified: '2026-12-05' }), undefined);
  });

  it('finds a page\'s date line under its furniture, headline and byline, with a short weekday and a time with a point', () => {
    const page = 'Skip to main content\nSkip to navigation\n\nEurope\nLeaders meet again\n\nThe talks resume after a week of turmoil\n\nAnna Berg in Paris\nFri 10 Oct 2025 22.15 BST\n\nThe talks resumed on Friday.\n';
    assert.deepEqual(findPublicationDate(page, {})?.iso, '2025-10-10');
    assert.deepEqual(findDates(page, '2025-10-10').map((s) => s.text), ['Fri 10 Oct 2025 22.15 BST', 'Friday']);
    // further down, a date inside a paragraph is not the page's
    assert.equal(findPublicationDate('A\nB\nC\nD\nE\nF\nOn 3 March 2024 the talks began in earnest.\n', {}), undefined);
  });

  it('does not take a sentence that merely contains a date for a date line', () => {
    const prose = 'NATO leaders meet\nOn November 25 the ministers met in The Hague to agree on spending.\n';
    assert.equal(findPublicationDate(prose, { name: 'nato-2025.txt' }), undefined);
  });
});

describe('the CLI reads the reference-date chain\'s hints from the file', () => {
  it('gives the file name, its sidecar\'s first annotation and its modification day, and the date line takes the sidecar\'s year', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-hints-'));
    const file = join(dir, 'summit.txt');
    const text = 'Allies meet\nMonday, November 25\n\nThey met on Monday.\n';
    writeFileSync(file, text);
    const saved = new Date('2026-01-05T12:00:00Z');
    utimesSync(file, saved, saved);
    assert.deepEqual(await fileHints(file), { name: file, modified: '2026-01-05' });
    const sidecar = SidecarDocument.create();
    for (const [id, created] of [['b', '2025-02-01T10:00:00Z'], ['a', '2024-12-01T09:00:00Z']]) {
      sidecar.addAnnotation({ id, tags: ['claim'], note: '', created, modified: created, target: createTarget(text, 0, 11) });
    }
    writeFileSync(`${file}.annotations.yaml`, sidecar.toString());
    const hints = await fileHints(file);
    assert.deepEqual(hints, { name: file, annotated: '2024-12-01', modified: '2026-01-05' });
    assert.deepEqual([findPublicationDate(text, hints)?.iso, findPublicationDate(text, hints)?.yearFrom], ['2024-11-25', 'sidecar']);
    writeFileSync(`${file}.annotations.yaml`, 'annotations: [ {');
    assert.deepEqual(await fileHints(file), { name: file, modified: '2026-01-05' }, 'a sidecar that cannot be read gives no day');
  });
});
