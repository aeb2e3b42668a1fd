/**
 * Keeps a hand-written file's layout through an edit made on its parsed form. The `yaml` library
 * prints a document in its own layout (one blank line where there were three, a folded note refolded,
 * a multi-line flow list on one line, a comment after `article:` moved, `-   ` indents normalized,
 * line ends unified). So the edit is carried over as a three-way merge of lines: `before` is the
 * library's print of the document as read, `source` the file as written, `after` the library's print
 * of the edited document. Lines the edit did not touch come from the file, byte for byte (with their
 * own line ends); lines it changed come from `after`, with the file's usual line end. Where the file's
 * layout and the edit touch the same lines, the edit's lines win for that stretch only. The result
 * is checked to read back as `after` does; if it does not, `after` is returned.
 */
import { parseDocument } from 'yaml';

interface Line {
  text: string;
  eol: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

/** For each line of `a`, the index of the line of `b` it is matched to by a longest common subsequence, or -1. */
function matchLines(a: readonly string[], b: readonly string[]): Int32Array | undefined {
  // Lines that are equal at both ends are matched directly; the rest by dynamic programming on the
  // middle, which an edit keeps small (sidecars are re-read and written whole, but edits are local).
  const match = new Int32Array(a.length).fill(-1);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    match[head] = head;
    head++;
  }
  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1] === b[tailB - 1]) {
    tailA--;
    tailB--;
    match[tailA] = tailB;
  }
  const n = tailA - head;
  const m = tailB - head;
  if (n === 0 || m === 0) return match;
  // Beyond this the table would be too large; the caller falls back to the library's layout.
  if (n * m > 4_000_000) return undefined;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[head + i] === b[head + j]
        ? table[(i + 1) * width + j + 1] + 1
        : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[head + i] === b[head + j]) {
      match[head + i] = head + j;
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return match;
}

/**
 * A line as the library might print it: indentation, the spaces after an item's `-` and before a
 * comment are layout. Lines are matched on this form; the merged text is checked afterwards.
 */
function normalized(text: string): string {
  return text.trim().replace(/^-\s+/, '- ').replace(/\s+#/, ' #');
}

function indentOf(text: string): number {
  return text.length - text.trimStart().length;
}

function sameTexts(x: readonly Line[], y: readonly Line[]): boolean {
  return x.length === y.length && x.every((line, index) => normalized(line.text) === normalized(y[index].text));
}

/** The file's usual line end: CRLF only when most of its lines end so. */
function dominantEol(lines: readonly Line[]): string {
  let crlf = 0;
  let other = 0;
  for (const line of lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol !== '') other++;
  }
  return crlf > other ? '\r\n' : '\n';
}

function readsAs(text: string, data: string): boolean {
  const parsed = parseDocument(text, { uniqueKeys: true });
  return parsed.errors.length === 0 && JSON.stringify(parsed.toJS({ maxAliasCount: -1 })) === data;
}

/**
 * `after`'s content in `source`'s layout, wherever the edit from `before` to `after` allows it.
 * `afterData` is what `after` reads as (JSON of the document's `toJS()`), for the final check.
 */
export function preserveLayout(before: string, source: string, after: string, afterData: () => string): string {
  if (after === before) return source;
  // A file in the library's own layout (one this extension wrote) has nothing to keep.
  if (source === before) return after;
  const base = splitLines(before);
  const ours = splitLines(source);
  const edit = splitLines(after);
  const eol = dominantEol(ours);
  const toOurs = matchLines(base.map((l) => normalized(l.text)), ours.map((l) => normalized(l.text)));
  const toEdit = matchLines(base.map((l) => l.text), edit.map((l) => l.text));
  const plain = (): string => edit.map((line) => line.text + (line.eol === '' ? '' : eol)).join('');
  if (!toOurs || !toEdit) return plain();

  const out: Line[] = [];
  // New lines are indented as the file indents lines the library indents alike.
  const indents = new Map<number, number>();
  const fresh = (lines: readonly Line[]): Line[] => lines.map((line) => {
    const printed = indentOf(line.text);
    const wanted = indents.get(printed) ?? printed;
    return { text: ' '.repeat(wanted) + line.text.slice(printed), eol };
  });
  let a = 0;
  let o = 0;
  let e = 0;
  const flush = (aEnd: number, oEnd: number, eEnd: number): void => {
    const baseChunk = base.slice(a, aEnd);
    const ourChunk = ours.slice(o, oEnd);
    const editChunk = edit.slice(e, eEnd);
    if (sameTexts(baseChunk, editChunk) || sameTexts(ourChunk, editChunk)) out.push(...ourChunk);
    else out.push(...fresh(editChunk)); // the edit changed this stretch (if the layout did too, the edit wins here)
  };
  for (let i = 0; i < base.length; i++) {
    const inOurs = toOurs[i];
    const inEdit = toEdit[i];
    if (inOurs < o || inEdit < e || inOurs < 0 || inEdit < 0) continue;
    flush(i, inOurs, inEdit);
    out.push(ours[inOurs]);
    if (base[i].text.trim() !== '') indents.set(indentOf(base[i].text), indentOf(ours[inOurs].text));
    a = i + 1;
    o = inOurs + 1;
    e = inEdit + 1;
  }
  flush(base.length, ours.length, edit.length);

  // Only the file's last line may lack a line end, and only if it did in the file.
  const finalEol = ours.length > 0 ? ours[ours.length - 1].eol : eol;
  const text = out.map((line, index) => line.text + (index === out.length - 1 ? finalEol : line.eol === '' ? eol : line.eol)).join('');
  return readsAs(text, afterData()) ? text : plain();
}
