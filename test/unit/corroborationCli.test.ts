import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

const sidecar = (source: string, published: string) => `version: 1\narticle:\n  source: ${source}\n  published: ${published}\nannotations: []\n`;

/** A wire story: four paragraphs of its own words, a figure, a day that is not its publication day, a quotation. */
const WIRE_BODY = [
  'Dock workers at the port of Rotterdam walked off the job on Monday, leaving container ships waiting at anchor in the North Sea as talks over a new labour contract broke down late on Sunday night.',
  'The union said wages had fallen 12 percent behind inflation since the last agreement was signed, and that its members would stay out until the terminal operators offered a settlement covering the lost ground.',
  '\u201cWe will not go back until the contract is signed,\u201d union leader Marit Jansen told reporters outside the main terminal gate.',
  'Mediators plan to bring both sides together again on March 6, 2026, according to a statement from the regional labour office issued on Monday afternoon.',
  'Shipping lines have begun diverting some vessels to Antwerp and Hamburg, where port authorities said they could absorb part of the extra traffic for a few weeks at most.',
];

const wire = `Rotterdam Dock Workers Strike Over Pay\n\nROTTERDAM, March 2 (Reuters) - ${WIRE_BODY.join('\n\n')}\n`;
// the same copy under another outlet's headline, a day later, its last paragraph trimmed
const republished = `Ships Stranded as Dutch Port Grinds to a Halt\n\n${WIRE_BODY.slice(0, 4).join('\n\n')}\n\nReporting by wire staff; edited for the Daily Courier.\n`;
// another outlet, its own words, the same figure, day and quotation
const independent = 'Strike at Europe\u2019s Biggest Port\n\n' +
  'Rotterdam\u2019s harbour was eerily quiet this week as thousands of dock workers stayed home, their union insisting that pay has slipped 12 percent against prices over the life of the old deal.\n\n' +
  'Union leader Marit Jansen was blunt when she spoke to the crowd. \u201cWe will not go back until the contract is signed,\u201d Jansen said.\n\n' +
  'Government mediators have called both sides back to the table on March 6, 2026, and operators say they hope for a settlement before the end of the month.\n';
// a fourth article, its own outlet, that shares nothing with the others
const unrelated = 'Council Approves New Bike Lanes\n\n' +
  'The city council in Utrecht voted on Tuesday to add 40 kilometres of protected bike lanes over the next three years, at a cost the mayor put at 9 percent of the transport budget.\n';

describe('CLI: corroboration', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'sa-corroboration-'));
  writeFileSync(join(dir, 'a-wire.txt'), wire);
  writeFileSync(join(dir, 'a-wire.txt.annotations.yaml'), sidecar('Reuters', '2026-03-02'));
  writeFileSync(join(dir, 'b-courier.txt'), republished);
  writeFileSync(join(dir, 'b-courier.txt.annotations.yaml'), sidecar('Daily Courier', '2026-03-03'));
  writeFileSync(join(dir, 'c-times.txt'), independent);
  writeFileSync(join(dir, 'c-times.txt.annotations.yaml'), sidecar('Harbour Times', '2026-03-04'));
  writeFileSync(join(dir, 'd-council.txt'), unrelated);
  writeFileSync(join(dir, 'd-council.txt.annotations.yaml'), sidecar('Utrecht Post', '2026-03-03'));
  const texts: Record<string, string> = { 'a-wire.txt': wire, 'b-courier.txt': republished, 'c-times.txt': independent, 'd-council.txt': unrelated };

  let out: Record<string, unknown>[] = [];
  before(() => {
    const r = cli('corroboration', '--json', dir);
    assert.equal(r.status, 0, r.stderr);
    out = lines(r.stdout);
    console.log(`      corroboration --json: ${out.length} lines: ${out.map((f) => `${f.kind} ${f.value} (${f.sources} sources, ${f.republished} republished)`).join('; ')}`);
  });

  it('counts the republished wire story once and the independent outlet apart, for a figure, a day and a quotation', () => {
    const byKind = new Map(out.map((f) => [f.kind as string, f]));
    const figure = out.find((f) => f.kind === 'figure' && f.value === '12 %');
    const date = out.find((f) => f.kind === 'date' && f.value === '2026-03-06');
    const quote = out.find((f) => f.kind === 'quote');
    assert.ok(figure && date && quote, JSON.stringify(out));
    assert.ok(byKind.size === 3);
    for (const f of [figure, date, quote]) {
      assert.deepEqual(Object.keys(f), ['kind', 'value', 'text', 'outlets', 'sources', 'republished', 'articles']);
      assert.deepEqual(f.outlets, ['Harbour Times', 'Reuters']);
      assert.equal(f.sources, 2);
      assert.equal(f.republished, 1);
      const articles = f.articles as { file: string; start: number; end: number; outlet: string; published: string; copyOf: string | null }[];
      assert.deepEqual(articles.map((a) => [a.file, a.outlet, a.published, a.copyOf]), [
        [join(dir, 'a-wire.txt'), 'Reuters', '2026-03-02', null],
        [join(dir, 'b-courier.txt'), 'Daily Courier', '2026-03-03', join(dir, 'a-wire.txt')],
        [join(dir, 'c-times.txt'), 'Harbour Times', '2026-03-04', null],
      ]);
      for (const a of articles) {
        const name = a.file.slice(dir.length + 1);
        const said = texts[name].slice(a.start, a.end);
        if (f.kind === 'quote') assert.equal(said, 'We will not go back until the contract is signed,');
        else assert.match(said, f.kind === 'figure' ? /^12 percent$/ : /^March 6, 2026$/);
      }
      assert.equal(f.text, wire.slice(articles[0].start, articles[0].end));
    }
    assert.equal(quote.value, 'we will not go back until the contract is signed');
  });

  it('lists nothing only one article gives, nor an article\u2019s own publication day', () => {
    assert.equal(out.filter((f) => (f.articles as { file: string }[]).some((a) => a.file.endsWith('d-council.txt'))).length, 0);
    assert.equal(out.filter((f) => f.kind === 'date' && (f.value === '2026-03-02' || f.value === '2026-03-03')).length, 0);
  });

  it('two independent outlets count twice, the same outlet twice counts once', () => {
    const two = mkdtempSync(join(tmpdir(), 'sa-corroboration-two-'));
    writeFileSync(join(two, 'a.txt'), wire);
    writeFileSync(join(two, 'a.txt.annotations.yaml'), sidecar('Reuters', '2026-03-02'));
    writeFileSync(join(two, 'c.txt'), independent);
    writeFileSync(join(two, 'c.txt.annotations.yaml'), sidecar('Harbour Times', '2026-03-04'));
    const r = cli('corroboration', '--kind', 'figure', two);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^SOURCES\s+REPUBLISHED\s+ARTICLES\s+KIND\s+WHAT\s+OUTLETS\n\s+2\s+0\s+2\s+figure\s+12 percent \(12 %\)\s+Harbour Times, Reuters\n$/u);
    writeFileSync(join(two, 'c.txt.annotations.yaml'), sidecar('Reuters', '2026-03-04'));
    const same = lines(cli('corroboration', '--json', '--kind=figure', two).stdout);
    assert.deepEqual(same.map((f) => [f.value, f.sources, f.republished, f.outlets]), [['12 %', 1, 0, ['Reuters']]]);
  });

  it('--kind keeps one kind; a bad kind is refused', () => {
    const quotes = lines(cli('corroboration', '--json', '--kind', 'quote', dir).stdout);
    assert.deepEqual(quotes.map((f) => f.kind), ['quote']);
    const dates = lines(cli('corroboration', '--json', '--kind', 'date,figure', dir).stdout);
    assert.deepEqual([...new Set(dates.map((f) => f.kind))].sort(), ['date', 'figure']);
    const bad = cli('corroboration', '--kind', 'people', dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--kind takes figure, date or quote, not people/);
  });

  it('reports an unreadable folder on stderr, reads the others, and exits 1', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = cli('corroboration', '--json', join(dir, 'nope'), dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /corroboration: cannot read .*nope: ENOENT/);
    assert.equal(lines(r.stdout).length, out.length);
  });

  it('--help describes the command and its fields', () => {
    const r = cli('corroboration', '--help');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /Usage: source-annotator corroboration \[--json\] \[--kind figure\|date\|quote\] DIR/);
    assert.match(r.stdout, /"kind", "value", "text", "outlets", "sources", "republished", "articles"/);
    assert.match(cli('--help').stdout, /corroboration/);
  });
});
