import { strict as assert } from 'node:assert';
import { decodeArticle } from '../../src/core/text/decodeArticle';

describe('decodeArticle', () => {
  it('keeps a BOM, flags binary and over-large files, and replaces invalid UTF-8 with a warning', () => {
    assert.deepEqual(decodeArticle(new TextEncoder().encode('\uFEFFNATO met.')), { text: '\uFEFFNATO met.' });
    assert.equal(decodeArticle(Uint8Array.from([65, 0, 66])).skipped, 'binary');
    assert.equal(decodeArticle(new Uint8Array(2048).fill(65), 1024).skipped, 'too large');
    const invalid = decodeArticle(Uint8Array.from([78, 0xff, 79]));
    assert.equal(invalid.text, 'N\uFFFDO');
    assert.match(invalid.warning ?? '', /not valid UTF-8/);
  });
});
