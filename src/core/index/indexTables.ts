/**
 * The corpus index's data, shared by its query modules: the article records, the inverted index and the
 * written forms of every name. Owned and mutated by `CorpusIndex` (through `articleLinks.ts`); the query
 * modules only read it.
 */
import type { ArticleAnalysis, PackedSpans } from './analysis';
import { SPAN_STRIDE, SpanField } from './analysis';
import type { EntityLinker } from './linker';
import { PostingIndex } from './postings';

export interface ArticleRecord {
  id: number;
  uri: string;
  text: string;
  analysis: Omit<ArticleAnalysis, 'spans' | 'atoms'>;
  packed: PackedSpans & { spans: Int32Array };
  /** Two key ids per span (primary, secondary); NO_KEY, or IGNORED for names the registry ignores. */
  keyIds: Int32Array;
  /** This article's evidence for its names' types: VOTE_STRIDE numbers per distinct name key, key id first. */
  votes: Int32Array;
}

/**
 * The evidence a name's mentions give for its type, per key id: a weight per name type (PERSON, ORG,
 * PLACE, MISC), then the mentions in ordinary lines, then all mentions. A mention in a sentence weighs
 * PLAIN_WEIGHT, one in a Title Case or ALL-CAPS line (where every word is capitalised) HEADLINE_WEIGHT,
 * each scaled by the tagger's confidence in the type it gave (`mentionWeight`), and a personal title just
 * before it ("President", "Secretary") adds TITLE_WEIGHT to PERSON. Integers, so the sums do not depend
 * on the order articles arrive in.
 */
export const VOTE_STRIDE = 7;
export const VOTE_PLAIN = 5;
export const VOTE_TOTAL = 6;
export const PLAIN_WEIGHT = 64;
export const HEADLINE_WEIGHT = 16;
export const TITLE_WEIGHT = 192;

/**
 * One mention's vote for its type: its line's weight, scaled by the tagger's confidence in the type
 * (`confidence`, the packed byte 0–255; -1 or undefined when the type did not come from the tagger alone,
 * which counts in full) from 1/8 for a type the tagger barely preferred to 1 for a sure one. So a
 * confident mention outweighs several doubtful ones of another type, while a title or the registry still
 * decides.
 */
export function mentionWeight(headline: boolean, confidence: number | undefined): number {
  const base = headline ? HEADLINE_WEIGHT : PLAIN_WEIGHT;
  if (confidence === undefined || confidence < 0) return base;
  return Math.round((base * (32 * 255 + 224 * Math.min(confidence, 255))) / (256 * 255));
}

export const NO_KEY = -1;
export const IGNORED = -2;
export const EMPTY_VOTES = new Int32Array(0);

export class IndexTables {
  readonly records: (ArticleRecord | undefined)[] = [];
  readonly idByUri = new Map<string, number>();
  readonly postings = new PostingIndex();
  /** entity key id → surface form → count, and → canonical form → count */
  readonly surfaces: (Map<string, number> | undefined)[] = [];
  readonly canonicals: (Map<string, number> | undefined)[] = [];

  /** Replaced with the registry (`CorpusIndex.setRegistry`). */
  constructor(public linker: EntityLinker) {}

  recordOf(uri: string): ArticleRecord | undefined {
    const id = this.idByUri.get(uri);
    return id === undefined ? undefined : this.records[id];
  }
}

export function startOf(record: ArticleRecord, i: number): number {
  return record.packed.spans[i * SPAN_STRIDE + SpanField.start];
}

export function endOf(record: ArticleRecord, i: number): number {
  return record.packed.spans[i * SPAN_STRIDE + SpanField.end];
}

export function bump(table: (Map<string, number> | undefined)[], keyId: number, form: string, delta: number): void {
  let counts = table[keyId];
  if (!counts) table[keyId] = counts = new Map();
  const next = (counts.get(form) ?? 0) + delta;
  if (next > 0) counts.set(form, next);
  else {
    counts.delete(form);
    if (counts.size === 0) table[keyId] = undefined;
  }
}

export function mostFrequent(counts: Map<string, number> | undefined): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [form, count] of counts ?? []) {
    if (count > bestCount || (count === bestCount && best !== undefined && form.length > best.length)) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
