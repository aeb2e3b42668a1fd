import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('CLI: analysis commands', function () {
  this.timeout(60000);
  const dir = mkdtempSync(join(tmpdir(), 'sa-analysis-'));
  const article = 'Rotterdam Port Strike\n\nROTTERDAM, March 3, 2026\n\n' +
    'Port authority spokeswoman Anouk Smit spoke outside the terminal on Tuesday.\n\n' +
    '\u201cShips will be delayed,\u201d Smit told reporters. \u201cBut we expect traffic to be rerouted within days.\u201d\n';
  writeFileSync(join(dir, 'port.txt'), article);
  mkdirSync(join(dir, 'empty'));

  it('quotes --json prints the documented fields, offsets without the marks and the cue on the speaker', () => {
    const r = cli('quotes', '--json', dir);
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.equal(out.length, 2);
    for (const q of out) {
      assert.deepEqual(Object.keys(q), ['file', 'start', 'end', 'text', 'speaker', 'speakerType', 'cueStart', 'cueEnd']);
      assert.equal(q.file, join(dir, 'port.txt'));
      assert.equal(article.slice(q.start, q.end), q.text);
      assert.equal(article[q.start - 1], '\u201c');
      assert.equal(q.speaker, 'Anouk Smit');
      assert.equal(q.speakerType, 'PERSON');
      assert.equal(article.slice(q.cueStart, q.cueEnd), 'Smit');
    }
  });

  it("applies the folder's registry: a merge renames the speaker", () => {
    const merged = mkdtempSync(join(tmpdir(), 'sa-analysis-reg-'));
    writeFileSync(join(merged, 'port.txt'), article);
    mkdirSync(join(merged, '.sources'));
    writeFileSync(join(merged, '.sources', 'entities.yaml'),
      'entities:\n  - canonical: Anouk Smit-de Vries\n    type: PERSON\n    aliases: [Anouk Smit, Smit]\nignore: []\n');
    const r = cli('quotes', merged);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(lines(r.stdout).map((q) => q.speaker), ['Anouk Smit-de Vries', 'Anouk Smit-de Vries']);
  });

  it('reports a missing folder, goes on with the others, and exits 1', () => {
    const r = cli('quotes', join(dir, 'nope'), dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot read .*nope: ENOENT/);
    assert.equal(lines(r.stdout).length, 2);
  });

  it('timeline --json prints dates in date order with the documented fields; --entity filters; --details tells publication days apart', () => {
    const r = cli('timeline', '--json', dir);
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.deepEqual(out.map((e) => [e.date, e.precision, e.text]), [['2026-03-03', 'day', 'March 3, 2026'], ['2026-03-03', 'day', 'Tuesday']]);
    for (const e of out) {
      assert.deepEqual(Object.keys(e), ['date', 'precision', 'file', 'start', 'end', 'text', 'sentence', 'entities']);
      assert.equal(article.slice(e.start, e.end), e.text);
    }
    assert.deepEqual(out[1].entities, ['Anouk Smit']);
    assert.equal(out[1].sentence, 'Port authority spokeswoman Anouk Smit spoke outside the terminal on Tuesday.');
    assert.deepEqual(lines(cli('timeline', '--entity', 'smit', dir).stdout).map((e) => e.text), ['Tuesday']);
    const details = lines(cli('timeline', '--details', dir).stdout);
    assert.deepEqual(details.map((e) => e.publication), [true, true]);
    assert.equal(details[0].published, '2026-03-03');
  });

  it('connections --json prints pairs with the documented fields and writes GEXF and CSV', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sa-analysis-conn-'));
    mkdirSync(join(folder, '.sources'));
    writeFileSync(join(folder, '.sources', 'entities.yaml'),
      'entities:\n  - canonical: Anna Berg\n    type: PERSON\n  - canonical: Nordbank\n    type: ORG\nignore: []\n');
    writeFileSync(join(folder, 'a.txt'), 'Anna Berg joined Nordbank.\n\nAnna Berg and Nordbank agreed.\n\nNothing else.\n');
    const gexf = join(folder, 'graph.gexf');
    const csv = join(folder, 'edges.csv');
    const r = cli('connections', '--json', '--gexf', gexf, '--csv', csv, folder);
    assert.equal(r.status, 0, r.stderr);
    const out = lines(r.stdout);
    assert.deepEqual(out, [{ a: 'Anna Berg', b: 'Nordbank', articles: 1, paragraphs: 2, strength: 1 }]);
    assert.match(readFileSync(gexf, 'utf8'), /<node id="n\d" label="Anna Berg">/);
    assert.equal(readFileSync(csv, 'utf8'), 'source,target,articles,paragraphs,strength\r\nAnna Berg,Nordbank,1,2,1\r\n');
    assert.equal(cli('connections', '--min-count', '0', folder).status, 2);
    assert.deepEqual(lines(cli('connections', '--min-count', '3', folder).stdout), []);
  });

  it('rejects unknown options and a missing DIR with usage', () => {
    for (const command of ['quotes', 'timeline', 'connections']) {
      assert.equal(cli(command, '--bogus', dir).status, 2);
      const r = cli(command);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`Usage: source-annotator ${command}`));
    }
  });
});
