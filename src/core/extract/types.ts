/**
 * The extraction contract shared by the engine, the corpus index, the CLI and the editor.
 * Offsets are UTF-16 code units into the exact string the caller passed (the text VS Code holds),
 * end exclusive, so `text.slice(start, end) === span.text` always holds.
 */

export type NameType = 'PERSON' | 'ORG' | 'PLACE' | 'MISC';
export type FigureType = 'MONEY' | 'PERCENT' | 'QUANTITY';
export type SpanType = NameType | 'DATE' | FigureType;

export const NAME_TYPES: readonly NameType[] = ['PERSON', 'ORG', 'PLACE', 'MISC'];

/** Whether a span type is a name's (PERSON, ORG, PLACE, MISC), not a date's or a figure's. */
export function isNameType(type: SpanType): type is NameType {
  return type === 'PERSON' || type === 'ORG' || type === 'PLACE' || type === 'MISC';
}
export const FIGURE_TYPES: readonly FigureType[] = ['MONEY', 'PERCENT', 'QUANTITY'];
export const SPAN_TYPES: readonly SpanType[] = ['PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'MONEY', 'PERCENT', 'QUANTITY'];

export interface Span {
  start: number;
  end: number;
  type: SpanType;
  text: string;
  /**
   * DATE: TIMEX3-style ISO string or null; MONEY: "USD 33000000000" or null;
   * PERCENT / QUANTITY: a number; names: null (their identity is `canonical`).
   */
  value: string | number | null;
  /** Names: the full form this mention refers to ("Hegseth" → "Pete Hegseth"). */
  canonical?: string;
  /** QUANTITY: the counted noun in the singular ("nation"). */
  unit?: string;
  /** DATE: START / MID / END for early / mid / late expressions. */
  mod?: 'START' | 'MID' | 'END';
  /** Why a value is null, or how it was resolved ("relative to the publication date 2026-02-12"). */
  reason?: string;
}

/** A date the caller or the article supplies, against which relative expressions resolve. */
export interface ReferenceDate {
  /** YYYY-MM-DD */
  iso: string;
  /**
   * Where it came from, for hover cards and the CLI summary, in the order they are tried: the caller, front
   * matter or a dateline with a full date, a date line without a year (the year from `yearFrom`), an ISO date
   * in the file name.
   */
  source: 'caller' | 'dateline' | 'front-matter' | 'date line' | 'file name';
  /** For a date line without a year: where the year came from. */
  yearFrom?: 'file name' | 'sidecar' | 'modified date';
  /**
   * A reference the caller gave as a year or a month only: `iso` is then a day in the middle of it (30 June,
   * the 15th), and a relative date whose value depends on which day of it is meant has no value.
   */
  precision?: 'year' | 'month';
  /** Offsets of the dateline in the text, when it came from the text. */
  start?: number;
  end?: number;
}

/** One entity the analyst curates in the workspace registry (`.sources/entities.yaml`). */
export interface RegistryEntity {
  canonical: string;
  type: NameType;
  aliases?: string[];
  description?: string;
  links?: string[];
}

/** The analyst's corrections, which always override the model. */
export interface EntityRegistry {
  entities: RegistryEntity[];
  /** Surface forms that are never entities (false positives marked as ignored). Compared case-sensitively. */
  ignore?: string[];
}

/** A name mention as a detector proposes it, before titles, coreference and the registry are applied. */
export interface NameMention {
  start: number;
  end: number;
  type: NameType;
  /** Confidence in [0, 1] where the detector has one; document-level consistency prefers confident mentions. */
  score?: number;
  /**
   * Confidence in [0, 1) in the mention's type (against the other name types, not against being no name),
   * where the detector has one; the workspace weighs each mention's vote for a name's type by it.
   */
  typeConfidence?: number;
}

/**
 * Finds people, organizations, places and misc names in text. Implementations: the rule-based
 * detector (`names/ruleDetector.ts`) and the trained tagger (`ner/`). Must be pure and synchronous,
 * and must return mentions inside [0, text.length) that do not overlap.
 */
export interface NameDetector {
  readonly id: string;
  detect(text: string): NameMention[];
  /** The detector's gazetteer flags of a name as a whole (`ner/lexicon.ts` GAZ_*), where it has a gazetteer. */
  gazetteerFlags?(name: string): number;
}

export interface ExtractOptions {
  /**
   * YYYY-MM-DD, or a month (YYYY-MM) or a year (YYYY) when no day is known; overrides a publication date
   * found in the text. `null` when the text has none of its own to look for: a block of a long document,
   * whose dateline would be at the top of the whole document.
   */
  published?: string | null;
  registry?: EntityRegistry;
  /** What is known of the article's file, for a reference date when the text gives only part of one. */
  file?: ArticleFileHints;
  /** Defaults to the best shipped detector. */
  nameDetector?: NameDetector;
}

/** What the caller knows of the article's file: where a year or a date may come from when the text lacks one. */
export interface ArticleFileHints {
  /** The file's name or path ("2025-11-25-nato-summit.txt"). */
  name?: string;
  /** A year the analyst's sidecar gives for the article. */
  sidecarYear?: number;
  /**
   * The day the analyst first annotated the article (its sidecar's earliest annotation), YYYY-MM-DD: the
   * article was published on or before it.
   */
  annotated?: string;
  /** The file's modification date, YYYY-MM-DD. */
  modified?: string;
}

export interface ExtractResult {
  spans: Span[];
  /** The reference date used for relative dates, if any. */
  reference?: ReferenceDate;
  /**
   * The name detector's confidence in [0, 1) in the type of each name span it typed itself (see
   * `NameMention.typeConfidence`); absent for other spans and for detectors without one. Keyed by the
   * span objects of `spans`; not part of the spans' JSON.
   */
  typeConfidence?: ReadonlyMap<Span, number>;
  /** Set when the text is not English: spans are then empty. */
  language?: { code: string; english: boolean; reason?: string };
}
