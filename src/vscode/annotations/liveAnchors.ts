/**
 * Where each annotation sits in the text the editor holds right now. Stored targets describe the text
 * as it was saved; while the analyst types, ranges move by offset arithmetic and fall back to
 * re-anchoring only when an edit touched the quote itself. Pure, so it is unit-tested without VS Code.
 */
import { reanchor } from '../../core/anchor/reanchor';
import { shiftThroughEdits, type TextEdit } from '../../core/anchor/shiftThroughEdits';
import type { Annotation, AnnotationTarget } from '../../core/sidecar/model';

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
 * shifting done while typing.
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
    const { target } = annotation;
    if (target.textHash === textHash && text.slice(target.start, target.end) === target.exact) {
      anchors.set(annotation.id, { start: target.start, end: target.end });
      continue;
    }
    const found = reanchor(target, text, { textHash });
    if (found.status !== 'orphan') anchors.set(annotation.id, { start: found.start, end: found.end });
  }
  return anchors;
}

/**
 * Carries anchors through one change event. `edits` are against the text before the event (VS Code's
 * `contentChanges`); `text` is the text after it. An anchor whose quote was edited is re-anchored from
 * its stored target near where the edit left it; one that cannot be found becomes an orphan. `text` is
 * only read when a quote was touched, so plain typing stays O(annotations).
 */
export function shiftAnchors(anchors: AnchorMap, edits: readonly TextEdit[], text: () => string,
  targetOf: (id: string) => AnnotationTarget | undefined): AnchorMap {
  const descending = [...edits].sort((a, b) => b.start - a.start);
  const shifted: AnchorMap = new Map();
  for (const [id, anchor] of anchors) {
    const moved = shiftThroughEdits(anchor, descending);
    if (!moved.touched) {
      shifted.set(id, { start: moved.start, end: moved.end });
      continue;
    }
    const target = targetOf(id);
    if (!target) continue;
    const found = reanchor({ ...target, start: moved.start, end: moved.start + target.exact.length }, text());
    if (found.status !== 'orphan') shifted.set(id, { start: found.start, end: found.end });
  }
  return shifted;
}
