import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { normalizeName } from '../../src/core/index/entityKey';

const ROOT = resolve(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [join(ROOT, 'src', 'cli', 'main.ts'), ...args], { encoding: 'utf8', timeout: 120000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row { canonical: string; type: string; aliases: { text: string; count: number }[]; mentions: number; articles: number }

function rows(stdout: string): Row[] {
  return stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Row);
}

describe('CLI: entities', function () {
  this.timeout(120000);

  it('lists the samples with one type per name and none of the headline words', () => {
    const r = cli('entities', '--json', join(ROOT, 'samples'));
    assert.equal(r.status, 0, r.stderr);
    const list = rows(r.stdout);
    assert.ok(list.length > 50, `${list.length} entities`);
    const typeOf = new Map<string, Set<string>>();
    for (const row of list) {
      assert.deepEqual(Object.keys(row), ['canonical', 'type', 'aliases', 'mentions', 'articles']);
      assert.ok(['PERSON', 'ORG', 'PLACE', 'MISC'].includes(row.type));
      assert.equal(row.aliases.reduce((n, a) => n + a.count, 0), row.mentions, `${row.canonical}: alias counts sum to mentions`);
      assert.ok(row.articles >= 1 && row.articles <= row.mentions);
      for (const name of [row.canonical, ...row.aliases.map((a) => a.text)]) {
        const types = typeOf.get(normalizeName(name)) ?? new Set();
        types.add(row.type);
        typeOf.set(normalizeName(name), types);
      }
    }
    const split = [...typeOf].filter(([, types]) => types.size > 1).map(([name]) => name);
    assert.deepEqual(split, [], 'no name under two types');
    const names = new Set([...typeOf.keys()]);
    for (const junk of ['rivalry', 'multipolar', 'looms', 'obstacle', 'readiness']) assert.ok(!names.has(junk), junk);
    const trump = list.find((row) => row.canonical === 'Donald Trump')!;
    assert.equal(trump.type, 'PERSON');
    assert.ok(trump.aliases.some((a) => a.text === 'Trump'));
  });

  it('gives the same answer on a second run', () => {
    const first = cli('entities', '--json', join(ROOT, 'samples'));
    const second = cli('entities', '--json', join(ROOT, 'samples'));
    assert.equal(first.status, 0, first.stderr);
    assert.equal(second.stdout, first.stdout);
  });

  it('honours the registry above the folder, the default excludes, and keeps going past bad input', () => {
    const root = mkdtempSync(join(tmpdir(), 'sa-entities-'));
    const articles = join(root, 'news');
    mkdirSync(join(root, '.sources'), { recursive: true });
    mkdirSync(join(articles, 'node_modules'), { recursive: true });
    writeFileSync(join(root, '.sources', 'entities.yaml'),
      'entities:\n  - canonical: Acme Widgets Corporation\n    type: ORG\n    aliases:\n      - Acme\nignore:\n  - Brussels\n');
    writeFileSync(join(articles, 'a.txt'), 'Acme hires\n\nAcme said on Monday that it will hire 200 people in Brussels and Paris.\n');
    writeFileSync(join(articles, 'b.md'), 'Acme Widgets Corporation opened an office in Paris, officials in Paris said.\n');
    writeFileSync(join(articles, 'node_modules', 'c.txt'), 'Angela Merkel visited Paris.\n');
    writeFileSync(join(articles, 'binary.txt'), Buffer.from([0, 1, 2, 0, 65]));
    const r = cli('entities', '--json', articles, join(root, 'missing'));
    assert.equal(r.status, 1, 'a folder that cannot be read is an error');
    assert.match(r.stderr, /cannot read .*missing/);
    assert.match(r.stderr, /binary\.txt/);
    const list = rows(r.stdout);
    const acme = list.find((row) => row.canonical === 'Acme Widgets Corporation');
    assert.ok(acme, r.stdout);
    assert.equal(acme.type, 'ORG');
    assert.equal(acme.mentions, 3);
    assert.equal(acme.articles, 2);
    assert.ok(!list.some((row) => row.canonical === 'Brussels'), 'ignored in the registry');
    assert.ok(!list.some((row) => /Merkel/.test(row.canonical)), 'node_modules is not searched');
    const paris = list.find((row) => row.canonical === 'Paris');
    assert.equal(paris?.mentions, 3);
  });

  it('prints a table without --json, and explains its usage', () => {
    const r = cli('entities', join(ROOT, 'samples'));
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^type\s+entity\s+mentions\s+articles\s+also written$/);
    assert.match(lines[lines.length - 1], /^\d+ entities$/);
    assert.ok(lines.some((l) => /^PERSON\s+Donald Trump\s+\d+\s+\d+\s+Trump \(\d+\)/.test(l)));
    assert.equal(cli('entities').status, 2);
    assert.equal(cli('entities', '--bogus', 'x').status, 2);
    assert.match(cli('entities', '--help').stdout, /Usage: source-annotator entities/);
  });
});
