/** How article bytes become the text the editor shows: UTF-8, BOM kept; binary and over-large files are not decoded. */
export interface DecodedArticle {
  text: string;
  /** Set when the file was not decoded (binary, too large), or decoded with replacement characters. */
  warning?: string;
  /** Why `text` is empty: the file was not decoded at all. */
  skipped?: 'binary' | 'too large';
}

export function decodeArticle(bytes: Uint8Array, maxBytes = Number.POSITIVE_INFINITY): DecodedArticle {
  if (bytes.length > maxBytes) return { text: '', skipped: 'too large', warning: `larger than ${(maxBytes / 1048576).toFixed(0)} MB: not analysed` };
  if (bytes.subarray(0, 8192).includes(0)) return { text: '', skipped: 'binary', warning: 'binary file (contains NUL bytes): not analysed' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes),
      warning: 'not valid UTF-8: undecodable bytes were replaced with U+FFFD',
    };
  }
}
