/**
 * Where each annotation sits in the text the editor holds right now. Stored targets describe the text
 * as it was saved; while the analyst types, ranges follow the editor's change events, which are the
 * truth about what happened to the quote, and `reanchor` (the one algorithm the reload and the CLI
 * use too) decides with that knowledge as its hint. An orphan re-attaches by itself when an edit
 * brings its quote back (undo, paste). Pure, so it is unit-tested without VS Code.
 */
import type { Annotation, AnnotationTarget } from '../sidecar/model';
import { reanchor, type OrphanReason } from './reanchor';
import type { TextHistory } from './textHistory';
import { shiftThroughEdits, type TextEdit } from './shiftThroughEdits';

export interface LiveAnchor {
  start: number;
  end: number;
  /** The range holds an edited version of the stored quote (a typo fixed, a word changed). */
  edited?: boolean;
  /** The edited words, as the range held them when last re-anchored: what an undo or a paste must put back. */
  words?: string;
  /** What the range held before the last edit inside it: the words an undo of that edit puts back. */
  before?: string;
}

/** Id → range for anchored annotations; ids missing from the map are orphans. */
export type AnchorMap = Map<string, LiveAnchor>;

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start && a.end === b.end;
}

/**
 * Anchors every annotation in `text`. A live range from `previous` is kept when the stored target did
 * not change since it was computed (`previousTargets`), so reloading a sidecar does not undo the
 * following done while typing. `history` holds the texts targets were cut from, when they are known
 * (see `reanchor`); `reasons` receives why each orphan is one.
 */
export function anchorAll(annotations: readonly Annotation[], text: string, textHash: string,
  previous?: { anchors: AnchorMap; targets: Map<string, AnnotationTarget> }, history?: TextHistory,
  reasons?: Map<string, OrphanReason>): AnchorMap {
  const anchors: AnchorMap = new Map();
  for (const annotation of annotations) {
    const kept = previous?.anchors.get(annotation.id);
    const keptTarget = previous?.targets.get(annotation.id);
    if (kept && keptTarget && sameTarget(keptTarget, annotation.target) && kept.end <= text.length) {
      anchors.set(annotation.id, kept);
      continue;
    }
    const found = reanchor(annotation.target, text, { textHash, history });
    if (found.status !== 'orphan') anchors.set(annotation.id, { start: found.start, end: found.end });
    else reasons?.set(annotation.id, found.reason);
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
  targets: ReadonlyMap<string, AnnotationTarget>, lost: LostAnchors = new Map(), before?: () => string, undo = false): AnchorMap {
  const descending = [...edits].sort((a, b) => b.start - a.start);
  let current: string | undefined;
  const read = (): string => (current ??= text());
  const shifted: AnchorMap = new Map();
  for (const [id, anchor] of anchors) {
    const replacement = replacedWhole(anchor, edits);
    if (replacement) {
      // One edit replaced all the words: they are still there only when the new text holds them once,
      // unedited (a line moved or reformatted); anything else removed them, however similar it reads.
      const target = targets.get(id);
      if (!target) continue;
      const inserted = insertedRanges(edits).find((range) => range.edit === replacement)!;
      const words = anchor.words ?? target.exact;
      const at = anchor.edited ? -1 : replacement.text.indexOf(target.exact);
      if (at >= 0 && replacement.text.indexOf(target.exact, at + 1) < 0) {
        shifted.set(id, { start: inserted.start + at, end: inserted.start + at + target.exact.length });
      } else {
        lost.set(id, removalOf(anchor, words, edits, before));
      }
      continue;
    }
    const moved = shiftThroughEdits(anchor, descending);
    // An edited quote also follows text put back right next to it (undoing a cut across its edge).
    const restores = anchor.edited && !moved.touched && edits.some((e) => e.start <= anchor.end && e.end >= anchor.start);
    if (!moved.touched && !restores) {
      shifted.set(id, { ...anchor, start: moved.start, end: moved.end });
      continue;
    }
    const target = targets.get(id);
    if (!target) continue;
    if (restores && anchor.before !== undefined) {
      // Undoing the cut that took part of an edited quote: the words it held before come back whole.
      // Where they take in the words still in place (another copy of them may lie in the text put back).
      const hint = widened(moved, edits);
      const region = read().slice(hint.start, hint.end);
      const covering: number[] = [];
      for (let at = region.indexOf(anchor.before); at >= 0; at = region.indexOf(anchor.before, at + 1)) {
        const from = hint.start + at;
        if (from <= moved.start && from + anchor.before.length >= moved.end) covering.push(from);
      }
      const start = covering[0];
      if (covering.length === 1) {
        const edited = anchor.before !== target.exact;
        shifted.set(id, edited ? { start, end: start + anchor.before.length, edited, words: anchor.before } : { start, end: start + anchor.before.length });
        continue;
      }
    }
    const found = reanchor(target, read(), { hint: restores ? widened(moved, edits) : moved });
    // Text put back next to the edited words is the rest of the quote only when the quote found there
    // takes in the words still in place: the stored words whole beside them are a copy pasted next to them.
    if (restores && (found.status === 'fuzzy' || found.status === 'orphan' || found.start >= moved.end || found.end <= moved.start)) {
      // Not the quote coming back whole: the edit next to it is other text, and the range stays.
      shifted.set(id, { ...anchor, start: moved.start, end: moved.end });
    } else if (found.status === 'fuzzy') {
      shifted.set(id, { start: found.start, end: found.end, edited: true, words: read().slice(found.start, found.end),
        before: anchor.words ?? target.exact });
    } else if (found.status !== 'orphan') {
      shifted.set(id, { start: found.start, end: found.end });
    } else {
      lost.set(id, removalOf(anchor, anchor.words ?? target.exact, edits, before));
    }
  }
  for (const id of shifted.keys()) lost.delete(id);
  if (shifted.size < targets.size) reattachOrphans(shifted, edits, read, targets, lost, undo);
  ageLostAnchors(lost, anchors);
  return shifted;
}

/**
 * How the edits of one event orphaned `anchor`, whose range held `words`: the one edit that removed
 * text from it, where the quote sat relative to that edit's start, and where that edit's text now
 * begins. Undoing it, or (for a quote removed whole) pasting what was cut, brings the words back.
 * Edited beyond recognition rather than removed, or by several edits at once: nothing put back can
 * be told to be it.
 */
function removalOf(anchor: LiveAnchor, words: string, edits: readonly TextEdit[], before?: () => string): LostAnchor {
  const removals = edits.filter((e) => e.end > e.start && e.start < anchor.end && e.end > anchor.start);
  // Without the text the edit removed nothing put back can be shown to be it.
  if (removals.length !== 1 || anchor.end - anchor.start !== words.length || !before) return { offset: 0, length: -1, at: -1, fresh: false, words, removed: '' };
  const [removal] = removals;
  // Where the removal's own text begins after the event: the earlier edits of the event shift it.
  const at = removal.start + edits.filter((e) => e.end <= removal.start && e !== removal)
    .reduce((delta, e) => delta + e.text.length - (e.end - e.start), 0);
  // Only a removal that took all the words can have put them on the clipboard.
  const whole = removal.start <= anchor.start && removal.end >= anchor.end;
  return { offset: anchor.start - removal.start, length: removal.end - removal.start, at, fresh: whole, words,
    removed: before().slice(removal.start, removal.end) };
}

/** The one edit of the event that replaced all of the anchor's words, if there is one. */
function replacedWhole(anchor: LiveAnchor, edits: readonly TextEdit[]): TextEdit | undefined {
  const touching = edits.filter((e) => e.start < anchor.end && e.end > anchor.start);
  return touching.length === 1 && touching[0].start <= anchor.start && touching[0].end >= anchor.end ? touching[0] : undefined;
}

/**
 * After an event: a removal recorded earlier can no longer be undone or pasted by what follows. Only
 * the event right after it can be its undo or the paste of the cut: any later edit comes before an
 * undo of the removal in the undo stack, so the same text put back at the same place after it is
 * another copy cut and pasted (an identical paragraph), not the removed one coming back.
 */
function ageLostAnchors(lost: LostAnchors, before: AnchorMap): void {
  for (const [id, removal] of lost) {
    if (before.has(id) || removal.at < 0) continue; // recorded by this event
    lost.set(id, { ...removal, at: -1, fresh: false });
  }
}

/**
 * How an edit removed an anchored quote: where the quote sat in the removed text and how long that
 * text was. Putting that same text back (undo, or pasting what was cut) brings the annotation back;
 * other text that merely contains the quote (a copy of the sentence) does not.
 */
export type LostAnchors = Map<string, LostAnchor>;

/**
 * `words`: what the range held when it was removed (the stored quote, or its edited version);
 * `offset`: where they began relative to the removed text (negative when the removal took only their
 * end); `length`: how long the removed text was (-1: nothing put back can be told to be them); `at`:
 * where the removal happened in the current text (-1 after the next event: only that one can be its
 * undo); `fresh`: the last event removed them whole, so its very next one may be the paste of the cut.
 */
export interface LostAnchor {
  offset: number;
  length: number;
  at: number;
  fresh: boolean;
  words: string;
  /** The text the removal took, words included: only that very text put back is them. */
  removed: string;
}

/** The range `moved` widened over the inserted text of the edits at its edges. */
function widened(moved: { start: number; end: number }, edits: readonly TextEdit[]): { start: number; end: number; touched: true; widened: true } {
  let { start, end } = moved;
  for (const range of insertedRanges(edits)) {
    if (range.end === start) start = range.start;
    if (range.start === end) end = range.end;
  }
  return { start, end, touched: true, widened: true };
}

/** Where each edit's inserted text lies in the text after the event. */
function insertedRanges(edits: readonly TextEdit[]): { start: number; end: number; edit: TextEdit }[] {
  let delta = 0;
  return [...edits].sort((a, b) => a.start - b.start).map((edit) => {
    const start = edit.start + delta;
    delta += edit.text.length - (edit.end - edit.start);
    return { start, end: start + edit.text.length, edit };
  });
}

/**
 * An orphan comes back when the event puts its quote back. One that an edit seen here removed comes
 * back only with the very text that edit removed (undo, pasting what was cut), at the same place in
 * it. One that was already an orphan when the text was loaded comes back where `reanchor` finds it,
 * in the text just changed (the full search decides, so a quote pasted next to an identical one
 * stays an orphan).
 */
function reattachOrphans(anchors: AnchorMap, edits: readonly TextEdit[], read: () => string,
  targets: ReadonlyMap<string, AnnotationTarget>, lost: LostAnchors, undo: boolean): void {
  if (edits.length === 0) return;
  const inserted = insertedRanges(edits);
  for (const [id, target] of targets) {
    if (anchors.has(id) || target.exact.length === 0) continue;
    const removal = lost.get(id);
    if (removal) {
      // Removed by an edit seen here: only the removed text put back, with the words where they were.
      // Undo puts it back where it was removed; a paste of the cut text comes in the very next event
      // (the words were then cut whole: a part of them pasted elsewhere is not them).
      if (removal.length < 0) continue;
      const { words, offset } = removal;
      // A paste, even where the text was cut, is the cut text only when nothing else in the article
      // reads the same: a copy of an identical paragraph pasted after the cut is that paragraph's
      // words, not these. An undo (the editor says so) is the removed text itself.
      const back = inserted.find((range) => range.end - range.start === removal.length && range.edit.text === removal.removed
        && ((undo && range.start === removal.at) || ((range.start === removal.at || removal.fresh) && isOnlyCopy(read(), range.start, range.end)))
        && range.start + offset >= 0 && read().startsWith(words, range.start + offset));
      if (back) {
        const start = back.start + offset;
        const edited = words !== target.exact;
        anchors.set(id, edited ? { start, end: start + words.length, edited, words } : { start, end: start + words.length });
        lost.delete(id);
      }
      continue;
    }
    const current = read();
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

/** Whether `text[start, end)` occurs nowhere else in `text`. */
function isOnlyCopy(text: string, start: number, end: number): boolean {
  const piece = text.slice(start, end);
  return text.indexOf(piece) === start && text.indexOf(piece, start + 1) < 0;
}
