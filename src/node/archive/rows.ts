/**
 * One analysed article as the archive's rows: its mentions grouped by entity (with the evidence for the
 * entity's type that the editor's index counts: a mention in a sentence weighs 4, one in a Title Case or
 * ALL-CAPS line 1, each scaled by the tagger's confidence in the type (`mentionWeight`), a personal title
 * before it adds 12 to PERSON; in units of 1/16), its dates and its figures. Pure: the
 * ingest builds the rows, the loader writes them.
 */
import { NAME_TYPES, SPAN_TYPES } from '../../core/extract/types';
import type { ArticleAnalysis } from '../../core/index/analysis';
import { SPAN_STRIDE, SpanField, atomAt, measureAt, spanCount, unpackSpan } from '../../core/index/analysis';
import { isCommonWord } from '../../core/index/commonWords';
import { isNameType, UNTYPED_PREFIX } from '../../core/index/entityKey';
import { followsPersonTitle, LineStyles } from '../../core/index/lineStyle';
import { mentionWeight, TITLE_WEIGHT } from '../../core/index/indexTables';
import type { EntityLinker } from '../../core/index/linker';
import type { Annotation } from '../../core/sidecar/model';
import { articleViewsOf, DATE_STRIDE, MENTION_STRIDE, PARAGRAPH_STRIDE, QUOTE_STRIDE, type ArticleViews } from '../../core/analysis/articleViews';
import { periodOf } from '../../core/analysis/timeline/timex';
import { PRECISION_ORDER } from '../../core/index/analysisQueries';

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
  /**
   * start, end, value, mod; then, for a date the timeline places (see `timelineOfDates`): its sentence's start and
   * end, its period's first and last day, its precision (index into PRECISION_ORDER), and the keys of the
   * entities its sentence names, in text order.
   */
  dates: [number, number, string | null, string | null, ...DatedSentence][];
  /** Paragraphs of the article (with names or not), for connection strengths. */
  paragraphs: number;
  /** (paragraph number, entity key): the entities each paragraph names, each once. */
  paragraphEntities: [number, string][];
  figures: [number, number, string, number | null, string | null, string | null][];
  annotations: Annotation[];
  quotes: QuoteRow[];
}

/**
 * A quotation: the quoted words (offsets without the quotation marks), the entity key of the name its
 * attribution rests on with that name and type as the article gives them (null when the speaker is not
 * named, or the name is one the registry ignores), and the cue (the speaker's mention, or a pronoun).
 */
export interface QuoteRow {
  start: number;
  end: number;
  text: string;
  speakerKey: string | null;
  speaker: string | null;
  speakerType: string | null;
  cueStart: number | null;
  cueEnd: number | null;
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
      dates.push([start, end, value === undefined ? null : String(value), mod ? ['', 'START', 'MID', 'END'][mod] : null, ...NOT_DATED]);
    } else {
      const value = atomAt(analysis, i, SpanField.value);
      const unit = atomAt(analysis, i, SpanField.unit);
      const number = typeof value === 'number' ? value : value === undefined ? null : Number(value);
      figures.push([start, end, type, number !== null && Number.isFinite(number) ? number : null, unit === undefined ? null : String(unit), measureAt(analysis, i) ?? null]);
    }
  }
  const views = analysis.views ?? viewsOf(analysis, text);
  const keyOfName = namesToKeys(views, linker);
  const timeline = timelineOfDates(views, keyOfName);
  for (const d of dates) {
    const dated = timeline.get(`${d[0]}:${d[1]}`);
    if (dated) d.splice(4, dated.length, ...dated);
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
    paragraphs: views.paragraphs.length / PARAGRAPH_STRIDE,
    paragraphEntities: paragraphEntities(views, keyOfName),
    figures: dedupeBySpan(figures),
    annotations: article.annotations ?? [],
    quotes: quoteRows(views, text, linker, byKey),
  };
}

/** The views of an analysis made without them (an older cache entry): computed from its spans. */
function viewsOf(analysis: ArticleAnalysis, text: string): ArticleViews {
  const spans = [];
  for (let i = 0, n = spanCount(analysis); i < n; i++) spans.push(unpackSpan(analysis, i, text));
  return articleViewsOf(text, spans);
}

/**
 * The article's quotations, each speaker linked as its mentions are (so it is one of the article's entities:
 * the registry's aliases and merges apply, an ignored name is no speaker).
 */
function quoteRows(views: ArticleViews, text: string, linker: EntityLinker, entities: ReadonlyMap<string, EntityRowsInArticle>): QuoteRow[] {
  const out: QuoteRow[] = [];
  const seen = new Set<string>();
  const { quotes, mentions, names } = views;
  for (let at = 0; at < quotes.length; at += QUOTE_STRIDE) {
    const [start, end, cueStart, cueEnd, mention] = [quotes[at], quotes[at + 1], quotes[at + 2], quotes[at + 3], quotes[at + 4]];
    if (seen.has(`${start}:${end}`)) continue; // the table's key
    seen.add(`${start}:${end}`);
    let speakerKey: string | null = null;
    let speaker: string | null = null;
    let speakerType: string | null = null;
    if (mention >= 0) {
      const [type, surface, canonical] = names[mentions[mention * MENTION_STRIDE + 2]];
      const key = linker.keyFor(type, surface, canonical ?? undefined);
      const entity = key === undefined ? undefined : entities.get(key);
      if (key !== undefined && entity) {
        speakerKey = key;
        speaker = entity.curatedType ? entity.canonical : canonical ?? surface;
        speakerType = entity.curatedType ?? type;
      }
    }
    out.push({ start, end, text: text.slice(start, end), speakerKey, speaker, speakerType,
      cueStart: cueStart >= 0 ? cueStart : null, cueEnd: cueStart >= 0 ? cueEnd : null });
  }
  return out;
}

/** Sentence start and end, period's first and last day, precision, entity keys (all null: not on the timeline). */
type DatedSentence = [number | null, number | null, string | null, string | null, number | null, string[] | null];
const NOT_DATED: DatedSentence = [null, null, null, null, null, null];

/** The entity key of each of the views' names (undefined: a name the registry ignores). */
function namesToKeys(views: ArticleViews, linker: EntityLinker): (string | undefined)[] {
  return views.names.map(([type, surface, canonical]) => linker.keyFor(type, surface, canonical ?? undefined));
}

/** The distinct keys of the views' mentions `from` to `to` (exclusive), in text order. */
function keysOfMentions(views: ArticleViews, keyOfName: readonly (string | undefined)[], from: number, to: number): string[] {
  const keys: string[] = [];
  for (let m = from; m < to; m++) {
    const key = keyOfName[views.mentions[m * MENTION_STRIDE + 2]];
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** Each resolved date the timeline shows, by "start:end": its sentence, period, precision and the sentence's entities. */
function timelineOfDates(views: ArticleViews, keyOfName: readonly (string | undefined)[]): Map<string, DatedSentence> {
  const out = new Map<string, DatedSentence>();
  for (let at = 0, k = 0; at < views.dates.length; at += DATE_STRIDE, k++) {
    const period = periodOf(views.dateValues[k]);
    if (!period) continue;
    const [start, end, sentenceStart, sentenceEnd, first, last] = views.dates.slice(at, at + DATE_STRIDE);
    const span = `${start}:${end}`;
    if (out.has(span)) continue;
    out.set(span, [sentenceStart, sentenceEnd, period.from, period.to, PRECISION_ORDER.indexOf(period.precision), keysOfMentions(views, keyOfName, first, last)]);
  }
  return out;
}

function paragraphEntities(views: ArticleViews, keyOfName: readonly (string | undefined)[]): [number, string][] {
  const out: [number, string][] = [];
  for (let at = 0, p = 0; at < views.paragraphs.length; at += PARAGRAPH_STRIDE, p++) {
    for (const key of keysOfMentions(views, keyOfName, views.paragraphs[at + 2], views.paragraphs[at + 3])) out.push([p, key]);
  }
  return out;
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
