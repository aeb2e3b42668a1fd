/**
 * What one decoration type last sent to one editor, as offsets, moved through later edits the way the
 * editor moves its decorations, so a repaint that would send the same ranges again can be skipped: the
 * window then neither receives nor re-renders them. Typing in a long article repaints after every pause,
 * and mostly nothing but the edited line has changed. Pure (no `vscode`), unit-tested directly.
 */
import { shiftPastEdit, type OffsetEdit } from '../../core/anchor/shiftThroughEdits';

export type { OffsetEdit };

export class PaintedRanges {
  /** Start and end offsets, flattened and in order; undefined when what the editor shows is not known. */
  private sent: number[] | undefined;

  /** Whether `next` (flattened start/end offsets) is exactly what the editor shows already. */
  showing(next: readonly number[]): boolean {
    const sent = this.sent;
    if (!sent || sent.length !== next.length) return false;
    for (let i = 0; i < sent.length; i++) if (sent[i] !== next[i]) return false;
    return true;
  }

  sentNow(ranges: readonly number[]): void {
    this.sent = [...ranges];
  }

  /**
   * Moves the ranges through one batch of non-overlapping edits. A range the edit does not reach shifts
   * by what was inserted before it; one it touches (even at an edge, where the editor grows or keeps a
   * decoration by its stickiness) is no longer known, and the next repaint sends everything again.
   */
  edited(edits: readonly OffsetEdit[]): void {
    const sent = this.sent;
    if (!sent || sent.length === 0) return;
    for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) {
      for (let i = 0; i < sent.length; i += 2) {
        const shift = shiftPastEdit(sent[i], sent[i + 1], edit);
        if (shift === undefined) {
          this.sent = undefined;
          return;
        }
        sent[i] += shift;
        sent[i + 1] += shift;
      }
    }
  }
}
