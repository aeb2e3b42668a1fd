import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { fnv1a64Hex } from '../../src/core/sidecar/textHash';

/** The textbook definition, with BigInt, as the reference the fast version must equal. */
function reference(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

describe('FNV-1a 64 text hash', () => {
  it('matches the definition over UTF-8 on known values', () => {
    assert.equal(fnv1a64Hex(''), 'cbf29ce484222325');
    assert.equal(fnv1a64Hex('a'), 'af63dc4c8601ec8c');
    assert.equal(fnv1a64Hex('foobar'), '85944171f73967e8');
  });

  it('matches the BigInt definition on random text, accents, emoji and CJK included', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => fnv1a64Hex(s) === reference(s)), { numRuns: 500, seed: 11 });
  });
});
