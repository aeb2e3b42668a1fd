/**
 * What a figure measures, so that "5% of their GDP" here and "3.5% of GDP" there can be flagged as a
 * possible conflict. Uses the figures module's `describeMeasure` when it provides one; otherwise a small
 * fallback heuristic (documented below).
 */
import * as figuresModule from '../extract/figures';
import type { Span } from '../extract/types';

type DescribeMeasure = (text: string, span: Span) => string | undefined;

function sharedDescribeMeasure(): DescribeMeasure | undefined {
  const candidate = (figuresModule as unknown as Record<string, unknown>).describeMeasure;
  return typeof candidate === 'function' ? (candidate as DescribeMeasure) : undefined;
}

const LINKING_WORDS = new Set(['of', 'in', 'for', 'on']);
const SKIPPED_WORDS = new Set(['the', 'a', 'an', 'their', 'its', 'his', 'her', 'our', 'your', 'my', 'this', 'that', 'all', 'total']);
const PHRASE_STOPS = new Set(['on', 'in', 'for', 'to', 'by', 'from', 'at', 'and', 'or', 'than', 'as', 'with', 'over', 'under', 'per', 'was', 'is', 'were', 'are', 'will', 'would']);

/**
 * Fallback: the words right after the figure, after an optional "of"/"in"/"for"/"on", without
 * determiners, up to the next preposition or punctuation, at most three words
 * ("5% of their GDP on defense" → "GDP", "$33 billion in aid" → "aid").
 */
export function fallbackDescribeMeasure(text: string, span: Pick<Span, 'end'>): string | undefined {
  const tail = text.slice(span.end, span.end + 80);
  const clause = tail.split(/[.,;:!?()"\u201c\u201d\n]/u, 1)[0];
  const words = clause.split(/\s+/u).filter(Boolean);
  let i = 0;
  if (i < words.length && LINKING_WORDS.has(words[i].toLowerCase())) i++;
  const phrase: string[] = [];
  for (; i < words.length && phrase.length < 3; i++) {
    const word = words[i].replace(/['\u2019]s$/u, '');
    const lower = word.toLowerCase();
    if (phrase.length === 0 && SKIPPED_WORDS.has(lower)) continue;
    if (PHRASE_STOPS.has(lower) || !/^[\p{L}-]+$/u.test(word)) break;
    phrase.push(word);
  }
  return phrase.length ? phrase.join(' ') : undefined;
}

export function describeMeasure(text: string, span: Span): string | undefined {
  const shared = sharedDescribeMeasure();
  if (shared) {
    try {
      return shared(text, span);
    } catch {
      // a failing heuristic must not break indexing; fall through to ours
    }
  }
  return fallbackDescribeMeasure(text, span);
}

/**
 * Comparable form of a measure phrase: multi-word phrases collapse to their initials, so
 * "gross domestic product" and "GDP" compare equal; one word compares lower-cased. Anything after a
 * preposition is a qualifier, not the measure ("GDP on defense" → "gdp").
 */
export function normalizeMeasure(phrase: string): string {
  const all = phrase.toLowerCase().replace(/^(?:of|in|for|on)\s+/u, '').split(/[\s-]+/u);
  const stop = all.findIndex((w) => PHRASE_STOPS.has(w));
  const words = (stop < 0 ? all : all.slice(0, stop)).filter((w) => w && !SKIPPED_WORDS.has(w));
  if (words.length === 0) return '';
  return words.length === 1 ? words[0] : words.map((w) => w[0]).join('');
}
