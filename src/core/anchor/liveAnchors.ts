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
  targets: ReadonlyMap<string, AnnotationTarget>): AnchorMap {
  const descending = [...edits].sort((a, b) => b.start - a.start);
  const shifted: AnchorMap = new Map();
  for (const [id, anchor] of anchors) {
    const moved = shiftThroughEdits(anchor, descending);
    if (!moved.touched) {
      shifted.set(id, { start: moved.start, end: moved.end });
      continue;
    }
    const target = targets.get(id);
    if (!target) continue;
    const found = reanchor(target, text(), { hint: moved });
    if (found.status !== 'orphan') shifted.set(id, { start: found.start, end: found.end });
  }
  if (shifted.size < targets.size) reattachOrphans(shifted, edits, text, targets);
  return shifted;
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
 * An orphan comes back when the event put its exact quote back (all or its last missing piece) and
 * `reanchor` finds it there, in the text just changed. The full search decides, so a copy of the quote
 * pasted next to an identical one stays an orphan.
 */
function reattachOrphans(anchors: AnchorMap, edits: readonly TextEdit[], text: () => string,
  targets: ReadonlyMap<string, AnnotationTarget>): void {
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
    const found = reanchor(target, current);
    if (found.status === 'orphan') continue;
    const touchesEdit = inserted.some((range) => found.start <= range.end && found.end >= range.start);
    if (touchesEdit) anchors.set(id, { start: found.start, end: found.end });
  }
}
