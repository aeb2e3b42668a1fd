/**
 * Plain data shapes of an annotation sidecar (`article.txt.annotations.yaml`), schema `version: 1`.
 * These are what the API hands out; the YAML document itself stays the source of truth so that
 * comments, key order and unknown keys survive edits (see `sidecarDocument.ts`).
 */

/** The schema version this code reads and writes. */
export const SIDECAR_VERSION = 1;

/** Admiralty scale source reliability: A (completely reliable) … E (unreliable), F (cannot be judged). */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export const RELIABILITY_GRADES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Admiralty scale information credibility: 1 (confirmed) … 5 (improbable), 6 (cannot be judged). */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** What the analyst records about the article as a whole. Every field is optional. */
export interface ArticleMetadata {
  /** Publication date, `YYYY-MM-DD` (a full ISO timestamp is accepted too). */
  published?: string;
  /** The outlet ("Reuters"). */
  source?: string;
  url?: string;
  author?: string;
  reliability?: Reliability;
  credibility?: Credibility;
}

export const METADATA_KEYS: readonly (keyof ArticleMetadata)[] = [
  'published', 'source', 'url', 'author', 'reliability', 'credibility',
];

/**
 * Where an annotation sits, in the spirit of the W3C Web Annotation TextQuoteSelector plus
 * TextPositionSelector: the quote with its context survives edits to the article, the offsets make
 * the common case (nothing changed) cheap.
 */
export interface AnnotationTarget {
  /** The annotated text, exactly as it was. */
  exact: string;
  /** Up to ~32 UTF-16 units of text just before `exact` (shorter at the start of the article). */
  prefix: string;
  /** Up to ~32 UTF-16 units of text just after `exact`. */
  suffix: string;
  /** UTF-16 offset of the first unit of `exact`. */
  start: number;
  /** UTF-16 offset one past the last unit of `exact`. */
  end: number;
  /** `fnv1a64:<16 hex digits>` of the whole article text when the target was last anchored. */
  textHash: string;
  /**
   * Set when the sidecar states neither `prefix` nor `suffix` (a target written by hand or by another
   * tool): the context is unknown, not empty, so the quote is placed by its text alone. Never written.
   */
  contextUnknown?: boolean;
  /** Set when the sidecar states neither `start` nor `end`: the offsets are placeholders. Never written. */
  offsetsUnknown?: boolean;
}

/** Left on our copy of an annotation when a merge found that both sides changed it differently. */
export interface ConflictMarker {
  /** Id of the other side's version, which kept the original id. */
  with: string;
  /** When the conflict was detected (ISO timestamp). */
  detected: string;
}

export interface Annotation {
  /** Stable, unique within the sidecar. */
  id: string;
  tags: string[];
  note: string;
  author?: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  target: AnnotationTarget;
  conflict?: ConflictMarker;
}

/** The whole sidecar as plain data. */
export interface Sidecar {
  version: number;
  article: ArticleMetadata;
  annotations: Annotation[];
}

/** A problem found while reading a sidecar. Lines and columns are 1-based. */
export interface SidecarProblem {
  /** `error` makes the document read-only for the API; `warning` is informative (e.g. needs re-anchoring). */
  severity: 'error' | 'warning';
  line: number;
  column: number;
  message: string;
  /** Dotted path of the offending node when known ("annotations.2.target.end"). */
  path?: string;
}
