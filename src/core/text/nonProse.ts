/**
 * Stretches of text that are addresses, not prose: URLs, e-mail addresses, file paths, @handles, hashtags
 * and percent-encoded text. No figure, date or name comes from them ("…?q=nato%20spending%2050%25" holds no
 * percentage; "@NATO" is a handle). Found chunk by chunk (runs between whitespace) with tests bounded by
 * the chunk, so the scan is linear in the text whatever its shape.
 */

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const DOMAIN_NAME = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;

export interface Range { start: number; end: number }

const TRAILING_MARKS = new Set([...'.,;:!?\'"\u201d\u2019)]}>']);
const LEADING = /^[("'\u201c\u2018[<{]+/;
const PERCENT_ENCODED = /%[0-9A-Fa-f]{2}[\p{L}\p{N}%&=+]|\p{L}%[0-9A-Fa-f]{2}(?![\p{L}\p{N}])/u;
const DOMAIN_WITH_PATH = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*/i;
const BARE_DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|int|gov|edu|mil|info|io|co|uk|eu|de|fr|ru|ua|cn|jp|ca|au|in)$/;
const EMAIL_LOCAL = /[\p{L}\p{N}._%+-]/u;
const EMAIL_DOMAIN = /[\p{L}\p{N}.-]/u;
const HANDLE = /^@[\p{L}\p{N}_]{1,50}/u;
const HASHTAG = /^#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/u;
const PATH = /^(?:~?\/|\.{1,2}\/|[A-Za-z]:\\)[^\s]*[/\\][^\s]*/;

/** The non-prose ranges of a text, in order and without overlap. */
export function findNonProse(text: string): Range[] {
  const out: Range[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    let j = i;
    let candidate = false;
    for (let c: number; j < n && !isSpace((c = text.charCodeAt(j))); j++) if (!candidate && mayStartAddress(c)) candidate = true;
    if (candidate) classifyChunk(text, i, j, out);
    i = j;
  }
  return out;
}

/**
 * Every test in classifyChunk needs one of these in the chunk (a dot, a slash, a backslash, "://", "@",
 * "#" or "%"): plain words skip it.
 */
function mayStartAddress(c: number): boolean {
  return c === 46 || c === 47 || c === 92 || c === 58 || c === 64 || c === 35 || c === 37;
}

/** The text with every non-prose range blanked to spaces (same length, so offsets are unchanged). */
export function blankNonProse(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const r of ranges) {
    parts.push(text.slice(at, r.start), ' '.repeat(r.end - r.start));
    at = r.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * The text with every run of `minRun` or more punctuation marks and digits (no letters or spaces) blanked to
 * spaces, for the name detector: a name cannot sit in "……", "?!?!" or "12-12-12-…", and a megabyte of them
 * would be a megabyte of one-mark tokens to tag. A run with digits keeps its first and last `DIGIT_RUN_MARGIN`
 * characters, so a code glued to a name ("F-35", "COVID-19") stays whole. Same length, so offsets hold.
 */
export function blankMarkRuns(text: string, minRun = 32): string {
  let out: string[] | undefined;
  let at = 0;
  let runStart = -1;
  let digits = false;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    const digit = c >= 48 && c <= 57;
    if (i < n && (digit || isMark(c))) {
      if (runStart < 0) { runStart = i; digits = false; }
      digits ||= digit;
      continue;
    }
    if (runStart >= 0 && i - runStart >= minRun) {
      const from = digits ? runStart + DIGIT_RUN_MARGIN : runStart;
      const to = digits ? i - DIGIT_RUN_MARGIN : i;
      (out ??= []).push(text.slice(at, from), ' '.repeat(to - from));
      at = to;
    }
    runStart = -1;
  }
  if (!out) return text;
  out.push(text.slice(at));
  return out.join('');
}

const DIGIT_RUN_MARGIN = 8;

/** ASCII and general punctuation that is neither a letter, a digit nor a space. */
function isMark(c: number): boolean {
  if (c < 128) return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e) || c === 0xab || c === 0xbb || c === 0xb7 || c === 0xbf || c === 0xa1;
}

function classifyChunk(text: string, start: number, end: number, out: Range[]): void {
  const chunk = text.slice(start, end);
  const lead = LEADING.exec(chunk)?.[0].length ?? 0;
  const body = chunk.slice(lead);
  if (!body) return;
  const bodyStart = start + lead;
  if (/^www\./i.test(body) || DOMAIN_WITH_PATH.test(body)) return wholeChunk(body, bodyStart, out);
  const scheme = body.indexOf('://');
  if (scheme > 0) {
    let s = scheme;
    while (s > 0 && /[A-Za-z0-9+.-]/.test(body[s - 1])) s--;
    if (s < scheme && /[A-Za-z]/.test(body[s])) {
      const from = bodyStart + s;
      let e = withoutTrailingMarks(body);
      if (body[e] === ')' && body.lastIndexOf('(', e) > scheme) e++;
      if (bodyStart + e > from) out.push({ start: from, end: bodyStart + e });
      return;
    }
  }
  if (BARE_DOMAIN.test(body.slice(0, withoutTrailingMarks(body)))) return wholeChunk(body, bodyStart, out);
  if (body[0] === '@') {
    const m = HANDLE.exec(body);
    if (m) { out.push({ start: bodyStart, end: bodyStart + m[0].length }); return; }
  }
  if (body[0] === '#') {
    const m = HASHTAG.exec(body);
    if (m) { out.push({ start: bodyStart, end: bodyStart + m[0].length }); return; }
  }
  if (body.includes('@') && emails(body, bodyStart, out)) return;
  if (PATH.test(body)) return wholeChunk(body, bodyStart, out);
  if (body.includes('%') && PERCENT_ENCODED.test(body)) return wholeChunk(body, bodyStart, out);
}

/** The whole chunk is an address: trailing punctuation stays prose; a closing bracket stays in the address when it opened there. */
function wholeChunk(body: string, bodyStart: number, out: Range[]): void {
  let e = withoutTrailingMarks(body);
  if (body[e] === ')' && body.lastIndexOf('(', e) >= 0) e++;
  if (e > 0) out.push({ start: bodyStart, end: bodyStart + e });
}

/** E-mail addresses inside a chunk ("(press@nato.int)"); true when one was found. */
function emails(body: string, offset: number, out: Range[]): boolean {
  let found = false;
  let from = 0;
  for (let at = body.indexOf('@'); at >= 0; at = body.indexOf('@', at + 1)) {
    let s = at;
    while (s > from && EMAIL_LOCAL.test(body[s - 1])) s--;
    let e = at + 1;
    while (e < body.length && EMAIL_DOMAIN.test(body[e])) e++;
    while (e > at + 1 && (body[e - 1] === '.' || body[e - 1] === '-')) e--;
    const domain = body.slice(at + 1, e);
    if (s < at && domain.length <= 255 && DOMAIN_NAME.test(domain)) {
      out.push({ start: offset + s, end: offset + e });
      found = true;
      from = e;
      at = e - 1;
    }
  }
  return found;
}

/** The length of a chunk without its closing punctuation (a loop, not a regular expression: `[…]+$` retries from every mark). */
function withoutTrailingMarks(body: string): number {
  let e = body.length;
  while (e > 0 && TRAILING_MARKS.has(body[e - 1])) e--;
  return e;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x202f;
}
