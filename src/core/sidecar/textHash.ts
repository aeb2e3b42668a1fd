/**
 * FNV-1a 64-bit over the UTF-8 bytes of a string. Pure and dependency-free so the core runs anywhere;
 * it only has to tell "the article changed since anchoring" apart, not resist tampering.
 */

/** FNV-1a 64 digest as 16 lowercase hex digits. */
export function fnv1a64Hex(text: string): string {
  // The 64-bit state is kept as two 32-bit halves (local variables, no closure, so they stay in
  // registers): multiplying by the prime 2^40 + 0x1b3 is a few exact double multiplications, several
  // times faster than BigInt on a multi-megabyte article.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  const utf8 = [0, 0, 0, 0];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let count = 1;
    if (code < 0x80) {
      utf8[0] = code;
    } else {
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (code < 0x800) {
        utf8[0] = 0xc0 | (code >> 6);
        utf8[1] = 0x80 | (code & 0x3f);
        count = 2;
      } else if (code < 0x10000) {
        // Lone surrogates are encoded as their code unit, like WTF-8, so every string hashes.
        utf8[0] = 0xe0 | (code >> 12);
        utf8[1] = 0x80 | ((code >> 6) & 0x3f);
        utf8[2] = 0x80 | (code & 0x3f);
        count = 3;
      } else {
        utf8[0] = 0xf0 | (code >> 18);
        utf8[1] = 0x80 | ((code >> 12) & 0x3f);
        utf8[2] = 0x80 | ((code >> 6) & 0x3f);
        utf8[3] = 0x80 | (code & 0x3f);
        count = 4;
      }
    }
    for (let k = 0; k < count; k++) {
      lo = (lo ^ utf8[k]) >>> 0;
      const product = lo * 0x1b3;
      hi = (hi * 0x1b3 + (product - (product >>> 0)) / 0x100000000 + ((lo << 8) >>> 0)) >>> 0;
      lo = product >>> 0;
    }
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The `textHash` value stored in a sidecar target for this article text. */
export function articleTextHash(text: string): string {
  return `fnv1a64:${fnv1a64Hex(text)}`;
}
