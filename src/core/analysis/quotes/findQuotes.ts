/**
 * The quote ledger's pure core: direct quotations in an article and who says them.
 *
 * Quotations are text between double quotation marks (straight or curly). A quotation is attributed
 * through a cue in its sentence:
 * - after it: `"…," Rutte said`, `"…," said Mark Rutte, NATO's chief`, `"…," he told reporters`,
 *   `"…," according to the ministry`;
 * - before it: `Rutte told reporters: "…"`, `according to Rutte, "…"`, and partial quotations whose
 *   sentence has a speaking verb: `Colby called for an alliance "based on partnership"`;
 * - a pronoun ("he said") refers back to the person (or, for "it", the organization) last named as the
 *   subject of a nearby sentence;
 * - a quotation with no cue of its own takes the speaker of the quotation next to it in the paragraph, and
 *   a quotation running over several paragraphs (an opening mark with no closing mark at the paragraph's end,
 *   and a new opening mark at the start of the next) keeps one speaker throughout.
 * Words in quotation marks that nobody says are left out: scare quotes and titles (short, or introduced by
 * "so-called", "dubbed", "titled", …) with no speaking cue in their sentence.
 *
 * Pure and linear in the text: no look-up goes further back than a few sentences.
 */
import type { NameType, Span } from '../../extract/types';
import { isAbbreviation, paragraphsOf, rangeIndexAt, sentencesOf, type TextRange } from '../textUnits';
import { firstIndex } from '../../util/firstIndex';

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const LETTER = /\p{L}/u;
const CAPITAL_OR_DIGIT_FIRST = /^[\p{Lu}\d]/u;
const LOWER_CASE_FIRST = /^\s*\p{Ll}/u;
const UP_TO_SIX_WORDS = /^(?:[\p{L}'\u2019.-]+\s+){0,6}$/u;
const UP_TO_SEVEN_WORDS = /^(?:[\p{L}'\u2019.-]+\s+){0,7}$/u;
const UP_TO_THREE_WORDS = /^\s*(?:[\p{L}-]+\s+){0,3}$/u;
const UP_TO_FOUR_WORDS_BEFORE = /(?:[\p{L}'\u2019.-]+\s+){1,4}$/u;
const THE_AND_HEAD_NOUN = /^the\s+(?:[\p{L}'\u2019-]+\s+)*?([\p{L}-]+)$/iu;
const LAST_WORD = /([\p{L}-]+)\W*$/u;
const WORD_BEFORE = /([\p{L}-]+)\s+$/u;
const NOT_WORD = /[^\p{L}-]+/u;
const POSSESSIVE_AND_FEW_WORDS = /^['\u2019]?s?\s+(?:[\p{L}][\p{L}.'\u2019-]*\s+){0,4}$/u;
const NOUN_PHRASE_BEFORE = /(?:\b(?:a|an|the|one|two|three|several|some)\s+)?(?:[\p{L}.'\u2019-]+\s+){0,3}$/iu;

export interface QuoteSpeaker {
  /** The mention the attribution rests on: a name, a pronoun ("he") or a description ("a spokesperson"). */
  cueStart: number;
  cueEnd: number;
  /** The name mention that identifies the speaker (the pronoun's antecedent); absent for unnamed speakers. */
  nameStart?: number;
  nameEnd?: number;
  /** The speaker's name as the extractor resolved it (its canonical form), absent for unnamed speakers. */
  name?: string;
  type?: NameType;
}

export type AttributionKind = 'after' | 'before' | 'according' | 'partial' | 'adjacent' | 'continued' | 'none';

export interface FoundQuote {
  /** The quoted words without the quotation marks (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  text: string;
  speaker: QuoteSpeaker | null;
  /** How the speaker was found, for debugging and the view's tooltip. */
  attribution: AttributionKind;
}

// ---------------------------------------------------------------- vocabulary

const SPEECH_VERBS = [
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling', 'add', 'adds', 'added', 'adding',
  'ask', 'asks', 'asked', 'asking', 'state', 'states', 'stated', 'declare', 'declares', 'declared', 'declaring',
  'write', 'writes', 'wrote', 'writing', 'explain', 'explains', 'explained', 'explaining', 'note', 'notes', 'noted',
  'noting', 'insist', 'insists', 'insisted', 'insisting', 'argue', 'argues', 'argued', 'arguing', 'warn', 'warns',
  'warned', 'warning', 'reply', 'replies', 'replied', 'respond', 'responds', 'responded', 'tweet', 'tweets',
  'tweeted', 'post', 'posts', 'posted', 'continue', 'continues', 'continued', 'recall', 'recalls', 'recalled',
  'acknowledge', 'acknowledges', 'acknowledged', 'admit', 'admits', 'admitted', 'claim', 'claims', 'claimed',
  'announce', 'announces', 'announced', 'remark', 'remarked', 'observe', 'observed', 'suggest', 'suggests',
  'suggested', 'stress', 'stresses', 'stressed', 'stressing', 'emphasize', 'emphasized', 'emphasised', 'assert',
  'asserted', 'conclude', 'concluded', 'complain', 'complained', 'predict', 'predicted', 'promise', 'promised',
  'promising', 'vow', 'vows', 'vowed', 'vowing', 'pledge', 'pledged', 'pledging', 'urge', 'urges', 'urged',
  'urging', 'call', 'calls', 'called', 'calling', 'describe', 'describes', 'described', 'describing', 'accuse',
  'accuses', 'accused', 'accusing', 'deny', 'denies', 'denied', 'concede', 'conceded', 'confirm', 'confirms',
  'confirmed', 'caution', 'cautioned', 'boast', 'boasted', 'joke', 'joked', 'quip', 'quipped', 'recount',
  'recounted', 'reiterate', 'reiterated', 'testify', 'testified', 'shout', 'shouted', 'exclaim', 'exclaimed',
  'mutter', 'muttered', 'whisper', 'whispered', 'answer', 'answered', 'counter', 'countered', 'point', 'pointed',
  'insist', 'maintain', 'maintained', 'maintains', 'describe', 'hail', 'hailed', 'brand', 'branded', 'dismiss',
  'dismissed', 'criticize', 'criticized', 'criticised', 'condemn', 'condemned', 'reassure', 'reassured', 'wonder',
  'wondered', 'tell', 'telling', 'speak', 'spoke', 'speaking', 'signal', 'signalled', 'signaled', 'vow', 'promise',
  'threaten', 'threatened', 'demand', 'demanded', 'demanding', 'lament', 'lamented', 'praise', 'praised',
];
const VERB_ALT = [...new Set(SPEECH_VERBS)].sort((a, b) => b.length - a.length).join('|');
/** A speaking verb, optionally with an auxiliary or adverb before it ("has said", "later added"). */
const VERB = `(?:(?:has|have|had|would|will|also|later|then|previously|earlier|once|again|simply|repeatedly|recently|quickly)\\s+){0,2}(?:${VERB_ALT})`;
const VERB_AT_START = new RegExp(`^${VERB}\\b`, 'iu');
const VERB_ANYWHERE = new RegExp(`\\b(?:${VERB_ALT})\\b`, 'giu');
const VERB_ANYWHERE_ONCE = new RegExp(`\\b(?:${VERB_ALT})\\b`, 'iu');

const PRONOUNS: Record<string, 'person' | 'org' | 'none'> = {
  he: 'person', she: 'person', it: 'org', they: 'none', we: 'none', i: 'none',
};
const PRONOUN = '(he|she|it|they|we|I)';
/** Nominal speakers: "a spokesperson", "the ministry", "one senior official", "officials". */
// A word before the noun holds periods only as initials do ("U.S."): "the minister said. The secretary" is two clauses.
const NOMINAL = `(?:(?:a|an|the|one|two|three|several|other|another|some)\\s+)?(?:(?:(?:\\p{L}\\.)+|[\\p{L}'\u2019-]+)\\s+){0,3}(?:spokes(?:person|man|woman)|authority|authorities|union|council|court|tribunal|committee|board|commission|club|firm|bank|party|team|ministry|official|officials|source|sources|aide|aides|minister|ministry|government|statement|spokesperson|representative|diplomat|diplomats|analyst|analysts|officer|officers|agency|company|group|office|department|police|army|military|report|residents?|witness(?:es)?|lawmaker|lawmakers|activists?|experts?|economists?|people|person|man|woman|president|leader|chief|executive|director|secretary|senator|chancellor|coach|manager|judge|mayor|governor|prosecutor|ambassador|envoy|commissioner|chair|chairman|chairwoman|premier|lawyer|attorney|carmaker|chipmaker|airline|retailer|insurer|lender|broadcaster)`;

/** Words that introduce a name or title in quotation marks, not something said. */
const NAMING_BEFORE = /(?:so-called|so called|dubbed|nicknamed|titled|entitled|named|known as|labelled|labeled|branded as|termed|the words?|the term|the phrase|the slogan|the hashtag|the headline|(?:book|film|movie|song|album|series|show|programme|program|podcast|report|documentary|novel|play|poem|article|essay|column|op-ed|operation|campaign|motto|sign|banner|slogan)(?:,)?)\s*$/iu;

const PRONOUN_VERB = new RegExp(`^${PRONOUN}\\s+${VERB}\\b`, 'u');
const PRONOUN_VERB_ANY_CASE = new RegExp(`^${PRONOUN}\\s+${VERB}\\b`, 'iu');
const SPACE_PRONOUN = new RegExp(`^\\s+${PRONOUN}\\b`, 'iu');
const SPACE_VERB = new RegExp(`^\\s*${VERB}\\b`, 'iu');
const NOMINAL_VERB = new RegExp(`^${NOMINAL}\\b(?:\\s+(?:for|of|at|in|from|with|to)\\s+[^,.;:"\u201c\u201d]{1,60}?)?\\s*(?:,[^,.;:"\u201c\u201d]{1,100},\\s*)?\\s*${VERB}\\b`, 'iu');
const NOMINAL_AT_START = new RegExp(`^${NOMINAL}\\b`, 'iu');
// Any case: a pronoun opening the sentence ("He added that …") is the commonest subject of all.
const LAST_PRONOUN = new RegExp(`\\b${PRONOUN}\\b(?!.*\\b(?:he|she|it|they|we|I)\\b)`, 'iu');
const NOMINAL_SUBJECT = new RegExp(`(?:^|[\\s,])(${NOMINAL})\\b[^,;:]{0,40}$`, 'iu');
const APPOSITION_VERB = new RegExp(`^(?:\\s*,[^,.]{1,100},)?\\s*${VERB}\\b`, 'iu');

const MAX_LOOKBACK_PARAGRAPHS = 3;
/** How far back a pronoun looks for its antecedent, in sentences. */
const MAX_LOOKBACK_SENTENCES = 12;
/** How far before its quotation a cue is looked for, in characters (keeps giant run-on paragraphs linear). */
const MAX_CUE_DISTANCE = 400;

// ---------------------------------------------------------------- quotation marks

interface Piece {
  /** The quoted words, whitespace trimmed. */
  start: number;
  end: number;
  open: number;
  /** The closing mark's offset, or -1 when the quotation runs past the paragraph's end. */
  close: number;
  paragraph: number;
  speaker: QuoteSpeaker | null;
  attribution: AttributionKind;
  notQuote?: boolean;
}

const OPENERS = new Set(['"', '\u201c', '\u201e']);
const QUOTE_MARK = /["\u201c\u201d\u201e]/gu;

/** Every quotation mark of the text, found in one pass, and how far the paragraphs have consumed them. */
interface MarkCursor { positions: number[]; next: number }

/** Quotation pieces in one paragraph: pairs of marks, or an opening mark left open at the paragraph's end. */
function piecesOf(text: string, paragraph: TextRange, index: number, marks: MarkCursor): Piece[] {
  const out: Piece[] = [];
  let open = -1;
  while (marks.next < marks.positions.length && marks.positions[marks.next] < paragraph.start) marks.next++;
  for (; marks.next < marks.positions.length && marks.positions[marks.next] < paragraph.end; marks.next++) {
    const i = marks.positions[marks.next];
    const c = text[i];
    if (c === '\u201d') {
      if (open >= 0) { out.push(piece(text, open, i, index)); open = -1; }
      continue;
    }
    if (!OPENERS.has(c)) continue;
    if (open < 0) {
      // A straight mark opens before a word; after a digit it is an inch mark.
      if (c === '"' && (i + 1 >= paragraph.end || /\s/u.test(text[i + 1]) || (i > 0 && /\d/u.test(text[i - 1])))) continue;
      open = i;
    } else if (c === '"') {
      out.push(piece(text, open, i, index));
      open = -1;
    } else {
      // A second opening mark before any closing one: the first was stray.
      open = i;
    }
  }
  if (open >= 0) out.push(piece(text, open, -1, index, paragraph.end));
  return out.filter((p) => p.end > p.start);
}

function piece(text: string, open: number, close: number, paragraph: number, paragraphEnd = close): Piece {
  let start = open + 1;
  let end = close >= 0 ? close : paragraphEnd;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end, open, close, paragraph, speaker: null, attribution: 'none' };
}

// ---------------------------------------------------------------- the search

interface Context {
  text: string;
  names: Span[];
  paragraphs: TextRange[];
  sentences: TextRange[][];
  /** In text order. */
  pieces: Piece[];
  byParagraph: Piece[][];
  /**
   * The pronoun ("he" or "she") each person has been referred to by so far, by canonical name: from a
   * title (Mr, Ms, …) before a mention, or from a pronoun already resolved to them. A "she" then skips
   * a man named since, as a reader does.
   */
  genders: Map<string, 'he' | 'she'>;
}

const GENDER_TITLE = /\b(?:(Mr|Sir|Lord)|(Mrs|Ms|Miss|Dame|Lady))\.?\s+$/u;

function genderKey(span: Span): string {
  return (span.canonical ?? span.text).toLowerCase();
}

/** Genders stated by a title right before a person's mention ("Ms Reeves", "Mr. Sauer"). */
function titledGenders(text: string, names: readonly Span[]): Map<string, 'he' | 'she'> {
  const genders = new Map<string, 'he' | 'she'>();
  for (const n of names) {
    if (n.type !== 'PERSON' || genders.has(genderKey(n))) continue;
    const m = GENDER_TITLE.exec(text.slice(Math.max(0, n.start - 8), n.start));
    if (m) genders.set(genderKey(n), m[1] ? 'he' : 'she');
  }
  return genders;
}

const SPEAKER_TYPES = new Set<string>(['PERSON', 'ORG', 'PLACE']);

/**
 * Finds the quotations in `text` and their speakers. `spans` are the article's extracted spans (names are
 * used; others are ignored); a speaker's `name` is its span's canonical form.
 */
export function findQuotes(text: string, spans: readonly Span[]): FoundQuote[] {
  const names = spans.filter((s) => SPEAKER_TYPES.has(s.type)).sort((a, b) => a.start - b.start);
  const paragraphs = paragraphsOf(text);
  const pieces: Piece[] = [];
  const marks: MarkCursor = { positions: [], next: 0 };
  QUOTE_MARK.lastIndex = 0;
  for (let m = QUOTE_MARK.exec(text); m; m = QUOTE_MARK.exec(text)) marks.positions.push(m.index);
  const byParagraph = paragraphs.map((p, i) => {
    const own = piecesOf(text, p, i, marks);
    for (const q of own) pieces.push(q);
    return own;
  });
  // Sentence splitting is per paragraph: a boundary inside one of its quotations is not one.
  const sentences = paragraphs.map((p, i) => {
    const own = byParagraph[i];
    return sentencesOf(text, p, own.length ? (offset) => {
      const q = own[lastOpeningBefore(own, offset)];
      return q !== undefined && offset < (q.close < 0 ? q.end : q.close);
    } : undefined);
  });
  const ctx: Context = { text, names, paragraphs, sentences, pieces, byParagraph, genders: titledGenders(text, names) };

  for (const q of pieces) attributeDirectly(ctx, q);
  linkContinuations(ctx);
  fillFromNeighbours(ctx);
  fillStandaloneParagraphs(ctx);

  return pieces.filter((q) => !q.notQuote).map((q) => ({
    start: q.start, end: q.end, text: text.slice(q.start, q.end), speaker: q.speaker, attribution: q.attribution,
  }));
}

/** The sentence of a quotation's opening mark, at most MAX_CUE_DISTANCE characters of it before the mark. */
function sentenceOf(ctx: Context, q: Piece): TextRange {
  const list = ctx.sentences[q.paragraph];
  const i = rangeIndexAt(list, q.open);
  const s = i >= 0 ? list[i] : ctx.paragraphs[q.paragraph];
  return { start: Math.max(s.start, q.open - MAX_CUE_DISTANCE), end: s.end };
}

function attributeDirectly(ctx: Context, q: Piece): void {
  const { text } = ctx;
  const sentence = sentenceOf(ctx, q);
  const words = text.slice(q.start, q.end).split(/\s+/u).filter(Boolean).length;
  const before = text.slice(sentence.start, q.open);
  const naming = NAMING_BEFORE.test(before);

  // 1. A cue right after the closing mark.
  if (q.close >= 0) {
    const after = cueAfter(ctx, q);
    if (after) { q.speaker = after.speaker; q.attribution = after.kind; return; }
  }
  if (naming) { q.notQuote = true; return; }
  // 2. A cue before the opening mark, in the same sentence.
  const beforeCue = cueBefore(ctx, q, sentence);
  if (beforeCue) { q.speaker = beforeCue.speaker; q.attribution = beforeCue.kind; return; }
  // 3. Nothing in the sentence: a quotation only if it reads like speech (a whole sentence, or long).
  const inner = text.slice(q.start, q.end);
  const wholeSentence = q.open <= sentence.start + 1 && CAPITAL_OR_DIGIT_FIRST.test(inner);
  if (words < 4 && !wholeSentence) { q.notQuote = true; return; }
  if (!wholeSentence && isTitleCase(inner)) { q.notQuote = true; return; }
  if (!wholeSentence && words < 8) q.notQuote = true; // a phrase in a sentence with no speaking verb: scare quotes
}

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/u).filter((w) => LETTER.test(w));
  const small = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'for', 'to', 'at', 'by', 'with', 'from']);
  return words.length > 0 && words.every((w, i) => CAPITAL_OR_DIGIT_FIRST.test(w) || (i > 0 && small.has(w.toLowerCase())));
}

interface Cue { speaker: QuoteSpeaker | null; kind: AttributionKind }

/** The attribution right after a closing mark: `," Rutte said`, `," said Rutte`, `," he added`, `," according to X`. */
function cueAfter(ctx: Context, q: Piece): Cue | undefined {
  const { text } = ctx;
  const paragraph = ctx.paragraphs[q.paragraph];
  const from = q.close + 1;
  // The window: up to the next quotation in the paragraph or the end of the clause.
  const own = ctx.byParagraph[q.paragraph];
  const nextOpen = own[lastOpeningBefore(own, q.open + 1) + 1]?.open ?? paragraph.end;
  const limit = Math.min(nextOpen, paragraph.end, from + 240);
  const window = text.slice(from, limit);
  const endsSentence = /[.!?]$/u.test(text.slice(q.start, q.end).trimEnd()) && !/[!?]$/u.test(text.slice(q.start, q.end));
  const lead = /^[\s,\u2014\u2013-]*/u.exec(window)![0].length;
  const rest = window.slice(lead);
  const at = from + lead;
  // After a closing period a new sentence starts: it is a cue only if it is nothing but the cue ("Rutte said.").
  const mustEnd = endsSentence;

  const according = /^according to\s+/iu.exec(rest);
  if (according) {
    const speaker = speakerAt(ctx, at + according[0].length, limit);
    if (speaker) return { speaker, kind: 'according' };
  }
  // pronoun + verb / verb + pronoun
  const pronounVerb = PRONOUN_VERB.exec(rest) ?? PRONOUN_VERB_ANY_CASE.exec(rest);
  if (pronounVerb && (!mustEnd || clauseEnds(rest, pronounVerb[0].length))) {
    return { speaker: resolvePronoun(ctx, at, pronounVerb[1]), kind: 'after' };
  }
  const verbFirst = VERB_AT_START.exec(rest);
  if (verbFirst) {
    const afterVerb = at + verbFirst[0].length;
    const pronoun = SPACE_PRONOUN.exec(text.slice(afterVerb, limit));
    if (pronoun) {
      const s = afterVerb + pronoun[0].length - pronoun[1].length;
      return { speaker: resolvePronoun(ctx, s, pronoun[1]), kind: 'after' };
    }
    const speaker = speakerAt(ctx, afterVerb, limit);
    if (speaker) return { speaker, kind: 'after' };
    return undefined;
  }
  // name (+ apposition) + verb
  const subject = subjectThenVerb(ctx, at, limit);
  if (subject && (!mustEnd || clauseEnds(text.slice(subject.verbEnd, limit), 0))) return { speaker: subject.speaker, kind: 'after' };
  return undefined;
}

/** True when the clause stops at `offset` of `s`: punctuation, or the end. */
function clauseEnds(s: string, offset: number): boolean {
  const tail = s.slice(offset);
  return /^\s*(?:$|[.,;:!?)\u2014\u2013-]|(?:to|in|on|at|during|after|before|from|with|by|via|told)\b[^.]*?[.]?\s*$)/iu.test(tail);
}

/**
 * A subject followed by a speaking verb, starting at `from`: `Rutte said`, `NATO chief Mark Rutte, speaking in
 * Brussels, said`, `a spokesperson for the ministry said`.
 */
function subjectThenVerb(ctx: Context, from: number, limit: number): { speaker: QuoteSpeaker | null; verbEnd: number } | undefined {
  const { text } = ctx;
  // The first name starting within a short title ("NATO Secretary General Mark Rutte").
  const name = firstNameIn(ctx, from, Math.min(limit, from + 80));
  if (name) {
    const between = text.slice(from, name.start);
    // Not past a verb of its own: in `"theft" and said Russia would respond`, Russia speaks of nothing quoted.
    if (UP_TO_SIX_WORDS.test(between) && !/[.!?;]/u.test(between) && !VERB_ANYWHERE_ONCE.test(between)) {
      const lastName = extendNameRun(ctx, name);
      let cursor = lastName.end;
      // an apposition: ", the alliance's secretary general,"
      const appos = /^\s*,[^,.;:"\u201c\u201d]{1,100},\s*/u.exec(text.slice(cursor, limit));
      let m = SPACE_VERB.exec(text.slice(cursor, limit));
      if (!m && appos) {
        cursor += appos[0].length;
        m = SPACE_VERB.exec(text.slice(cursor, limit));
      }
      if (m) return { speaker: speakerFromName(lastName), verbEnd: cursor + m[0].length };
    }
  }
  const nominal = NOMINAL_VERB.exec(text.slice(from, limit));
  if (nominal) {
    const noun = NOMINAL_AT_START.exec(text.slice(from, limit))!;
    const nounEnd = from + noun[0].length;
    // "the charity's chief executive, Polly Neate, said": the apposition names the speaker.
    const appos = /^\s*,\s*([^,]+?)\s*,/u.exec(text.slice(nounEnd, from + nominal[0].length));
    if (appos) {
      const at = nounEnd + appos[0].indexOf(appos[1]);
      const name = firstNameIn(ctx, at, at + appos[1].length);
      if (name && name.type === 'PERSON' && name.start === at && name.end === at + appos[1].length) {
        return { speaker: speakerFromName(name), verbEnd: from + nominal[0].length };
      }
    }
    return { speaker: nominalSpeaker(ctx, from, nounEnd), verbEnd: from + nominal[0].length };
  }
  return undefined;
}

/** The speaker named from `from` on (after "said" or "according to"): a name within a short title, else a description. */
function speakerAt(ctx: Context, from: number, limit: number): QuoteSpeaker | null | undefined {
  const { text } = ctx;
  const lead = /^\s*/u.exec(text.slice(from, limit))![0].length;
  const at = from + lead;
  let clauseEnd = at;
  while (clauseEnd < limit && !/[,;:!?"\u201c\u201d\n]/u.test(text[clauseEnd]) && !(text[clauseEnd] === '.' && !isAbbreviation(text, clauseEnd))) clauseEnd++;
  const name = firstNameIn(ctx, at, clauseEnd);
  if (name) {
    const between = text.slice(at, name.start);
    if (UP_TO_SEVEN_WORDS.test(between)) {
      const run = extendNameRun(ctx, name);
      const nominalEnd = modifiesNominal(ctx, run);
      return nominalEnd === undefined ? speakerFromName(run) : { cueStart: at, cueEnd: nominalEnd };
    }
  }
  const nominal = NOMINAL_AT_START.exec(text.slice(at, limit));
  if (nominal) return nominalSpeaker(ctx, at, at + nominal[0].length);
  return undefined;
}

/**
 * An unnamed speaker ("a spokesperson", "the tribunal"). A definite description names an organization the
 * article has named before when its noun is that name's last word ("the tribunal": "Competition Appeal
 * Tribunal") or the word before it ("the club": "club Valencia").
 */
function nominalSpeaker(ctx: Context, start: number, end: number): QuoteSpeaker {
  const cue: QuoteSpeaker = { cueStart: start, cueEnd: end };
  const m = THE_AND_HEAD_NOUN.exec(ctx.text.slice(start, end));
  if (!m) return cue;
  const noun = m[1].toLowerCase();
  const first = firstNameIndexFrom(ctx, start) - 1;
  for (let i = first; i >= 0 && i > first - 200; i--) {
    const n = ctx.names[i];
    if (insidePiece(ctx, n)) continue;
    if (n.type === 'PERSON') {
      // "the minister": the person last given that title ("Foreign Minister Penny Wong", "Cullen, the union's general secretary,").
      if (PERSON_ROLES.has(noun) && titleOf(ctx, n).includes(noun)) return { ...speakerFromName(n), cueStart: start, cueEnd: end };
      continue;
    }
    if (n.type !== 'ORG' && n.type !== 'PLACE') continue;
    const last = LAST_WORD.exec(n.text)?.[1].toLowerCase();
    const before = WORD_BEFORE.exec(ctx.text.slice(Math.max(0, n.start - 30), n.start))?.[1].toLowerCase();
    // "club Valencia" settles the type whatever the tagger thought; a last word only counts for organizations.
    if (before === noun || (last === noun && n.type === 'ORG')) return { ...speakerFromName(n), cueStart: start, cueEnd: end };
  }
  if (ORG_NOUNS.has(noun)) {
    const subject = organizationSubjectBefore(ctx, start);
    if (subject) return { ...speakerFromName(subject), cueStart: start, cueEnd: end };
  }
  return cue;
}

/** Role nouns that refer back to a person named with that title. */
const PERSON_ROLES = new Set([
  'minister', 'secretary', 'senator', 'chancellor', 'coach', 'manager', 'judge', 'mayor', 'governor', 'prosecutor',
  'ambassador', 'envoy', 'commissioner', 'chair', 'chairman', 'chairwoman', 'premier', 'president', 'leader',
  'director', 'executive', 'chief', 'spokesperson', 'spokesman', 'spokeswoman', 'lawyer', 'attorney',
]);

/** The lower-cased words of a person's title: those right before the name, and an apposition right after it. */
function titleOf(ctx: Context, n: Span): string[] {
  const { text } = ctx;
  // The title ends at the name and starts after the line's start or the name before (not "Minister Berg met Holm").
  const window = Math.max(0, n.start - 60);
  let from = window + text.slice(window, n.start).lastIndexOf('\n') + 1;
  const i = firstNameIndexFrom(ctx, n.start);
  if (i > 0 && ctx.names[i - 1].end > from) from = Math.min(n.start, ctx.names[i - 1].end);
  const before = UP_TO_FOUR_WORDS_BEFORE.exec(text.slice(from, n.start))?.[0] ?? '';
  const after = /^\s*,\s*([^,.;:"\u201c\u201d\n]{1,80}),/u.exec(text.slice(n.end, n.end + 90))?.[1] ?? '';
  return `${before} ${after}`.toLowerCase().split(NOT_WORD).filter(Boolean);
}

/** Nouns that stand for an organization the article named as the subject of a sentence just before. */
const ORG_NOUNS = new Set([
  'company', 'firm', 'club', 'group', 'bank', 'union', 'party', 'team', 'agency', 'carmaker', 'chipmaker', 'airline',
  'retailer', 'insurer', 'lender', 'broadcaster',
]);

/**
 * The organization opening one of the two sentences before `at` (or the sentence of `at` itself, before
 * it): "Santos thanked the player. … the club wrote". Only a sentence's subject, never a name in passing.
 */
function organizationSubjectBefore(ctx: Context, at: number): Span | undefined {
  const p = rangeIndexAt(ctx.paragraphs, at);
  if (p < 0) return undefined;
  let seen = 0;
  for (let pi = p; pi >= 0 && pi > p - 2 && seen < 3; pi--) {
    const sentences = ctx.sentences[pi];
    for (let si = sentences.length - 1; si >= 0 && seen < 3; si--) {
      const s = sentences[si];
      if (s.start >= at) continue;
      seen++;
      const name = firstNameIn(ctx, s.start, Math.min(s.end, at));
      if (!name || insidePiece(ctx, name)) continue;
      const lead = ctx.text.slice(s.start, name.start);
      // the name opens the sentence, perhaps after a short description ("Budget carrier easyJet cancelled")
      if (name.type === 'ORG' && UP_TO_THREE_WORDS.test(lead) && !/\b(?:of|in|at|for|with|by|from|to|on|and|or|but|after|before|as)\b/iu.test(lead)) return name;
    }
  }
  return undefined;
}

/**
 * A title then a name can be tagged as two names ("NATO" "Mark Rutte"): the speaker is the last of a run
 * of names separated only by title words.
 */
function extendNameRun(ctx: Context, name: Span): Span {
  let current = name;
  const i = ctx.names.indexOf(name);
  for (let j = i + 1; j < ctx.names.length; j++) {
    const next = ctx.names[j];
    const between = ctx.text.slice(current.end, next.start);
    if (!POSSESSIVE_AND_FEW_WORDS.test(between) || /\s(?:and|or|with|to|from|by|at|in|on|for)\s/iu.test(` ${between} `) ||
      between.includes('\n') || VERB_ANYWHERE_ONCE.test(between)) break;
    if (next.type === 'PERSON' && (current.type !== 'PERSON' || LETTER.test(between))) current = next;
    else if (current.type === next.type && current.type !== 'PERSON') current = next;
    else break;
  }
  // A possessive organisation or place before a person's title: "Germany's defence minister Boris Pistorius".
  return current;
}

/** A name that only qualifies an unnamed speaker: "a senior U.S. official", "one NATO diplomat". */
const NAME_AS_MODIFIER = /^(?:['\u2019]s?)?\s+(?:[\p{L}-]+\s+){0,2}?(?:officials?|spokes(?:person|man|woman)|sources?|aides?|diplomats?|officers?|representatives?|lawmakers?|analysts?|negotiators?|insiders?|employees?|staffers?)\b/iu;

function modifiesNominal(ctx: Context, name: Span): number | undefined {
  const m = NAME_AS_MODIFIER.exec(ctx.text.slice(name.end, name.end + 60));
  if (!m) return undefined;
  // "Kress told analysts": the name speaks to the noun, it does not qualify it ("U.S. state officials" does).
  const between = m[0].trim().split(/\s+/u).slice(0, -1);
  if (between.some((w) => SPEAKING_FORMS.has(w.toLowerCase()))) return undefined;
  return name.end + m[0].length;
}

/** Speaking verbs in forms that are never the noun or adjective before "officials" or "analysts". */
const SPEAKING_FORMS = new Set(['said', 'says', 'told', 'tells', 'wrote', 'writes', 'spoke', ...SPEECH_VERBS.filter((v) => v.endsWith('ed'))]);

function speakerFromName(span: Span): QuoteSpeaker {
  return { cueStart: span.start, cueEnd: span.end, nameStart: span.start, nameEnd: span.end, name: span.canonical ?? span.text, type: span.type as NameType };
}

function firstNameIn(ctx: Context, from: number, to: number): Span | undefined {
  const i = firstNameIndexFrom(ctx, from);
  const span = ctx.names[i];
  return span && span.start < to ? span : undefined;
}

function firstNameIndexFrom(ctx: Context, from: number): number {
  return firstIndex(ctx.names.length, (i) => ctx.names[i].start >= from);
}

/** The cue before an opening mark in its sentence: `Rutte told reporters: "…"`, `according to X, "…"`, a partial quotation's verb. */
function cueBefore(ctx: Context, q: Piece, sentence: TextRange): Cue | undefined {
  // Other quotations in the sentence are not searched for verbs or subjects.
  const masked = maskQuotes(ctx, sentence.start, q.open);
  const according = masked.toLowerCase().lastIndexOf('according to ');
  if (according >= 0) {
    const speaker = speakerAt(ctx, sentence.start + according + 'according to '.length, q.open);
    if (speaker !== undefined) return { speaker, kind: 'according' };
  }
  // The last speaking verb before the quotation.
  let verb: RegExpExecArray | null = null;
  VERB_ANYWHERE.lastIndex = 0;
  for (let m = VERB_ANYWHERE.exec(masked); m; m = VERB_ANYWHERE.exec(masked)) verb = m;
  if (verb) {
    const verbAt = sentence.start + verb.index;
    const subject = subjectBefore(ctx, sentence.start, verbAt);
    const direct = /[:,]\s*$|\b(?:that)\s*$/iu.test(masked) && masked.length - verb.index - verb[0].length < 60;
    const kind: AttributionKind = direct ? 'before' : 'partial';
    if (subject !== undefined) return { speaker: subject, kind };
    // "said Rutte: "…"" — the speaker after the verb.
    const after = speakerAt(ctx, verbAt + verb[0].length, q.open);
    if (after) return { speaker: after, kind };
  }
  // A quotation after a sentence ending in a colon that names the speaker: `Rutte put it this way: "…"`.
  return undefined;
}

/** Index of the last piece (of pieces sorted by opening mark) whose mark is before `offset`, or -1. */
function lastOpeningBefore(pieces: readonly Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].open < offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

function insidePiece(ctx: Context, n: TextRange): boolean {
  const q = ctx.pieces[lastOpeningBefore(ctx.pieces, n.start)];
  return q !== undefined && q.start <= n.start && n.end <= q.end;
}

function maskQuotes(ctx: Context, from: number, to: number): string {
  let s = ctx.text.slice(from, to);
  const paragraph = rangeIndexAt(ctx.paragraphs, from);
  const own = paragraph >= 0 ? ctx.byParagraph[paragraph] : [];
  for (let i = Math.max(0, lastOpeningBefore(own, from)); i < own.length && own[i].open < to; i++) {
    const p = own[i];
    const end = p.close < 0 ? p.end : p.close + 1;
    if (end <= from) continue;
    const a = Math.max(p.open, from) - from;
    const b = Math.min(end, to) - from;
    s = s.slice(0, a) + ' '.repeat(b - a) + s.slice(b);
  }
  return s;
}

/**
 * The subject of a verb at `verbAt`: the nearest name or pronoun before it in the sentence, skipping a
 * parenthetical set off by commas (`Rutte, after meeting Trump, said`).
 */
function subjectBefore(ctx: Context, sentenceStart: number, verbAt: number): QuoteSpeaker | null | undefined {
  let end = verbAt;
  let prefix = maskQuotes(ctx, sentenceStart, end).replace(/\s+$/u, '');
  // skip auxiliaries and adverbs right before the verb
  const aux = /(?:\s+(?:has|have|had|would|will|also|later|then|previously|earlier|once|again|repeatedly|recently|who|which))+$/iu.exec(' ' + prefix);
  if (aux) prefix = prefix.slice(0, Math.max(0, prefix.length - aux[0].length + 1)).replace(/\s+$/u, '');
  if (prefix.endsWith(',')) {
    const open = prefix.lastIndexOf(',', prefix.length - 2);
    if (open >= 0) {
      // "The chair of the commission, Moussa Faki, said": the set-off words are the subject's name.
      const segStart = sentenceStart + open + 1;
      const segEnd = sentenceStart + prefix.length - 1;
      const seg = ctx.text.slice(segStart, segEnd).trim();
      const name = firstNameIn(ctx, segStart, segEnd);
      if (name && name.type === 'PERSON' && name.end <= segEnd && seg === ctx.text.slice(name.start, name.end)) return speakerFromName(name);
      // "Modi, watching from South Africa, where he was attending a summit, said": set-off clauses after the
      // subject, however many, each opening in lower case.
      const subject = subjectBeforeAsides(ctx, sentenceStart, prefix);
      if (subject) return speakerFromName(subject);
      prefix = prefix.slice(0, open);
    }
  }
  end = sentenceStart + prefix.length;
  // the nearest name ending before `end`
  let i = firstNameIndexFrom(ctx, sentenceStart);
  let nearest: Span | undefined;
  for (; i < ctx.names.length && ctx.names[i].start < end; i++) {
    const n = ctx.names[i];
    if (n.end <= end && !insidePiece(ctx, n)) nearest = n;
  }
  const pronoun = LAST_PRONOUN.exec(prefix);
  const pronounAt = pronoun ? sentenceStart + pronoun.index : -1;
  if (nearest && nearest.end > pronounAt) {
    const nominalEnd = modifiesNominal(ctx, nearest);
    if (nominalEnd === undefined) return speakerFromName(nearest);
    // "a senior U.S. official described …": an unnamed speaker, from the start of its noun phrase
    const np = NOUN_PHRASE_BEFORE.exec(ctx.text.slice(Math.max(sentenceStart, nearest.start - 60), nearest.start));
    let from = np ? nearest.start - np[0].length : nearest.start;
    const conjunction = /^(?:but|and|yet|so|however|still)\s+/iu.exec(ctx.text.slice(from, nearest.start));
    if (conjunction) from += conjunction[0].length;
    return { cueStart: from, cueEnd: nominalEnd };
  }
  if (pronoun) return resolvePronoun(ctx, pronounAt, pronoun[1]);
  const nominal = NOMINAL_SUBJECT.exec(prefix);
  if (nominal) {
    const at = sentenceStart + nominal.index + nominal[0].indexOf(nominal[1]);
    return nominalSpeaker(ctx, at, at + nominal[1].length);
  }
  return undefined;
}

/**
 * The name right before the first comma of `prefix` (the sentence up to its verb, ending in a comma) when
 * every comma-separated piece after it opens in lower case: the subject, then asides.
 */
function subjectBeforeAsides(ctx: Context, sentenceStart: number, prefix: string): Span | undefined {
  const first = prefix.indexOf(',');
  if (first < 0 || first === prefix.length - 1) return undefined;
  const asides = prefix.slice(first + 1, -1).split(',');
  if (!asides.every((a) => LOWER_CASE_FIRST.test(a))) return undefined;
  const commaAt = sentenceStart + first;
  const i = firstNameIndexFrom(ctx, commaAt) - 1;
  const name = ctx.names[i];
  if (!name || name.end !== commaAt || name.start < sentenceStart || (name.type !== 'PERSON' && name.type !== 'ORG') || insidePiece(ctx, name)) return undefined;
  return modifiesNominal(ctx, name) === undefined ? name : undefined;
}

/**
 * The antecedent of a pronoun at `at`: for he/she the person, for "it" the organization, named as the subject
 * (first such name) of the nearest sentence before it that names one — within a few paragraphs. The
 * pronoun itself is the cue.
 */
function resolvePronoun(ctx: Context, at: number, pronoun: string): QuoteSpeaker | null {
  const kind = PRONOUNS[pronoun.toLowerCase()] ?? 'none';
  const gender = pronoun.toLowerCase() === 'he' ? 'he' : pronoun.toLowerCase() === 'she' ? 'she' : undefined;
  const cue: QuoteSpeaker = { cueStart: at, cueEnd: at + pronoun.length };
  if (kind === 'none') return cue;
  const wanted: NameType[] = kind === 'person' ? ['PERSON'] : ['ORG', 'PLACE'];
  const p = rangeIndexAt(ctx.paragraphs, at);
  let looked = 0;
  for (let pi = p; pi >= 0 && pi > p - MAX_LOOKBACK_PARAGRAPHS; pi--) {
    const sentences = ctx.sentences[pi];
    let si = pi === p ? rangeIndexAt(sentences, at) : sentences.length - 1;
    if (si < 0) si = sentences.length - 1;
    for (; si >= 0 && looked < MAX_LOOKBACK_SENTENCES; si--, looked++) {
      const s = sentences[si];
      if (s.start >= at) continue;
      const end = Math.min(s.end, at);
      const candidates: Span[] = [];
      for (let i = firstNameIndexFrom(ctx, Math.max(s.start, end - 2 * MAX_CUE_DISTANCE)); i < ctx.names.length && ctx.names[i].start < end; i++) {
        const n = ctx.names[i];
        if (!wanted.includes(n.type as NameType)) continue;
        // names inside quotations are not speakers
        if (insidePiece(ctx, n)) continue;
        // a person already called by the other pronoun
        if (gender && (ctx.genders.get(genderKey(n)) ?? gender) !== gender) continue;
        candidates.push(n);
      }
      if (candidates.length === 0) continue;
      // Prefer a name that is itself a speaker (followed by a speaking verb), then the first one.
      const speaking = candidates.find((n) => APPOSITION_VERB.test(ctx.text.slice(n.end, Math.min(end, n.end + 140))));
      const chosen = speaking ?? candidates.find((n) => !/^['\u2019]s?\b/u.test(ctx.text.slice(n.end, n.end + 2))) ?? candidates[0];
      const named = speakerFromName(chosen);
      if (gender && !ctx.genders.has(genderKey(chosen))) ctx.genders.set(genderKey(chosen), gender);
      return { ...named, cueStart: cue.cueStart, cueEnd: cue.cueEnd };
    }
  }
  return cue;
}

/** Pieces of a quotation running over paragraphs share one speaker: the first one found along the chain. */
function linkContinuations(ctx: Context): void {
  const { pieces } = ctx;
  const chains: Piece[][] = [];
  let chain: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const q = pieces[i];
    const previous = chain[chain.length - 1];
    const continues = previous && previous.close < 0 && q.paragraph === previous.paragraph + 1 &&
      q.open === ctx.paragraphs[q.paragraph].start;
    if (continues) chain.push(q);
    else {
      if (chain.length > 1) chains.push(chain);
      chain = [q];
    }
  }
  if (chain.length > 1) chains.push(chain);
  for (const c of chains) {
    const source = c.find((q) => q.speaker && q.attribution !== 'partial') ?? c.find((q) => q.speaker);
    for (const q of c) {
      q.notQuote = false;
      if (!q.speaker && source) { q.speaker = source.speaker; q.attribution = 'continued'; }
    }
  }
}

/** A quotation with no cue of its own takes the speaker of the nearest attributed quotation in its paragraph. */
function fillFromNeighbours(ctx: Context): void {
  const byParagraph = new Map<number, Piece[]>();
  for (const q of ctx.pieces) {
    if (q.notQuote) continue;
    let list = byParagraph.get(q.paragraph);
    if (!list) byParagraph.set(q.paragraph, (list = []));
    list.push(q);
  }
  for (const list of byParagraph.values()) {
    for (let i = 0; i < list.length; i++) {
      const q = list[i];
      if (q.speaker || q.attribution !== 'none') continue;
      let source: Piece | undefined;
      for (let j = i - 1; j >= 0 && j >= i - 4 && !source; j--) if (list[j].speaker && list[j].attribution !== 'partial') source = list[j];
      for (let j = i + 1; j < list.length && j <= i + 4 && !source; j++) if (list[j].speaker && list[j].attribution !== 'partial') source = list[j];
      if (source) { q.speaker = source.speaker; q.attribution = 'adjacent'; }
    }
  }
}

/**
 * A paragraph that is one quotation and nothing else, with no cue, goes on with the speaker of the
 * paragraph before it when that one ends with an attributed quotation: the wire-copy habit of quoting
 * a speaker's next words as a paragraph of their own.
 */
function fillStandaloneParagraphs(ctx: Context): void {
  const { text } = ctx;
  for (let p = 1; p < ctx.paragraphs.length; p++) {
    const own = ctx.byParagraph[p];
    if (own.length !== 1) continue;
    const q = own[0];
    const paragraph = ctx.paragraphs[p];
    if (q.speaker || q.attribution !== 'none' || q.notQuote || q.close < 0) continue;
    if (text.slice(paragraph.start, q.open).trim() !== '' || text.slice(q.close + 1, paragraph.end).trim() !== '') continue;
    const previous = ctx.byParagraph[p - 1].filter((x) => !x.notQuote);
    const source = previous[previous.length - 1];
    if (!source?.speaker || source.attribution === 'partial') continue;
    q.speaker = source.speaker;
    q.attribution = 'continued';
  }
}
