/**
 * Finds an annotation's text again in a changed article: the one algorithm behind the live editor,
 * the reload from disk and `source-annotator reanchor`. A wrong attachment is worse than an orphan,
 * because nobody notices it, so every step below either has evidence that identifies one place or
 * gives up:
 *
 * 1. Known edits (the live editor's change events) carried the quote somewhere: that place, when the
 *    quote is still there, or its edited version when enough of it survived. Known edits are the
 *    truth, so a quote they deleted is an orphan, whatever look-alikes remain elsewhere.
 * 2. The article is the one the target was cut from (same hash): the stored offsets.
 * 2b. The text the target was cut from is known (`history`: a snapshot, git): the words are followed
 *    through a diff to today's text, accepted where their context still agrees verbatim on both sides,
 *    no new copy or near-copy competes, and the search below (3, 4) does not point elsewhere.
 * 3. Otherwise the exact quote where its stored context agrees on both sides, and only when no other
 *    place is a contender: another occurrence with context that agrees, an edited copy with context
 *    that agrees (the original edited after its paragraph was pasted above), a long quote nearly
 *    repeated. Ambiguity is an orphan, never a guess by position.
 * 4. Otherwise an edited quote framed by both stored contexts, verbatim, at exactly one place, and
 *    with no copy of those edited words elsewhere.
 *
 * Without the edits (a reload, the CLI after a pull) nothing tells a copy from the original once the
 * original is deleted and the copy keeps its context; the live path knows the edits and does.
 * `test/unit/anchorAdversarial.test.ts` measures both.
 */
import approximateSearch from 'approx-string-match';
import { AnnotationTarget } from '../sidecar/model';
import { articleTextHash } from '../sidecar/textHash';
import { createTarget, DEFAULT_CONTEXT_LENGTH } from './createTarget';
import { boundaryRuns, boundedSimilarity, contextSimilarity, masked } from './similarity';
import { isNewText, mapRange } from './textDiff';
import type { DiffedVersion, TextHistory } from './textHistory';

/**
 * `unchanged`: same offsets, same quote. `moved`: the exact quote, elsewhere or with edited context.
 * `fuzzy`: an edited version of the quote. `orphan`: not found with confidence; keep the annotation,
 * do not show it in the text.
 */
export type AnchorStatus = 'unchanged' | 'moved' | 'fuzzy' | 'orphan';

export type AnchorResult =
  | { status: 'unchanged' | 'moved' | 'fuzzy'; start: number; end: number; score: number; target: AnnotationTarget }
  | { status: 'orphan'; score: 0; reason: OrphanReason };

/**
 * Why an annotation is an orphan: its quote is gone; it is there more than once and nothing tells
 * which; or it is there, but its context changed and nothing tells it from a copy that outlived it.
 */
export type OrphanReason = 'gone' | 'ambiguous' | 'unconfirmed';

/** Where known edits carried the stored range (see `shiftThroughEdits`). */
export interface AnchorHint {
  start: number;
  end: number;
  /** An edit changed characters inside the quote. */
  touched: boolean;
  /**
   * The range was widened over text put back right next to it (undoing a cut across its edge): the
   * stored quote inside it is the annotated words. Otherwise an edit inside the range made all of it
   * the edited quote, even when the stored quote is still a part of it ("2" replaced by "2.0").
   */
  widened?: boolean;
}

export interface ReanchorOptions {
  /** The context length the refreshed target gets. */
  contextLength?: number;
  /** Hash of `text` when the caller already has it. */
  textHash?: string;
  /** Where known edits carried the quote; without it the text is searched. */
  hint?: AnchorHint;
  /**
   * Earlier versions of the article by text hash (a snapshot kept when the annotation was saved, the
   * committed copy in git): when the one the target was cut from is known, the words are followed
   * through a diff to the current text instead of searched for.
   */
  history?: TextHistory;
}

/** Which places may be the annotated words: with an earlier version, only text that is not an old copy. */
type PlaceFilter = (start: number, end: number) => boolean;
const anyPlace: PlaceFilter = () => true;

/** An edited quote is still the annotated text when it keeps at least this similarity to the stored one. */
export const MIN_EDITED_QUOTE_SIMILARITY = 0.6;
/** A side of context that matches verbatim for this many characters (or all that is stored) is strong evidence. */
const STRONG_RUN = 16;
/** One side this long verbatim (or similar after an edit) makes another occurrence a contender. */
const SUBSTANTIAL_RUN = 12;
/** A side agrees when this many characters next to the candidate match verbatim... */
const AGREE_RUN = 6;
/** ...or when its window is this similar to the stored context (an edit a few characters away). */
const AGREE_SIMILARITY = 0.7;
/** A verbatim piece of context this long, shifted by at most `MAX_SHIFT`, also makes a side agree. */
const CHUNK = 8;
const MAX_SHIFT = 12;
/** Edited copies are looked for only for quotes of this many characters and up to... */
const MIN_APPROXIMATE_QUOTE = 16;
/** ...this many (the search costs the text's length times the quote's length over 32). */
const MAX_APPROXIMATE_QUOTE = 512;
/** A quote this long, found elsewhere with at most this share of characters edited, is repeated there. */
const LONG_QUOTE = 40;
const LONG_QUOTE_ERRORS = 0.25;
/** An edited quote found by its context alone may be this much longer than the stored one (plus a few characters). */
const MAX_FRAMED_GROWTH = 1.25;
/** A moved quote is recognised by the old text around it: at least this many characters of it besides the quote. */
const MIN_MOVED_CONTEXT = 16;
/** Occurrences of a very common quote beyond this many are not scored one by one. */
const MAX_CANDIDATES = 2000;
/** An edited quote may be this much longer than the stored one (plus a few characters). */
const MAX_EDITED_GROWTH = 1.6;

interface Evidence {
  start: number;
  end: number;
  prefixRun: number;
  suffixRun: number;
  prefixAgrees: boolean;
  suffixAgrees: boolean;
  strong: boolean;
  verbatimBothSides: boolean;
  oneSideSubstantial: boolean;
}

/** Re-anchors `target` in `text`. Pure; linear in the text apart from the short context comparisons. */
export function reanchor(target: AnnotationTarget, text: string, options: ReanchorOptions = {}): AnchorResult {
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  let hash = options.textHash;
  const found = (status: 'unchanged' | 'moved' | 'fuzzy', start: number, end: number, score: number): AnchorResult => {
    hash ??= articleTextHash(text);
    const unchanged = status !== 'fuzzy' && !target.offsetsUnknown && start === target.start && end === target.end;
    return {
      status: unchanged ? 'unchanged' : status, start, end, score,
      target: createTarget(text, start, end, { contextLength, textHash: hash }),
    };
  };
  const orphan = (reason: OrphanReason): AnchorResult => ({ status: 'orphan', score: 0, reason });

  const { exact } = target;
  if (exact.length === 0) return orphan('gone');
  const { hint } = options;
  if (hint) {
    if (!hint.touched) {
      if (text.slice(hint.start, hint.end) === exact) return found('moved', hint.start, hint.end, 1);
    } else {
      const region = text.slice(hint.start, hint.end);
      const inside = hint.widened || region === exact ? region.indexOf(exact) : -1;
      if (inside >= 0 && region.indexOf(exact, inside + 1) < 0) {
        return found('moved', hint.start + inside, hint.start + inside + exact.length, 1);
      }
      const similarity = editedQuoteSimilarity(region, exact);
      if (similarity >= MIN_EDITED_QUOTE_SIMILARITY) return found('fuzzy', hint.start, hint.end, similarity);
    }
    // The known edits removed the quote: whatever looks like it elsewhere is other words.
    return orphan('gone');
  }

  if (target.contextUnknown) {
    // No context to go by: the stated offsets when the quote stands there, else a quote the text holds once.
    if (!target.offsetsUnknown && text.slice(target.start, target.end) === exact) return found('moved', target.start, target.end, 1);
    const places = occurrences(text, exact, 2);
    if (places.length === 1) return found('moved', places[0], places[0] + exact.length, 1);
    return orphan(places.length === 0 ? 'gone' : 'ambiguous');
  }

  if (text.slice(target.start, target.end) === exact && target.textHash === (hash ??= articleTextHash(text))) {
    return found('unchanged', target.start, target.end, 1);
  }

  const version = options.history?.from(target.textHash);
  if (version && version.before.slice(target.start, target.end) === exact) {
    // The diff says where the words went; the search of the text must not point elsewhere.
    const followed = followThroughDiff(target, text, contextLength, version);
    if (followed.status === 'orphan') return orphan(followed.reason);
    const searched = search(target, text, contextLength);
    if (searched.status !== 'orphan' && (searched.start !== followed.start || searched.end !== followed.end)) return orphan('ambiguous');
    return found(followed.status, followed.start, followed.end, followed.score);
  }
  const searched = search(target, text, contextLength);
  return searched.status === 'orphan' ? orphan(searched.reason) : found(searched.status, searched.start, searched.end, searched.score);
}

/** Steps 3 and 4: the text searched for the quote and its context. */
function search(target: AnnotationTarget, text: string, contextLength: number): Followed {
  const { exact } = target;
  const orphan = (reason: OrphanReason): Followed => ({ status: 'orphan', reason });
  const found = (status: 'moved' | 'fuzzy', start: number, end: number, score: number): Followed => ({ status, start, end, score });

  // Every place the evidence points to; more than one contender is ambiguity, not a choice.
  const exactPlaces = exactOccurrences(target, text, contextLength);
  const framedPlaces = framedEditedQuotes(target, text, contextLength);
  const exactContenders = exactPlaces.filter(isContender);
  // A framed region around an exact contender is that same place, with an edit next to the quote.
  const contenders = exactContenders.length
    + framedPlaces.filter((place) => !exactContenders.some((e) => e.start < place.end && place.start < e.end)).length;
  if (contenders > 1) return orphan('ambiguous');
  const exactMatch = exactPlaces.find(isConvincing)
    // Both contexts frame it from a little further out: the edit was next to the quote, not inside it.
    ?? exactContenders.find((e) => framedPlaces.some((place) => e.start >= place.start && e.end <= place.end));
  if (exactMatch) {
    // An edited copy elsewhere, with context that agrees as well, may be the annotated words (the
    // original edited after a copy of its paragraph was pasted above it).
    if (hasEditedRival(target, text, contextLength, exactPlaces)) return orphan('ambiguous');
    // With context changed next to it, the only occurrence left may be a copy that outlived the
    // annotated words (a sentence repeated, the original deleted), even at the stored offset: only the
    // whole stored context on both sides tells them apart.
    if (!hasWholeContext(text, exactMatch.start, exactMatch.end, target)) return orphan('unconfirmed');
    return found('moved', exactMatch.start, exactMatch.end, 1);
  }
  const framed = framedPlaces.find((place) => place.similarity >= MIN_EDITED_QUOTE_SIMILARITY);
  if (framed && !hasWholeContext(text, framed.start, framed.end, target)) return orphan('unconfirmed');
  if (framed) {
    // The edited words copied elsewhere (the paragraph pasted above after the edit) are as likely.
    const edited = text.slice(framed.start, framed.end);
    const copies = exactOccurrences({ ...target, exact: edited }, text, contextLength).filter((e) => e.start !== framed.start);
    if (copies.some((copy) => copy.prefixAgrees || copy.suffixAgrees)) return orphan('ambiguous');
    // Only copies at least as close to the stored quote as these edited words compete with them.
    const errors = Math.round((1 - framed.similarity) * Math.max(edited.length, exact.length));
    if (hasEditedRival(target, text, contextLength, [...exactPlaces, evidenceAt(text, framed.start, framed.end, target, contextLength)], errors)) {
      return orphan('ambiguous');
    }
    return found('fuzzy', framed.start, framed.end, framed.similarity);
  }
  return orphan('gone');
}

type Followed =
  | { status: 'moved' | 'fuzzy'; start: number; end: number; score: number }
  | { status: 'orphan'; reason: OrphanReason };

/**
 * Follows the stored range through the diff from the version it was cut from. Undefined when the diff
 * does not settle it (the words left their place, or which of two identical neighbours they became is
 * a guess); otherwise where they are, or an orphan when they were rewritten or a new copy competes:
 * an edited copy pasted next to them (the original edited after its paragraph was duplicated), or the
 * stored words pasted anew while those in place were edited.
 */
function followThroughDiff(target: AnnotationTarget, text: string, contextLength: number, version: DiffedVersion): Followed {
  const { exact } = target;
  let mapped = mapRange(version.runs, version.before, text, target.start, target.end);
  if (mapped.kind === 'ambiguous') return { status: 'orphan', reason: 'ambiguous' };
  const isNew: PlaceFilter = (from, to) => isNewText(version.runs, from, to);
  if (!('start' in mapped)) return movedWhole(target, text, version, isNew);
  // A passage the old text had twice, with a block moved past it: the diff pins the move on either
  // block (moving a paragraph up past its twin reads the same as moving the text between them down),
  // so which twin it maps the annotated one onto is a guess.
  const twins = wholeContextPlaces(version.before, target).length > 1;
  if (twins && hasMove(version, text)) return { status: 'orphan', reason: 'ambiguous' };
  if (mapped.kind === 'edited') {
    // The stored words whole inside what the diff calls their edited version: text inserted at their
    // edge, which the diff may align either side of a character they share ("© 2026" before "© 2026").
    const region = text.slice(mapped.start, mapped.end);
    const inside = region.indexOf(exact);
    if (inside >= 0 && region.indexOf(exact, inside + 1) < 0) {
      mapped = { kind: 'equal', start: mapped.start + inside, end: mapped.start + inside + exact.length };
    }
  }
  const { start, end } = mapped;
  // One of two identical passages, edited where the diff puts it, while the stored words stand whole
  // with all their context elsewhere: the diff may have paired the old passages the wrong way round
  // (the annotated one moved past its twin, a near-copy pasted where it was), so either is a guess.
  if (twins && mapped.kind === 'edited' && wholeContextPlaces(text, target).some((at) => at + exact.length <= start || at >= end)) {
    return { status: 'orphan', reason: 'ambiguous' };
  }
  const here = evidenceAt(text, start, end, target, contextLength);
  // With its context reworded, the place the diff gives may be a copy or near-copy that the diff aligned
  // with the old words (a paragraph pasted above, then the original deleted; a short quote matched by
  // chance inside rewritten text): the texts cannot tell which, so only words that kept their whole
  // stored context are taken.
  if (!hasWholeContext(text, start, end, target)) return { status: 'orphan', reason: 'unconfirmed' };
  // Another place with the quote and all its stored context, in text that is new (not an old copy the
  // diff kept where it was), is as good as this one.
  for (const at of occurrences(text, exact, MAX_CANDIDATES)) {
    if ((at + exact.length <= start || at >= end) && isNew(Math.max(0, at - target.prefix.length), at + exact.length + target.suffix.length)
      && hasWholeContext(text, at, at + exact.length, target)) return { status: 'orphan', reason: 'ambiguous' };
  }
  if (mapped.kind === 'equal') {
    // The same words with context that agrees in new text: a copy pasted next to them, which the diff
    // may have aligned with the old words as well as these.
    const fresh = exactOccurrences(target, text, contextLength).filter((e) => e.start !== start && isNew(e.start, e.end) && isContender(e));
    if (fresh.length > 0) return { status: 'orphan', reason: 'ambiguous' };
    if (hasEditedRival(target, text, contextLength, [here], undefined, isNew)) return { status: 'orphan', reason: 'ambiguous' };
    return { status: 'moved', start, end, score: 1 };
  }
  const region = text.slice(start, end);
  const similarity = editedQuoteSimilarity(region, exact);
  if (similarity < MIN_EDITED_QUOTE_SIMILARITY) return { status: 'orphan', reason: 'gone' };
  // The stored words, whole, in new text with context that agrees: pasted back, or pasted before the edit.
  const fresh = exactOccurrences(target, text, contextLength).filter((e) => isNew(e.start, e.end) && isContender(e));
  if (fresh.some((e) => e.end <= start || e.start >= end)) return { status: 'orphan', reason: 'ambiguous' };
  // The edited words copied into new text elsewhere.
  for (let at = text.indexOf(region); at >= 0; at = text.indexOf(region, at + 1)) {
    if (at !== start && isNew(at, at + region.length)) return { status: 'orphan', reason: 'ambiguous' };
  }
  return { status: 'fuzzy', start, end, score: similarity };
}

/**
 * The words left their place whole: a move, when the old text around them (up to the stored context
 * on each side, as far as the change reached) is in new text at exactly one place. Anything else is
 * an orphan: a quote deleted in place that appears elsewhere only in other surroundings, or in old text
 * that was already there, is a copy, not the annotated words.
 */
function movedWhole(target: AnnotationTarget, text: string, version: DiffedVersion, isNew: PlaceFilter): Followed {
  const { before, runs } = version;
  const { start, end, exact } = target;
  // The changed stretch of old text around the quote: between the equal runs on either side.
  let from = 0;
  let to = before.length;
  for (const run of runs) {
    if (run.before + run.length <= start) from = Math.max(from, run.before + run.length);
    else if (run.before >= end) { to = run.before; break; }
  }
  const chunkStart = Math.max(from, start - DEFAULT_CONTEXT_LENGTH);
  const chunkEnd = Math.min(to, end + DEFAULT_CONTEXT_LENGTH);
  const chunk = before.slice(chunkStart, chunkEnd);
  if (chunk.length < exact.length + MIN_MOVED_CONTEXT) return { status: 'orphan', reason: 'gone' };
  const places: number[] = [];
  for (let at = text.indexOf(chunk); at >= 0 && places.length < 2; at = text.indexOf(chunk, at + 1)) {
    if (isNew(at, at + chunk.length)) places.push(at);
  }
  if (places.length === 0) return { status: 'orphan', reason: 'gone' };
  if (places.length > 1) return { status: 'orphan', reason: 'ambiguous' };
  const at = places[0] + start - chunkStart;
  // A stretch the old text had twice (a repeated paragraph) may be the other one, pasted after this
  // one was deleted.
  if (before.indexOf(chunk) !== chunkStart || before.indexOf(chunk, chunkStart + 1) >= 0) return { status: 'orphan', reason: 'ambiguous' };
  // And the old words' context must have moved with them: a copy pasted into other surroundings after
  // the original was deleted reads the same inside, not around.
  if (!hasWholeContext(text, at, at + exact.length, target)) return { status: 'orphan', reason: 'unconfirmed' };
  return { status: 'moved', start: at, end: at + exact.length, score: 1 };
}

/**
 * How much of the stored quote an edited region keeps, in [0, 1]. Exact (edit distance) for quotes of
 * ordinary length; for very long ones, the share kept verbatim at both ends, which can only err low.
 */
export function editedQuoteSimilarity(region: string, exact: string): number {
  if (region.length === 0) return 0;
  if (region.length > MAX_EDITED_GROWTH * exact.length + 8 || exact.length > MAX_EDITED_GROWTH * region.length + 8) return 0;
  return boundedSimilarity(region, exact);
}

/** The evidence the stored context gives for the quote at [start, end). */
function evidenceAt(text: string, start: number, end: number, target: AnnotationTarget, contextLength: number): Evidence {
  const { prefix, suffix } = target;
  const runs = boundaryRuns(text, start, end, prefix, suffix);
  const similar = contextSimilarity(text, start, end, prefix, suffix);
  // A stored context shorter than the context length means the quote sat that close to an edge of the
  // article; it is strong evidence only when the candidate sits exactly as close to the same edge.
  // A window that is merely similar also agrees (an edit a few characters from the quote), unless
  // another copy of the quote lies within the context: that copy sees the same context, shifted.
  const forgiving = !hasNearbyCopy(text, start, target.exact, contextLength);
  const side = (run: number, stored: number, similarity: boolean, atEdge: boolean):
    { agrees: boolean; verbatim: boolean; strong: boolean; substantial: boolean } => {
    if (stored < contextLength) {
      const all = run === stored;
      const verbatim = all || (stored >= AGREE_RUN && run >= AGREE_RUN);
      return { agrees: verbatim, verbatim, strong: all && atEdge, substantial: run >= Math.min(stored, SUBSTANTIAL_RUN) && run > 0 };
    }
    const verbatim = run >= AGREE_RUN;
    return { agrees: verbatim || (forgiving && similarity), verbatim, strong: run >= Math.min(STRONG_RUN, stored),
      substantial: run >= SUBSTANTIAL_RUN || (forgiving && similarity) };
  };
  const prefixSimilar = () => similar.prefix >= AGREE_SIMILARITY
    || hasAlignedChunk(reverse(prefix), reverse(text.slice(Math.max(0, start - prefix.length - MAX_SHIFT), start)));
  const suffixSimilar = () => similar.suffix >= AGREE_SIMILARITY
    || hasAlignedChunk(suffix, text.slice(end, end + suffix.length + MAX_SHIFT));
  const before = side(runs.prefix, prefix.length, forgiving && prefixSimilar(), start === prefix.length);
  const after = side(runs.suffix, suffix.length, forgiving && suffixSimilar(), end + suffix.length === text.length);
  return {
    start, end, prefixRun: runs.prefix, suffixRun: runs.suffix,
    prefixAgrees: before.agrees, suffixAgrees: after.agrees, strong: before.strong || after.strong,
    verbatimBothSides: before.verbatim && after.verbatim,
    oneSideSubstantial: before.substantial || after.substantial,
  };
}

/**
 * Whether `stored` context (read outward from the quote) and the `actual` text there share a verbatim
 * piece of `CHUNK` characters at about the same distance from the quote: the context survived an edit
 * next to the quote.
 */
function hasAlignedChunk(stored: string, actual: string): boolean {
  for (let at = 0; at + CHUNK <= stored.length; at++) {
    const piece = stored.slice(at, at + CHUNK);
    const from = Math.max(0, at - MAX_SHIFT);
    const found = actual.indexOf(piece, from);
    if (found >= 0 && found <= at + MAX_SHIFT) return true;
  }
  return false;
}

function reverse(text: string): string {
  let reversed = '';
  for (let i = text.length - 1; i >= 0; i--) reversed += text[i];
  return reversed;
}

function hasNearbyCopy(text: string, start: number, exact: string, distance: number): boolean {
  const from = Math.max(0, start - distance - exact.length);
  const before = text.lastIndexOf(exact, start - 1);
  if (before >= from) return true;
  const after = text.indexOf(exact, start + 1);
  return after >= 0 && after <= start + exact.length + distance;
}

/** Where the quote stands with its whole stored context in `text`. */
function wholeContextPlaces(text: string, target: AnnotationTarget): number[] {
  return occurrences(text, target.exact, MAX_CANDIDATES).filter((at) => hasWholeContext(text, at, at + target.exact.length, target));
}

/** A piece of deleted text at least this long (without its outer fifths) found in inserted text makes a move. */
const MIN_MOVED_PIECE = 8;
/**
 * Beyond this many characters searched (deleted pieces times inserted characters: tens of milliseconds)
 * the search is not made, and the diff is taken to hold a move.
 */
const MAX_MOVE_SEARCH = 50_000_000;

/**
 * Whether text the diff deletes comes back in text it inserts: a block moved. The middle three fifths
 * of each deleted piece are looked for, as the diff may cut a moved block a few characters off its
 * ends (a line break taken from one side or the other).
 */
function hasMove(version: DiffedVersion, text: string): boolean {
  const { runs, before } = version;
  const deleted: string[] = [];
  const inserted: string[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const run of [...runs, { before: before.length, after: text.length, length: 0 }]) {
    if (run.before > oldAt) deleted.push(before.slice(oldAt, run.before));
    if (run.after > newAt) inserted.push(text.slice(newAt, run.after));
    oldAt = run.before + run.length;
    newAt = run.after + run.length;
  }
  const added = inserted.join('\u0000');
  if (deleted.length * added.length > MAX_MOVE_SEARCH) return true;
  return deleted.some((piece) => {
    const middle = piece.slice(Math.floor(piece.length * 0.2), Math.ceil(piece.length * 0.8));
    return middle.trim().length >= MIN_MOVED_PIECE && added.includes(middle);
  });
}

/** The whole stored context, verbatim, on both sides of `[start, end)` (at the article's edge where it was cut short by it). */
function hasWholeContext(text: string, start: number, end: number, target: AnnotationTarget): boolean {
  const { prefix, suffix } = target;
  return text.slice(Math.max(0, start - prefix.length), start) === prefix && text.slice(end, end + suffix.length) === suffix;
}

/** Evidence that identifies a place: both sides agree and at least one is strong. */
function isConvincing(evidence: Evidence): boolean {
  return evidence.prefixAgrees && evidence.suffixAgrees && evidence.strong;
}

/**
 * Evidence that makes a place a contender: any side of context that agrees. The exact quote with its
 * context edited on one side may be the annotated words as much as a copy with all its context.
 */
function isContender(evidence: Evidence): boolean {
  return evidence.strong || (evidence.prefixAgrees && evidence.suffixAgrees) || evidence.oneSideSubstantial;
}

function occurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  if (needle.length === 0) return found;
  for (let at = text.indexOf(needle); at >= 0 && found.length < limit; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Whether an approximate occurrence of the quote (an edited copy), away from every exact occurrence,
 * has context that agrees on at least one side.
 */
function hasEditedRival(target: AnnotationTarget, text: string, contextLength: number, exactPlaces: readonly Evidence[],
  maxErrors = Math.floor(target.exact.length * (1 - MIN_EDITED_QUOTE_SIMILARITY)), mayBe = anyPlace): boolean {
  const { exact } = target;
  if (exact.length < MIN_APPROXIMATE_QUOTE || exact.length > MAX_APPROXIMATE_QUOTE || maxErrors < 1) return false;
  // The search reports only the matches with the fewest errors, so the exact occurrences are masked.
  let checked = 0;
  for (const match of approximateSearch(masked(text, exactPlaces), exact, maxErrors)) {
    if (match.end <= match.start) continue;
    if (exactPlaces.some((e) => e.start < match.end && match.start < e.end)) continue;
    if (!mayBe(match.start, match.end)) continue;
    if (++checked > MAX_CANDIDATES) return true;
    // A long quote nearly repeated is a repeated sentence, whatever its context.
    if (exact.length >= LONG_QUOTE && match.errors <= exact.length * LONG_QUOTE_ERRORS) return true;
    const evidence = evidenceAt(text, match.start, match.end, target, contextLength);
    if (evidence.prefixAgrees || evidence.suffixAgrees) return true;
  }
  return false;
}

/** Every occurrence of the exact quote, with the evidence its context gives. */
function exactOccurrences(target: AnnotationTarget, text: string, contextLength: number): Evidence[] {
  const { exact, prefix, suffix } = target;
  let starts = occurrences(text, exact, MAX_CANDIDATES + 1);
  if (starts.length > MAX_CANDIDATES) {
    // A very common quote ("the"): only occurrences with some verbatim context can be contenders.
    const before = prefix.slice(-AGREE_RUN);
    const after = suffix.slice(0, AGREE_RUN);
    const set = new Set<number>();
    for (const at of occurrences(text, before + exact, MAX_CANDIDATES)) set.add(at + before.length);
    for (const at of occurrences(text, exact + after, MAX_CANDIDATES)) set.add(at);
    starts = [...set];
  }
  return starts.map((start) => evidenceAt(text, start, start + exact.length, target, contextLength));
}

/** How many characters at each end of the quote mark where it begins and ends inside a region. */
const EDGE = 8;

/**
 * A region between the stored contexts without text inserted right before or after the quote: when
 * the region does not begin (end) with the quote's first (last) characters but has them a little
 * further in, and the rest is closer to the quote, what comes before (after) them was inserted next to
 * the quote, which leaves it outside, as typing at the edge of an annotation does in the editor.
 */
function withoutInsertedEdges(text: string, start: number, end: number, exact: string): { start: number; end: number } {
  if (exact.length < 2 * EDGE) return { start, end };
  const region = text.slice(start, end);
  let similarity = editedQuoteSimilarity(region, exact);
  const head = exact.slice(0, EDGE);
  if (!region.startsWith(head)) {
    const at = region.indexOf(head);
    const trimmed = at > 0 ? editedQuoteSimilarity(region.slice(at), exact) : 0;
    if (at > 0 && trimmed > similarity) { start += at; similarity = trimmed; }
  }
  const tail = exact.slice(-EDGE);
  const rest = text.slice(start, end);
  if (!rest.endsWith(tail)) {
    const at = rest.lastIndexOf(tail);
    const trimmed = at >= 0 ? editedQuoteSimilarity(rest.slice(0, at + EDGE), exact) : 0;
    if (at >= 0 && trimmed > similarity) end = start + at + EDGE;
  }
  return { start, end };
}

/**
 * Edited versions of the quote: the text between a verbatim occurrence of the stored prefix's end and of the
 * stored suffix's start, close enough in length and content to the stored quote. Both contexts must
 * frame it (or the article's edges, where the stored context was cut by them).
 */
function framedEditedQuotes(target: AnnotationTarget, text: string, contextLength: number):
  { start: number; end: number; similarity: number }[] {
  const { exact, prefix, suffix } = target;
  // Tighter than for known edits: a sentence inserted next to the quote must not widen it.
  const maxLength = Math.ceil(MAX_FRAMED_GROWTH * exact.length) + 8;
  const head = prefix.length < contextLength ? prefix : prefix.slice(-STRONG_RUN);
  const tail = suffix.length < contextLength ? suffix : suffix.slice(0, STRONG_RUN);
  if (head.length + tail.length < STRONG_RUN) return [];

  const starts: number[] = prefix.length < contextLength
    ? (text.startsWith(prefix) ? [prefix.length] : [])
    : occurrences(text, head, MAX_CANDIDATES).map((at) => at + head.length);
  const framed: { start: number; end: number; similarity: number }[] = [];
  for (let start of starts) {
    let end: number;
    if (suffix.length < contextLength) {
      end = text.length - suffix.length;
      if (end < start || end - start > maxLength || !text.endsWith(suffix)) continue;
    } else {
      end = text.indexOf(tail, start);
      if (end < 0 || end - start > maxLength) continue;
    }
    if (end <= start) continue;
    ({ start, end } = withoutInsertedEdges(text, start, end, exact));
    const similarity = editedQuoteSimilarity(text.slice(start, end), exact);
    // A region that kept less than half the usual similarity is other words; one that kept more is a
    // contender even when it is too different to attach to.
    if (similarity >= MIN_EDITED_QUOTE_SIMILARITY / 2) framed.push({ start, end, similarity });
  }
  return framed;
}
