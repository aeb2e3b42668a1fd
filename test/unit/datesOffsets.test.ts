import { strict as assert } from 'node:assert';
import { findDates, findPublicationDate } from '../../src/core/extract/dates';

const REF = '2026-02-12';

function assertSlices(text: string): void {
  for (const s of findDates(text, REF)) assert.equal(text.slice(s.start, s.end), s.text);
}

describe('findDates offsets and bad input', () => {
  it('keeps UTF-16 offsets exact across CRLF, a BOM and emoji', () => {
    const text = '\uFEFFHeadline 🚀🇺🇸\r\nThursday, 12 February 2026\r\nTalks 🤝 ended last year.\r\n';
    const spans = findDates(text, REF);
    assert.deepEqual(spans.map((s) => s.text), ['Thursday, 12 February 2026', 'last year']);
    assertSlices(text);
    assert.equal(spans[1].start, text.indexOf('last year'));
  });

  it('returns sorted, non-overlapping spans', () => {
    const text = 'On Monday, Oct. 26, 1998, and in the third quarter of 1998 and last week and the 1990s.';
    const spans = findDates(text, REF);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start);
    assert.equal(spans[0].text, 'Monday, Oct. 26, 1998');
  });

  // A backtracking blow-up on this line would take minutes, so the timeout is a hang guard, not a speed
  // target: speed, and how it scales with the input, is measured by `npm run bench` (bad input).
  it('finishes a 1 MB single line of digits, month names and dashes', function () {
    this.timeout(20000);
    const chunks = ['1999-', 'May ', '12 ', 'the ', 'early ', 'last ', 'Q3 ', '2000s', '-', ' ', 'Jan. '];
    let line = '';
    for (let i = 0; line.length < 1_000_000; i++) line += chunks[(i * 7) % chunks.length];
    assertSlices(line);
    const published = findPublicationDate(line);
    assert.ok(!published || (published.end ?? 0) <= line.length);
  });
});

describe('findPublicationDate', () => {
  it('reads a dateline with weekday and time near the top', () => {
    const text = 'Pentagon plans cuts\nBy Staff\nThursday, 12 February 2026 08:03 AM EST\n\nBody text mentions March 3, 2024.';
    const pub = findPublicationDate(text);
    assert.equal(pub?.iso, '2026-02-12');
    assert.equal(pub?.source, 'dateline');
    assert.equal(text.slice(pub!.start, pub!.end), 'Thursday, 12 February 2026 08:03 AM EST');
  });

  it('accepts common dateline forms', () => {
    for (const [line, iso] of [
      ['February 12, 2026', '2026-02-12'], ['12 Feb 2026', '2026-02-12'], ['2026-02-12', '2026-02-12'],
      ['Published: March 3, 2025', '2025-03-03'], ['Updated 4 Jan 2024', '2024-01-04'],
    ]) {
      assert.equal(findPublicationDate(`Headline\n${line}\nBody.`)?.iso, iso, line);
    }
  });

  it('prefers the published date over an updated one', () => {
    const text = 'Headline\nUpdated: March 5, 2025\nPublished: March 3, 2025\nBody.';
    assert.equal(findPublicationDate(text)?.iso, '2025-03-03');
  });

  it('reads Markdown front matter date with exact offsets after a BOM and CRLF', () => {
    const text = '\uFEFF---\r\ntitle: X\r\ndate: 2025-06-05\r\n---\r\nBody from May 1, 2020.';
    const pub = findPublicationDate(text);
    assert.equal(pub?.iso, '2025-06-05');
    assert.equal(pub?.source, 'front-matter');
    assert.equal(text.slice(pub!.start, pub!.end), '2025-06-05');
  });

  it('takes no event date from the story\'s first sentences for the page\'s date', () => {
    const story = 'Shipyard sells notes\n\nHarbour Line Corp. said it sold $90 million of notes due Sept. 1, 2031, through underwriters led by a '
      + 'regional bank, and would use the money to repay a loan that falls due next year.\n';
    assert.equal(findPublicationDate(story), undefined);
    const event = 'Inquiry reopens\nThe inquiry into the ferry that sank on May 3, 2009 will reopen on Monday, the ministry said in a short note.\n';
    assert.equal(findPublicationDate(event), undefined, 'a short first sentence: the date follows "on"');
    for (const [text, iso] of [
      ['Ports deal\nLISBON, Portugal, October 2, 2025 /PRNewswire/ -- Atlantic Terminals said today it had signed a thirty-year '
        + 'concession for the container port, after a tender that drew four bidders from three continents.', '2025-10-02'],
      ['Ports deal\nBy Ana Sousa, October 2, 2025\nAtlantic Terminals said it had signed.', '2025-10-02'],
      ['Ports deal\nLast updated on October 2, 2025 at 09:10\nAtlantic Terminals said it had signed.', '2025-10-02'],
    ]) assert.equal(findPublicationDate(text)?.iso, iso, text);
  });

  it('ignores dates far below the top and articles without one', () => {
    assert.equal(findPublicationDate('Headline\n\n\n\n\n\nLater: February 12, 2026.'), undefined);
    assert.equal(findPublicationDate('Headline\nNo date here at all.'), undefined);
  });
});
