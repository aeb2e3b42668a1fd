import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RELIABILITY_GRADES, SIDECAR_VERSION } from '../../src/core/sidecar/model';
import { articleTextHash } from '../../src/core/sidecar/textHash';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../schemas/sidecar.schema.json'), 'utf8'));

describe('sidecar JSON Schema', () => {
  it('agrees with the code on version, Admiralty grades and value formats', () => {
    assert.equal(schema.properties.version.const, SIDECAR_VERSION);
    assert.deepEqual(schema.properties.article.properties.reliability.enum, RELIABILITY_GRADES);
    const credibility = schema.properties.article.properties.credibility;
    assert.deepEqual([credibility.minimum, credibility.maximum], [1, 6]);
    const textHash = new RegExp(schema.$defs.target.properties.textHash.pattern);
    assert.ok(textHash.test(articleTextHash('any article')));
    assert.ok(!textHash.test('sha1:abc'));
    const timestamp = new RegExp(schema.$defs.timestamp.pattern);
    assert.ok(timestamp.test(new Date().toISOString()));
    assert.ok(timestamp.test('2026-02-12'));
    assert.ok(!timestamp.test('12/02/2026'));
    assert.deepEqual(schema.$defs.annotation.required, ['id', 'target']);
  });
});
