/**
 * A fast, dependency-free content hash (two independent 32-bit FNV-1a lanes over UTF-16 code units,
 * plus the length). It identifies a file version for the cache, not for security: a collision only
 * costs a stale highlight until the next edit.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0') + text.length.toString(36);
}
