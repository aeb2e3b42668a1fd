import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { commandUri, escapeMarkdown } from '../../src/core/hover/markdown';
import { formatDateValue } from '../../src/core/hover/format';
import { extract } from '../../src/core/extract';
import { lexiconExtractor, type LexiconEntry } from './indexFixtures';

// markdown-it is present through the packaging tool; it stands in for VS Code's Markdown renderer here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options: object) => { render(source: string): string };
const renderer = new MarkdownIt({ html: true, linkify: true });

const LEXICON: LexiconEntry[] = [
  { text: 'Pete Hegseth', type: 'PERSON' },
  { text: 'Hegseth', type: 'PERSON', canonical: 'Pete Hegseth' },
  { text: 'NATO', type: 'ORG' },
  { text: 'Thursday', type: 'DATE', value: '2026-02-12', reason: 'the Thursday of the publication week' },
  { text: '12 February 2026', type: 'DATE', value: '2026-02-12' },
  { text: '29-nation', type: 'QUANTITY', value: 29, unit: 'nation' },
  { text: '32-nation', type: 'QUANTITY', value: 32, unit: 'nation' },
  { text: '$33 billion', type: 'MONEY', value: 'USD 33000000000' },
];

function corpus(published = '2026-02-12'): CorpusIndex {
  const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON, published) });
  index.update('file:///a.txt', 'Hegseth skips talks\n\nPete Hegseth met NATO on Thursday. Hegseth left.');
  index.update('file:///b.txt', 'Alliance grows\n\nThe 29-nation alliance met on 12 February 2026. Hegseth spoke about $33 billion in aid.');
  index.update('file:///c.txt', 'Bloc summit\n\nThe 32-nation bloc and Pete Hegseth.');
  return index;
}

/** Every link target in the rendered HTML, and every HTML tag name. */
function renderedLinksAndTags(markdown: string): { hrefs: string[]; tags: Set<string> } {
  const html = renderer.render(markdown);
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
  const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((m) => m[1]));
  return { hrefs, tags };
}

describe('hover cards: content', () => {
  it('name card: type, canonical, aliases, counts and other articles as openMention links', () => {
    const index = corpus();
    const text = 'Hegseth skips talks\n\nPete Hegseth met NATO on Thursday. Hegseth left.';
    const card = hoverCardAt(index, 'file:///a.txt', text.lastIndexOf('Hegseth'))!;
    assert.match(card.markdown, /\*\*Person\*\* · Pete Hegseth/);
    assert.match(card.markdown, /Also: Hegseth/);
    assert.match(card.markdown, /3 mentions in this article · 3 articles in the workspace/);
    assert.match(card.markdown, /\*\*Other articles\*\* \(2\)/);
    const { hrefs } = renderedLinksAndTags(card.markdown);
    const opens = hrefs.filter((h) => h.startsWith('command:sourceAnnotator.openMention?'));
    assert.equal(opens.length, 2);
    const args = JSON.parse(decodeURIComponent(opens[0].slice(opens[0].indexOf('?') + 1)));
    assert.equal(args[0], 'file:///b.txt');
    const b = index.spansOf('file:///b.txt').find((s) => s.text === 'Hegseth')!;
    assert.deepEqual(args, ['file:///b.txt', b.start, b.end]);
    assert.ok(card.markdown.includes('**Hegseth**'), 'the mention is bold in the snippet');
    for (const id of ['showReferences', 'registry.addAlias', 'registry.merge', 'registry.ignore']) {
      assert.ok(hrefs.some((h) => h.startsWith(`command:sourceAnnotator.${id}?`)), id);
    }
  });

  it('date card: weekday, resolution from the publication date, and the same day elsewhere', () => {
    const index = corpus();
    const text = 'Hegseth skips talks\n\nPete Hegseth met NATO on Thursday. Hegseth left.';
    const card = hoverCardAt(index, 'file:///a.txt', text.indexOf('Thursday'))!;
    assert.ok(card.markdown.includes('Thursday → Thu 12 Feb 2026, from the publication date 2026\\-02\\-12'), card.markdown);
    assert.match(card.markdown, /How: _the Thursday of the publication week_/);
    assert.match(card.markdown, /\*\*Same day\*\* in 1 other article/);
    assert.equal(formatDateValue('2026-02'), 'Feb 2026');
    assert.equal(formatDateValue('2026-02-30'), '2026-02-30');
  });

  it('date card: a value with a clock time (as other tools write it) shows the time after the day; our own clock times stay in the text', () => {
    assert.equal(formatDateValue('2026-02-13T09:00'), 'Fri 13 Feb 2026, 09:00');
    assert.equal(formatDateValue('2026-02-15T24:00'), 'Sun 15 Feb 2026, midnight (end of the day)');
    assert.equal(formatDateValue('2026-02-11TNI'), 'Wed 11 Feb 2026, night');
    assert.equal(formatDateValue('2026-02-11T99:00'), 'Wed 11 Feb 2026');
    const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, published: '2026-02-12' }) });
    const text = 'Deadline set\n\nThe agency gave the family until 9 a.m. Friday to reply.';
    index.update('file:///d.txt', text);
    const card = hoverCardAt(index, 'file:///d.txt', text.indexOf('Friday'))!;
    assert.ok(card.markdown.includes(`**Date** · ${escapeMarkdown('Fri 13 Feb 2026')}\n`), card.markdown);
    assert.ok(card.markdown.includes(`${escapeMarkdown('9 a.m. Friday → Fri 13 Feb 2026, from the publication date 2026-02-12')}`), card.markdown);
  });

  it('figure card: value with unit, and no conflict between counts whose claims differ in period', () => {
    const index = corpus();
    const text = 'Alliance grows\n\nThe 29-nation alliance met on 12 February 2026. Hegseth spoke about $33 billion in aid.';
    const quantity = hoverCardAt(index, 'file:///b.txt', text.indexOf('29-nation'))!;
    assert.match(quantity.markdown, /\*\*Quantity\*\* · 29 nation/);
    // the 29-nation alliance of February 2026 and the undated 32-nation bloc are not known to be the same claim
    // (conflicts need subject, measure and period to agree: see test/unit/figureClaims.test.ts)
    assert.doesNotMatch(quantity.markdown, /Possible conflicts/);
    const money = hoverCardAt(index, 'file:///b.txt', text.indexOf('$33'))!;
    assert.match(money.markdown, /\*\*Money\*\* · USD 33,000,000,000/);
    assert.match(money.markdown, /measures: aid/);
  });

  it('no card outside spans', () => {
    assert.equal(hoverCardAt(corpus(), 'file:///a.txt', 'Hegseth skips talks'.indexOf('talks')), undefined);
  });
});

describe('hover cards: escaping malicious articles', () => {
  const evilHeadline = '[Click me](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> ![pixel](https://evil.example/p.png)';
  const evilName = '<script>alert(1)</script>';
  const EVIL: LexiconEntry[] = [
    { text: 'Hegseth', type: 'PERSON' },
    { text: evilName, type: 'PERSON', canonical: '[x](command:evil.run?%5B%5D)' },
    { text: 'Thursday', type: 'DATE', value: '2026-02-12', reason: '<b>bold</b> [r](https://evil.example)' },
  ];

  function evilCorpus(): { index: CorpusIndex; text: string } {
    const index = new CorpusIndex({ extract: lexiconExtractor(EVIL) });
    const text = `${evilHeadline}\n\nHegseth said https://evil.example and www.evil.example ${evilName} on Thursday\n# Heading\n* list <a href="command:x">y</a> Hegseth`;
    index.update('file:///evil(1).txt', text);
    index.update('file:///home.txt', 'Home\n\nHegseth and <script>alert(1)</script> on Thursday.');
    return { index, text };
  }

  function assertInert(markdown: string): void {
    const { hrefs, tags } = renderedLinksAndTags(markdown);
    for (const href of hrefs) assert.match(href, /^command:sourceAnnotator\.(openMention|showReferences|registry\.(addAlias|merge|ignore)|timeline\.ofEntity)\?/, `unexpected link ${href}`);
    for (const tag of tags) assert.ok(['p', 'strong', 'em', 'a', 'ul', 'li', 'hr', 'blockquote'].includes(tag), `unexpected <${tag}>`);
  }

  it('renders only our own command links and plain text for every kind of card', () => {
    const { index } = evilCorpus();
    const home = 'Home\n\nHegseth and <script>alert(1)</script> on Thursday.';
    for (const offset of [home.indexOf('Hegseth'), home.indexOf('<script>'), home.indexOf('Thursday')]) {
      const card = hoverCardAt(index, 'file:///home.txt', offset)!;
      assert.ok(card, `card at ${offset}`);
      assertInert(card.markdown);
    }
    const card = hoverCardAt(index, 'file:///home.txt', home.indexOf('Hegseth'))!;
    const html = renderer.render(card.markdown);
    assert.ok(html.includes('[Click me](command:workbench.action.terminal.new)'), 'the headline shows literally');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(!html.includes('<img'));
  });

  it('keeps a URI with parentheses and quotes inside the command arguments', () => {
    const uri = 'file:///x/a (copy)\'s "draft".txt';
    const link = commandUri('sourceAnnotator.openMention', [uri, 1, 2]);
    assert.doesNotMatch(link, /[()'" ]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(link.slice(link.indexOf('?') + 1))), [uri, 1, 2]);
    const html = renderer.render(`[open](${link})`);
    const href = /<a href="([^"]*)"/.exec(html)![1];
    assert.deepEqual(JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))), [uri, 1, 2]);
  });

  it('escapes every markup character and drops line breaks and bidi overrides', () => {
    const escaped = escapeMarkdown('a*b_c`d[e](f)<g>!h|i#j\nk\u202El');
    assert.equal(escaped, 'a\\*b\\_c\\`d\\[e\\]\\(f\\)\\<g\\>\\!h\\|i\\#j kl');
    assert.equal(renderer.render(escaped).trim(), '<p>a*b_c`d[e](f)&lt;g&gt;!h|i#j kl</p>');
  });
});
