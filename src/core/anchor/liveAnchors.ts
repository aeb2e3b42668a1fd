/**
 * Where each annotation sits in the text the editor holds right now. Stored targets describe the text
 * as it was saved; while the analyst types, ranges follow the editor's change events, which are the
 * truth about what happened to the quote, and `reanchor` (the one algorithm the reload and the CLI
 * use too) decides with that knowledge as its hint. An orphan re-attaches by itself when an edit
 * brings its quote back (undo, paste). Pure, so it is unit-tested without VS Code.
 */
import type { Annotation, AnnotationTarget } from '../sidecar/model';
import { reanchor } from './reanchor';
import { shiftThroughEdits, type TextEdit } from './shiftThroughEdits';

export interface LiveAnchor {
  start: number;
  end: number;
  /** The range holds an edited version of the stored quote (a typo fixed, a word changed). */
  edited?: boolean;
}

/** Id → range for anchored annotations; ids missing from the map are orphans. */
export type AnchorMap = Map<string, LiveAnchor>;

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

/**
 * Anchors every annotation in `text`. A live range from `previous` is kept when the stored target did
 * not change since it was computed (`previousTargets`), so reloading a sidecar does not undo the
 * following done while typing.
 */
export function anchorAll(annotations: readonly Annotation[], text: string, textHash: string,
  previous?: { anchors: AnchorMap; targets: Map<string, AnnotationTarget> }): AnchorMap {
  const anchors: AnchorMap = new Map();
  for (const annotation of annotations) {
    const kept = previous?.anchors.get(annotation.id);
    const keptTarget = previous?.targets.get(annotation.id);
    if (kept && keptTarget && sameTarget(keptTarget, annotation.target) && kept.end <= text.length) {
      anchors.set(annotation.id, kept);
      continue;
    }
    const found = reanchor(annotation.target, text, { textHash });
    if (found.status !== 'orphan') anchors.set(annotation.id, { start: found.start, end: found.end });
  }
  return anchors;
}

/**
 * Carries anchors through one change event. `edits` are against the text before the event (VS Code's
 * `contentChanges`, non-overlapping); `text` is the text after it. A range the edits did not touch
 * simply moves; one whose quote was edited is decided by `reanchor` with the edited range as its hint
 * (an edited quote stays, a deleted one becomes an orphan, never a look-alike elsewhere). Orphans
 * among `targets` whose quote an edit of this event brings back re-attach there. `text` is only read
 * when a quote was touched or an orphan may be back, so plain typing stays O(annotations + edits).
 */
export function shiftAnchors(anchors: AnchorMap, edits: readonly TextEdit[], text: () => string,
  targets: ReadonlyMap<string, AnnotationTarget>, lost: LostAnchors = new Map()): AnchorMap {
  const descending = [...edits].sort((a, b) => b.start - a.start);
  const shifted: AnchorMap = new Map();
  for (const [id, anchor] of anchors) {
    const moved = shiftThroughEdits(anchor, descending);
    // An edited quote also follows text put back right next to it (undoing a cut across its edge).
    const restores = anchor.edited && !moved.touched && edits.some((e) => e.start <= anchor.end && e.end >= anchor.start);
    if (!moved.touched && !restores) {
      shifted.set(id, { ...anchor, start: moved.start, end: moved.end });
      continue;
    }
    const target = targets.get(id);
    if (!target) continue;
    const found = reanchor(target, text(), { hint: restores ? widened(moved, edits) : moved });
    if (restores && (found.status === 'fuzzy' || found.status === 'orphan')) {
      // Not the quote coming back whole: the edit next to it is other text, and the range stays.
      shifted.set(id, { ...anchor, start: moved.start, end: moved.end });
    } else if (found.status !== 'orphan') {
      shifted.set(id, found.status === 'fuzzy' ? { start: found.start, end: found.end, edited: true } : { start: found.start, end: found.end });
    } else {
      const removal = edits.find((e) => e.start <= anchor.start && e.end >= anchor.end && e.end > e.start);
      // Edited beyond recognition rather than removed: no text put back can be told to be it.
      lost.set(id, removal
        ? { offset: anchor.start - removal.start, length: removal.end - removal.start, at: removal.start, fresh: true }
        : { offset: 0, length: -1, at: -1, fresh: false });
    }
  }
  for (const id of shifted.keys()) lost.delete(id);
  if (shifted.size < targets.size) reattachOrphans(shifted, edits, text, targets, lost);
  ageLostAnchors(lost, anchors, descending);
  return shifted;
}

/**
 * After an event: a removal recorded earlier is no longer fresh (only the event right after a cut can
 * be its paste), and the place it happened follows the edits (an undo puts the text back there).
 */
function ageLostAnchors(lost: LostAnchors, before: AnchorMap, descending: readonly TextEdit[]): void {
  for (const [id, removal] of lost) {
    if (before.has(id) || removal.at < 0) continue; // recorded by this event
    const moved = shiftThroughEdits({ start: removal.at, end: removal.at }, descending);
    lost.set(id, { ...removal, at: moved.touched ? -1 : moved.start, fresh: false });
  }
}

/**
 * How an edit removed an anchored quote: where the quote sat in the removed text and how long that
 * text was. Putting that same text back (undo, or pasting what was cut) brings the annotation back;
 * other text that merely contains the quote (a copy of the sentence) does not.
 */
export type LostAnchors = Map<string, { offset: number; length: number; at: number; fresh: boolean }>;

/** The range `moved` widened over the inserted text of the edits at its edges. */
function widened(moved: { start: number; end: number }, edits: readonly TextEdit[]): { start: number; end: number; touched: true } {
  let { start, end } = moved;
  for (const range of insertedRanges(edits)) {
    if (range.end === start) start = range.start;
    if (range.start === end) end = range.end;
  }
  return { start, end, touched: true };
}

/** Where each edit's inserted text lies in the text after the event. */
function insertedRanges(edits: readonly TextEdit[]): { start: number; end: number }[] {
  let delta = 0;
  return [...edits].sort((a, b) => a.start - b.start).map((edit) => {
    const start = edit.start + delta;
    delta += edit.text.length - (edit.end - edit.start);
    return { start, end: start + edit.text.length };
  });
}

/**
 * An orphan comes back when the event puts its quote back. One that an edit seen here removed comes
 * back only with the very text that edit removed (undo, pasting what was cut), at the same place in
 * it. One that was already an orphan when the text was loaded comes back where `reanchor` finds it,
 * in the text just changed (the full search decides, so a quote pasted next to an identical one
 * stays an orphan).
 */
function reattachOrphans(anchors: AnchorMap, edits: readonly TextEdit[], text: () => string,
  targets: ReadonlyMap<string, AnnotationTarget>, lost: LostAnchors): void {
  if (edits.length === 0) return;
  const inserted = insertedRanges(edits);
  let read: string | undefined;
  for (const [id, target] of targets) {
    if (anchors.has(id) || target.exact.length === 0) continue;
    const current = (read ??= text());
    const length = target.exact.length;
    const near = inserted.some((range) => {
      const from = Math.max(0, range.start - length);
      return current.slice(from, range.end + length).includes(target.exact);
    });
    if (!near) continue;
    const removal = lost.get(id);
    if (removal) {
      // Removed by an edit seen here: only the removed text put back, with the quote where it was.
      // Undo puts it back where it was removed; a paste of the cut text comes in the very next event.
      const back = inserted.find((range) => range.end - range.start === removal.length
        && (removal.fresh || range.start === removal.at)
        && current.startsWith(target.exact, range.start + removal.offset));
      if (back) {
        anchors.set(id, { start: back.start + removal.offset, end: back.start + removal.offset + target.exact.length });
        lost.delete(id);
      }
      continue;
    }
    const found = reanchor(target, current);
    if (found.status === 'orphan') continue;
    const touchesEdit = inserted.some((range) => found.start <= range.end && found.end >= range.start);
    if (touchesEdit) anchors.set(id, { start: found.start, end: found.end });
  }
}
