/**
 * Whether a date reads as future ("will meet Friday", "is due Nov. 9"), which decides which way an unanchored
 * weekday or month points. Only the words just before the date in the same sentence count: wider windows and
 * softer cues ("would", "could") scored worse on TempEval-3 train.
 */
const LOOKBEHIND = 50;

/**
 * Periods that do not end a sentence: an initial or a letter of "a.m." ("Daniel P. Davison", "9 a.m.") or a
 * short abbreviation of a title, company form, country or month ("Mr.", "Corp.", "U.S.", "Sept.").
 */
const NON_FINAL_PERIOD = /(?:\b[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Sgt|Capt|Corp|Inc|Co|Ltd|Bros|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|vs))\.$/;

/** A period followed by a comma or a lower-case word ends an abbreviation, not a sentence ("Birmingham, Ala., killed"). */
const CONTINUES_AFTER_PERIOD = /^(?:,|\s{1,2}[a-z])/;

/** Where a clause may end: a sentence's end, a semicolon or a line break (a period only where `endsClause` says). */
const CLAUSE_END = /[.!?;\n]/g;

/**
 * Whether the mark at `at` ends a clause that starts at `start`: a period does unless it ends an abbreviation
 * or an initial (the window looked at never reaches back past the clause's start) or is a decimal point.
 */
function endsClause(text: string, start: number, at: number): boolean {
  return text[at] !== '.' || !(NON_FINAL_PERIOD.test(text.slice(Math.max(start, at - 5), at + 1)) ||
    CONTINUES_AFTER_PERIOD.test(text.slice(at + 1, at + 4)) || isDecimalPoint(text, at));
}

/** A point between digits is a decimal point ("fell 1.2% on Friday"), not a sentence's end. */
function isDecimalPoint(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at + 1);
  return before >= 48 && before <= 57 && after >= 48 && after <= 57;
}

/**
 * The last clause of the text split at sentence ends and semicolons, abbreviations and initials kept inside.
 * Only the last is cut out: the dates' tense tests read the clause right before a date, from a window of text.
 */
function lastClause(text: string): string {
  let start = 0;
  for (const m of text.matchAll(CLAUSE_END)) if (endsClause(text, start, m.index)) start = m.index + 1;
  return text.slice(start);
}

/** The first clause of the text (see `lastClause`): the scan stops at its end. */
function firstClause(text: string): string {
  for (const m of text.matchAll(CLAUSE_END)) if (endsClause(text, 0, m.index)) return text.slice(0, m.index);
  return text;
}
const FUTURE_CUE = /\b(?:will|won't|shall|is to|are to|is due|are due|scheduled|expected to|set to|going to|until|next(?!\s{1,3}to\b)|as soon as|as early as|effective|plans? to|planned to|planning to|planned an?|planning (?:an?|for)|ahead of)\b|'ll\b/i;

/** A deadline right before the date ("repay the loan by February"), in a clause with no past-tense verb. */
const DEADLINE_BEFORE = /\bby\s+$/i;

/**
 * A verb of a scheduled event in the present tense right before the date: news writes a plan as a present
 * ("Arafat and Netanyahu meet separately Monday", "talks resume on Tuesday").
 */
const SCHEDULED_PRESENT_BEFORE = /\b(?:meets?|resumes?|begins?|starts?|opens?|visits?|votes?|arrives?|leaves?|returns?|travels?|heads?)(?:\s{1,3}[A-Za-z]+){0,3}?\s{1,3}(?:on\s{1,3})?$/i;

export function readsAsFuture(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOKBEHIND), start);
  const sentence = lastClause(before);
  return FUTURE_CUE.test(sentence) || (DEADLINE_BEFORE.test(sentence) && !PAST_CUE.test(sentence)) || (SCHEDULED_PRESENT_BEFORE.test(sentence) && !PAST_CUE.test(sentence));
}

const LOOKAHEAD = 60;
/**
 * Words of four letters or more ending in "-ed" that are not past forms ("need", "speed", "indeed",
 * "hundred", "proceed"...): the "-ed" rule below must not read them as past tense.
 */
const NOT_PAST_ED = 'need|speed|indeed|feed|seed|weed|breed|bleed|greed|deed|heed|proceed|succeed|exceed|hundred|embed';
/** A past-tense verb: a few common irregular ones, auxiliaries, and regular "-ed" forms of four letters or more. */
const PAST_CUE = new RegExp(`\\b(?:was|were|had|did|brought|began|took|made|came|went|saw|became|rose|fell|told|got|gave|won|lost|sold|bought|left|paid|held|met|(?!(?:${NOT_PAST_ED})\\b)[a-z]{2,}ed)\\b`);

/** Whether the clause right after a date is in the past tense ("In January, the company brought in a new chief"). */
export function readsAsPast(text: string, end: number): boolean {
  const after = text.slice(end, end + LOOKAHEAD);
  const sentence = firstClause(after);
  return PAST_CUE.test(sentence);
}

/** A reporting verb in the past right before the date: "said Friday", "announced on Tuesday". */
const REPORTED_BEFORE = /\b(?:said|told|announced|reported|added|confirmed|disclosed)(?:\s+on)?\s+$/i;

export function reportedJustBefore(text: string, start: number): boolean {
  return REPORTED_BEFORE.test(text.slice(Math.max(0, start - 25), start));
}

/** A past-tense verb earlier in the same sentence: "The leaders met this weekend". */
export function pastJustBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOKBEHIND), start);
  const sentence = lastClause(before);
  return PAST_CUE.test(sentence);
}

/** A future cue later in the same sentence: "This weekend the leaders will vote". */
export function futureJustAfter(text: string, end: number): boolean {
  const after = text.slice(end, end + LOOKAHEAD);
  const sentence = firstClause(after);
  return FUTURE_CUE.test(sentence);
}

/** "until" right before the date, in a clause whose verb is past: "Until Thursday, they had not called him a suspect". */
const UNTIL_BEFORE = /\b(?:until|till)\s+$/i;

export function untilInThePast(text: string, start: number, end: number): boolean {
  return UNTIL_BEFORE.test(text.slice(Math.max(0, start - 8), start)) && readsAsPast(text, end);
}

/**
 * How far either side of a date the whole-sentence tense looks: a sentence's verb can sit well away from a
 * month it places ("Collins will be named commander of the shuttle for a mission in December").
 */
const SENTENCE_REACH = 200;

/**
 * Words that look like past tenses but are not finite verbs: a participle after "be" / "been" / "being" ("will
 * be named", "would be paid"), an "-ed" word after a determiner ("the proposed merger") and an "un-…-ed"
 * adjective ("an unspecified date").
 */
const NOT_FINITE_PAST = /\b(?:(?:be|been|being)\s{1,3}[a-z]+|(?:the|a|an|its|their|his|her|our|this|that)\s{1,3}[a-z]+ed|un[a-z]+ed)\b/g;

/** A bound the date closes ("loans through January"): the sentence's verb tells when it began, not where the bound lies. */
const BOUND_BEFORE = /\b(?:through|thru|until|till|to|by)\s{1,3}$/i;

/**
 * The tense of the whole sentence a date sits in, for a date with no tense cue next to it: future when the
 * sentence has a future cue and no past-tense verb, past when it has a past-tense verb and no future cue
 * (`pastBefore` when that verb comes before the date), undefined when it has both or neither. Looks at most
 * SENTENCE_REACH characters either side.
 */
export function sentenceTense(text: string, start: number, end: number): 'future' | 'past' | 'pastBefore' | undefined {
  if (BOUND_BEFORE.test(text.slice(Math.max(0, start - 8), start))) return undefined;
  const before = lastClause(text.slice(Math.max(0, start - SENTENCE_REACH), start)).replace(NOT_FINITE_PAST, ' ');
  const after = firstClause(text.slice(end, end + SENTENCE_REACH)).replace(NOT_FINITE_PAST, ' ');
  const future = FUTURE_CUE.test(before) || FUTURE_CUE.test(after);
  if (future) return PAST_CUE.test(before) || PAST_CUE.test(after) ? undefined : 'future';
  if (governingPastBefore(before)) return 'pastBefore';
  return PAST_CUE.test(after) ? 'past' : undefined;
}

const PAST_CUE_ALL = new RegExp(PAST_CUE.source, 'g');
/** Reporting verbs: what they report may lie ahead ("told its customers of a cutback in September"). */
const REPORTING = /^(?:said|told|announced|reported|added|confirmed|disclosed|warned|predicted|forecast)$/;
/**
 * Words after a past verb that put the date under another verb: an infinitive ("decided to admit them in
 * March"), a present tense ("when the case is heard in May"), a subordinate clause.
 */
const OTHER_VERB_BETWEEN = /\b(?:to\s{1,3}(?!(?:the|a|an|its|their|his|her|our|this|that|be)\b)[a-z]+|is|are|am|will|would|when|if|that|which|who)\b/;

/** Whether the last past-tense verb before the date governs it: no reporting verb, no other verb in between. */
function governingPastBefore(before: string): boolean {
  let last: RegExpMatchArray | undefined;
  for (const m of before.matchAll(PAST_CUE_ALL)) last = m;
  if (!last || REPORTING.test(last[0])) return false;
  return !OTHER_VERB_BETWEEN.test(before.slice((last.index ?? 0) + last[0].length));
}

const FUTURE_CUE_ALL = new RegExp(FUTURE_CUE.source, 'gi');
/**
 * The tense of the cue nearest before the date in its sentence, past the reach of the clause test: "Protesters
 * planned a rally on Saturday and were planning to drive around the airport on Monday" looks ahead for Monday.
 */
export function nearestCueBefore(text: string, start: number): 'future' | 'past' | undefined {
  const before = lastClause(text.slice(Math.max(0, start - SENTENCE_REACH), start)).replace(NOT_FINITE_PAST, (m) => ' '.repeat(m.length));
  let f = -1;
  let p = -1;
  for (const m of before.matchAll(FUTURE_CUE_ALL)) f = m.index ?? -1;
  for (const m of before.matchAll(PAST_CUE_ALL)) p = m.index ?? -1;
  if (f < 0 && p < 0) return undefined;
  return f > p ? 'future' : 'past';
}

/** Whether a stretch of text has a past-tense verb (participles after "be", "-ed" adjectives left out). */
export function hasPastVerb(stretch: string): boolean {
  return PAST_CUE.test(stretch.replace(NOT_FINITE_PAST, ' '));
}
