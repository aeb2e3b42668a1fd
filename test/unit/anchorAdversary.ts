/**
 * Adversarial edit scripts for re-anchoring tests. Each trial cuts a few paragraphs from a sample
 * article, annotates a span, then applies random edits that tempt an anchor to jump: repeated and
 * near-repeated sentences, a copy of the paragraph pasted above, paragraph moves and deletes, copy
 * edits inside the quote, delete-then-undo. The true place of the annotated words is tracked through
 * every primitive edit, so a re-anchoring can be judged: on the true place, an orphan, or wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editedQuoteSimilarity, MIN_EDITED_QUOTE_SIMILARITY } from '../../src/core/anchor/reanchor';
import type { TextEdit } from '../../src/core/anchor/shiftThroughEdits';
import { boundaryRuns } from '../../src/core/anchor/similarity';
import type { AnnotationTarget } from '../../src/core/sidecar/model';
import { seededRandom } from '../../src/core/util/seededRandom';

/** Deterministic PRNG, one per trial, seeded from the property seed. */
export const random = seededRandom;

/** Where the annotated words are: a range (edited when an edit landed inside it), or gone. */
export type Truth = { start: number; end: number; edited: boolean } | undefined;

/** One primitive edit of a script, with the text after it (for the live path); `undo` as the editor reports it. */
export interface Step { edit: TextEdit; after: string; undo?: boolean }

export interface Trial {
  original: string;
  start: number;
  end: number;
  steps: Step[];
  final: string;
  truth: Truth;
  /** The kinds of edit applied, for the printed breakdown. */
  kinds: string[];
}

export const EDIT_KINDS = [
  'insert words', 'delete range', 'replace range', 'duplicate sentence', 'near-duplicate sentence',
  'move paragraph', 'delete paragraph', 'copy edit in quote', 'delete then undo', 'paste paragraph copy above',
  'replace word near quote',
] as const;

let samples: string[] | undefined;

function sampleTexts(): string[] {
  if (!samples) {
    const dir = join(__dirname, '..', '..', 'samples');
    samples = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  }
  return samples;
}

interface Para { start: number; end: number }

function paragraphs(text: string): Para[] {
  const out: Para[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function sentences(text: string): Para[] {
  const out: Para[] = [];
  const re = /[^\n.!?]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim().length > 0) out.push({ start: m.index + lead, end: m.index + m[0].length });
  }
  return out;
}

function words(text: string, from = 0, to = text.length): Para[] {
  const out: Para[] = [];
  const re = /\S+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m && m.index + m[0].length <= to; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

class Script {
  readonly steps: Step[] = [];
  /** What a cut put on the clipboard and where the annotated words were inside it. */
  private clipboard: { text: string; quote?: { start: number; end: number; edited: boolean } } | undefined;

  constructor(public text: string, public truth: Truth) {}

  /** Applies one primitive edit, tracking the annotated words like an editor's range would. */
  replace(start: number, end: number, inserted: string): void {
    const truth = this.truth;
    const delta = inserted.length - (end - start);
    if (truth) {
      if (end <= truth.start && !(start === end && start > truth.start)) {
        this.truth = { ...truth, start: truth.start + delta, end: truth.end + delta };
      } else if (start >= truth.end) {
        // After the quote, or an insertion right at its end: the quote is unchanged.
      } else if (start <= truth.start && end >= truth.end) {
        // Replaced as a whole. An edit that puts the same words back once (moving a line, reformatting)
        // carries them; anything else removed them.
        const quote = this.text.slice(truth.start, truth.end);
        const at = truth.edited ? -1 : inserted.indexOf(quote);
        this.truth = at >= 0 && inserted.indexOf(quote, at + 1) < 0
          ? { start: start + at, end: start + at + quote.length, edited: false } : undefined;
      } else {
        // Inside or across an edge: what survives, with the inserted text, is the edited quote.
        const newStart = Math.min(truth.start, start);
        const newEnd = truth.end > end ? truth.end + delta : start + inserted.length;
        this.truth = newEnd > newStart ? { start: newStart, end: newEnd, edited: true } : undefined;
      }
    }
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    this.steps.push({ edit: { start, end, text: inserted }, after: this.text });
  }

  cut(start: number, end: number): void {
    const truth = this.truth;
    const quote = truth && truth.start >= start && truth.end <= end
      ? { start: truth.start - start, end: truth.end - start, edited: truth.edited } : undefined;
    this.clipboard = { text: this.text.slice(start, end), quote };
    this.replace(start, end, '');
  }

  /** Undo of the last cut: the text comes back where it was, and with it the annotated words. */
  undoCut(at: number, before: Truth): void {
    this.paste(at);
    this.steps[this.steps.length - 1].undo = true;
    if (before) this.truth = before;
  }

  paste(at: number): void {
    const clip = this.clipboard;
    if (!clip) return;
    this.replace(at, at, clip.text);
    if (clip.quote && !this.truth) this.truth = { start: at + clip.quote.start, end: at + clip.quote.end, edited: clip.quote.edited };
  }
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function int(rnd: () => number, min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

/** A paragraph boundary (the start of a paragraph) or the end of the text. */
function paragraphStarts(text: string): number[] {
  return [...paragraphs(text).map((p) => p.start), text.length];
}

const VARIANTS: [RegExp, string][] = [
  [/per cent/, 'percent'], [/percent/, 'per cent'], [/\bthe\b/, 'a'], [/\band\b/, '&'], [/,/, ''], [/’/, "'"],
  [/\b(\d+)\b/, '$1.0'], [/\bwould\b/, 'will'], [/\bsaid\b/, 'stated'],
];

/** One random edit of the given kind; the quote's neighbourhood is favoured, as that is where it matters. */
function applyKind(script: Script, kind: string, rnd: () => number, vocabulary: string[]): void {
  const text = script.text;
  const truth = script.truth;
  const near = (): number => {
    if (!truth || rnd() < 0.4) return int(rnd, 0, text.length);
    return Math.max(0, Math.min(text.length, int(rnd, truth.start - 60, truth.end + 60)));
  };
  const randomWords = (): string => Array.from({ length: int(rnd, 1, 6) }, () => pick(rnd, vocabulary)).join(' ');
  const sentenceList = sentences(text);
  const paraList = paragraphs(text);
  const quoteSentence = truth ? sentenceList.find((s) => s.start <= truth.start && s.end >= truth.end) : undefined;
  const quotePara = truth ? paraList.find((p) => p.start <= truth.start && p.end >= truth.end) : undefined;
  switch (kind) {
    case 'insert words': {
      const wordList = words(text);
      const at = wordList.length > 0 && rnd() < 0.8 ? pick(rnd, wordList).start : near();
      script.replace(at, at, randomWords() + ' ');
      break;
    }
    case 'delete range': {
      const at = near();
      script.replace(at, Math.min(text.length, at + int(rnd, 1, 80)), '');
      break;
    }
    case 'replace range': {
      const at = near();
      script.replace(at, Math.min(text.length, at + int(rnd, 1, 30)), randomWords());
      break;
    }
    case 'duplicate sentence':
    case 'near-duplicate sentence': {
      if (sentenceList.length === 0) return;
      const source = quoteSentence && rnd() < 0.6 ? quoteSentence : pick(rnd, sentenceList);
      let copy = text.slice(source.start, source.end);
      if (kind === 'near-duplicate sentence') {
        const wordList = words(copy);
        if (wordList.length === 0) return;
        const w = pick(rnd, wordList);
        copy = copy.slice(0, w.start) + pick(rnd, vocabulary) + copy.slice(w.end);
      }
      const boundaries = sentenceList.map((s) => s.start);
      const at = rnd() < 0.4 ? (rnd() < 0.5 ? source.start : source.end) : pick(rnd, boundaries);
      script.replace(at, at, at === source.end ? ' ' + copy : copy + ' ');
      break;
    }
    case 'move paragraph': {
      if (paraList.length < 2) return;
      const para = quotePara && rnd() < 0.6 ? quotePara : pick(rnd, paraList);
      const cutEnd = Math.min(text.length, para.end + 1);
      script.cut(para.start, cutEnd);
      const starts = paragraphStarts(script.text);
      let at = pick(rnd, starts);
      if (at === script.text.length && !script.text.endsWith('\n')) { script.replace(at, at, '\n'); at++; }
      script.paste(at);
      break;
    }
    case 'delete paragraph': {
      if (paraList.length < 2) return;
      const para = quotePara && rnd() < 0.6 ? quotePara : pick(rnd, paraList);
      script.replace(para.start, Math.min(text.length, para.end + 1), '');
      break;
    }
    case 'copy edit in quote': {
      if (!truth) return;
      const quote = text.slice(truth.start, truth.end);
      const variants = VARIANTS.filter(([re]) => re.test(quote));
      if (variants.length > 0 && rnd() < 0.7) {
        const [re, by] = pick(rnd, variants);
        const m = re.exec(quote)!;
        const replacement = m[0].replace(re, by);
        script.replace(truth.start + m.index, truth.start + m.index + m[0].length, replacement);
      } else {
        const wordList = words(text, truth.start, truth.end).filter((w) => w.start > truth.start || w.end < truth.end);
        if (wordList.length === 0) return;
        const w = pick(rnd, wordList);
        script.replace(w.start, w.end, pick(rnd, vocabulary));
      }
      break;
    }
    case 'delete then undo': {
      const around = truth && rnd() < 0.7
        ? { start: Math.max(0, truth.start - int(rnd, 0, 40)), end: Math.min(text.length, truth.end + int(rnd, 0, 40)) }
        : (() => { const at = near(); return { start: at, end: Math.min(text.length, at + int(rnd, 1, 80)) }; })();
      const before = script.truth;
      script.cut(around.start, around.end);
      script.undoCut(around.start, before);
      break;
    }
    case 'paste paragraph copy above': {
      const para = quotePara ?? (paraList.length > 0 ? pick(rnd, paraList) : undefined);
      if (!para) return;
      const copy = text.slice(para.start, para.end) + '\n';
      script.replace(para.start, para.start, copy);
      break;
    }
    case 'replace word near quote': {
      if (!truth) return;
      const wordList = words(text, Math.max(0, truth.start - 40), Math.min(text.length, truth.end + 40))
        .filter((w) => w.end <= truth.start || w.start >= truth.end);
      if (wordList.length === 0) return;
      const w = pick(rnd, wordList);
      script.replace(w.start, w.end, pick(rnd, vocabulary));
      break;
    }
  }
}

/** One trial: a text, an annotated span, and one to four random edits. */
export function makeTrial(seed: number): Trial {
  const rnd = random(seed);
  const article = pick(rnd, sampleTexts());
  const paras = paragraphs(article);
  // A window of a few paragraphs keeps trials quick while leaving room for repeats and moves.
  const first = int(rnd, 0, Math.max(0, paras.length - 1));
  let last = first;
  while (last + 1 < paras.length && paras[last].end - paras[first].start < 1500 + rnd() * 2500) last++;
  let text = article.slice(paras[first].start, paras[last].end) + '\n';
  const vocabulary = words(article).map((w) => article.slice(w.start, w.end)).slice(0, 2000);

  // Repeats present already when the analyst annotates: a sentence or a paragraph copied elsewhere.
  if (rnd() < 0.3) {
    const unit = rnd() < 0.5 ? sentences(text) : paragraphs(text);
    if (unit.length > 0) {
      const source = pick(rnd, unit);
      const copy = text.slice(source.start, source.end);
      const starts = paragraphStarts(text);
      const at = pick(rnd, starts);
      text = text.slice(0, at) + copy + '\n' + text.slice(at);
    }
  }

  // The annotated span: a run of words inside one sentence, sometimes the whole sentence, sometimes a figure.
  const sentenceList = sentences(text).filter((s) => s.end - s.start >= 3);
  const sentence = pick(rnd, sentenceList);
  const wordList = words(text, sentence.start, sentence.end);
  let start: number;
  let end: number;
  const figure = /\d[\d.,]*\s?(?:per ?cent|%|percent)(?: of [a-z]+ [a-z]+)?/g;
  const figures = [...text.matchAll(figure)];
  if (figures.length > 0 && rnd() < 0.15) {
    const m = pick(rnd, figures);
    start = m.index;
    end = m.index + m[0].length;
  } else if (rnd() < 0.2 || wordList.length < 2) {
    start = sentence.start;
    end = sentence.end;
  } else {
    const i = int(rnd, 0, wordList.length - 1);
    const j = Math.min(wordList.length - 1, i + int(rnd, 0, 8));
    start = wordList[i].start;
    end = wordList[j].end;
  }

  const script = new Script(text, { start, end, edited: false });
  const kinds: string[] = [];
  const count = int(rnd, 1, 4);
  for (let k = 0; k < count; k++) {
    const kind = pick(rnd, EDIT_KINDS);
    kinds.push(kind);
    applyKind(script, kind, rnd, vocabulary);
  }
  return { original: text, start, end, steps: script.steps, final: script.text, truth: script.truth, kinds };
}

export type Outcome = 'on the true words' | 'the stored quote within the edited words' | 'WRONG: onto a copy of the words' | 'WRONG: other words' | 'indistinguishable copy' | 'orphan: words gone' | 'orphan: words rewritten'
  | 'orphan: ambiguous' | 'orphan: a copy with context fits as well' | 'orphan: quote repeated' | 'orphan: unnecessary';

/**
 * Judges a result against the tracked truth. Landing anywhere but the true range is wrong (an edited
 * quote's true range is the tracked one). An orphan is necessary when the words are gone, rewritten
 * beyond recognition, or ambiguous: the same quote appears elsewhere in the final text with the same
 * 16 characters on one side.
 */
export function judge(trial: Trial, target: AnnotationTarget, found: { start: number; end: number } | undefined): Outcome {
  const { truth, final } = trial;
  if (found) {
    if (truth && found.start === truth.start && found.end === truth.end) return 'on the true words';
    // The stored quote, whole, inside the range an edit next to it widened (a cut across its edge, undone).
    if (truth?.edited && found.start >= truth.start && found.end <= truth.end && final.slice(found.start, found.end) === target.exact) {
      return 'the stored quote within the edited words';
    }
    // The edits rebuilt, elsewhere or in place, the quote with every character of context it was stored
    // with (a copy pasted above, then the original deleted): nothing in the text can tell them apart.
    // The same when the whole stored context frames edited words (the copy edited, or the edit made
    // before the copy): the final text holds the strongest evidence there is at the found place, and
    // only the edit history, which a re-anchor from disk does not see, says the words are elsewhere.
    const framedWhole = final.slice(Math.max(0, found.start - target.prefix.length), found.start) === target.prefix
      && final.slice(found.end, found.end + target.suffix.length) === target.suffix;
    if (framedWhole && !isStoredPlace(final, truth, target)) return 'indistinguishable copy';
    // A copy of the annotated words (exact, or the same edit as the true words) survived while the true
    // words were deleted or changed: wrong, but told apart from landing on other words.
    const landed = final.slice(found.start, found.end);
    const trueWords = truth ? final.slice(truth.start, truth.end) : undefined;
    if (landed === target.exact || landed === trueWords || editedQuoteSimilarity(landed, target.exact) >= MIN_EDITED_QUOTE_SIMILARITY) {
      return 'WRONG: onto a copy of the words';
    }
    return 'WRONG: other words';
  }
  if (!truth) return 'orphan: words gone';
  const words = final.slice(truth.start, truth.end);
  if (truth.edited && editedQuoteSimilarity(words, target.exact) < MIN_EDITED_QUOTE_SIMILARITY) return 'orphan: words rewritten';
  if (isAmbiguous(final, truth.start, truth.end)) return 'orphan: ambiguous';
  // Another place holds the stored words, or the words as edited, exactly or nearly, next to 16
  // characters of their context and with at least as much of the stored context around it: the text
  // and its diff from the annotated one are also those of the opposite script (annotate, paste a copy
  // of the paragraph above, edit the words in the lower one; against: annotate, paste an edited copy
  // below), so neither place can be told to be the annotated one.
  if (hasRivalWithContext(final, truth, target)) return 'orphan: a copy with context fits as well';
  // Without the edits (the full re-anchor), a quote that appears more than once is only attached where
  // its context settles it; these orphans are counted apart from those of a quote that is unique.
  const quote = final.slice(truth.start, truth.end);
  if (final.indexOf(quote) !== truth.start || final.indexOf(quote, truth.start + 1) >= 0) return 'orphan: quote repeated';
  return 'orphan: unnecessary';
}

/** Whether the true place still has the quote and all its stored context (then it was distinguishable). */
function isStoredPlace(text: string, truth: Trial['truth'], target: AnnotationTarget): boolean {
  if (!truth) return false;
  return text.slice(truth.start - target.prefix.length, truth.end + target.suffix.length) === target.prefix + target.exact + target.suffix;
}

function isAmbiguous(text: string, start: number, end: number): boolean {
  const quote = text.slice(start, end);
  const before = text.slice(Math.max(0, start - 16), start);
  const after = text.slice(end, end + 16);
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (at === start) continue;
    if (text.slice(Math.max(0, at - 16), at) === before || text.slice(at + quote.length, at + quote.length + 16) === after) return true;
  }
  return false;
}

/** The 16 characters of context a rival must have verbatim on one side. */
const RIVAL_CONTEXT = 16;

/**
 * Whether a place away from the true words holds the stored quote or the true words, exactly or edited
 * (at least MIN_EDITED_QUOTE_SIMILARITY like the stored quote), with RIVAL_CONTEXT characters of context
 * verbatim on one side (those of the stored context, or those now next to the true words), and with at
 * least as many characters of the stored context verbatim around it as the true words have.
 */
export function hasRivalWithContext(text: string, truth: { start: number; end: number }, target: AnnotationTarget): boolean {
  const words = text.slice(truth.start, truth.end);
  const quotes = [...new Set([target.exact, words])];
  const heads = new Set([target.prefix.slice(-RIVAL_CONTEXT), text.slice(Math.max(0, truth.start - RIVAL_CONTEXT), truth.start)]);
  const tails = new Set([target.suffix.slice(0, RIVAL_CONTEXT), text.slice(truth.end, truth.end + RIVAL_CONTEXT)]);
  const evidence = (start: number, end: number): number => {
    const runs = boundaryRuns(text, start, end, target.prefix, target.suffix);
    return runs.prefix + runs.suffix;
  };
  const truthEvidence = evidence(truth.start, truth.end);
  const away = (start: number, end: number): boolean => (end <= truth.start || start >= truth.end) && evidence(start, end) >= truthEvidence;
  for (const head of heads) {
    if (head.length < RIVAL_CONTEXT) continue;
    for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
      const start = at + head.length;
      for (const quote of quotes) {
        const end = start + bestEnd(text.slice(start, start + Math.ceil(quote.length * 1.6) + 8), quote);
        if (end > start && away(start, end) && fits(text.slice(start, end), quote, target)) return true;
      }
    }
  }
  for (const tail of tails) {
    if (tail.length < RIVAL_CONTEXT) continue;
    for (let at = text.indexOf(tail); at >= 0; at = text.indexOf(tail, at + 1)) {
      for (const quote of quotes) {
        const from = Math.max(0, at - Math.ceil(quote.length * 1.6) - 8);
        const start = at - bestEnd(reverse(text.slice(from, at)), reverse(quote));
        if (at > start && away(start, at) && fits(text.slice(start, at), quote, target)) return true;
      }
    }
  }
  return false;
}

function fits(region: string, quote: string, target: AnnotationTarget): boolean {
  return region === quote || editedQuoteSimilarity(region, target.exact) >= MIN_EDITED_QUOTE_SIMILARITY;
}

/** The length of the prefix of `text` closest (by edit distance, then by length) to `pattern`. */
function bestEnd(text: string, pattern: string): number {
  let row = Array.from({ length: text.length + 1 }, (_, j) => j);
  for (let i = 1; i <= pattern.length; i++) {
    const next = [i];
    for (let j = 1; j <= text.length; j++) {
      next[j] = Math.min(row[j - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1), row[j] + 1, next[j - 1] + 1);
    }
    row = next;
  }
  let best = 0;
  for (let j = 1; j <= text.length; j++) if (row[j] < row[best]) best = j;
  return best;
}

function reverse(text: string): string {
  return text.split('').reverse().join('');
}
