import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'sa-cli-'));
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  const empty = join(dir, 'empty.txt');
  writeFileSync(a, 'NATO defence ministers met in Brussels.\n');
  writeFileSync(b, 'Ministers met again.\n');
  writeFileSync(empty, '');

  it('stops quietly when the reader closes the pipe early (| head)', () => {
    const samples = join(ROOT, 'samples');
    const r = spawnSync('sh', ['-c', `"${TSX}" "${join(ROOT, 'src', 'cli', 'main.ts')}" quotes --json "${samples}" | head -c 1 >/dev/null`],
      { encoding: 'utf8', timeout: 60000 });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });

  it('prints one JSON object for one file', () => {
    const r = cli('extract', '--json', a);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.file, a);
    assert.ok(Array.isArray(out.spans));
    for (const s of out.spans) assert.equal('NATO defence ministers met in Brussels.\n'.slice(s.start, s.end), s.text);
  });

  it('prints JSON Lines in input order for several files, and [] for an empty file', () => {
    const r = cli('extract', '--json', b, empty, a, '--date', '2026-02-12');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.file), [b, empty, a]);
    assert.deepEqual(lines[1].spans, []);
  });

  it('prints a file with many thousands of spans as one JSON line, the spans whole and in order', () => {
    // written in several pieces (a few thousand spans each): the joins must not show
    // in a folder of its own: the scan test below counts the articles of `dir`
    const many = join(mkdtempSync(join(tmpdir(), 'sa-cli-many-')), 'many.txt');
    const text = '1,'.repeat(12000);
    writeFileSync(many, text);
    const r = cli('extract', '--json', many, a, '--date', '2026-02-12');
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.deepEqual(lines.slice(2), ['']);
    const first = JSON.parse(lines[0]);
    assert.deepEqual(Object.keys(first), ['file', 'spans']);
    assert.equal(first.file, many);
    assert.equal(first.spans.length, 12000);
    first.spans.forEach((s: { start: number; end: number; text: string; type: string; value: unknown }, k: number) => {
      assert.deepEqual([s.start, s.end, s.text, s.type, s.value], [2 * k, 2 * k + 1, '1', 'QUANTITY', 1]);
    });
    assert.equal(JSON.parse(lines[1]).file, a);
  });

  it('fails with a clear message on a missing file or a malformed date', () => {
    const missing = cli('extract', '--json', join(dir, 'nope.txt'));
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /cannot read .*nope\.txt.*ENOENT/);
    assert.deepEqual(JSON.parse(missing.stdout), { file: join(dir, 'nope.txt'), error: 'cannot read: no such file (ENOENT)' });
    const badDate = cli('extract', '--json', a, '--date', '12/02/2026');
    assert.equal(badDate.status, 2);
    assert.match(badDate.stderr, /YYYY-MM-DD/);
  });

  it('takes a month or a year for --date when no day is known, and resolves only what it fixes', () => {
    // its own folder: other tests scan `dir`
    const dated = join(mkdtempSync(join(tmpdir(), 'sa-cli-date-')), 'dated.txt');
    const text = 'Ministers met on Thursday. Spending rose last year and again last month.\n';
    writeFileSync(dated, text);
    const valueOf = (out: { spans: { text: string; value: unknown }[] }, phrase: string) => out.spans.find((s) => s.text === phrase)?.value;
    const year = cli('extract', '--json', dated, '--date', '2026');
    assert.equal(year.status, 0, year.stderr);
    const byYear = JSON.parse(year.stdout);
    assert.equal(valueOf(byYear, 'last year'), '2025');
    assert.equal(valueOf(byYear, 'Thursday'), null, 'which Thursday depends on the day');
    assert.equal(valueOf(byYear, 'last month'), null);
    const month = JSON.parse(cli('extract', '--json', dated, '--date', '2026-03').stdout);
    assert.equal(valueOf(month, 'last month'), '2026-02');
    assert.equal(valueOf(month, 'last year'), '2025');
    assert.equal(valueOf(month, 'Thursday'), null);
    for (const bad of ['2026-13', '2026-02-30', '26']) {
      const r = cli('extract', '--json', dated, '--date', bad);
      assert.equal(r.status, 2, bad);
      assert.match(r.stderr, /--date must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY/);
    }
  });

  it('gives a failing file an error object in place of its spans, goes on with the rest, and exits 1 at the end', () => {
    const folder = join(dir, 'folder.txt');
    mkdirSync(folder, { recursive: true });
    const r = cli('extract', '--json', a, folder, b);
    assert.equal(r.status, 1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.file), [a, folder, b]);
    assert.deepEqual(lines[1], { file: folder, error: 'cannot read: a folder, not a file (EISDIR)' });
    assert.ok(Array.isArray(lines[0].spans) && Array.isArray(lines[2].spans));
    assert.match(r.stderr, /cannot read .*folder\.txt/);
  });

  it('scan gives an unreadable article a row saying why, lists the others, and exits 1', () => {
    const scanDir = mkdtempSync(join(tmpdir(), 'sa-scan-'));
    writeFileSync(join(scanDir, 'good.txt'), 'NATO defence ministers met in Brussels on 12 February 2026.\n');
    symlinkSync(join(scanDir, 'gone.txt'), join(scanDir, 'dangling.txt'));
    const r = cli('scan', scanDir);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^dangling\.txt .*error: cannot read: no such file \(ENOENT\)$/m);
    assert.match(r.stdout, /^good\.txt\s+\d/m);
    assert.match(r.stdout, /2 articles, 1 failed/);
  });

  it('scan, entities and the analysis commands read the same articles, by the editor\'s default patterns', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'sa-corpus-'));
    const line = (name: string): string => `${name} met NATO defence ministers in Brussels on 12 February 2026. "We will pay," ${name} said.\n`;
    const files: Record<string, string> = {
      'top.txt': line('Marta Lindqvist'),
      'notes/deeper.md': line('Jonas Berglund'),
      '.drafts/hidden.txt': line('Ilse Moreau'),
      'build/skipped.txt': line('Pavel Orlov'),
      'node_modules/pkg/readme.md': line('Pavel Orlov'),
      'top.txt.annotations.yaml': 'annotations: []\n',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(corpus, name, '..'), { recursive: true });
      writeFileSync(join(corpus, name), text);
    }
    const expected = ['.drafts/hidden.txt', 'notes/deeper.md', 'top.txt'];
    const scan = cli('scan', corpus);
    assert.equal(scan.status, 0, scan.stderr);
    const scanned = scan.stdout.split('\n').slice(1, -2).map((row) => row.split(/\s+/)[0]);
    assert.deepEqual(scanned, expected, scan.stdout);
    const entities = cli('entities', '--json', corpus);
    assert.equal(entities.status, 0, entities.stderr);
    const people = entities.stdout.trim().split('\n').map((l) => JSON.parse(l) as { canonical: string; type: string })
      .filter((e) => e.type === 'PERSON').map((e) => e.canonical).sort();
    assert.deepEqual(people, ['Ilse Moreau', 'Jonas Berglund', 'Marta Lindqvist']);
    const quotes = cli('quotes', '--json', corpus);
    assert.equal(quotes.status, 0, quotes.stderr);
    const quoted = [...new Set(quotes.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file.slice(corpus.length + 1)))].sort();
    assert.deepEqual(quoted, expected);
  });

  it('answers --help for the tool and every subcommand', () => {
    const top = cli('--help');
    assert.equal(top.status, 0);
    const names = [...top.stdout.matchAll(/^ {2}(\w+) {2,}/gm)].map((m) => m[1]);
    assert.ok(names.includes('extract') && names.includes('scan'), top.stdout);
    for (const name of names) {
      const r = cli(name, '--help');
      assert.equal(r.status, 0, `${name} --help`);
      assert.match(r.stdout, new RegExp(`Usage: source-annotator ${name}`));
    }
  });

  it('scan prints a table with a row per article', () => {
    const r = cli('scan', dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^article\s+PERSON\s+ORG/m);
    assert.match(r.stdout, /a\.txt/);
    assert.match(r.stdout, /3 articles/);
  });
});
