import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cacheFileEntries, cacheFileHeader, cacheFileLines } from '../../src/core/index/cacheEntry';
import { atomicWrite } from '../../src/node/atomicWrite';

/** Cache entries are JSON texts (serialised analyses): no raw line break or tab. */
const jsonEntry = fc.jsonValue().map((v) => JSON.stringify(v));

describe('index cache file (JSON Lines, in pieces)', () => {
  it('reads back the header and every entry written, for any URIs and entries', () => {
    fc.assert(fc.property(
      fc.record({ cacheVersion: fc.nat(), engine: fc.string() }),
      fc.uniqueArray(fc.tuple(fc.string(), jsonEntry), { selector: ([uri]) => uri }),
      (header, entries) => {
        const text = [...cacheFileLines(header, entries)].join('');
        assert.deepEqual(cacheFileHeader(text), { ...header });
        assert.deepEqual([...cacheFileEntries(text)], entries);
      },
    ), { numRuns: 200, seed: 11 });
  });

  it('skips a damaged line and keeps the rest; a text that is no cache file has no header', () => {
    const text = [...cacheFileLines({ cacheVersion: 1, engine: 'e' }, [['a', '{"x":1}'], ['b', '{"x":2}'], ['c', '{"x":3}']])].join('');
    const damaged = text.replace('"b"\t', '"b');
    assert.deepEqual([...cacheFileEntries(damaged)].map(([uri]) => uri), ['a', 'c']);
    assert.equal(cacheFileHeader('{"cacheVersion"'), undefined);
    assert.equal(cacheFileHeader(''), undefined);
  });

  it('is written piece by piece into one file, several write batches long, with no large piece', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-pieces-'));
    try {
      const entries: [string, string][] = Array.from({ length: 400 }, (_, n) => [`file:///a/${n}.txt`, `{"uri":"${n}","spans":[${'1,'.repeat(1000)}1]}`]);
      entries.push(['file:///a/long.txt', `{"uri":"long","text":"${'quoted \\"word\\" '.repeat(60000)}"}`]);
      const header = { cacheVersion: 3, engine: 'test' };
      const file = join(dir, 'cache.jsonl');
      await atomicWrite(file, cacheFileLines(header, entries));
      const written = readFileSync(file, 'utf8');
      assert.ok(written.length > 2 * 256 * 1024, 'the file should span several write batches');
      assert.deepEqual(cacheFileHeader(written), header);
      assert.deepEqual([...cacheFileEntries(written)], entries);
      const pieces = [...cacheFileLines(header, entries)];
      assert.ok(Math.max(...pieces.map((p) => p.length)) <= 256 * 1024, 'a long entry went out as one piece');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
