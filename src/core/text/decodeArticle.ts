/**
 * How article bytes become the text the editor shows, decoded as VS Code decodes a file it opens:
 * - a UTF-8 byte-order mark selects UTF-8 and is not part of the text (the editor shows "UTF-8 with BOM"
 *   and its offsets start after the mark);
 * - a UTF-16 LE or BE byte-order mark selects that encoding, likewise without the mark;
 * - without a mark, zero bytes only at odd (or only at even) positions of the first 512 bytes mean
 *   UTF-16 LE (or BE) text, as the editor guesses; zero bytes elsewhere mean a binary file;
 * - otherwise UTF-8, undecodable bytes replaced with U+FFFD and a warning.
 */
export interface DecodedArticle {
  text: string;
  /** Set when the file was not decoded (binary, too large), or decoded with replacement characters. */
  warning?: string;
  /** Why `text` is empty: the file was not decoded at all. */
  skipped?: 'binary' | 'too large';
  /** The encoding used, when it is not plain UTF-8. */
  encoding?: 'utf8bom' | 'utf16le' | 'utf16be';
}

/** The editor looks at this many leading bytes to tell UTF-16 without a mark from binary. */
const ZERO_BYTE_WINDOW = 512;
/** Binary detection looks at this many leading bytes. */
const BINARY_WINDOW = 8192;

export function decodeArticle(bytes: Uint8Array, maxBytes = Number.POSITIVE_INFINITY): DecodedArticle {
  if (bytes.length > maxBytes) return { text: '', skipped: 'too large', warning: `larger than ${(maxBytes / 1048576).toFixed(0)} MB: not analysed` };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { ...decodeUtf8(bytes.subarray(3)), encoding: 'utf8bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf16be');
  const guessed = guessUtf16(bytes);
  if (guessed) return decodeUtf16(bytes, guessed);
  if (bytes.subarray(0, BINARY_WINDOW).includes(0)) return { text: '', skipped: 'binary', warning: 'binary file (contains NUL bytes): not analysed' };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedArticle {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes),
      warning: 'not valid UTF-8: undecodable bytes were replaced with U+FFFD',
    };
  }
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): DecodedArticle {
  let body = bytes;
  let warning: string | undefined;
  if (body.length % 2 === 1) {
    body = body.subarray(0, body.length - 1);
    warning = 'UTF-16 text with an odd number of bytes: the last byte was dropped';
  }
  if (encoding === 'utf16be') {
    // TextDecoder has no 'utf-16be' in every runtime: swap the byte pairs and decode as little-endian
    const swapped = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      swapped[i] = body[i + 1];
      swapped[i + 1] = body[i];
    }
    body = swapped;
  }
  const text = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true }).decode(body);
  return warning ? { text, encoding, warning } : { text, encoding };
}

/** The editor's guess for text without a mark: zero bytes only at odd positions (LE) or only at even ones (BE). */
function guessUtf16(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  let couldBeLE = true;
  let couldBeBE = true;
  let containsZero = false;
  const n = Math.min(bytes.length, ZERO_BYTE_WINDOW);
  for (let i = 0; i < n; i++) {
    const odd = i % 2 === 1;
    const zero = bytes[i] === 0;
    if (zero) containsZero = true;
    if (couldBeLE && ((odd && !zero) || (!odd && zero))) couldBeLE = false;
    if (couldBeBE && ((odd && zero) || (!odd && !zero))) couldBeBE = false;
    if (zero && !couldBeLE && !couldBeBE) break;
  }
  if (!containsZero) return undefined;
  if (couldBeLE) return 'utf16le';
  if (couldBeBE) return 'utf16be';
  return undefined;
}
