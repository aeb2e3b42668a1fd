import type { Span } from '../types';
import { describeMeasure } from './describeMeasure';

/**
 * A figure as a claim about something: who or what it is about, what it measures, the period, and whether it
 * is a target, an actual figure, a forecast or a benchmark ("NATO members — target — defence spending — % of
 * GDP — by 2035"; "United States — actual — defence spending — % of GDP — 2025"). Read from the figure's own
 * sentence with local, linear heuristics; a field is left out when the sentence does not say it.
 */
export interface FigureClaim {
  /** Who or what the figure is about ("NATO members", "United States"). */
  subject?: string;
  /** What is measured ("defence spending", "aid"). */
  measure?: string;
  /** For a share: what it is a share of ("GDP"). */
  base?: string;
  /** The period or deadline ("by 2035", "2025", "this year"). */
  period?: string;
  kind?: ClaimKind;
}

export type ClaimKind = 'target' | 'actual' | 'forecast' | 'benchmark';

const SENTENCE_WINDOW = 320;

/** Nouns that name what a figure measures, with a modifier before them ("defence spending", "military aid"). */
const MEASURE_HEADS = 'spending|spends|spent|spend|expenditure|expenditures|budget|budgets|outlays|investment|investments|aid|assistance|funding|' +
  'growth|inflation|unemployment|turnout|tariff|tariffs|tax|taxes|debt|deficit|surplus|revenue|revenues|sales|profit|profits|' +
  'exports|imports|emissions|output|production|population|contribution|contributions|contribution|wages|pay|prices|price|' +
  'rate|rates|share|stake|support|approval|vote|votes|casualties|deaths|troops|cuts|increase|rise|fall|drop|loans|loan|package|deal|fund';
const MEASURE_BEFORE = new RegExp(`(?:^|[^\\p{L}])((?:[\\p{L}-]+\\s){0,2}?)(${MEASURE_HEADS})(?![\\p{L}])`, 'giu');
const NOT_MODIFIERS = /^(?:then|commit|commits|committed|agreed|agree|pledged|pledge|the|a|an|its|their|his|her|our|to|of|on|in|for|and|or|that|which|with|at|by|from|as|is|was|are|were|be|been|has|have|had|will|would|should|could|can|may|must|said|says|than|raise|raised|raising|boost|boosted|increase|increased|lift|lifted|cut|reach|reached|hit|spend|spent|spends|spending|new|total|annual|overall)$/i;
/** "going on infrastructure", "drawn from relabelled spending": what a share is used for or comes from. */
const USED_ON = /^\s+(?:going|spent|drawn|coming|used|earmarked|allocated|devoted)\s+(?:on|to|for|from)\s+(?:(?:more|less|loosely|broadly|newly|other|existing|repurposed|relabell?ed|or)\s+){0,4}[‘'"“]?((?:[\p{Ll}-]+\s){0,2}?(?:spending|budgets?|funding|infrastructure|security|resilience|aid|research|health|education|defen[cs]e))(?![\p{L}])/u;
/** "on defence": what a spend is on. */
const SPEND_ON = /^\s+(?:of\s+(?:the\s+|their\s+|its\s+)?(?:gross\s+domestic\s+product|GDP|GNI|national\s+income|economic\s+output)\s+)?on\s+((?:core\s+|military\s+|national\s+)?(?:defen[cs]e|security|the\s+military|military|infrastructure|health|education|aid|research|resilience))/i;

const TARGET_CUE = /\b(?:will|intends?\s+to|target(?:s|ed)?|goal|aim(?:s|ed)?|pledge(?:s|d)?|commit(?:s|ted|ment|ments)?|promise(?:s|d)?|agreed\s+to|agree\s+to|wants?|want(?:ed)?\s+to|seeks?|plans?\s+to|planned|should|must|to\s+reach|to\s+spend|to\s+raise|by\s+(?:19|20)\d\d|ambition|objective|call(?:s|ed)?\s+for|demand(?:s|ed)?)\b/i;
const BENCHMARK_CUE = /\b(?:guideline|benchmark|threshold|minimum|floor|previous\s+target|old\s+target|former\s+target)\b/i;
const FORECAST_CUE = /\b(?:forecasts?|forecast|projected|projects?|projection|expected|expects?|estimates?\s+(?:it\s+)?will|predicts?|predicted|outlook)\b/i;
const ACTUAL_CUE = /\b(?:spent|spends|raised|increased|lifted|cut|boosted|spending\s+(?:was|is|stood|reached)|reached|stood\s+at|stands\s+at|rose|fell|grew|was|is|were|are|hit|totall?ed|amounted\s+to|currently|last\s+year|already|recorded|reported)\b/i;

const PERIOD = /\b(?:(by|in|for|until|through|since|before|after|from)\s+)?((?:fiscal\s+)?(?:19|20)\d\d(?:[/–-]\d\d)?|(?:this|last|next|the\s+current|the\s+next|the\s+previous)\s+(?:year|decade|quarter|month)|the\s+(?:19|20)\d0s)(?![\p{L}\p{N}])/giu;

const SUBJECT_WORDS = /^(?:NATO|EU|US|U\.S\.|UK|U\.K\.|UN|G7|G20)$/;
const GROUP_NOUNS = /^(?:members?|allies|countries|states|nations|governments?|capitals|partners)$/i;
const SENTENCE_OPENERS = /^(?:The|A|An|In|On|At|By|For|But|And|This|That|These|Those|It|Its|Their|He|She|They|We|I|As|If|When|While|According|Under|With|After|Before|Since|Some|All|Each|Every|Only|Most|Last|Next|Now|Then|So|Also|Meanwhile|However|Speaking|There)$/;

/** The claim a figure makes, from its sentence. */
export function describeClaim(text: string, span: Pick<Span, 'start' | 'end' | 'type' | 'unit' | 'text' | 'value'>): FigureClaim {
  const { before, after } = sentenceAround(text, span.start, span.end);
  const claim: FigureClaim = {};
  let phrase = describeMeasure(text, span as Span);
  // a year or a number is when or how much, not what ("2 percent in 2024")
  if (phrase && !/\p{L}{2}/u.test(phrase.replace(/\b(?:19|20)\d\d\b/g, ''))) phrase = undefined;
  const share = span.type === 'PERCENT' || (span.type === 'QUANTITY' && span.unit === 'fraction');
  let rest: string | undefined;
  // a share names its base after "of" ("5% of GDP"); what follows the base ("5% of GDP defence spending
  // target") says what is measured
  if (share && /^\s*(?:of)\s/i.test(after) && phrase) {
    const base = splitBase(phrase.replace(/\s+(?:on|for|in)(?:\s.*)?$/i, ''));
    claim.base = base.base;
    rest = base.rest;
  }
  if (span.type === 'QUANTITY' && span.unit !== 'fraction') {
    // a count measures what it counts ("two sources", "eight measures", "32-nation bloc" → bloc)
    // a unit written into the figure ("32-nation") is what it counts; else the phrase after it, else the
    // counted noun the figure grammar found, unless that is an adverb or a verb ("two emerged primarily")
    const unit = span.unit && !/(?:ly|ed)$/i.test(span.unit) ? span.unit.toLowerCase() : undefined;
    const counted = unit && span.text.toLowerCase().includes(unit) ? unit : phrase ?? unit ?? changedBefore(before)?.measure;
    if (counted) claim.measure = counted;
  } else {
    const spendOn = SPEND_ON.exec(after) ?? USED_ON.exec(after);
    const target = spendOn ? normalizeSpace(spendOn[1]).replace(/^the\s+/i, '') : undefined;
    const changed = changedBefore(before);
    const measured = target ? (/spending|budget|funding$/.test(target) ? target : `${target} spending`) : rest ?? measureBefore(before) ?? changed?.measure;
    if (measured) claim.measure = measured;
    else if (!claim.base && phrase && !NOT_A_MEASURE.test(phrase)) claim.measure = phrase;
  }
  const subject = subjectBefore(before);
  if (subject) claim.subject = subject;
  const period = periodNear(before, after);
  if (period) claim.period = period;
  const kind = kindOf(before, after);
  if (kind) claim.kind = kind;
  return claim;
}

/** The text of the figure's sentence before and after it (line breaks and . ! ? end a sentence). */
function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  const from = Math.max(0, start - SENTENCE_WINDOW);
  let before = text.slice(from, start);
  const cut = Math.max(before.lastIndexOf('\n'), lastSentenceEnd(before));
  if (cut >= 0) before = before.slice(cut + 1);
  let after = text.slice(end, end + SENTENCE_WINDOW);
  const stop = firstSentenceEnd(after);
  if (stop >= 0) after = after.slice(0, stop);
  return { before, after };
}

function lastSentenceEnd(s: string): number {
  for (let k = s.length - 2; k >= 0; k--) {
    if ((s[k] === '.' || s[k] === '!' || s[k] === '?') && /\s/.test(s[k + 1]) && !isAbbreviationEnd(s, k)) return k;
  }
  return -1;
}

function firstSentenceEnd(s: string): number {
  for (let k = 0; k < s.length; k++) {
    if (s[k] === '\n') return k;
    if ((s[k] === '.' || s[k] === '!' || s[k] === '?') && (k + 1 >= s.length || /\s/.test(s[k + 1])) && !isAbbreviationEnd(s, k)) return k;
  }
  return -1;
}

/** "U.S." or "Mr." end in a period that does not end the sentence. */
function isAbbreviationEnd(s: string, k: number): boolean {
  return /(?:^|[^\p{L}])(?:\p{L}\.\p{L}|Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep|Gov)$/u.test(s.slice(Math.max(0, k - 4), k));
}

/** Verbs of change right before a figure ("fell 1.8 per cent", "rose by 0.1 per cent", "fell to 61,400"). */
const CHANGED = new RegExp(
  '(?:^|[\\s(])((?:[\\p{Ll}][\\p{Ll}-]*\\s+){0,2}[\\p{Ll}][\\p{Ll}-]*)' +
  // "container volumes at Rotterdam fell": the place or company after the noun says whose
  '(?:\\s+(?:at|in|of|for)\\s+\\p{Lu}[\\p{L}&\'’-]*(?:\\s+\\p{Lu}[\\p{L}&\'’-]*)?)?' +
  '\\s+(?:(?:was|were|is|are|has|have)\\s+)?(?:rose|risen|fell|fallen|grew|grown|jumped|gained|slipped|dropped|declined|climbed|' +
  'increased|decreased|slid|sank|soared|surged|plunged|edged\\s+(?:up|down|higher|lower)|up|down)' +
  '(?:\\s+(?:by|to|about|around|nearly|almost|some|just|over|under))*\\s*$',
  'u',
);
const DETERMINERS = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|average|overall)$/;
/** Phrases the words after a figure make that are no measure: a time ("last year"), a rank ("first"), a comparison ("higher"). */
const NOT_A_MEASURE = /^(?:last|next|this|first|second|third|day|week|month|year|against|higher|lower|more|less|above|below|financial)\b/i;

/**
 * What changed by the figure, when a verb of change comes right before it: "container volumes … fell 1.8 per
 * cent" → "container volumes", "the blue-chip index rose 0.8 per cent" → "blue-chip index".
 */
function changedBefore(before: string): { measure: string } | undefined {
  const m = CHANGED.exec(before.slice(-160));
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  while (words.length && (DETERMINERS.test(words[0]) || NOT_MODIFIERS.test(words[0]))) words.shift();
  if (!words.length || NOT_MODIFIERS.test(words[words.length - 1])) return undefined;
  return { measure: words.join(' ') };
}

/** The nearest "X spending"-style noun phrase before the figure in its sentence. */
function measureBefore(before: string): string | undefined {
  let best: string | undefined;
  for (const m of before.matchAll(MEASURE_BEFORE)) {
    // keep the modifiers right before the head only ("NATO's core defence spending" → "core defence spending",
    // "commit to spending" → "spending")
    const words = m[1].trim().split(/\s+/).filter(Boolean);
    const modifiers: string[] = [];
    for (let k = words.length - 1; k >= 0 && !NOT_MODIFIERS.test(words[k]) && !/^\p{Lu}/u.test(words[k]); k--) modifiers.unshift(words[k]);
    best = [...modifiers, m[2].toLowerCase()].join(' ');
  }
  return best?.replace(/\bspen(?:d|ds|t)$/, 'spending');
}

const BASES = /^(?:gross\s+domestic\s+product|gross\s+national\s+income|national\s+income|economic\s+output|GDP|GNI|GNP)\b/i;
const TARGET_WORDS = /\s*\b(?:target|goal|threshold|guideline|benchmark|commitment|pledge|level)s?$/i;

/** "GDP defence spending target" → base GDP, rest "defence spending"; other phrases are the base whole. */
function splitBase(phrase: string): { base: string; rest?: string } {
  const m = BASES.exec(phrase.trim());
  if (!m) return { base: abbreviateBase(phrase.replace(TARGET_WORDS, '') || phrase) };
  const rest = phrase.trim().slice(m[0].length).replace(TARGET_WORDS, '').trim();
  return rest ? { base: abbreviateBase(m[0]), rest: rest.toLowerCase() } : { base: abbreviateBase(m[0]) };
}

/** GDP for "gross domestic product", else the phrase without its determiners. */
function abbreviateBase(phrase: string): string {
  const p = normalizeSpace(phrase).replace(/^(?:the|their|its|his|her|our)\s+/i, '');
  if (/^gross\s+domestic\s+product$/i.test(p)) return 'GDP';
  if (/^gross\s+national\s+income$/i.test(p)) return 'GNI';
  return p;
}

/** Month and weekday names are capitalised but never what a figure is about. */
const CALENDAR_WORD = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)$/;

/** The nearest named subject before the figure: "NATO members", "Germany's", "the United States". */
function subjectBefore(before: string): string | undefined {
  const words = [...before.matchAll(/[\p{L}][\p{L}\p{N}.'’&-]*/gu)];
  let found: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i][0].replace(/['’]s$/, '').replace(/\.$/, (d) => (/^(?:\p{L}\.)+$/u.test(words[i][0]) ? d : ''));
    if (!/^\p{Lu}/u.test(w)) continue;
    const opener = i === 0 || /[.:;!?"“]\s*$/.test(before.slice(0, words[i].index));
    // a capital at the start of the sentence may be any word: an adverb, a participle or a plural noun is no name
    if (CALENDAR_WORD.test(w) || SENTENCE_OPENERS.test(w) || (opener && !SUBJECT_WORDS.test(w) && /(?:ly|ing|ed|ers|ists|ians|ials|ics)$/.test(w))) continue;
    // a run of capitalised words ("United States", "European Union"), with "of"/"the" inside
    const parts = [w];
    let j = i + 1;
    while (j < words.length && (/^\p{Lu}/u.test(words[j][0]) || (/^(?:of|the|and)$/.test(words[j][0]) && j + 1 < words.length && /^\p{Lu}/u.test(words[j + 1][0])))
      && before.slice(words[j - 1].index! + words[j - 1][0].length, words[j].index).trim() === '') {
      parts.push(words[j][0].replace(/['’]s$/, ''));
      j++;
    }
    if (j < words.length && GROUP_NOUNS.test(words[j][0]) && before.slice(words[j - 1].index! + words[j - 1][0].length, words[j].index).trim() === '') {
      parts.push(words[j][0]);
    }
    found = parts.join(' ');
    i = j - 1;
  }
  return found;
}

function periodNear(before: string, after: string): string | undefined {
  const inAfter = [...after.matchAll(PERIOD)][0];
  if (inAfter) return formatPeriod(inAfter);
  const inBefore = [...before.matchAll(PERIOD)].pop();
  return inBefore ? formatPeriod(inBefore) : undefined;
}

function formatPeriod(m: RegExpMatchArray): string {
  const preposition = (m[1] ?? '').toLowerCase();
  const when = normalizeSpace(m[2]);
  // "by 2035" and "since 2014" say more than the year; "in 2025" is the year itself
  return /^(?:by|until|since|before|after|from|through)$/.test(preposition) ? `${preposition} ${when}` : when;
}

function kindOf(before: string, after: string): ClaimKind | undefined {
  const near = `${before.slice(-120)} | ${after.slice(0, 80)}`;
  if (BENCHMARK_CUE.test(near)) return 'benchmark';
  if (FORECAST_CUE.test(near)) return 'forecast';
  if (TARGET_CUE.test(near)) return 'target';
  if (ACTUAL_CUE.test(near)) return 'actual';
  return undefined;
}

function normalizeSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The claim as one line for a card or a table: "NATO members · target · defence spending · % of GDP · by 2035". */
export function formatClaim(claim: FigureClaim, type: Span['type']): string {
  const share = claim.base ? `${type === 'PERCENT' ? '% of ' : 'share of '}${claim.base}` : undefined;
  return [claim.subject, claim.kind, claim.measure, share, claim.period].filter(Boolean).join(' · ');
}
