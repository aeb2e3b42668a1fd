/**
 * The packed spans of a cache entry as one short string instead of a JSON array of numbers: a warm start
 * reads ten thousand entries, and decoding this straight into the `Int32Array` the index keeps allocates
 * nothing else (a JSON array of a million spans' numbers is hundreds of megabytes of short-lived arrays).
 *
 * Each number is a variable-length integer in URL-safe base-64 digits (nothing JSON escapes), five bits
 * per digit, least significant first; a digit of 32 or more says another follows. Numbers are zigzag-coded
 * (0, -1, 1, -2, … → 0, 1, 2, 3, …) so the -1 of an absent field is one digit. A span's start is written
 * as the distance from the previous span's start and its end as its length, so most numbers are one or
 * two digits. The string starts with the count of numbers.
 */
import { SPAN_STRIDE, SpanField } from './analysis';

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE_OF = new Int8Array(128).fill(-1);
for (let d = 0; d < DIGITS.length; d++) VALUE_OF[DIGITS.charCodeAt(d)] = d;

const MORE = 32;
// bound once (the decoding loop runs for every number of every entry)
const STRIDE = SPAN_STRIDE;
const START = SpanField.start;
const END = SpanField.end;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** True when every number is an integer the packing keeps exactly (32 bits, and so are the differences). */
export function isPackable(spans: ArrayLike<number>): boolean {
  if (spans.length % SPAN_STRIDE !== 0) return false;
  let previousStart = 0;
  for (let i = 0; i < spans.length; i++) {
    const v = spans[i];
    if (!Number.isInteger(v) || v < INT32_MIN || v > INT32_MAX) return false;
    const field = i % SPAN_STRIDE;
    const written = field === START ? v - previousStart : field === END ? v - spans[i - 1] : v;
    if (field === START) previousStart = v;
    if (written < INT32_MIN || written > INT32_MAX) return false;
  }
  return true;
}

/** The string for `spans` (SPAN_STRIDE numbers per span); check `isPackable` first. */
export function encodeSpans(spans: ArrayLike<number>): string {
  const codes: number[] = [];
  pushDigits(codes, spans.length);
  let previousStart = 0;
  for (let i = 0, field = 0; i < spans.length; i++, field = field === STRIDE - 1 ? 0 : field + 1) {
    const v = spans[i];
    if (field === START) {
      pushDigits(codes, v - previousStart);
      previousStart = v;
    } else pushDigits(codes, field === END ? v - spans[i - 1] : v);
  }
  let text = '';
  for (let at = 0; at < codes.length; at += CHUNK) text += String.fromCharCode(...codes.slice(at, at + CHUNK));
  return text;
}

/** Characters per `String.fromCharCode` call (its arguments go on the stack). */
const CHUNK = 4096;
const CODE_OF = Array.from(DIGITS, (c) => c.charCodeAt(0));

function pushDigits(codes: number[], value: number): void {
  let z = ((value << 1) ^ (value >> 31)) >>> 0;
  while (z >= MORE) {
    codes.push(CODE_OF[MORE + (z & 31)]);
    z >>>= 5;
  }
  codes.push(CODE_OF[z]);
}

/**
 * The spans `encodeSpans` wrote; undefined when the text is not such a string (a damaged entry is then
 * analysed again). One pass, linear in the text, no allocation beyond the result.
 */
export function decodeSpans(text: string): Int32Array | undefined {
  let spans: Int32Array | undefined;
  let count = -1;
  let i = 0;
  let field = 0;
  let previousStart = 0;
  let z = 0;
  let shift = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    let d = code < 128 ? VALUE_OF[code] : -1;
    if (d < 0) return undefined;
    const more = d >= MORE;
    if (more) d -= MORE;
    // 32 bits at most: seven digits, the last holding two bits
    if (shift > 30 || (shift === 30 && d > 3)) return undefined;
    z = (z | (d << shift)) >>> 0;
    if (more) {
      shift += 5;
      continue;
    }
    const value = (z >>> 1) ^ -(z & 1);
    z = 0;
    shift = 0;
    if (!spans) {
      if (value < 0 || value % STRIDE !== 0 || value > text.length) return undefined;
      count = value;
      spans = new Int32Array(count);
      continue;
    }
    if (i >= count) return undefined;
    if (field === START) spans[i] = previousStart = (previousStart + value) | 0;
    else if (field === END) spans[i] = (spans[i - 1] + value) | 0;
    else spans[i] = value;
    i++;
    field = field === STRIDE - 1 ? 0 : field + 1;
  }
  return spans && shift === 0 && i === count ? spans : undefined;
}
