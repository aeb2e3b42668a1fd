/**
 * The cheap path for live typing: carry an anchor through text edits by offset arithmetic alone,
 * and say when an edit touched the quote itself so the caller falls back to `reanchor`.
 */

/** Replace `[start, end)` of the text as it is at that moment with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface ShiftedRange {
  start: number;
  end: number;
  /** True when an edit changed characters inside the quote; the range is then only approximate. */
  touched: boolean;
}

/**
 * Applies edits in order, each against the text left by the previous one. VS Code reports the
 * changes of one event against the text before the event, non-overlapping; pass them sorted by
 * descending offset and they compose correctly. Text inserted exactly at either end of the quote
 * stays outside it.
 */
export function shiftThroughEdits(range: { start: number; end: number }, edits: readonly TextEdit[]): ShiftedRange {
  let { start, end } = range;
  let touched = false;
  for (const edit of edits) {
    const delta = edit.text.length - (edit.end - edit.start);
    if (edit.end <= start) {
      start += delta;
      end += delta;
    } else if (edit.start < end) {
      // The edit overlaps the quote: keep the surviving outer bounds as a hint for re-anchoring.
      touched = true;
      const newStart = Math.min(start, edit.start);
      end = end > edit.end ? end + delta : edit.start + edit.text.length;
      start = newStart;
      end = Math.max(end, start);
    }
  }
  return { start, end, touched };
}

/** One edit by offsets: `length` characters at `offset` (in the text before it) replaced by `insertedLength`. */
export interface OffsetEdit {
  offset: number;
  length: number;
  insertedLength: number;
}

/**
 * How far `[start, end)` moves through an edit that leaves it alone: 0 when it lies before the edit, the
 * edit's length change when it lies after. Undefined when the edit touches it, even at an end, where what
 * it covered may have grown or gone (a name typed on; a decoration widened by its stickiness).
 */
export function shiftPastEdit(start: number, end: number, edit: OffsetEdit): number | undefined {
  if (end < edit.offset) return 0;
  if (start > edit.offset + edit.length) return edit.insertedLength - edit.length;
  return undefined;
}
