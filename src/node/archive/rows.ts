/**
 * One analysed article as the archive's rows: its mentions grouped by entity (with the evidence for the
 * entity's type that the editor's index counts: a mention in a sentence weighs 4, one in a Title Case or
 * ALL-CAPS line 1, each scaled by the tagger's confidence in the type (`mentionWeight`), a personal title
 * before it adds 12 to PERSON; in units of 1/16), its dates and its figures. Pure: the
 * ingest builds the rows, the loader writes them.
 */
import { NAME_TYPES, SPAN_TYPES } from '../../core/extract/types';
import type { ArticleAnalysis } from '../../core/index/analysis';
import { SPAN_STRIDE, SpanField, atomAt, measureAt, spanCount } from '../../core/index/analysis';
import { isCommonWord } from '../../core/index/commonWords';
import { isNameType, UNTYPED_PREFIX } from '../../core/index/entityKey';
import { followsPersonTitle, LineStyles } from '../../core/index/lineStyle';
import { mentionWeight, TITLE_WEIGHT } from '../../core/index/indexTables';
import type { EntityLinker } from '../../core/index/linker';
import type { Annotation } from '../../core/sidecar/model';

// the editor's index's weights, so the archive and the editor decide a name's type alike
export { HEADLINE_WEIGHT, PLAIN_WEIGHT, TITLE_WEIGHT } from '../../core/index/indexTables';

export interface EntityRowsInArticle {
  /** The entity key (see `EntityLinker.keyFor`). */
  key: string;
  /** The name as the first mention gives it (the canonical form when the extractor had one). */
  canonical: string;
  /** The registry's type, for a curated entity. */
  curatedType?: string;
  common: boolean;
  /** start, end, surface, type code — sorted by start. */
  mentions: [number, number, string, number][];
  /** PERSON, ORG, PLACE, MISC */
  weights: [number, number, number, number];
  /** Mentions outside headline-style lines. */
  plain: number;
}

export interface ArticleRows {
  path: string;
  contentHash: string;
  ingestHash: string;
  title: string;
  outlet?: string;
  byline?: string;
  published?: string;
  size: number;
  body: string;
  entities: EntityRowsInArticle[];
  dates: [number, number, string | null, string | null][];
  figures: [number, number, string, number | null, string | null, string | null][];
  annotations: Annotation[];
}

const commonMemo = new Map<string, boolean>();

function allCommonWords(name: string): boolean {
  let common = commonMemo.get(name);
  if (common === undefined) {
    common = name.split(' ').every((word) => isCommonWord(word));
    if (commonMemo.size > 100_000) commonMemo.clear();
    commonMemo.set(name, common);
  }
  return common;
}

export function articleRows(
  analysis: ArticleAnalysis, text: string, linker: EntityLinker,
  article: { path: string; ingestHash: string; size: number; annotations?: Annotation[] },
): ArticleRows {
  const byKey = new Map<string, EntityRowsInArticle>();
  const dates: ArticleRows['dates'] = [];
  const figures: ArticleRows['figures'] = [];
  const lines = new LineStyles(text);
  const n = spanCount(analysis);
  for (let i = 0; i < n; i++) {
    const base = i * SPAN_STRIDE;
    const typeCode = analysis.spans[base + SpanField.type];
    const type = SPAN_TYPES[typeCode];
    const start = analysis.spans[base + SpanField.start];
    const end = analysis.spans[base + SpanField.end];
    if (isNameType(type)) {
      const surfaceAtom = atomAt(analysis, i, SpanField.surface);
      const surface = surfaceAtom === undefined ? text.slice(start, end) : String(surfaceAtom);
      const canonicalAtom = atomAt(analysis, i, SpanField.canonical);
      const canonical = canonicalAtom === undefined ? undefined : String(canonicalAtom);
      const key = linker.keyFor(type, surface, canonical);
      if (key === undefined) continue; // a surface the analyst marked as ignored
      let entity = byKey.get(key);
      if (!entity) {
        const curated = key.startsWith(UNTYPED_PREFIX) ? undefined : linker.registryEntity(key);
        entity = {
          key,
          canonical: curated?.canonical ?? canonical ?? surface,
          curatedType: curated?.type,
          common: key.startsWith(UNTYPED_PREFIX) && allCommonWords(key.slice(UNTYPED_PREFIX.length)),
          mentions: [],
          weights: [0, 0, 0, 0],
          plain: 0,
        };
        byKey.set(key, entity);
      }
      entity.mentions.push([start, end, surface, typeCode]);
      const headline = lines.capitalisedByLine(start, surface);
      entity.weights[NAME_TYPES.indexOf(type)] += mentionWeight(headline, analysis.spans[base + SpanField.confidence]);
      if (followsPersonTitle(text, start)) entity.weights[0] += TITLE_WEIGHT;
      if (!headline) entity.plain++;
    } else if (type === 'DATE') {
      const value = atomAt(analysis, i, SpanField.value);
      const mod = analysis.spans[base + SpanField.mod];
      dates.push([start, end, value === undefined ? null : String(value), mod ? ['', 'START', 'MID', 'END'][mod] : null]);
    } else {
      const value = atomAt(analysis, i, SpanField.value);
      const unit = atomAt(analysis, i, SpanField.unit);
      const number = typeof value === 'number' ? value : value === undefined ? null : Number(value);
      figures.push([start, end, type, number !== null && Number.isFinite(number) ? number : null, unit === undefined ? null : String(unit), measureAt(analysis, i) ?? null]);
    }
  }
  return {
    path: article.path,
    contentHash: analysis.hash,
    ingestHash: article.ingestHash,
    title: analysis.headline,
    outlet: analysis.outlet,
    byline: analysis.byline,
    published: analysis.published && /^\d{4}-\d{2}-\d{2}$/.test(analysis.published) ? analysis.published : undefined,
    size: article.size,
    body: text,
    entities: [...byKey.values()],
    dates: dedupeBySpan(dates),
    figures: dedupeBySpan(figures),
    annotations: article.annotations ?? [],
  };
}

/** One row per (start, end): the key of the dates and figures tables. */
function dedupeBySpan<T extends [number, number, ...unknown[]]>(rows: T[]): T[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r[0]}:${r[1]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The decided type from the summed weights: the largest, ties to the earlier of PERSON, ORG, PLACE, MISC. */
export function decideType(weights: readonly number[]): (typeof NAME_TYPES)[number] {
  let best = 0;
  for (let t = 1; t < NAME_TYPES.length; t++) if (weights[t] > weights[best]) best = t;
  return NAME_TYPES[best];
}
