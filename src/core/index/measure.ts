/**
 * What a figure claims, so that figures can be compared across articles: "5% of GDP" as the NATO target
 * by 2035 here and "3.3% of GDP" as one country's actual spending there measure different things and do
 * not conflict; two figures conflict only when subject, measure, base, period and kind agree and the
 * values differ. The claim comes from `describeClaim`; the phrase after the figure (the figures module's
 * `describeMeasure`, else a small fallback heuristic documented below) when the claim names no measure.
 */
import * as figuresModule from '../extract/figures';
import { describeClaim, type FigureClaim } from '../extract/figures/claim';
import type { Span } from '../extract/types';

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const LETTERS_AND_HYPHENS = /^[\p{L}-]+$/u;

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
    if (PHRASE_STOPS.has(lower) || !LETTERS_AND_HYPHENS.test(word)) break;
    phrase.push(word);
  }
  return phrase.length ? phrase.join(' ') : undefined;
}

/**
 * What a figure measures, stored as one string: the claim's fields (measure, base, subject, period, kind)
 * joined by U+001F, so the index keeps one atom per figure and the card and the conflict key read it back.
 */
export function describeMeasure(text: string, span: Span): string | undefined {
  let claim: FigureClaim;
  try {
    claim = describeClaim(text, span);
  } catch {
    // a failing heuristic must not break indexing: fall back to the phrase after the figure
    return sharedDescribeMeasure()?.(text, span) ?? fallbackDescribeMeasure(text, span);
  }
  // nothing measured that the sentence states: no claim to compare (the phrase after the figure, which
  // `describeClaim` already read, would only be a verb or an adverb here: "$33 billion more", "two emerged")
  if (!claim.measure && !claim.base) return undefined;
  return encodeClaim(claim);
}

const FIELD = '\u001f';
const CLAIM_FIELDS = ['measure', 'base', 'subject', 'period', 'kind'] as const;

export function encodeClaim(claim: FigureClaim): string {
  const fields = CLAIM_FIELDS.map((f) => (claim[f] ?? '').replace(/\u001f/g, ' '));
  while (fields.length > 1 && fields[fields.length - 1] === '') fields.pop();
  return fields.join(FIELD);
}

/** The claim a stored measure string holds (a plain phrase, as older caches have it, is the measure). */
export function decodeClaim(stored: string | undefined): FigureClaim {
  if (!stored) return {};
  const parts = stored.split(FIELD);
  const claim: FigureClaim = {};
  CLAIM_FIELDS.forEach((f, i) => {
    const v = parts[i];
    if (v) (claim as Record<string, string>)[f] = v;
  });
  return claim;
}

const US = /^(?:u\.?s\.?a?\.?|united states(?: of america)?|america|washington)$/;

/** A subject as a key: lower-case, without "the" and a possessive; the United States under one name. */
function subjectKey(subject: string | undefined): string {
  if (!subject) return '';
  const s = subject.toLowerCase().replace(/['\u2019]s$/u, '').replace(/^the\s+/u, '').replace(/\s+/gu, ' ').trim();
  if (US.test(s)) return 'united states';
  return s.replace(/\b(?:member states|member countries|members|allies|countries|nations)\b/u, 'members');
}

/**
 * The conflict key of a stored claim: two figures can conflict only when measure, base, subject, period and
 * kind all agree (a field absent on both sides agrees; absent on one side does not). Empty when the figure
 * names nothing it measures.
 */
export function claimKey(stored: string): string {
  const claim = decodeClaim(stored);
  const measure = claim.measure ? normalizePhrase(claim.measure) : '';
  const base = claim.base ? normalizePhrase(claim.base) : '';
  if (!measure && !base) return '';
  const period = (claim.period ?? '').toLowerCase().replace(/^in\s+/u, '').replace(/\s+/gu, ' ');
  return [measure, base, subjectKey(claim.subject), period, claim.kind ?? ''].join('|');
}

/**
 * Comparable form of a measure phrase: multi-word phrases collapse to their initials, so
 * "gross domestic product" and "GDP" compare equal; one word compares lower-cased. Anything after a
 * preposition is a qualifier, not the measure ("GDP on defense" → "gdp").
 */
export function normalizeMeasure(phrase: string): string {
  // a stored claim compares by all its fields; a plain phrase (older caches, other callers) is its measure
  return claimKey(phrase);
}

function normalizePhrase(phrase: string): string {
  const all = phrase.toLowerCase().replace(/^(?:of|in|for|on)\s+/u, '').split(/[\s-]+/u);
  const stop = all.findIndex((w) => PHRASE_STOPS.has(w));
  const words = (stop < 0 ? all : all.slice(0, stop)).filter((w) => w && !SKIPPED_WORDS.has(w));
  if (words.length === 0) return '';
  return words.length === 1 ? words[0] : words.map((w) => w[0]).join('');
}

/**
 * For a count, whose measured thing is its unit ("29-nation" / "32-nation"): the rest of its claim (subject,
 * period, kind), so that counts of the same unit conflict only when they are about the same thing at the same time.
 */
export function countContextKey(stored: string | undefined): string {
  const claim = decodeClaim(stored);
  const period = (claim.period ?? '').toLowerCase().replace(/^in\s+/u, '').replace(/\s+/gu, ' ');
  return [subjectKey(claim.subject), period, claim.kind ?? ''].join('|');
}
