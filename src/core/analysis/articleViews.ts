/**
 * What the analysis views need from one article, computed once when the article is indexed (in the analysis
 * workers, beside extraction) and kept in the index cache: its name mentions, paragraphs, quotations and
 * dated sentences. Everything is offsets and the extractor's own names, never a workspace decision: the
 * registry's merges, the workspace's type for a name and the entity groups change after indexing, so the
 * `AnalysisStore` resolves the names to entities when a view or a hover card asks.
 *
 * Compact and JSON-friendly (flat number arrays), so that it survives structured clone and the cache file.
 */
import type { NameType, Span } from '../extract/types';
import { findQuotes, type AttributionKind } from './quotes/findQuotes';
import { paragraphsOf, rangeIndexAt, sentencesOf, type TextRange } from './textUnits';
import { periodOf } from './timeline/timex';
import { normalizeName } from '../index/entityKey';
import { firstIndex } from '../util/firstIndex';

export interface ArticleViews {
  /** Distinct names of the article as the extractor gave them: [type, surface (text as written), canonical or null]. */
  names: [NameType, string, string | null][];
  /** Name mentions in text order, MENTION_STRIDE numbers each: start, end, index into `names`. */
  mentions: number[];
  /** Paragraphs, PARAGRAPH_STRIDE numbers each: start, end, first mention, end of its mentions (exclusive). */
  paragraphs: number[];
  /**
   * Quotations in text order, QUOTE_STRIDE numbers each: start, end (the quoted words), cueStart, cueEnd
   * (-1 when there is no cue), the mention naming the speaker (-1: unnamed or none), the attribution's code
   * (index into ATTRIBUTIONS).
   */
  quotes: number[];
  /**
   * Resolved dates in text order, DATE_STRIDE numbers each: start, end, the sentence's start and end, the
   * first mention of the sentence and the end of its mentions (exclusive).
   */
  dates: number[];
  /** The resolved value of each date ("2026-02-12", "2026-W07"), parallel to `dates`. */
  dateValues: string[];
  /**
   * Each date's sentence with its white space collapsed, parallel to `dates`; null where that is the
   * sentence's text as it stands (most sentences), so the cache does not repeat the article.
   */
  dateSentences: (string | null)[];
}

export const MENTION_STRIDE = 3;
export const PARAGRAPH_STRIDE = 4;
export const QUOTE_STRIDE = 6;
export const DATE_STRIDE = 6;

export const ATTRIBUTIONS: readonly AttributionKind[] = ['after', 'before', 'according', 'partial', 'adjacent', 'continued', 'none'];

const NAME_TYPES = new Set<string>(['PERSON', 'ORG', 'PLACE', 'MISC']);

/** The views' data of an article whose extracted spans are `spans` (sorted or not). Linear in the text. */
export function articleViewsOf(text: string, spans: readonly Span[]): ArticleViews {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const nameSpans = sorted.filter((s) => NAME_TYPES.has(s.type));
  const names: [NameType, string, string | null][] = [];
  const nameIndex = new Map<string, number>();
  const mentions: number[] = [];
  for (const s of nameSpans) {
    const surface = text.slice(s.start, s.end);
    const code = `${s.type}\u0000${surface}\u0000${s.canonical ?? '\u0001'}`;
    let n = nameIndex.get(code);
    if (n === undefined) {
      nameIndex.set(code, (n = names.length));
      names.push([s.type as NameType, surface, s.canonical ?? null]);
    }
    mentions.push(s.start, s.end, n);
  }
  const mentionCount = nameSpans.length;
  /** First mention ending after `offset`. */
  const firstEndingAfter = (offset: number): number => firstIndex(mentionCount, (i) => mentions[i * MENTION_STRIDE + 1] > offset);
  const endOfMentionsBefore = (from: number, offset: number): number => {
    let i = from;
    while (i < mentionCount && mentions[i * MENTION_STRIDE] < offset) i++;
    return i;
  };

  const paragraphRanges = paragraphsOf(text);
  const paragraphs: number[] = [];
  for (const p of paragraphRanges) {
    const first = firstEndingAfter(p.start);
    // a mention belongs to the paragraph it starts in (as the views always counted it)
    let from = first;
    while (from < mentionCount && mentions[from * MENTION_STRIDE] < p.start) from++;
    paragraphs.push(p.start, p.end, from, endOfMentionsBefore(from, p.end));
  }

  const quotes: number[] = [];
  const mentionAt = new Map<number, number>();
  for (let i = 0; i < mentionCount; i++) mentionAt.set(mentions[i * MENTION_STRIDE], i);
  const fullName = fullPersonNames(nameSpans);
  for (const q of findQuotes(text, nameSpans)) {
    const s = q.speaker;
    let speaker = s?.nameStart !== undefined ? mentionAt.get(s.nameStart) ?? -1 : -1;
    if (speaker >= 0 && names[mentions[speaker * MENTION_STRIDE + 2]][0] === 'PERSON') speaker = fullName(speaker, names, mentions);
    quotes.push(q.start, q.end, s ? s.cueStart : -1, s ? s.cueEnd : -1, speaker, ATTRIBUTIONS.indexOf(q.attribution));
  }

  const dates: number[] = [];
  const dateValues: string[] = [];
  const dateSentences: (string | null)[] = [];
  let sentences: TextRange[] | undefined;
  for (const span of sorted) {
    if (span.type !== 'DATE' || typeof span.value !== 'string' || !periodOf(span.value)) continue;
    if (!sentences) {
      sentences = [];
      for (const p of paragraphRanges) for (const s of sentencesOf(text, p)) sentences.push(s);
    }
    const sentence = sentences[rangeIndexAt(sentences, span.start)] ?? { start: span.start, end: span.end };
    const first = firstEndingAfter(sentence.start);
    dates.push(span.start, span.end, sentence.start, sentence.end, first, endOfMentionsBefore(first, sentence.end));
    dateValues.push(span.value);
    const raw = text.slice(sentence.start, sentence.end);
    const collapsed = collapseSpace(raw);
    dateSentences.push(collapsed === raw ? null : collapsed);
  }
  return { names, mentions, paragraphs, quotes, dates, dateValues, dateSentences };
}

/**
 * A person's name as the article gives it in full: a short form the extractor left alone ("Van der Berg"
 * after "Niels van der Berg": the case differs) becomes the first mention of the one longer name of the
 * article it ends.
 */
function fullPersonNames(nameSpans: readonly Span[]): (mention: number, names: ArticleViews['names'], mentions: number[]) => number {
  const firstMention = new Map<string, number>();
  nameSpans.forEach((s, i) => {
    if (s.type !== 'PERSON') return;
    const name = s.canonical ?? s.text;
    if (!firstMention.has(name)) firstMention.set(name, i);
  });
  const normalized = [...firstMention.keys()].map((n) => [n, normalizeName(n)] as const);
  return (mention, names, mentions) => {
    const [, surface, canonical] = names[mentions[mention * MENTION_STRIDE + 2]];
    const short = normalizeName(canonical ?? surface);
    const longer = normalized.filter(([, n]) => n.endsWith(` ${short}`));
    return longer.length === 1 ? firstMention.get(longer[0][0])! : mention;
  };
}


/** White space runs as one space, none at either end: a sentence as the timeline shows it. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
