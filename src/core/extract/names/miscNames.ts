import type { NameType, Span } from '../types';
import { inOrdinaryCase } from './lineCase';
import { longFormBefore } from './longForms';
import { firstEndingAfter, overlapsSorted } from '../../util/firstIndex';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
/** A word of a name: a capital first ("Economic", "NATO", "G7", "Al-Aqsa", "O'Neill"). */
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}\p{N}'’.&-]*$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const POSSESSIVE = /(?:['’][sS]|s['’])$/u;
/** A capitalised word right after a head noun: the name goes on ("Plan International", "Budget Office"). */
const NAME_GOES_ON = /^[ \t]\p{Lu}/u;
/** A year right after a head noun: "Fall Economic Statement 2026". */
const YEAR_AFTER = /^[ \t](?:19|20)\d\d(?![\p{L}\p{N}]|[.,]\d)/u;
/** "of" or "on" (and "the") after a head noun, then a capital: "Treaty on the Non-Proliferation …", "Cup of Nations". */
const OF_AFTER_HEAD = /^[ \t](of|on)[ \t](?:the[ \t])?(?=\p{Lu})/u;
/** Heads of documents, which "on" may follow ("Convention on Cluster Munitions"); an event on a day is no name. */
const ON_HEADS = new Set(['Treaty', 'Convention', 'Declaration', 'Charter', 'Protocol', 'Agreement', 'Accord', 'Directive', 'Regulation', 'Framework', 'War']);
/** Words of a date, which end a run of capitalised words ("World Cup on Friday"). */
const DATE_WORDS = new Set([
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);
/** Head nouns of organizations: a name holding one is the organization's ("Organisation of Islamic Conference"). */
const ORG_WORDS = new Set([
  'Organisation', 'Organization', 'Council', 'Ministry', 'Department', 'Agency', 'Committee', 'Commission', 'Union',
  'Association', 'Bank', 'Party', 'Office', 'Authority', 'Federation', 'Institute', 'Court', 'Parliament', 'Assembly',
  'Company', 'Corporation', 'Group', 'Board', 'Bureau', 'Service', 'Foundation', 'University',
]);
/** Capitalised words and the small words between them, read right of an "of" or a cue. */
const RUN_WORD = /[^\s"“”‘’()[\]{},;:!?]+/uy;
/** The head nouns, found by their letters; the characters either side are checked after (a look-behind tried at every position cost more than the rest). */
const HEADS = /\b(Act|Bill|Treaty|Accords?|Agreement|Convention|Declaration|Charter|Protocol|Pact|Compact|Doctrine|Directive|Regulation|Strategy|Statement|Budget|Plan|Programme|Program|Initiative|Fund|Benefit|Allowance|Scheme|Mechanism|Framework|Deal|Summit|Conference|Games|Cup|Championships?|Prize|Awards?|Festival|Olympics|Medal|Trophy|Marathon|Prix|Expo|Biennale|Wars?|Crisis|Revolution|Uprising|Credit|Payment|Pension|Contest|Statute|Pledge|Omnibus|Package|Agenda|Roadmap|Guarantee|Operation)\b/g;
/** A character that joins a word to the one beside it ("co-Act", "Fund's", "R&D"). */
const IN_WORD = /[\p{L}\p{N}'’.&-]/u;
const JOINED_AFTER = /[\p{L}\p{N}&-]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const INITIALS = /^(?:\p{Lu}\.)+$/u;
/** "Fund’s" goes on as a word of its own ("Bill’s"), which the head noun is not. */
const APOSTROPHE_WORD = /^[’'][sS]?\p{L}/u;
const PLURAL = /\p{Ll}s$/u;
const SUMMIT_AFTER = /^[ \t]summit(?![\p{L}-])/u;
const CAPITALS = /^\p{Lu}+$/u;
const MIXED_ABBREVIATION = /^\p{Lu}[\p{Ll}\p{Lu}]*\p{Lu}$/u;

/**
 * Names that the guidelines type MISC by their head noun, cue or definition, which a detector cuts into pieces
 * or types as something else:
 * - laws, treaties, programmes, documents, events and awards by their last word ("NATO Support Act", "Fall
 *   Economic Statement 2026", "Canada Child Benefit", "Silver Bear Grand Jury Prize", "Berlin International Film
 *   Festival"), and "Operation <Name>", whole as the outermost name;
 * - a city's summit ("the Hague summit"), where an organization's summit is the organization only;
 * - a name a cue introduces ("a programme called Security Action for Europe", "the drama The Quiet Orchard",
 *   "its HARBOR trial") and its other mentions;
 * - an abbreviation defined after such a name ("…, or SAFE", "(SAFE)"), with the long form as canonical.
 * Title-cased headlines are left alone ("Critical Minerals Agreement" there is just capitals) unless the same
 * name is in running text. Every pass is linear in the text: each match reads a bounded window around it.
 */

/** Last words of the names of laws, documents, programmes, events and awards. */
const MISC_HEADS = new Set([
  'Act', 'Bill', 'Treaty', 'Accord', 'Accords', 'Agreement', 'Convention', 'Declaration', 'Charter', 'Protocol', 'Pact',
  'Compact', 'Doctrine', 'Directive', 'Regulation', 'Strategy', 'Statement', 'Budget', 'Plan', 'Programme', 'Program',
  'Initiative', 'Fund', 'Benefit', 'Allowance', 'Scheme', 'Mechanism', 'Framework', 'Deal', 'Summit',
  'Conference', 'Games', 'Cup', 'Championship', 'Championships', 'Prize', 'Award', 'Awards', 'Festival', 'Olympics',
  'Medal', 'Trophy', 'Marathon', 'Prix', 'Expo', 'Biennale', 'War', 'Wars', 'Crisis', 'Revolution', 'Uprising', 'Credit',
  'Payment', 'Pension', 'Contest', 'Statute', 'Pledge', 'Omnibus', 'Package', 'Agenda', 'Roadmap', 'Guarantee',
]);
/** Heads that also end organizations' names: with an international body's word first, the name is the body's. */
const BODY_HEADS = new Set(['Fund', 'Programme', 'Program', 'Initiative']);
const BODY_WORDS = new Set(['International', 'World', 'Global', 'United', 'UN', 'Nations', 'Monetary', 'Wildlife']);
/** Heads that may open a name, with "of"/"on" and a name after them ("Treaty of Rome", "Summit of the Americas"). */
const LEADING_HEADS = new Set(['Treaty', 'Convention', 'Declaration', 'Charter', 'Protocol', 'Summit', 'Festival', 'Cup', 'Games', 'Bill']);
/** Wars, named by the words right before them ('Cold War', 'Global War on Terror'), never after an "of". */
const WAR_HEADS = new Set(['War', 'Wars']);
/** Events that an organization holds: "NATO Summit" is the organization's, as "NATO summit" is. */
const MEETING_HEADS = new Set(['Summit', 'Conference']);
/** Small words inside a name, between two capitalised words ("Right to Buy Scheme", "Treaty on the Non-Proliferation of Nuclear Weapons"). */
const CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the', 'to', 'de', 'du', 'des', 'la', 'le', 'el', 'da', 'das', 'do', 'dos', 'del', '&', 'in', 'a', 'an', 'at', 'with']);
/** Capitalised words that open a sentence or qualify a head noun, never a name of their own. */
const OPENERS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'Or', 'If', 'When', 'While', 'After', 'Before', 'As', 'For', 'With',
  'By', 'From', 'To', 'Under', 'Its', 'His', 'Her', 'Their', 'Our', 'My', 'Your', 'This', 'That', 'These', 'Those',
  'Every', 'Each', 'No', 'Some', 'Any', 'Last', 'Next', 'Why', 'How', 'What', 'Where', 'Who', 'Whose', 'Which', 'Since',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Yesterday', 'Today', 'Tomorrow',
]);
const GENERIC = new Set([
  'New', 'Final', 'Draft', 'Joint', 'Annual', 'Current', 'Proposed', 'Interim', 'Full', 'Main', 'Original', 'Revised',
  'First', 'Second', 'Third', 'Big', 'Major', 'Special', 'Latest', 'Whole', 'Entire', 'Same', 'Other', 'Such', 'Own',
]);
/** At most this many words are read before a head noun. */
const MAX_WORDS = 9;
/** Nouns for works, whose title may follow them ("the drama The Quiet Orchard", "his novel “Atonement”"). */
const WORK_NOUNS = new Set([
  'film', 'movie', 'drama', 'documentary', 'docudrama', 'comedy', 'thriller', 'novel', 'memoir', 'album', 'song', 'musical',
  'opera', 'sitcom', 'podcast', 'biopic', 'miniseries', 'series', 'book', 'painting', 'poem',
]);
/** Nouns for medicines and apps, whose one-word name may follow them ("the drug Zepbound", "the chatbot Grok"). */
const MEDICINE_NOUNS = new Set(['drug', 'drugs', 'vaccine', 'pill', 'jab', 'chatbot', 'app']);
/** Verbs that name what comes after them ("a programme called …"; "known as" is read apart). */
const CALLED_VERBS = new Set(['called', 'named', 'dubbed', 'titled', 'entitled', 'branded']);
/**
 * Where capitalised words start after a space, a tab, a line break or a bracket, an opening quotation mark
 * first or not: the positions the cue and product rules read from, found in one pass over the text (expressions
 * for the cue words tried at every position cost more than the rest of the module).
 */
const CAPITAL_START = /[ \t\n(]["“‘]?[A-Z\u00C0-\u00DE]/g;
const KNOWN_BEFORE = /known[ \t]+$/;
/** Words before a cue noun that make it a verb ("to book", "will play"), whose next name is no title. */
const VERB_BEFORE = /(?:^|[\s])(?:to|will|would|can|could|should|may|might|must|not|did|does|do|n't|who|that|they|we|you|I)[ \t]+$/u;
/** Small words inside a title ("The Tailor of Recife", "Casa de Todas"); a preposition ("in Lima") ends one not in quotation marks. */
const TITLE_SMALL = new Set(['of', 'the', 'a', 'an', 'and', 'de', 'da', 'das', 'do', 'dos', 'del', 'la', 'le', 'les', 'el', 'los', 'von', 'der', 'di']);
/** The noun before "called", "named", "known as": a programme's or a study's name follows. */
const CALLED_NOUN = /(?:^|[^\p{L}\p{N}-])(?:programme|program|scheme|plan|fund|initiative|law|bill|act|treaty|agreement|accord|strategy|policy|project|mission|operation|exercise|campaign|package|facility|mechanism|framework|trial|study|system|deal|pact|vaccine|drug|app|platform|satellite|missile|rocket|drone|ship|aircraft)[ \t]+(?:(?:is|was)[ \t]+)?$/iu;
/** A trial or study in capitals, with its number: "its Phase 3 HARBOR trial", "the OASIS 4 trial" (the character before is checked after). */
const CAPITALS_STUDY = /\b([A-Z]{4,12}(?:[ \t]\d{1,2})?)[ \t]+(?:trials?|stud(?:y|ies))\b/g;
/** Abbreviation after a name: ", or SAFE", "(SAFE)". */
const OR_SHORT = /^,?[ \t]+or[ \t]+(?:the[ \t]+)?(\p{Lu}[\p{Lu}\p{Ll}&]{1,9})(?![\p{L}\p{N}-])/u;
const BRACKET_SHORT = /^[ \t]*\((\p{Lu}[\p{Lu}\p{Ll}&]{1,9})\)/u;
/** At most this many cued titles are looked for again across the text (each costs one pass). */
const MAX_TITLES = 24;

interface Candidate {
  start: number;
  end: number;
  type: NameType;
  canonical?: string;
  /** Sure enough of its type to override a person the detector read there ("the documentary Casa de Todas"). */
  overridesPerson?: boolean;
}

/** Spans this module made: a date inside one is part of the name ("Statement 2026", "Autumn Budget"). */
const made = new WeakSet<Span>();

/** The names this module made among `spans`: a date inside one of them is no date of its own. */
export function miscNamesMade(spans: readonly Span[]): Span[] {
  return spans.filter((s) => made.has(s));
}

/**
 * Adds, in place, the MISC names of the text to the detector's names (in text order, not overlapping): each
 * replaces the names inside it, and one that would cut through another name is not made.
 */
export function withMiscNames(text: string, spans: Span[]): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = capitalStarts(text);
  const found = [
    ...headedNames(text, sorted), ...citySummits(text, sorted), ...productNames(text, sorted, starts), ...groupAdjectives(text, sorted, starts),
  ];
  const cued = [...cuedNames(text, sorted, starts), ...studiesInCapitals(text)];
  // in a title-cased line every word is capitalised and a capital says nothing, unless the name is in running text too
  const ordinary = (c: Candidate): boolean => inOrdinaryCase(text, c.start, c.end);
  const inRunning = new Set([...found, ...cued].filter(ordinary).map((c) => text.slice(c.start, c.end)));
  const kept = (c: Candidate): boolean => inRunning.has(text.slice(c.start, c.end));
  const keptCued = cued.filter(kept);
  const candidates = found.filter(kept).concat(keptCued, otherMentions(text, keptCued, sorted));
  const out = withShortForms(text, merged(text, sorted, candidates));
  notMisc(text, out);
  // one at a time: a page of a hundred thousand names is more arguments than a call takes
  spans.length = 0;
  for (const s of out) spans.push(s);
}

interface Word { start: number; end: number; text: string }

/** The words before `at` on its line, nearest first, at most MAX_WORDS + the connectors between them. */
function wordsBefore(text: string, at: number): Word[] {
  const words: Word[] = [];
  let k = at;
  while (words.length < MAX_WORDS * 2) {
    if (k === 0 || (text[k - 1] !== ' ' && text[k - 1] !== '\t')) break;
    let end = k - 1;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t') && k - end < 3) end--;
    if (text[end - 1] === ' ' || text[end - 1] === '\t') break;
    let start = end;
    while (start > 0 && end - start < 30 && !/[\s"“”‘()[\]{},;:!?]/.test(text[start - 1])) start--;
    if (start === end) break;
    // a full stop ends the sentence before, unless the word is an abbreviation ("U.S.")
    if (text[end - 1] === '.' && !INITIALS.test(text.slice(start, end))) break;
    words.push({ start, end, text: text.slice(start, end) });
    if (start > 0 && !/[ \t]/.test(text[start - 1])) break;
    k = start;
  }
  return words;
}

/** Names ending in a head noun of MISC_HEADS, "Operation <Name>", and heads opening "Treaty of <Name>". */
function headedNames(text: string, sorted: readonly Span[]): Candidate[] {
  const out: Candidate[] = [];
  let orgs: Map<number, Span> | undefined;
  const orgAt = (at: number): Span | undefined => (orgs ??= new Map(sorted.filter((s) => s.type === 'ORG').map((s) => [s.start, s]))).get(at);
  for (const m of text.matchAll(HEADS)) {
    const head = m[1];
    const headStart = m.index;
    const headEnd = headStart + head.length;
    if (IN_WORD.test(text[headStart - 1] ?? ' ') || JOINED_AFTER.test(text[headEnd] ?? ' ')) continue;
    if (head === 'Operation') {
      const run = capitalisedRun(text, headEnd);
      if (run > headEnd) out.push({ start: headStart, end: run, type: 'MISC' });
      continue;
    }
    const after = text.slice(headEnd, headEnd + 8);
    if (NAME_GOES_ON.test(after) || APOSTROPHE_WORD.test(after)) continue;
    // the name's words before the head, nearest first: capitalised words, small words between two of them
    const before = wordsBefore(text, headStart);
    let start = headStart;
    let taken = 0;
    for (let k = 0; k < before.length; k++) {
      const w = before[k];
      if (OPENERS.has(w.text) && !DATE_WORDS.has(w.text)) break;
      if (NAME_WORD.test(w.text) && !POSSESSIVE.test(w.text)) {
        start = w.start;
        taken++;
        if (taken >= MAX_WORDS) break;
        continue;
      }
      // a small word counts only between two capitalised words, never before a war ("Secretary of War" is a post), and
      // not after a head noun ("the Winter Fuel Payment and Universal Credit" are two names)
      const next = before[k + 1];
      if (!WAR_HEADS.has(head) && CONNECTORS.has(w.text) && next && NAME_WORD.test(next.text) && !POSSESSIVE.test(next.text) && !OPENERS.has(next.text) &&
        !PLURAL.test(next.text) && !MISC_HEADS.has(next.text)) continue;
      break;
    }
    // words that open a sentence or qualify the head are not the name's
    let words = text.slice(start, headStart).split(/[ \t]+/).filter(Boolean);
    while (words.length && (OPENERS.has(words[0]) || CONNECTORS.has(words[0]))) {
      start = text.indexOf(words[0], start) + words[0].length;
      while (text[start] === ' ' || text[start] === '\t') start++;
      words = words.slice(1);
    }
    if (words.length === 0) start = headStart;
    // a name needs a word of its own: "the Joint Statement", "a New Plan" are no names
    const named = words.some((w) => !CONNECTORS.has(w) && !GENERIC.has(w));
    let end = headEnd;
    const ofRun = OF_AFTER_HEAD.exec(text.slice(headEnd, headEnd + 12));
    if (ofRun && (named || LEADING_HEADS.has(head)) && (ofRun[1] === 'of' || ON_HEADS.has(head))) end = capitalisedRun(text, headEnd + ofRun[0].length, TITLE_SMALL);
    if (end <= headEnd) end = headEnd;
    if (!named && end === headEnd) continue;
    // a name holding an organization's head noun is the organization's
    if (text.slice(start, end).split(/[ \t]+/).some((w) => ORG_WORDS.has(w))) continue;
    const year = YEAR_AFTER.exec(text.slice(end, end + 8));
    if (year) end += year[0].length;
    // "NATO Summit" is the organization's meeting: the organization alone is the name
    if (MEETING_HEADS.has(head) && end === headEnd && orgAt(start)?.end === headStart - 1) continue;
    const firstWord = text.slice(start, end).split(/\s+/)[0];
    const type: NameType = BODY_HEADS.has(head) && (BODY_WORDS.has(firstWord) || words.some((w) => w === 'Nations')) ? 'ORG' : 'MISC';
    // no one's surname is a law's or an event's head noun ("Abraham Accords"), though a first name may be ("Bill")
    out.push({ start, end, type, overridesPerson: head !== 'Bill' });
  }
  return out;
}

/**
 * The end of a run of capitalised words from `at` (words of `small` between two of them), on one
 * line and at most MAX_WORDS words; `at` when there is none.
 */
function capitalisedRun(text: string, at: number, small?: ReadonlySet<string>): number {
  let k = at;
  let end = at;
  let count = 0;
  while (count < MAX_WORDS) {
    while (text[k] === ' ' || text[k] === '\t') k++;
    RUN_WORD.lastIndex = k;
    const m = RUN_WORD.exec(text);
    if (!m) break;
    let word = m[0];
    // a full stop after the word ends the sentence, unless the word is an abbreviation ("U.S.")
    const stop = word.endsWith('.') && !INITIALS.test(word);
    if (stop) word = word.slice(0, -1);
    const possessive = POSSESSIVE.exec(word);
    if (possessive) word = word.slice(0, -possessive[0].length);
    // a title or a name after "of" may hold any capitalised word; "Operation <Name>" stops at a sentence's opener
    if (NAME_WORD.test(word) && !DATE_WORDS.has(word) && (small || !OPENERS.has(word))) {
      end = k + word.length;
      count++;
      if (stop || possessive) break;
      k += m[0].length;
      continue;
    }
    if (!small || !small.has(word) || stop || count === 0) break;
    k += m[0].length;
  }
  return end;
}

/** Nouns for vehicles, weapons and chips, after which a name is the product's ("TGV trains", "Neopanamax ships"). */
const VEHICLE_NOUNS = new Set([
  'train', 'trains', 'jet', 'jets', 'aircraft', 'plane', 'planes', 'tank', 'tanks', 'missile', 'missiles', 'drone', 'drones',
  'rocket', 'rockets', 'fighter', 'fighters', 'helicopter', 'helicopters', 'submarine', 'submarines', 'frigate', 'frigates',
  'warship', 'warships', 'ship', 'ships', 'vessel', 'vessels', 'chip', 'chips', 'processor', 'processors', 'launcher',
  'launchers', 'howitzer', 'howitzers', 'rifle', 'rifles',
]);
/** Nouns for programmes, after which a name the detector did not read is the programme's ("the Replicator program"). */
const PROGRAMME_NOUNS = new Set(['programme', 'programmes', 'program', 'programs', 'project', 'projects', 'mission', 'missions', 'initiative', 'initiatives', 'scheme', 'schemes']);
/** A capitalised word, or a model's letters and number ("F-16", "Su-57"). */
const PRODUCT_WORD_AT = /\p{Lu}[\p{L}\p{N}]*(?:-\p{N}+\p{Lu}?)?(?![\p{L}\p{N}'’-])/uy;
const LOWER_WORD_AT = /[a-z]+(?![\p{L}\p{N}-])/uy;
/** A lower-case word right before: the capital that follows is a name's, not a sentence's ("needs Patriot missiles"). */
const AFTER_LOWER_WORD = /\p{Ll}[,]?[ \t]$/u;
const HAS_DIGIT = /\d/;
/** Armed services and bodies whose vessels and aircraft are theirs, not products ("Navy ships", "Coast Guard vessels"). */
const SERVICE_WORDS = new Set(['Navy', 'Army', 'Air', 'Force', 'Guard', 'Coast', 'Police', 'Marine', 'Marines', 'Border', 'Naval', 'Royal', 'Fleet']);
const ACRONYM = /^\p{Lu}{2,6}$/u;
/** At most this many distinct product names are checked for other mentions (each costs one pass). */
const MAX_PRODUCTS = 16;

/**
 * "TGV trains", "the big Neopanamax ships": one word before a vehicle's, weapon's or chip's noun at every one of
 * its mentions is the product's name. A word in capitals or a model's number that the detector read as an
 * organization, or a word it did not read at all after a lower-case word ("Patrol ships" opens a sentence), is
 * taken; a person, a place, and a name in mixed case read as an organization (a maker: "Huawei chips") are left alone.
 */
function productNames(text: string, sorted: readonly Span[], starts: readonly number[]): Candidate[] {
  const byStart = new Map<number, Span>();
  const found: { start: number; end: number; word: string }[] = [];
  let skipUntil = -1;
  for (const start of starts) {
    if (start < skipUntil || !nounWithin(text, start)) continue;
    const first = wordAt(text, start, PRODUCT_WORD_AT);
    if (first < 0) continue;
    // one word before the noun, or two ("Storm Shadow missiles"); a sentence's opener is no word of the name ("The TGV trains")
    let end = first;
    let noun = nounAfter(text, first);
    if (!noun) {
      const second = text[first] === ' ' || text[first] === '\t' ? wordAt(text, first + 1, PRODUCT_WORD_AT) : -1;
      if (second < 0 || OPENERS.has(text.slice(start, first))) continue;
      noun = nounAfter(text, second);
      if (!noun) continue;
      end = second;
      skipUntil = second;
    }
    const word = text.slice(start, end);
    if (byStart.size === 0) for (const s of sorted) byStart.set(s.start, s);
    const there = byStart.get(start);
    const words = word.split(/[ \t]/);
    if (words.some((w) => SERVICE_WORDS.has(w))) continue;
    // a word in capitals or a model's number is a product's name even where the detector read a maker's
    const designation = noun === 'vehicle' && (ACRONYM.test(word) || HAS_DIGIT.test(word));
    if (there) {
      if (there.end !== end || !(there.type === 'MISC' || (there.type === 'ORG' && designation))) continue;
    } else {
      if (overlapsSorted(sorted, start, end)) continue;
      // a capital is a name's when a lower-case word comes right before it ("needs Patriot missiles", "the big Neopanamax
      // ships"), not a sentence's ("Patrol ships left")
      if (!designation && !AFTER_LOWER_WORD.test(text.slice(Math.max(0, start - 3), start))) continue;
    }
    found.push({ start, end, word });
  }
  if (found.length === 0) return [];
  // every mention of the word names the product: a maker named elsewhere on its own ("SNCF said") is the maker
  const everywhere = new Map<string, boolean>();
  for (const f of found) {
    if (everywhere.has(f.word) || everywhere.size >= MAX_PRODUCTS) continue;
    let all = true;
    for (let at = text.indexOf(f.word); at >= 0 && all; at = text.indexOf(f.word, at + f.word.length)) {
      if (isWordChar(text[at - 1]) || isWordChar(text[at + f.word.length])) continue;
      all = nounAfter(text, at + f.word.length) !== undefined;
    }
    everywhere.set(f.word, all);
  }
  return found.filter((f) => everywhere.get(f.word)).map((f) => ({ start: f.start, end: f.end, type: 'MISC' as const, overridesPerson: true }));
}

/**
 * Whether a vehicle's or a programme's noun comes after the word at `start` or the word after it: a quick look
 * by character codes, which most capitalised words fail at once, before the expressions read the words.
 */
function nounWithin(text: string, start: number): boolean {
  let k = start;
  for (let word = 0; word < 2; word++) {
    while (k < text.length && isNameCode(text.charCodeAt(k))) k++;
    if (text[k] !== ' ' && text[k] !== '\t') return false;
    const c = text.charCodeAt(k + 1);
    if (c >= 97 && c <= 122) return nounAfter(text, k) !== undefined;
    k++;
  }
  return false;
}

/** A letter, a digit or a hyphen, in ASCII or beyond (a word of a product's name). */
function isNameCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c > 127;
}

/** The end of the word that `re` (sticky) reads at `at`, or -1. */
function wordAt(text: string, at: number, re: RegExp): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/** Whether a space or a tab and a vehicle's or a programme's noun come at `at`. */
function nounAfter(text: string, at: number): 'vehicle' | 'programme' | undefined {
  if (text[at] !== ' ' && text[at] !== '\t') return undefined;
  const end = wordAt(text, at + 1, LOWER_WORD_AT);
  if (end < 0) return undefined;
  const noun = text.slice(at + 1, end);
  return VEHICLE_NOUNS.has(noun) ? 'vehicle' : PROGRAMME_NOUNS.has(noun) ? 'programme' : undefined;
}

/** The positions of CAPITAL_START's quotation marks and capitals, and the text's first capital. */
function capitalStarts(text: string): number[] {
  const out: number[] = [];
  if (/^["“‘]?[A-Z\u00C0-\u00DE]/.test(text)) out.push(0);
  for (const m of text.matchAll(CAPITAL_START)) out.push(m.index + 1);
  return out;
}

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/** Nouns for people and bodies of a party or a nation, after which a capitalised adjective is the group's ("Socialist deputies"). */
const MEMBER_NOUNS = new Set([
  'deputies', 'lawmakers', 'legislators', 'senators', 'voters', 'members', 'candidates', 'leaders', 'supporters', 'politicians',
  'ministers', 'officials', 'activists', 'delegates', 'councillors', 'councilors', 'party', 'parties', 'government',
  'governments', 'majority', 'minority', 'opposition', 'colleagues', 'rebels', 'hardliners', 'moderates',
]);
/** The endings of group and nationality adjectives ("Socialist", "Conservative", "Republican", "Democratic", "Kurdish"). */
const GROUP_ADJECTIVE = /^\p{Lu}\p{Ll}+(?:ist|ive|an|ic|ese|ish)$/u;
/** A lower-case word or a number right before: the capital is a name's, not a sentence's ("40 Socialist deputies"). */
const AFTER_WORD_OR_NUMBER = /[\p{Ll}\d][,]?[ \t]$/u;

/**
 * "at least 40 Socialist deputies", "Conservative voters": a capitalised group adjective the detector did not
 * read, in mid-sentence and before a noun for a party's or a nation's people, is MISC (the guidelines: a party's
 * adjective and member nouns are MISC; its full name is an organization, left as the detector read it).
 */
function groupAdjectives(text: string, sorted: readonly Span[], starts: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  for (const start of starts) {
    // a quick look by character codes first: a short word, a space, a lower-case word
    let end = start;
    while (end < text.length && end - start <= 20 && isNameCode(text.charCodeAt(end))) end++;
    if (end - start > 20 || (text[end] !== ' ' && text[end] !== '\t') || !isLowerAscii(text.charCodeAt(end + 1))) continue;
    let nounEnd = end + 1;
    while (nounEnd < text.length && nounEnd - end <= 14 && isLowerAscii(text.charCodeAt(nounEnd))) nounEnd++;
    if (!MEMBER_NOUNS.has(text.slice(end + 1, nounEnd)) || isWordChar(text[nounEnd])) continue;
    const word = text.slice(start, end);
    if (!GROUP_ADJECTIVE.test(word) || !AFTER_WORD_OR_NUMBER.test(text.slice(Math.max(0, start - 3), start))) continue;
    if (overlapsSorted(sorted, start, end)) continue;
    out.push({ start, end, type: 'MISC' });
  }
  return out;
}

/**
 * "the Hague summit": a place the detector found, then the lower-case word summit. A city whose name keeps its
 * "The" ("at The Hague summit") names the same event as "the Hague summit": one canonical form for both, the
 * guidelines' "Hague summit", so that the article's mentions of it read as one entity everywhere.
 */
function citySummits(text: string, sorted: readonly Span[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of sorted) {
    if (s.type !== 'PLACE' || !SUMMIT_AFTER.test(text.slice(s.end, s.end + 8))) continue;
    const name = text.slice(s.start, s.end + 7);
    out.push({ start: s.start, end: s.end + 7, type: 'MISC', canonical: name.replace(LEADING_THE, '') });
  }
  return out;
}

const LEADING_THE = /^(?:The|THE)[ \t]+/;

/**
 * The names the cues introduce: "a programme called Security Action for Europe", "the documentary Casa de Todas",
 * "Eli Lilly's drug Zepbound".
 */
function cuedNames(text: string, sorted: readonly Span[], starts: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  let read: Map<number, Span> | undefined;
  for (const at of starts) {
    // the lower-case word before, across spaces and tabs
    let end = at - (text[at - 1] === ' ' || text[at - 1] === '\t' ? 1 : at + 1);
    if (end < 0) continue;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t') && at - end < 4) end--;
    let begin = end;
    while (begin > 0 && end - begin < 14 && isLowerAscii(text.charCodeAt(begin - 1))) begin--;
    if (begin === end || (begin > 0 && isWordChar(text[begin - 1]))) continue;
    const word = text.slice(begin, end);
    if (CALLED_VERBS.has(word) || (word === 'as' && KNOWN_BEFORE.test(text.slice(Math.max(0, begin - 9), begin)))) {
      // "a programme called …", "an exercise known as …"
      const verb = word === 'as' ? text.lastIndexOf('known', begin) : begin;
      if (CALLED_NOUN.test(text.slice(Math.max(0, verb - 24), verb))) out.push(...titleAt(text, at, CONNECTORS));
      continue;
    }
    if (text[begin - 1] === '-') continue;
    if (WORK_NOUNS.has(word)) {
      // a verb before the noun makes it no cue ("to book Madrid hotels")
      if (!VERB_BEFORE.test(text.slice(Math.max(0, begin - 12), begin))) out.push(...titleAt(text, at, TITLE_SMALL));
      continue;
    }
    if (!MEDICINE_NOUNS.has(word) || !STARTS_UPPER.test(text[at])) continue;
    // a person or a place the detector read after a medicine's noun is no product ("the vaccine Britain bought")
    const there = (read ??= new Map(sorted.map((s) => [s.start, s]))).get(at);
    if (there?.type === 'PERSON' || there?.type === 'PLACE') continue;
    const found = titleAt(text, at, NO_WORDS);
    // a lower-case word right after makes the name a clause's subject ("the drug Ministers approved"), unless a small word
    const next = NEXT_LOWER_WORD.exec(text.slice(found[0]?.end ?? at, (found[0]?.end ?? at) + 16));
    if (next && !AFTER_PRODUCT.has(next[1])) continue;
    out.push(...found);
  }
  return out;
}

const NEXT_LOWER_WORD = /^[ \t]+(\p{Ll}+)/u;
/** Words that may follow a medicine's or an app's name in prose ("the drug Zepbound for sleep apnoea", "… was approved"). */
const AFTER_PRODUCT = new Set([
  'for', 'in', 'to', 'at', 'on', 'is', 'was', 'has', 'had', 'will', 'would', 'can', 'could', 'and', 'or', 'from', 'with', 'by',
  'as', 'which', 'that', 'were', 'are', 'have', 'been', 'may', 'might', 'should', 'must', 'against', 'after', 'before', 'since',
]);

const NO_WORDS: ReadonlySet<string> = new Set();

/** A title at `at`: the words inside quotation marks, or a run of capitalised words (and small words inside). */
function titleAt(text: string, at: number, small: ReadonlySet<string>): Candidate[] {
  const open = text[at];
  if (open === '"' || open === '“' || open === '‘') {
    const close = open === '"' ? '"' : open === '“' ? '”' : '’';
    // looked for within a title's length: a page of unclosed quotation marks costs no more than its length
    const inside = text.slice(at + 1, at + 81).indexOf(close);
    const end = inside < 0 ? -1 : at + 1 + inside;
    if (end < 0 || text.slice(at + 1, end).includes('\n') || !STARTS_UPPER.test(text[at + 1] ?? '')) return [];
    return [{ start: at + 1, end, type: 'MISC', overridesPerson: true }];
  }
  const end = capitalisedRun(text, at, small);
  if (end <= at) return [];
  // a run the cue noun itself opens with an article is no title of a work when it stops at the article
  const title = text.slice(at, end);
  if (OPENERS.has(title)) return [];
  return [{ start: at, end, type: 'MISC', overridesPerson: true }];
}

/** "its Phase 3 HARBOR trial": a word in capitals naming a trial or a study. */
function studiesInCapitals(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(CAPITALS_STUDY)) {
    if (IN_WORD.test(text[m.index - 1] ?? ' ')) continue;
    out.push({ start: m.index, end: m.index + m[1].length, type: 'MISC', overridesPerson: true });
  }
  return out;
}

/**
 * The other mentions of the cued names, at word boundaries: a one-word title only where the detector read no
 * person ("Rathlin" the film beside no one so named). At most MAX_TITLES names, one pass each.
 */
function otherMentions(text: string, cued: readonly Candidate[], sorted: readonly Span[]): Candidate[] {
  const titles = new Set<string>();
  for (const c of cued) {
    if (titles.size >= MAX_TITLES) break;
    titles.add(text.slice(c.start, c.end));
  }
  const persons = new Set(sorted.filter((s) => s.type === 'PERSON').map((s) => s.text));
  const out: Candidate[] = [];
  for (const title of titles) {
    if (title.length < 3 || (!/\s/.test(title) && persons.has(title))) continue;
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + title.length)) {
      if (isWordChar(text[at - 1]) || isWordChar(text[at + title.length])) continue;
      out.push({ start: at, end: at + title.length, type: 'MISC', overridesPerson: true });
    }
  }
  return out;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && WORD_CHAR.test(c);
}

/**
 * The candidates put in place of the names inside them, longest first where they overlap; a candidate that
 * would cut through a name is not made.
 */
function merged(text: string, sorted: Span[], candidates: Candidate[]): Span[] {
  if (candidates.length === 0) return sorted;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const removed = new Set<Span>();
  const added: Span[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd || c.end - c.start < 2) continue;
    // the detector's names do not overlap: sorted by start, their ends are sorted too
    const lo = firstEndingAfter(sorted, c.start);
    const inside: Span[] = [];
    let crossing = false;
    for (let k = lo; k < sorted.length && sorted[k].start < c.end; k++) {
      const s = sorted[k];
      if (s.start < c.start || s.end > c.end) crossing = true;
      inside.push(s);
    }
    if (crossing) continue;
    const surface = text.slice(c.start, c.end);
    const same = inside.length === 1 && inside[0].start === c.start && inside[0].end === c.end ? inside[0] : undefined;
    if (same) {
      // the detector found this name whole: its type is the head noun's
      // (a title the cue introduces is the title's, whatever the detector read: "the documentary Casa de Todas")
      if (same.type !== c.type && (same.type !== 'PERSON' || c.overridesPerson)) {
        same.type = c.type;
        same.canonical = c.canonical ?? surface.replace(/\s+/g, ' ');
      }
      lastEnd = c.end;
      continue;
    }
    for (const s of inside) removed.add(s);
    const span: Span = { start: c.start, end: c.end, type: c.type, text: surface, value: null, canonical: c.canonical ?? surface.replace(/\s+/g, ' ') };
    made.add(span);
    added.push(span);
    lastEnd = c.end;
  }
  if (added.length === 0) return sorted;
  return [...sorted.filter((s) => !removed.has(s)), ...added].sort((a, b) => a.start - b.start);
}

/** Last words of newspapers' and broadcasters' names ("Financial Times", "Jerusalem Post"). */
const OUTLET_WORDS = new Set(['Times', 'Post', 'Journal', 'Herald', 'Telegraph', 'Tribune', 'Gazette', 'Chronicle', 'News', 'Mail', 'Express', 'Mirror', 'Observer', 'Inquirer', 'Monitor']);
/** A nationality's or a group's word: "American", "Korean", "Chinese", "British", "Israeli", "Islamic", "Dutch". */
const GROUP_WORD = /(?:an|ese|ish|i|ic|ch)$/;
/** The same, or their plurals ("Americans 3, Canadians 2" is a score). */
const GROUP_WORDS = /(?:an|ese|ish|i|ic|ch)s?$/i;
/** A model's or an edition's number right after a name: " 17e", " 100", " 2028"; not a percentage, a decimal, a score or a ratio. */
const MODEL_NUMBER = /^[ \t]\d{1,4}[a-z]{0,2}(?![\p{L}\p{N}%/:–-]|[.,]\d)/u;
const ADMINISTRATION_AFTER = /^(?:['’]s)?[ \t]+administration\b/;

/**
 * Names the detector read as MISC that the guidelines give another type: a newspaper's name is an organization
 * ("told the Financial Times"), and a name before "administration" that is no nationality is a person ("the
 * Trump administration"; "the American administration" stays).
 */
function notMisc(text: string, spans: Span[]): void {
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    if (s.type !== 'MISC') continue;
    const model = MODEL_NUMBER.exec(text.slice(s.end, s.end + 10));
    if (model && !/\s|\d/.test(s.text) && !GROUP_WORDS.test(s.text) && !(spans[k + 1]?.start < s.end + model[0].length)) {
      // "iPhone 17e", "Nasdaq 100", "Euro 2028": a product's or an event's number is part of its name
      const end = s.end + model[0].length;
      const span: Span = { ...s, end, text: text.slice(s.start, end), canonical: text.slice(s.start, end) };
      made.add(span);
      spans[k] = span;
      continue;
    }
    const words = s.text.split(/\s+/);
    if (words.length > 1 && OUTLET_WORDS.has(words[words.length - 1])) s.type = 'ORG';
    else if (words.length === 1 && !GROUP_WORD.test(s.text) && ADMINISTRATION_AFTER.test(text.slice(s.end, s.end + 20))) s.type = 'PERSON';
  }
}

/**
 * "Security Action for Europe, or SAFE", "… (SAFE)": an abbreviation whose letters the MISC name before it
 * spells (as longForms reads an abbreviation in brackets) is that name, there and at each of its mentions.
 */
function withShortForms(text: string, spans: Span[]): Span[] {
  const shortForms = new Map<string, string>();
  const added: Span[] = [];
  let starts: Map<number, Span> | undefined;
  for (const s of spans) {
    if (s.type !== 'MISC' || !/\s/.test(s.text)) continue;
    const after = text.slice(s.end, s.end + 24);
    const m = OR_SHORT.exec(after) ?? BRACKET_SHORT.exec(after);
    if (!m || (!CAPITALS.test(m[1].replace(/&/g, '')) && !MIXED_ABBREVIATION.test(m[1]))) continue;
    const long = longFormBefore(text, s.end, m[1]);
    if (!long || long.start < s.start || long.end !== s.end) continue;
    const at = s.end + m.index + m[0].length - m[1].length;
    const canonical = s.canonical ?? s.text;
    shortForms.set(m[1], canonical);
    const there = (starts ??= new Map(spans.map((o) => [o.start, o]))).get(at);
    if (there && there.end === at + m[1].length) {
      there.type = 'MISC';
      there.canonical = canonical;
    } else if (!there && !overlapsSorted(spans, at, at + m[1].length)) {
      const span: Span = { start: at, end: at + m[1].length, type: 'MISC', text: m[1], value: null, canonical };
      added.push(span);
    }
  }
  if (shortForms.size === 0) return spans;
  for (const s of spans) {
    const canonical = shortForms.get(s.text);
    if (canonical) {
      s.type = 'MISC';
      s.canonical = canonical;
    }
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.start - b.start) : spans;
}

