/**
 * FNV-1a 64-bit over the UTF-8 bytes of a string. Pure and dependency-free so the core runs anywhere;
 * it only has to tell "the article changed since anchoring" apart, not resist tampering.
 */

const OFFSET_BASIS = 0xcbf29ce484222325n;
const PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;

/** FNV-1a 64 digest as 16 lowercase hex digits. */
export function fnv1a64Hex(text: string): string {
  let hash = OFFSET_BASIS;
  const mix = (byte: number): void => {
    hash = ((hash ^ BigInt(byte)) * PRIME) & MASK;
  };
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
    if (isHighSurrogate && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code < 0x80) {
      mix(code);
    } else if (code < 0x800) {
      mix(0xc0 | (code >> 6));
      mix(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      // Lone surrogates are encoded as their code unit, like WTF-8, so every string hashes.
      mix(0xe0 | (code >> 12));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    } else {
      mix(0xf0 | (code >> 18));
      mix(0x80 | ((code >> 12) & 0x3f));
      mix(0x80 | ((code >> 6) & 0x3f));
      mix(0x80 | (code & 0x3f));
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** The `textHash` value stored in a sidecar target for this article text. */
export function articleTextHash(text: string): string {
  return `fnv1a64:${fnv1a64Hex(text)}`;
}
