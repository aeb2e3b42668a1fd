import { strict as assert } from 'node:assert';
import { describeArchiveError, parseArchiveUrl, redactUrl } from '../../src/node/archive/connection';
import { decideType } from '../../src/node/archive/rows';
import { MIGRATIONS } from '../../src/node/archive/schema';

describe('archive: connection messages and type decision (no server needed)', () => {
  it('checks the URL before connecting and never shows the password', () => {
    assert.throws(() => parseArchiveUrl('localhost:5432/db'), /not a (database|PostgreSQL) URL/);
    assert.throws(() => parseArchiveUrl('mysql://u:p@h/db'), /not a PostgreSQL URL: "mysql:\/\/u:\*\*\*@h\/db"/);
    assert.throws(() => parseArchiveUrl('postgres://u:p@h:5432'), /names no database/);
    assert.equal(parseArchiveUrl('postgresql://u:secret@db.example:6543/archive').port, '6543');
    assert.equal(redactUrl('postgres://analyst:s3cr3t@db:5432/archive'), 'postgres://analyst:***@db:5432/archive');
    assert.equal(redactUrl('postgres://db:5432/archive'), 'postgres://db:5432/archive');
  });

  it('words the server\'s refusals as a person would', () => {
    const url = 'postgres://analyst:x@db.example:5433/archive';
    assert.equal(describeArchiveError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), url),
      'cannot reach the archive at db.example:5433: connection refused (is the server running and listening there?)');
    assert.equal(describeArchiveError(Object.assign(new Error('password authentication failed'), { code: '28P01' }), url),
      'password refused for user "analyst" by the archive at db.example:5433');
    assert.equal(describeArchiveError(Object.assign(new Error('database "archive" does not exist'), { code: '3D000' }), url),
      'the archive at db.example:5433 has no database "archive"');
    assert.match(describeArchiveError(new Error('Connection terminated due to connection timeout'), url), /no answer in time/);
  });

  it('decides a name\'s type by the largest weight, ties in the order PERSON, ORG, PLACE, MISC', () => {
    assert.equal(decideType([0, 4, 0, 0]), 'ORG');
    assert.equal(decideType([4, 4, 0, 0]), 'PERSON');
    assert.equal(decideType([0, 1, 5, 5]), 'PLACE');
    assert.equal(decideType([0, 0, 0, 1]), 'MISC');
  });

  it('numbers migrations from 1 without gaps', () => {
    assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
  });
});
