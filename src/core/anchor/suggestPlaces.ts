/**
 * Where an orphaned annotation's words may stand now, for the analyst to confirm with one click. The
 * re-anchoring never guesses (`reanchor.ts`): an annotation whose context changed next to its words is
 * an orphan, because nothing in the text tells the words from a copy that outlived them. A person can
 * tell, so the places are offered, best first, and nothing is attached until they choose one.
 */
import approximateSearch from 'approx-string-match';
import type { AnnotationTarget } from '../sidecar/model';
import { MIN_EDITED_QUOTE_SIMILARITY, editedQuoteSimilarity } from './reanchor';
import { boundaryRuns, masked } from './similarity';

export interface SuggestedPlace {
  start: number;
  end: number;
  /** The stored words verbatim; otherwise an edited version at least 60 % alike. */
  exact: boolean;
  /** How alike the words are to the stored ones, in [0, 1] (1 when exact). */
  similarity: number;
  /** Characters of the stored context that stand verbatim next to the words, both sides together. */
  context: number;
}

/** A quote found more often than this is too common to suggest a place for. */
const MAX_OCCURRENCES = 20;
/** Edited versions are looked for only for quotes of this many characters and up to... */
const MIN_APPROXIMATE = 8;
/** ...this many (the search costs the text's length times the quote's length over 32). */
const MAX_APPROXIMATE = 512;
/** Rounds of the search for edited versions, each finding the next most alike. */
const MAX_ROUNDS = 4;

/**
 * The places where `target`'s words stand in `text`, verbatim, or else edited but at least 60 % alike,
 * ordered by how much of the words and of the stored context next to them stand; at most `limit`. None for a quote the
 * text holds more than twenty times. `edited: false` looks for the verbatim words only (cheap: no approximate search).
 */
export function suggestPlaces(target: AnnotationTarget, text: string, limit = 3, options: { edited?: boolean } = {}): SuggestedPlace[] {
  const { exact, prefix, suffix } = target;
  if (exact.length === 0 || limit <= 0) return [];
  const contextAt = (start: number, end: number): number => {
    const runs = boundaryRuns(text, start, end, prefix, suffix);
    return runs.prefix + runs.suffix;
  };
  const places: SuggestedPlace[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    if (places.length === MAX_OCCURRENCES) return [];
    places.push({ start: at, end: at + exact.length, exact: true, similarity: 1, context: contextAt(at, at + exact.length) });
  }
  if (options.edited !== false && exact.length >= MIN_APPROXIMATE && exact.length <= MAX_APPROXIMATE) {
    const maxErrors = Math.floor(exact.length * (1 - MIN_EDITED_QUOTE_SIMILARITY));
    // An edited original may stand beside a verbatim copy, so it is looked for as well, the copies masked.
    // The search reports only the matches with the fewest errors: each round masks what it found, so that
    // the edited original is found after a near-copy that is more alike.
    let searched = masked(text, places);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const matches = approximateSearch(searched, exact, maxErrors).filter((m) => m.end > m.start);
      if (matches.length === 0) break;
      for (const match of matches) {
        const { start, end } = framedByContext(text, match.start, match.end, target);
        const similarity = editedQuoteSimilarity(text.slice(start, end), exact);
        if (similarity < MIN_EDITED_QUOTE_SIMILARITY || similarity === 1) continue;
        // overlapping matches are one place: keep the most alike
        const overlapping = places.findIndex((p) => p.start < end && start < p.end);
        const place = { start, end, exact: false, similarity, context: contextAt(start, end) };
        if (overlapping < 0) places.push(place);
        else if (!places[overlapping].exact && similarity > places[overlapping].similarity) places[overlapping] = place;
      }
      if (places.length > MAX_OCCURRENCES) return [];
      searched = masked(searched, matches);
    }
  }
  // the words kept and the context kept both speak for a place: a near-copy elsewhere can be more alike
  // to the stored words than the edited original, which still stands between its stored context
  const score = (p: SuggestedPlace): number => p.similarity * exact.length + p.context / 2;
  return places.sort((a, b) => score(b) - score(a) || a.start - b.start).slice(0, limit);
}

/** How far from a match's edge the stored context may be found to set the edge there. */
const SNAP = 12;
/** The characters of the stored context next to the quote that place an edge. */
const EDGE_CONTEXT = 8;

/**
 * An edited version's bounds as the stored context draws them: the search may take or leave a character
 * or a word at an edge that was edited, where the context next to it still says where the words begin and end.
 */
function framedByContext(text: string, start: number, end: number, target: AnnotationTarget): { start: number; end: number } {
  const head = target.prefix.slice(-EDGE_CONTEXT);
  const tail = target.suffix.slice(0, EDGE_CONTEXT);
  if (head.length === EDGE_CONTEXT) {
    const from = Math.max(0, start - SNAP - head.length);
    const at = text.slice(from, start + SNAP).lastIndexOf(head);
    if (at >= 0 && from + at + head.length < end) start = from + at + head.length;
  }
  if (tail.length === EDGE_CONTEXT) {
    const from = Math.max(start + 1, end - SNAP);
    const at = text.slice(from, end + SNAP + tail.length).indexOf(tail);
    if (at >= 0) end = from + at;
  }
  return { start, end };
}

