/**
 * Finds an annotation's text again in a changed article. In order of preference: the stored offsets
 * when the quote is still there, the best exact occurrence of the quote judged by its context and
 * distance, a fuzzy match of the quote that its context confirms, or nothing (an orphan). A candidate
 * is only accepted when its surroundings vouch for it, so an annotation never jumps to other words
 * that merely look the same.
 */
import search from 'approx-string-match';
import { AnnotationTarget } from '../sidecar/model';
import { articleTextHash } from '../sidecar/textHash';
import { createTarget, DEFAULT_CONTEXT_LENGTH } from './createTarget';
import { boundaryRuns, contextSimilarity } from './similarity';

/**
 * `unchanged`: same offsets, same context. `moved`: the exact quote, elsewhere or with edited
 * context. `fuzzy`: an edited version of the quote. `orphan`: not found; keep the annotation but do
 * not show it in the text.
 */
export type AnchorStatus = 'unchanged' | 'moved' | 'fuzzy' | 'orphan';

export type AnchorResult =
  | { status: 'unchanged' | 'moved' | 'fuzzy'; start: number; end: number; score: number; target: AnnotationTarget }
  | { status: 'orphan'; score: 0 };

export interface ReanchorOptions {
  /**
   * A candidate is accepted when, on at least one side, this many characters of the stored context
   * (or all of it, if shorter) still match verbatim next to it.
   */
  minContextRun?: number;
  /** A fuzzy match needs at least this similarity to the stored quote. */
  minQuoteSimilarity?: number;
  /** Exact quotes at least this long that occur once are accepted without context. */
  uniqueQuoteLength?: number;
  /**
   * The context length the target was created with (and that the refreshed target gets). A stored
   * context shorter than this means the quote sat at an edge of the article.
   */
  contextLength?: number;
  /** Hash of `text` when the caller already has it. */
  textHash?: string;
}

const DEFAULTS = { minContextRun: 16, minQuoteSimilarity: 0.75, uniqueQuoteLength: 48, contextLength: DEFAULT_CONTEXT_LENGTH };
/** A 32-character context shifted by three or more characters falls below this. */
const MIN_SHIFTED_CONTEXT_SIMILARITY = 0.85;
const MIN_WEAK_CONTEXT_RUN = 8;
/** Occurrences of very common short quotes beyond this many are not scored. */
const MAX_CANDIDATES = 1000;

interface Candidate { start: number; end: number; score: number }

/** Re-anchors `target` in `text`. Pure; cost is linear in the text for exact and fuzzy search. */
export function reanchor(target: AnnotationTarget, text: string, options: ReanchorOptions = {}): AnchorResult {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const hash = options.textHash ?? articleTextHash(text);
  const found = (status: 'unchanged' | 'moved' | 'fuzzy', candidate: Candidate): AnchorResult => ({
    status, start: candidate.start, end: candidate.end, score: candidate.score,
    target: createTarget(text, candidate.start, candidate.end, { contextLength: settings.contextLength, textHash: hash }),
  });

  const { exact, prefix, suffix } = target;
  if (exact.length === 0) return { status: 'orphan', score: 0 };
  if (text.slice(target.start, target.end) === exact) {
    const context = contextSimilarity(text, target.start, target.end, prefix, suffix);
    if (context.prefix === 1 && context.suffix === 1) return found('unchanged', { start: target.start, end: target.end, score: 1 });
  }

  const exactMatch = bestExactOccurrence(target, text, settings);
  if (exactMatch) return found('moved', exactMatch);

  const fuzzyMatch = bestFuzzyMatch(target, text, settings);
  if (fuzzyMatch) return found('fuzzy', fuzzyMatch);
  return { status: 'orphan', score: 0 };
}

/**
 * Whether the verbatim context next to a candidate vouches for it. A stored context shorter than the
 * context length means the quote sat at an edge of the article, so it only vouches at that edge.
 */
function isVouched(text: string, start: number, end: number, target: AnnotationTarget, settings: typeof DEFAULTS): boolean {
  const runs = boundaryRuns(text, start, end, target.prefix, target.suffix);
  const sideVouches = (run: number, stored: number, atEdge: boolean): boolean => {
    if (stored < settings.contextLength) return run === stored && atEdge;
    return run >= Math.min(settings.minContextRun, stored);
  };
  return sideVouches(runs.prefix, target.prefix.length, start === target.prefix.length)
    || sideVouches(runs.suffix, target.suffix.length, end + target.suffix.length === text.length);
}

/**
 * A fuzzy candidate must also fit on the other side: a deleted quote leaves its context joined
 * together, and a look-alike cut from one side of the join would otherwise borrow the other side's
 * intact context. A shift of a character or two, common at fuzzy edges, is still tolerated.
 */
function fitsBothSides(text: string, start: number, end: number, target: AnnotationTarget, settings: typeof DEFAULTS): boolean {
  const runs = boundaryRuns(text, start, end, target.prefix, target.suffix);
  const similar = contextSimilarity(text, start, end, target.prefix, target.suffix);
  const sideFits = (run: number, similarity: number, stored: number, atEdge: boolean): boolean => {
    if (stored < settings.contextLength) return atEdge || similarity >= MIN_SHIFTED_CONTEXT_SIMILARITY;
    return run >= Math.min(MIN_WEAK_CONTEXT_RUN, stored) || similarity >= MIN_SHIFTED_CONTEXT_SIMILARITY;
  };
  return sideFits(runs.prefix, similar.prefix, target.prefix.length, start === target.prefix.length)
    && sideFits(runs.suffix, similar.suffix, target.suffix.length, end + target.suffix.length === text.length);
}

function proximityPenalty(position: number, expected: number, textLength: number): number {
  // Small enough never to outweigh a context difference of one character, large enough to break ties.
  return 0.001 * Math.abs(position - expected) / Math.max(1, textLength);
}

function bestExactOccurrence(target: AnnotationTarget, text: string, settings: typeof DEFAULTS): Candidate | undefined {
  const { exact, prefix, suffix } = target;
  const occurrences: number[] = [];
  for (let at = text.indexOf(exact); at >= 0 && occurrences.length < MAX_CANDIDATES; at = text.indexOf(exact, at + 1)) {
    occurrences.push(at);
  }
  let best: Candidate | undefined;
  for (const start of occurrences) {
    const end = start + exact.length;
    const context = contextSimilarity(text, start, end, prefix, suffix);
    const vouched = isVouched(text, start, end, target, settings)
      || (occurrences.length === 1 && exact.length >= settings.uniqueQuoteLength);
    if (!vouched) continue;
    const score = (context.prefix + context.suffix) / 2 - proximityPenalty(start, target.start, text.length);
    if (!best || score > best.score) best = { start, end, score };
  }
  return best;
}

function bestFuzzyMatch(target: AnnotationTarget, text: string, settings: typeof DEFAULTS): Candidate | undefined {
  const { exact, prefix, suffix } = target;
  const maxErrors = Math.floor(exact.length * (1 - settings.minQuoteSimilarity));
  if (maxErrors < 1) return undefined;
  const matches = search(text, exact, maxErrors)
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_CANDIDATES);
  let best: Candidate | undefined;
  for (const match of matches) {
    if (match.end <= match.start) continue;
    const quoteSimilarity = 1 - match.errors / exact.length;
    if (!isVouched(text, match.start, match.end, target, settings)) continue;
    if (!fitsBothSides(text, match.start, match.end, target, settings)) continue;
    const context = contextSimilarity(text, match.start, match.end, prefix, suffix);
    const score = (2 * quoteSimilarity + context.prefix + context.suffix) / 4
      - proximityPenalty(match.start, target.start, text.length);
    if (!best || score > best.score) best = { start: match.start, end: match.end, score };
  }
  return best;
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
