import { strict as assert } from 'node:assert';
import { decodeArticle } from '../../src/core/text/decodeArticle';

describe('decodeArticle', () => {
  it('drops a UTF-8 BOM as the editor does, flags binary and over-large files, and replaces invalid UTF-8 with a warning', () => {
    assert.deepEqual(decodeArticle(new TextEncoder().encode('\uFEFFNATO met.')), { text: 'NATO met.', encoding: 'utf8bom' });
    assert.deepEqual(decodeArticle(new TextEncoder().encode('NATO met.')), { text: 'NATO met.' });
    assert.equal(decodeArticle(Uint8Array.from([65, 0, 0, 66])).skipped, 'binary');
    assert.equal(decodeArticle(new Uint8Array(2048).fill(65), 1024).skipped, 'too large');
    const invalid = decodeArticle(Uint8Array.from([78, 0xff, 79]));
    assert.equal(invalid.text, 'N\uFFFDO');
    assert.match(invalid.warning ?? '', /not valid UTF-8/);
  });

  it('decodes UTF-16 with a byte-order mark, and ASCII-only UTF-16 without one, as the editor does', () => {
    const text = 'NATO met in Brussels \u2014 5% of GDP.\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decodeArticle(le), { text, encoding: 'utf16le' });
    const beBody = Buffer.from(text, 'utf16le');
    for (let i = 0; i < beBody.length; i += 2) [beBody[i], beBody[i + 1]] = [beBody[i + 1], beBody[i]];
    assert.deepEqual(decodeArticle(Buffer.concat([Buffer.from([0xfe, 0xff]), beBody])), { text, encoding: 'utf16be' });
    assert.deepEqual(decodeArticle(Buffer.from('NATO met.', 'utf16le')), { text: 'NATO met.', encoding: 'utf16le' });
    const odd = decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('AB', 'utf16le'), Buffer.from([0x41])]));
    assert.equal(odd.text, 'AB');
    assert.match(odd.warning ?? '', /odd number of bytes/);
  });
});
