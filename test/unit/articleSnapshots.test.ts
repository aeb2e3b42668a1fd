// The editor's kept copies of articles as they were when annotations were anchored: by text hash,
// verified on reading, least recently used pruned past the caps, and followed by re-anchoring.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTarget } from '../../src/core/anchor/createTarget';
import { reanchor } from '../../src/core/anchor/reanchor';
import { TextHistory } from '../../src/core/anchor/textHistory';
import { articleTextHash } from '../../src/core/sidecar/textHash';
import { ArticleSnapshots } from '../../src/node/articleSnapshots';

describe('article snapshots for re-anchoring', () => {
  it('keeps a text under its hash and gives it back only when it still has that hash', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sa-snapshots-')), 'kept');
    const snapshots = new ArticleSnapshots(dir);
    const text = 'Officials said the budget would rise.\n';
    const hash = articleTextHash(text);
    await snapshots.save(text, hash);
    assert.equal(await snapshots.load(hash), text);
    assert.equal(await snapshots.load(articleTextHash('other')), undefined);
    assert.equal(await snapshots.load('not a hash/../../etc'), undefined);
    // A damaged copy is not used.
    writeFileSync(join(dir, `${hash.slice('fnv1a64:'.length)}.txt`), 'Officials said the budget would fall.\n');
    assert.equal(await snapshots.load(hash), undefined);
    assert.deepEqual([...(await snapshots.loadMany([hash, hash]))], []);
  });

  it('prunes the least recently used copies past the size cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-snapshots-'));
    const snapshots = new ArticleSnapshots(dir, { maxBytes: 1000 });
    const texts = Array.from({ length: 6 }, (_, i) => `Article ${i}: ${'x'.repeat(200)}\n`);
    for (const [i, text] of texts.entries()) {
      await snapshots.save(text);
      // Distinct, increasing use times, independent of the clock's resolution.
      utimesSync(join(dir, `${articleTextHash(text).slice(8)}.txt`), 1000 + i, 1000 + i);
    }
    // Each copy is about 212 bytes, so four fit. Using the oldest makes it the most recent; the prune then drops the next oldest.
    assert.equal(await snapshots.load(articleTextHash(texts[0])), texts[0]);
    await snapshots.prune();
    const kept = readdirSync(dir).sort();
    const expected = [texts[0], texts[5], texts[4], texts[3]].map((text) => `${articleTextHash(text).slice(8)}.txt`).sort();
    assert.deepEqual(kept, expected);
  });

  it('lets re-anchoring tell a repeated sentence from its twin, which the search alone leaves orphaned as ambiguous', async () => {
    const snapshots = new ArticleSnapshots(mkdtempSync(join(tmpdir(), 'sa-snapshots-')));
    const sentence = 'Officials in the capital said on Monday that the budget would rise by a third next year, according to the draft.';
    const before = `Budget report.\n${sentence}\nThe committee met again in the afternoon.\n${sentence}\nEnd of report.\n`;
    const after = `Budget report, updated.\n${sentence}\nThe committee met again late in the afternoon.\n${sentence}\nEnd of report.\n`;
    const start = before.lastIndexOf('the budget would rise');
    const target = createTarget(before, start, start + 'the budget would rise'.length);
    await snapshots.save(before);
    const alone = reanchor(target, after);
    assert.equal(alone.status === 'orphan' && alone.reason, 'ambiguous');
    const kept = await snapshots.loadMany([target.textHash]);
    const result = reanchor(target, after, { history: new TextHistory(after, (hash) => kept.get(hash)) });
    assert.equal(result.status, 'moved');
    assert.ok(result.status === 'moved' && result.start === after.lastIndexOf('the budget would rise'));
  });
});
