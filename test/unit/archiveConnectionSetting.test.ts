import { strict as assert } from 'node:assert';
import { parseArchiveConnection } from '../../src/core/archive/connection';

describe('the archive connection setting', () => {
  it('takes postgres:// and postgresql:// URLs and labels them user@host:port/db', () => {
    assert.deepEqual(parseArchiveConnection(' postgres://analyst@archive.example.org:5433/news '),
      { ok: true, url: 'postgres://analyst@archive.example.org:5433/news', label: 'analyst@archive.example.org:5433/news' });
    assert.deepEqual(parseArchiveConnection('postgresql://127.0.0.1/news'), { ok: true, url: 'postgresql://127.0.0.1/news', label: '127.0.0.1:5432/news' });
  });

  it('refuses a password in the URL, and says where the password goes instead', () => {
    const result = parseArchiveConnection('postgres://analyst:hunter2@archive.example.org/news');
    assert.equal(result.ok, false);
    assert.match((result as { error: string }).error, /Set Archive Password/u);
    assert.doesNotMatch((result as { error: string }).error, /hunter2/u, 'the message repeats the password');
  });

  it('explains what is wrong with anything else', () => {
    for (const [setting, expected] of [
      ['archive.example.org/news', /not a URL/u],
      ['mysql://analyst@host/news', /starts with postgres:\/\//u],
      ['postgres://analyst@host', /names no database/u],
      ['postgres://analyst@host/', /names no database/u],
    ] as const) {
      const result = parseArchiveConnection(setting);
      assert.equal(result.ok, false, setting);
      assert.match((result as { error: string }).error, expected, setting);
    }
  });
});
