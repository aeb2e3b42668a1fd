// The editor's archive store (createArchiveStore: connection URL without password + the password from
// SecretStorage) against the real PostgreSQL test cluster: the same CorpusStore contract the in-memory store
// passes, and the failures the editor shows as one sentence.
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArchiveStore } from '../../src/node/archive/createArchiveStore';
import { describeCorpusStore } from '../unit/corpusStoreContract';
import { freshDatabase, ingestJson, tempDir } from './helpers';

/** The URL as the editor's setting holds it (no password), and the password apart, as SecretStorage keeps it. */
function splitPassword(url: string): { connection: string; password: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { connection: parsed.toString(), password };
}

describeCorpusStore('the archive on PostgreSQL, as the editor opens it', async (articles) => {
  const url = await freshDatabase('contract');
  const folder = tempDir('contract');
  for (const article of articles) writeFileSync(join(folder, article.name), article.text);
  const { result } = await ingestJson(url, folder);
  assert.equal(result.code, 0, result.stderr);
  const { connection, password } = splitPassword(url);
  assert.doesNotMatch(connection, new RegExp(`:${password}@`), 'the setting carries no password');
  return { store: createArchiveStore({ connection, password, timeoutMs: 10_000 }), fileOf: (name) => join(folder, name) };
});

describe('the editor\'s archive store when it cannot answer', function () {
  this.timeout(120_000);

  it('says the password was refused, in one sentence without the password', async () => {
    const url = await freshDatabase('refused');
    const { connection } = splitPassword(url);
    const store = createArchiveStore({ connection, password: 'not-the-password-41', timeoutMs: 10_000 });
    try {
      await assert.rejects(store.stats(), (err: Error) => {
        assert.equal(err.name, 'ArchiveError');
        assert.match(err.message, /password/i);
        assert.doesNotMatch(err.message, /not-the-password-41/);
        assert.doesNotMatch(err.message, /\n\s+at /, 'no stack trace');
        return true;
      });
    } finally {
      await store.close();
    }
  });

  it('fails fast on a closed port, naming the server', async () => {
    const store = createArchiveStore({ connection: 'postgres://analyst@127.0.0.1:9/archive', password: 'secret', timeoutMs: 3_000 });
    const started = Date.now();
    try {
      await assert.rejects(store.entity({ name: 'Helena Varga' }), (err: Error) => {
        assert.equal(err.name, 'ArchiveError');
        assert.match(err.message, /127\.0\.0\.1:9/);
        return true;
      });
      assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    } finally {
      await store.close();
    }
  });
});
