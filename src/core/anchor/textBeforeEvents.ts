/**
 * The text of an open article as it was before each change event: what lets the live anchors know the
 * very text an edit removed, so that only that text put back (undo, the paste of a cut) brings an
 * annotation back, never other text of the same length. Change events carry only what was inserted, so
 * the text is kept here: a copy read at some point plus the edits of the events since, applied only when
 * the text is asked for (an edit removed an annotated quote) and folded in by re-reading the document
 * every `MAX_PENDING` events, so that typing costs one array push per keystroke.
 */
import type { TextEdit } from './shiftThroughEdits';

/** Events kept unapplied before the text is read afresh. */
const MAX_PENDING = 64;

export class TextBeforeEvents {
  private pending: (readonly TextEdit[])[] = [];
  private pendingLength: number;

  /** @param text the document's text now, before the next event */
  constructor(private text: string) {
    this.pendingLength = text.length;
  }

  /** The length of the text after the recorded events: compared with the document's, it tells a missed event. */
  get length(): number {
    return this.pendingLength;
  }

  /** The text before the event being handled (call it before `record`-ing that event). */
  current(): string {
    for (const edits of this.pending) this.text = applyEvent(this.text, edits);
    this.pending = [];
    return this.text;
  }

  /**
   * Records one event: `edits` against the text before it (non-overlapping, as VS Code reports them);
   * `after` reads the document after it, which is only done every `MAX_PENDING` events.
   */
  record(edits: readonly TextEdit[], after: () => string): void {
    for (const edit of edits) this.pendingLength += edit.text.length - (edit.end - edit.start);
    this.pending.push(edits.map((edit) => ({ ...edit })));
    if (this.pending.length >= MAX_PENDING) {
      this.text = after();
      this.pending = [];
      this.pendingLength = this.text.length;
    }
  }
}

/** The edits of one event applied to `text`, from the last to the first so that offsets stay valid. */
export function applyEvent(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}
