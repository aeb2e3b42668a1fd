import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { exportCommand } from '../../src/cli/commands/export';
import { createTarget } from '../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';
import { atomicWrite } from '../../src/node/atomicWrite';
import { FileSidecarStore } from '../../src/node/fileSidecarStore';

async function capture(run: () => Promise<number>): Promise<{ status: number; stdout: string; stderr: string }> {
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  let stdout = '';
  let stderr = '';
  process.stdout.write = ((chunk: string) => { stdout += chunk; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => { stderr += chunk; return true; }) as typeof process.stderr.write;
  try {
    return { status: await run(), stdout, stderr };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
  }
}

describe('export command and Node adapters', () => {
  let root: string;
  const article = 'Officials said the ceasefire would hold through the weekend.';

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sidecar-export-'));
    mkdirSync(path.join(root, 'news', 'node_modules'), { recursive: true });
    writeFileSync(path.join(root, 'news', 'a.txt'), article);
    const document = SidecarDocument.create({ source: 'AP', reliability: 'C', credibility: 3 });
    const start = article.indexOf('the ceasefire');
    document.addAnnotation({ id: 'c1', tags: ['claim'], note: 'Unconfirmed.', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
      target: createTarget(article, start, start + 'the ceasefire'.length) });
    writeFileSync(path.join(root, 'news', 'a.txt.annotations.yaml'), document.toString());
    writeFileSync(path.join(root, 'news', 'node_modules', 'x.txt.annotations.yaml'), 'not: [valid');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('answers --help', async () => {
    const { status, stdout } = await capture(() => exportCommand.run(['--help']));
    assert.equal(status, 0);
    assert.match(stdout, /^Usage: source-annotator export \[--format csv\|jsonld\|markdown\] \[--out FILE\] \[--no-bom\] \[--no-quotes\] PATH\.\.\./);
    assert.equal(exportCommand.name, 'export');
  });

  it('finds sidecars in a directory (skipping node_modules) and writes each format', async () => {
    const out = path.join(root, 'out.csv');
    const csv = await capture(() => exportCommand.run(['--out', out, path.join(root, 'news')]));
    assert.equal(csv.status, 0, csv.stderr);
    const written = readFileSync(out, 'utf8');
    assert.ok(written.startsWith('\ufeffarticle,'), 'CSV starts with a byte-order mark');
    const rows = written.split('\r\n');
    assert.equal(rows.length, 3);
    const plain = path.join(root, 'plain.csv');
    assert.equal((await capture(() => exportCommand.run(['--no-bom', '--out', plain, path.join(root, 'news')]))).status, 0);
    assert.ok(readFileSync(plain, 'utf8').startsWith('article,'), '--no-bom leaves it out');
    assert.match(rows[1], /a\.txt,the ceasefire,claim,Unconfirmed\.,,2026-02-12T10:00:00Z,2026-02-12T10:00:00Z,15,28,annotation,$/);

    const jsonld = await capture(() => exportCommand.run(['--format=jsonld', path.join(root, 'news', 'a.txt')]));
    assert.equal(jsonld.status, 0, jsonld.stderr);
    assert.equal(JSON.parse(jsonld.stdout).first.items[0].target.selector[0].exact, 'the ceasefire');

    const markdown = await capture(() => exportCommand.run(['--format', 'markdown', path.join(root, 'news', 'a.txt.annotations.yaml')]));
    assert.match(markdown.stdout, /## Tag: claim \(1\)\n\n> the ceasefire\n/);
    assert.match(markdown.stdout, /AP · Admiralty C3/);
    assert.match(markdown.stdout, /a\.txt\*, line \d+, column \d+–\d+/, 'the report gives line and column');
  });

  it('exports the article\'s quotations after its annotations, unless --no-quotes', async () => {
    const quoted = `${article}\n\n"We will hold the line until Sunday," Anna Berg told reporters in Geneva.\n`;
    writeFileSync(path.join(root, 'news', 'a.txt'), quoted);
    const csv = await capture(() => exportCommand.run(['--no-bom', path.join(root, 'news')]));
    assert.equal(csv.status, 0, csv.stderr);
    const rows = csv.stdout.split('\r\n');
    assert.equal(rows.length, 4, csv.stdout);
    assert.match(rows[2], /a\.txt,"We will hold the line until Sunday,",,,,,,\d+,\d+,quotation,Anna Berg$/);
    const without = await capture(() => exportCommand.run(['--no-bom', '--no-quotes', path.join(root, 'news')]));
    assert.equal(without.stdout.split('\r\n').length, 3, 'annotations only');
    const out = path.join(root, 'out.jsonld');
    const jsonld = await capture(() => exportCommand.run(['--format', 'jsonld', '--out', out, path.join(root, 'news')]));
    assert.match(jsonld.stderr, /wrote 1 annotation\(s\) and 1 quotation\(s\) from 1 sidecar\(s\)/);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).first.items[1].motivation, 'quoting');
  });

  it('reports malformed sidecars as FILE:LINE:COL, exports the rest and exits 1', async () => {
    const broken = path.join(root, 'news', 'b.txt.annotations.yaml');
    writeFileSync(broken, 'version: 1\nannotations:\n  - id: b1\n    target:\n      exact: x\n      start: -4\n      end: 1\n');
    const before = readFileSync(broken, 'utf8');
    const { status, stdout, stderr } = await capture(() => exportCommand.run([path.join(root, 'news')]));
    assert.equal(status, 1);
    assert.match(stderr, /b\.txt\.annotations\.yaml:6:14: error: "start" must be an integer ≥ 0, not number -4/);
    assert.equal(stdout.split('\r\n').length, 3, 'the valid sidecar is still exported');
    assert.equal(readFileSync(broken, 'utf8'), before);
  });

  it('rejects unknown formats and missing paths with usage errors', async () => {
    assert.equal((await capture(() => exportCommand.run(['--format', 'xml', root]))).status, 2);
    assert.equal((await capture(() => exportCommand.run([]))).status, 2);
    const missing = await capture(() => exportCommand.run([path.join(root, 'nothing.txt')]));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no sidecar found for .*nothing\.txt/);
  });

  it('replaces files atomically and leaves no temporary files behind', async () => {
    const target = path.join(root, 'file.yaml');
    await atomicWrite(target, 'first');
    await atomicWrite(target, 'second');
    assert.equal(readFileSync(target, 'utf8'), 'second');
    await assert.rejects(atomicWrite(path.join(root, 'no-such-dir', 'f.yaml'), 'x'), /ENOENT/);
    assert.deepEqual(readdirSync(root).filter((name) => name.endsWith('.tmp')), []);
    const store = new FileSidecarStore();
    assert.equal(await store.read(path.join(root, 'absent.yaml')), undefined);
    await store.write(target, 'third');
    assert.equal(await store.read(target), 'third');
  });
});
