import { strict as assert } from 'node:assert';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { snippetAt } from '../../src/core/index/snippet';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { cutAtWord, MAX_LISTED_ARTICLES } from '../../src/core/hover/articleList';
import { untrustedMarkdown } from '../../src/core/hover/markdown';
import { counted, noun, plural, pluralOf, verb } from '../../src/core/util/plural';
import { lexiconExtractor } from './indexFixtures';

describe('plural and agreement', () => {
  it('inflects nouns by the rules and the exceptions', () => {
    assert.equal(plural(60, 'entity'), '60 entities');
    assert.equal(plural(1, 'entity'), '1 entity');
    assert.equal(plural(0, 'article'), '0 articles');
    assert.equal(plural(2, 'match'), '2 matches');
    assert.equal(plural(3, 'day'), '3 days');
    assert.equal(plural(2, 'box'), '2 boxes');
    assert.equal(plural(2, 'person'), '2 people');
    assert.equal(plural(2, 'other article'), '2 other articles');
    assert.equal(plural(1234, 'mention'), '1,234 mentions');
    assert.equal(pluralOf('Entity'), 'Entities');
    assert.equal(noun(2, 'sidecar'), 'sidecars');
    assert.equal(plural(2, 'criterion', 'criteria'), '2 criteria');
  });

  it('makes verbs agree with the count', () => {
    assert.equal(counted(1, 'other article', 'gives'), '1 other article gives');
    assert.equal(counted(3, 'other article', 'gives'), '3 other articles give');
    assert.equal(verb(2, 'is'), 'are');
    assert.equal(verb(2, 'has'), 'have');
    assert.equal(verb(2, 'mentions'), 'mention');
    assert.equal(verb(2, 'matches'), 'match');
    assert.equal(verb(2, 'carries'), 'carry');
    assert.equal(verb(1, 'carries'), 'carries');
  });
});

describe('hover card layout', () => {
  it('cuts titles at a word boundary', () => {
    const title = 'Defence ministers agree a common procurement plan for air defence after two days of talks in Brussels';
    const cut = cutAtWord(title, 70);
    assert.ok(cut.length <= 71, cut);
    assert.ok(cut.endsWith('…'));
    assert.ok(title.startsWith(cut.slice(0, -1)), cut);
    assert.ok(/\s/.test(title[cut.length - 1]) || title[cut.length - 1] === undefined, `cut inside a word: ${cut}`);
    assert.equal(cutAtWord('Short title'), 'Short title');
  });

  it('quotes the sentence with the mention, never a word cut in two', () => {
    const text = 'Talks stall\n\nThe meeting opened late. The U.S. Secretary of State Marco Rubio said on Friday that the alliance must do more, and that the summit would decide how much more each member spends on defence and on aid over the next decade. Mr. Tusk agreed.';
    const at = text.indexOf('Rubio');
    const s = snippetAt(text, at, at + 5);
    assert.ok(s.before.startsWith('The U.S. Secretary of State'), `the sentence starts after "late. ": ${s.before}`);
    assert.ok(s.after.endsWith('…'), 'a long sentence is cut');
    const lastWord = s.after.slice(0, -1).trim().split(' ').pop()!;
    assert.ok(text.includes(` ${lastWord} `) || text.includes(` ${lastWord}.`), `"${lastWord}" is a whole word`);
    const tusk = text.indexOf('Tusk');
    assert.deepEqual(snippetAt(text, tusk, tusk + 4), { before: 'Mr. ', match: 'Tusk', after: ' agreed.' });
    // Cut on the left: starts at a whole word.
    const long = `${'word '.repeat(40)}Secretary of State Rubio spoke.`;
    const r = long.indexOf('Rubio');
    const left = snippetAt(long, r, r + 5, 30);
    assert.ok(left.before.startsWith('…'));
    assert.ok(/^…(word |Secretary)/.test(left.before), left.before);
  });

  it('lists at most five other articles, one line each, then "Show all N articles" and one snippet from the body', () => {
    const index = new CorpusIndex({ extract: lexiconExtractor([{ text: 'Hegseth', type: 'PERSON' }]) });
    for (let i = 0; i < 9; i++) {
      index.update(`file:///a${i}.txt`, `Hegseth in headline number ${i} of a series about defence spending across the whole alliance\n\nOn day ${i}, Hegseth spoke to reporters.`);
    }
    const card = hoverCardAt(index, 'file:///a0.txt', 0)!;
    const entries = card.markdown.split('\n').filter((line) => line.startsWith('- [') && line.includes('openMention'));
    assert.equal(entries.length, MAX_LISTED_ARTICLES);
    for (const entry of entries) assert.match(entry, /· 2 mentions$/);
    assert.match(card.markdown, /\[Show all 8 articles\]\(command:sourceAnnotator\.showReferences\?/);
    const quotes = card.markdown.split('\n').filter((line) => line.startsWith('> '));
    assert.equal(quotes.length, 1);
    assert.match(quotes[0], /^> On day \d, \*\*Hegseth\*\* spoke to reporters\\\.$/);
    // The link opens the article at the quoted mention, not in the headline.
    const args = JSON.parse(decodeURIComponent(entries[0].slice(entries[0].indexOf('?') + 1, entries[0].indexOf(' "'))).replace(/\)$/, '')) as [string, number, number];
    const listed = index.textOf(args[0])!;
    assert.ok(args[1] > listed.indexOf('\n'), 'the mention below the headline');
  });
});

describe('notes rendered as untrusted Markdown', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const MarkdownIt = require('markdown-it') as new (options: object) => { render(source: string): string };
  // As VS Code renders a card: no HTML, links autolinked.
  const render = (md: string): string => new MarkdownIt({ html: false, linkify: true }).render(md);

  it('keeps emphasis, lists and web links, and line breaks as written', () => {
    const html = render(untrustedMarkdown('**Follow-up:** ask _both_ sources\n- one\n- [Reuters](https://www.reuters.com/x)'));
    assert.ok(html.includes('<strong>Follow-up:</strong>'), html);
    assert.ok(html.includes('<em>both</em>'));
    assert.ok(html.includes('<a href="https://www.reuters.com/x">Reuters</a>'));
  });

  it('turns command, file and image links, HTML, autolinks and reference definitions into text', () => {
    const note = [
      '[Remove all](command:sourceAnnotator.removeAnnotation?%5B%5D) and [x](file:///etc/passwd "t")',
      '![pixel](https://evil.example/p.png) <img src=x onerror=alert(1)> <command:workbench.action.terminal.new>',
      '[ref]: command:sourceAnnotator.removeAnnotation',
      'see [ref]',
    ].join('\n');
    const html = render(untrustedMarkdown(note));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(hrefs, [], html);
    assert.ok(!/<img|<script/.test(html), html);
    assert.ok(html.includes('Remove all'));
    assert.ok(html.includes('pixel'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'), html);
  });
});

describe('date and figure cards: one snippet', () => {
  const first = 'Ministers meet\n\nNATO allies agreed on 12 February 2026 to spend 5% of GDP on defence by 2035.';
  const second = 'Budget fight\n\nLawmakers said on 12 February 2026 that allies must spend 5% of GDP on defence by 2035.';
  const cardAt = async (word: string): Promise<string> => {
    const { extract } = await import('../../src/core/extract');
    const idx = new CorpusIndex({ extract, publishedFor: () => '2026-02-12' });
    idx.update('file:///first.txt', first);
    idx.update('file:///second.txt', second);
    return hoverCardAt(idx, 'file:///first.txt', first.indexOf(word))!.markdown;
  };

  it('quotes the sentence of the first other article that gives the same date', async () => {
    const card = await cardAt('12 February');
    assert.match(card, /\*\*Same day\*\* in 1 other article/);
    assert.equal(card.match(/^> /gm)?.length, 1, card);
    assert.match(card, /^> Lawmakers said on \*\*12 February 2026\*\* that allies/m);
  });

  it('quotes the sentence of the first other article that gives the same figure, and no month is its subject', async () => {
    const card = await cardAt('5%');
    assert.equal(card.match(/^> /gm)?.length, 1, card);
    assert.match(card, /^> .*must spend \*\*5%\*\* of GDP/m);
    assert.match(card, /about: NATO allies/);
    assert.doesNotMatch(card, /about: February/);
  });
});
