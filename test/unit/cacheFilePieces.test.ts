import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { cacheFilePieces } from '../../src/core/index/cacheEntry';
import { atomicWrite } from '../../src/node/atomicWrite';

describe('index cache file in pieces', () => {
  it('spells exactly what JSON.stringify spells, for any URIs and entries', () => {
    fc.assert(fc.property(
      fc.record({ cacheVersion: fc.nat(), engine: fc.string() }),
      fc.dictionary(fc.string(), fc.string()),
      (header, entries) => {
        const pieces = [...cacheFilePieces(header, Object.entries(entries))];
        assert.equal(pieces.join(''), JSON.stringify({ ...header, entries }));
      },
    ), { numRuns: 200, seed: 11 });
  });

  it('is written piece by piece into one file, several write batches long', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-pieces-'));
    try {
      const entries: [string, string][] = Array.from({ length: 400 }, (_, n) => [`file:///a/${n}.txt`, `{"uri":"${n}","spans":[${'1,'.repeat(1000)}1]}`]);
      entries.push(['file:///a/long.txt', `{"uri":"long","text":"${'quoted \\"word\\" '.repeat(60000)}"}`]);
      const file = join(dir, 'cache.json');
      await atomicWrite(file, cacheFilePieces({ cacheVersion: 3, engine: 'test' }, entries));
      const written = readFileSync(file, 'utf8');
      assert.ok(written.length > 2 * 256 * 1024, 'the file should span several write batches');
      assert.deepEqual(JSON.parse(written), { cacheVersion: 3, engine: 'test', entries: Object.fromEntries(entries) });
      const pieces = [...cacheFilePieces({ cacheVersion: 3, engine: 'test' }, entries)];
      assert.ok(Math.max(...pieces.map((p) => p.length)) <= 256 * 1024 + 64, 'a long entry went out as one piece');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
