/**
 * A long document held as a list of paragraph blocks that follows the editor's edits, so that an edit
 * costs work near the edit only: no copy of the whole text, no re-splitting, and nothing to shift in the
 * unchanged rest but each later block's start (spans are kept relative to their block). Readers visit
 * the spans of a window with their absolute offsets, or ask for one offset's span as an absolute copy.
 * Pure (no `vscode`), unit-tested directly.
 */
import { shiftPastEdit } from '../../core/anchor/shiftThroughEdits';
import type { Span } from '../../core/extract';
import type { StringPool } from '../../core/util/stringPool';
import { DEFAULT_BLOCK_LIMITS, splitIntoBlocks, type BlockLimits } from './textBlocks';
import { firstIndex } from '../../core/util/firstIndex';

export interface LiveBlock {
  start: number;
  text: string;
  /** Spans with offsets relative to the block's start, or undefined while the block waits for extraction. */
  spans: Span[] | undefined;
  /**
   * While it waits after an edit: the spans of the text it replaced that the edit did not touch, moved to
   * where that text is now, so the highlights around a keystroke stay until the block is extracted again.
   */
  provisional?: Span[];
}

/** Gives a block the spans of its current text; its provisional spans are then no longer needed. */
export function fill(block: LiveBlock, spans: Span[]): void {
  block.spans = spans;
  block.provisional = undefined;
}

/** Shares the strings of spans deserialised from a worker (see `StringPool`); changes them in place. */
export function shareStrings(spans: Span[], pool: StringPool): Span[] {
  for (const s of spans) {
    s.type = pool.intern(s.type) as Span['type'];
    s.text = pool.intern(s.text);
    if (typeof s.value === 'string') s.value = pool.intern(s.value);
    if (s.canonical !== undefined) s.canonical = pool.intern(s.canonical);
    if (s.unit !== undefined) s.unit = pool.intern(s.unit);
    if (s.mod !== undefined) s.mod = pool.intern(s.mod) as Span['mod'];
    if (s.reason !== undefined) s.reason = pool.intern(s.reason);
  }
  return spans;
}

export interface TextEdit {
  /** Offset of the replaced range in the text before this edit. */
  offset: number;
  length: number;
  text: string;
}

export class LiveBlocks {
  private list: LiveBlock[];

  constructor(text: string, private readonly limits: BlockLimits = DEFAULT_BLOCK_LIMITS) {
    this.list = splitIntoBlocks(text, limits).map((b) => ({ start: b.start, text: b.text, spans: undefined }));
    if (this.list.length === 0) this.list = [{ start: 0, text: '', spans: undefined }];
  }

  get blocks(): readonly LiveBlock[] {
    return this.list;
  }

  get length(): number {
    const last = this.list[this.list.length - 1];
    return last.start + last.text.length;
  }

  /** The first `count` characters, without joining the whole document. */
  head(count: number): string {
    let out = '';
    for (const b of this.list) {
      if (out.length >= count) break;
      out += b.text;
    }
    return out.slice(0, count);
  }

  /** Whether `block` is still part of the text (an edit replaces the blocks it touches with new ones). */
  holds(block: LiveBlock): boolean {
    return this.list[this.indexAt(block.start)] === block;
  }

  /**
   * Applies edits given against the text before all of them (as VS Code reports one change event):
   * highest offset first, so earlier offsets stay valid.
   */
  apply(edits: readonly TextEdit[]): void {
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) this.applyOne(edit);
  }

  /** Absolute copies of the spans (extracted, else provisional) that overlap [from, to), in text order. */
  spansBetween(from: number, to: number): Span[] {
    const out: Span[] = [];
    this.forEachSpanBetween(from, to, (start, end, s) => out.push({ ...s, start, end }));
    return out;
  }

  /**
   * Calls `visit` with the absolute offsets of each span (extracted, else provisional) that overlaps
   * [from, to), in text order, and the span as stored (its own offsets relative to its block). No copies:
   * the highlighter reads a screenful of spans at every repaint.
   */
  forEachSpanBetween(from: number, to: number, visit: (start: number, end: number, span: Span) => void): void {
    for (let i = this.indexAt(from); i < this.list.length && this.list[i].start < to; i++) {
      const b = this.list[i];
      const spans = b.spans ?? b.provisional;
      if (!spans) continue;
      for (const s of spans) {
        if (s.end + b.start <= from) continue;
        if (s.start + b.start >= to) break;
        visit(s.start + b.start, s.end + b.start, s);
      }
    }
  }

  /** The extracted span covering `offset`, as an absolute copy. */
  spanAt(offset: number): Span | undefined {
    const b = this.list[this.indexAt(offset)];
    const relative = offset - b.start;
    const s = (b.spans ?? b.provisional)?.find((x) => x.start <= relative && relative < x.end);
    return s && absolute(s, b.start);
  }

  /** Every extracted span as an absolute copy (a full pass: for callers that need the whole document). */
  spans(): Span[] {
    return this.spansBetween(0, Number.MAX_SAFE_INTEGER);
  }

  /** Marks every block for extraction again (new detector, new publication date). */
  invalidate(): void {
    for (const b of this.list) {
      b.spans = undefined;
      b.provisional = undefined;
    }
  }

  private applyOne(edit: TextEdit): void {
    const first = this.indexAt(edit.offset);
    const last = this.indexAt(edit.offset + edit.length);
    const a = this.list[first];
    const z = this.list[last];
    const merged = a.text.slice(0, edit.offset - a.start) + edit.text + z.text.slice(edit.offset + edit.length - z.start);
    const delta = edit.text.length - edit.length;
    const replacement: LiveBlock[] = merged.length > this.limits.max || /\n[ \t]*\n/.test(edit.text)
      ? splitIntoBlocks(merged, this.limits).map((b) => ({ start: a.start + b.start, text: b.text, spans: undefined }))
      : [{ start: a.start, text: merged, spans: undefined }];
    if (replacement.length === 0) replacement.push({ start: a.start, text: '', spans: undefined });
    carryOver(this.list.slice(first, last + 1), edit, replacement);
    this.list.splice(first, last - first + 1, ...replacement);
    if (delta !== 0) for (let i = first + replacement.length; i < this.list.length; i++) this.list[i].start += delta;
  }

  /** The index of the block holding `offset`; an offset on a boundary belongs to the block it starts. */
  indexAt(offset: number): number {
    return Math.max(0, firstIndex(this.list.length, (i) => this.list[i].start > offset) - 1);
  }
}

/**
 * Gives the blocks replacing `replaced` the spans the edit left alone: those wholly before it, and those
 * wholly after it moved by its length change. A span the edit touches, even at an end, is dropped: the
 * name may have grown or gone.
 */
function carryOver(replaced: readonly LiveBlock[], edit: TextEdit, replacement: LiveBlock[]): void {
  const offsetEdit = { offset: edit.offset, length: edit.length, insertedLength: edit.text.length };
  // The surviving spans and their new absolute offsets, side by side: each span is copied once, into its
  // new block, because this runs at every key typed into a long article.
  const kept: Span[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const b of replaced) {
    for (const s of b.spans ?? b.provisional ?? []) {
      const shift = shiftPastEdit(s.start + b.start, s.end + b.start, offsetEdit);
      if (shift === undefined) continue;
      kept.push(s);
      starts.push(s.start + b.start + shift);
      ends.push(s.end + b.start + shift);
    }
  }
  if (kept.length === 0) return;
  let k = 0;
  for (const b of replacement) {
    const end = b.start + b.text.length;
    const mine: Span[] = [];
    for (; k < kept.length && ends[k] <= end; k++) {
      if (starts[k] >= b.start) mine.push({ ...kept[k], start: starts[k] - b.start, end: ends[k] - b.start });
    }
    if (mine.length > 0) b.provisional = mine;
  }
}

function absolute(s: Span, offset: number): Span {
  return { ...s, start: s.start + offset, end: s.end + offset };
}
