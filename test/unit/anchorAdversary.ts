/**
 * Adversarial edit scripts for re-anchoring tests. Each trial cuts a few paragraphs from a sample
 * article, annotates a span, then applies random edits that tempt an anchor to jump: repeated and
 * near-repeated sentences, a copy of the paragraph pasted above, paragraph moves and deletes, copy
 * edits inside the quote, delete-then-undo. The true place of the annotated words is tracked through
 * every primitive edit, so a re-anchoring can be judged: on the true place, an orphan, or wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTarget, DEFAULT_CONTEXT_LENGTH } from '../../src/core/anchor/createTarget';
import { shiftAnchors, type AnchorMap, type LostAnchors } from '../../src/core/anchor/liveAnchors';
import { editedQuoteSimilarity, MIN_EDITED_QUOTE_SIMILARITY, reanchor } from '../../src/core/anchor/reanchor';
import type { TextEdit } from '../../src/core/anchor/shiftThroughEdits';
import { boundaryRuns } from '../../src/core/anchor/similarity';
import { TextHistory } from '../../src/core/anchor/textHistory';
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
  /**
   * The annotated words as the text shows them: followed through every edit, and moved to a copy when
   * an edit removed them while exactly one copy framed by the whole stored context stood elsewhere
   * (see `Script`). The judge's truth.
   */
  truth: Truth;
  /** The annotated words followed through the edits only, a copy never taking their place (the judge before transfers). */
  provenanceTruth?: Truth;
  /** How many times the words moved to a copy in this script. */
  transfers?: number;
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

/**
 * For measuring only (test/unit/anchorFrontier.ts `--framed-as-before`): also move the words to the one
 * copy framed, 32 characters each side, exactly as the words were at some moment before the edit that
 * removed them, even where that is not the stored context (a copy made after an edit next to the words).
 */
export const JUDGE_READING = { framedAsBefore: false };

/** Where one reading of the script puts the annotated words, and where a cut put them on the clipboard. */
interface Tracked { truth: Truth; clip?: { start: number; end: number; edited: boolean } }

/**
 * Carries a tracked range through one primitive edit, like an editor's range would: shifted by edits
 * before it, kept when an edit puts the same words back once, edited by an edit inside it, gone when
 * an edit removes it.
 */
function carry(truth: Truth, text: string, start: number, end: number, inserted: string): Truth {
  if (!truth) return undefined;
  const delta = inserted.length - (end - start);
  if (end <= truth.start && !(start === end && start > truth.start)) {
    return { ...truth, start: truth.start + delta, end: truth.end + delta };
  }
  // After the quote, or an insertion right at its end: the quote is unchanged.
  if (start >= truth.end) return truth;
  if (start <= truth.start && end >= truth.end) {
    // Replaced as a whole. An edit that puts the same words back once (moving a line, reformatting)
    // carries them; anything else removed them.
    const quote = text.slice(truth.start, truth.end);
    const at = truth.edited ? -1 : inserted.indexOf(quote);
    return at >= 0 && inserted.indexOf(quote, at + 1) < 0 ? { start: start + at, end: start + at + quote.length, edited: false } : undefined;
  }
  // Inside or across an edge: what survives, with the inserted text, is the edited quote.
  const newStart = Math.min(truth.start, start);
  const newEnd = truth.end > end ? truth.end + delta : start + inserted.length;
  return newEnd > newStart ? { start: newStart, end: newEnd, edited: true } : undefined;
}

/**
 * Where `text` holds the stored quote framed by the whole stored prefix and suffix (a side stored
 * shorter than the context length because the quote sat near an edge of the article: at that edge).
 */
export function wholeContextCopies(text: string, target: AnnotationTarget, contextLength = DEFAULT_CONTEXT_LENGTH): number[] {
  const { exact, prefix, suffix } = target;
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const prefixWhole = prefix.length < contextLength ? at === prefix.length : at >= prefix.length;
    const suffixWhole = suffix.length < contextLength ? end + suffix.length === text.length : end + suffix.length <= text.length;
    if (prefixWhole && suffixWhole && text.startsWith(prefix, at - prefix.length) && text.startsWith(suffix, end)) found.push(at);
  }
  return found;
}

/**
 * A script of primitive edits with the annotated words tracked two ways. `provenance` follows the
 * words through every edit and nothing else: a copy is never the annotated words. `observed` does the
 * same, except that when an edit deletes the words or rewrites them beyond recognition and, right
 * after it, exactly one other place holds the stored quote framed by the whole stored context, the
 * annotated words are that copy from then on: the text at that moment is, around that place, the text
 * that was annotated, and nothing (the text, a diff from the annotated text) can tell the copy from
 * the original. (The adversary's own case: paste a copy of the paragraph above the annotated one,
 * delete the original — the text is now byte for byte the one annotated — then edit a word next to
 * the copy: the final text is byte for byte that of the same edit next to the original.) An original
 * that was only edited keeps the words; so does one with several such copies, or copies with only part
 * of the context. Edits are chosen by the provenance reading, so both readings judge the same scripts.
 */
export class Script {
  readonly steps: Step[] = [];
  /** What a cut put on the clipboard. */
  private clipboard: string | undefined;
  private provenance: Tracked;
  private observed: Tracked;
  /** How the observed words were framed after each edit (for `JUDGE_READING.framedAsBefore`). */
  private readonly frames: AnnotationTarget[] = [];
  /** How many times the observed words moved to a copy (an undo puts the count back with the words). */
  transfers = 0;

  constructor(public text: string, truth: Truth, private readonly target: AnnotationTarget) {
    this.provenance = { truth };
    this.observed = { truth };
    this.frames.push(target);
  }

  /** The annotated words as followed through the edits (what the adversary aims at). */
  get truth(): Truth { return this.provenance.truth; }
  get provenanceTruth(): Truth { return this.provenance.truth; }
  get observedTruth(): Truth { return this.observed.truth; }

  /** Applies one primitive edit, tracking the annotated words like an editor's range would. */
  replace(start: number, end: number, inserted: string, moving = false): void {
    const before = this.text;
    this.text = before.slice(0, start) + inserted + before.slice(end);
    this.provenance = { ...this.provenance, truth: carry(this.provenance.truth, before, start, end, inserted) };
    const had = this.observed.truth;
    let truth = carry(had, before, start, end, inserted);
    // A cut that takes the words whole moves them (they come back with the paste), it does not delete them.
    if (had && this.removes(truth) && !(moving && this.observed.clip)) {
      const away = (at: number): boolean => !truth || at + this.target.exact.length <= truth.start || at >= truth.end;
      let copies = wholeContextCopies(this.text, this.target).filter(away);
      if (copies.length === 0 && JUDGE_READING.framedAsBefore) {
        // The measurement-only reading: a copy framed exactly as the words were at some moment before the edit.
        const places = new Set<number>();
        for (const frame of this.frames) for (const at of wholeContextCopies(this.text, frame)) if (away(at)) places.add(at);
        copies = [...places];
      }
      if (copies.length === 1) {
        truth = { start: copies[0], end: copies[0] + this.target.exact.length, edited: false };
        this.transfers++;
      }
    }
    this.observed = { ...this.observed, truth };
    if (JUDGE_READING.framedAsBefore && truth && !truth.edited) this.frames.push(createTarget(this.text, truth.start, truth.end));
    this.steps.push({ edit: { start, end, text: inserted }, after: this.text });
  }

  /** Whether the words are gone or rewritten beyond recognition. */
  private removes(truth: Truth): boolean {
    return !truth || (truth.edited && editedQuoteSimilarity(this.text.slice(truth.start, truth.end), this.target.exact) < MIN_EDITED_QUOTE_SIMILARITY);
  }

  cut(start: number, end: number): void {
    const onClipboard = (truth: Truth): Tracked['clip'] => (truth && truth.start >= start && truth.end <= end
      ? { start: truth.start - start, end: truth.end - start, edited: truth.edited } : undefined);
    this.clipboard = this.text.slice(start, end);
    this.provenance = { ...this.provenance, clip: onClipboard(this.provenance.truth) };
    this.observed = { ...this.observed, clip: onClipboard(this.observed.truth) };
    this.replace(start, end, '', true);
  }

  /** Undo of the last cut: the text comes back where it was, and with it the annotated words. */
  undoCut(at: number, before: { provenance: Truth; observed: Truth; transfers: number }): void {
    this.paste(at);
    this.steps[this.steps.length - 1].undo = true;
    if (before.provenance) this.provenance = { ...this.provenance, truth: before.provenance };
    if (before.observed) {
      this.observed = { ...this.observed, truth: before.observed };
      this.transfers = before.transfers;
    }
  }

  /** The tracked state an undo puts back. */
  checkpoint(): { provenance: Truth; observed: Truth; transfers: number } {
    return { provenance: this.provenance.truth, observed: this.observed.truth, transfers: this.transfers };
  }

  paste(at: number): void {
    const text = this.clipboard;
    if (text === undefined) return;
    this.replace(at, at, text);
    const restore = (tracked: Tracked): Tracked => (tracked.clip && !tracked.truth
      ? { ...tracked, truth: { start: at + tracked.clip.start, end: at + tracked.clip.end, edited: tracked.clip.edited } } : tracked);
    this.provenance = restore(this.provenance);
    this.observed = restore(this.observed);
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
      const before = script.checkpoint();
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

  const script = new Script(text, { start, end, edited: false }, createTarget(text, start, end));
  const kinds: string[] = [];
  const count = int(rnd, 1, 4);
  for (let k = 0; k < count; k++) {
    const kind = pick(rnd, EDIT_KINDS);
    kinds.push(kind);
    applyKind(script, kind, rnd, vocabulary);
  }
  return {
    original: text, start, end, steps: script.steps, final: script.text, truth: script.observedTruth,
    provenanceTruth: script.provenanceTruth, transfers: script.transfers, kinds,
  };
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

/** A way of re-anchoring an annotation made on `trial.original` in `trial.final`: where it lands, or undefined for an orphan. */
export type AnchorPath = (trial: Trial, target: AnnotationTarget) => { start: number; end: number } | undefined;

/** The live editor path, following one change event per edit. */
export function live(trial: Trial, target: AnnotationTarget): { start: number; end: number } | undefined {
  let anchors: AnchorMap = new Map([['a', { start: trial.start, end: trial.end }]]);
  const targets = new Map([['a', target]]);
  const lost: LostAnchors = new Map();
  let before = trial.original;
  for (const step of trial.steps) {
    const previous = before;
    anchors = shiftAnchors(anchors, [step.edit], () => step.after, targets, lost, () => previous, step.undo);
    before = step.after;
  }
  return anchors.get('a');
}

export function full(trial: Trial, target: AnnotationTarget): { start: number; end: number } | undefined {
  const result = reanchor(target, trial.final);
  return result.status === 'orphan' ? undefined : { start: result.start, end: result.end };
}

/** The full re-anchor with the text the annotation was made on at hand (the editor's snapshot, git's copy). */
export function withSnapshot(trial: Trial, target: AnnotationTarget): { start: number; end: number } | undefined {
  const history = new TextHistory(trial.final, (hash) => (hash === target.textHash ? trial.original : undefined));
  const result = reanchor(target, trial.final, { history });
  return result.status === 'orphan' ? undefined : { start: result.start, end: result.end };
}

/** The three paths, by the names the test prints. */
export const PATHS: readonly (readonly [string, AnchorPath])[] = [
  ['live editor path', live], ['full re-anchor', full], ['full re-anchor with the snapshot', withSnapshot],
];

/**
 * The judge before transfers: the annotated words are only ever those followed through the edits, so
 * landing on a copy that took their place is wrong even when the text cannot tell (see `Script`).
 */
export function judgeByProvenance(trial: Trial, target: AnnotationTarget, found: { start: number; end: number } | undefined): Outcome {
  return judge({ ...trial, truth: trial.provenanceTruth }, target, found);
}

/**
 * A landing on a copy by the full re-anchor where what it is given cannot tell, counted apart: the text
 * is byte for byte the one annotated (the stored offsets are the only answer), or, with the earlier
 * text, the annotated passage was one of two or more identical ones, all still there with their
 * whole stored context. The live path, which sees the edits, has no such excuse.
 */
export function undecidable(path: string, trial: Trial, target: AnnotationTarget, outcome: Outcome): string {
  if (outcome !== 'WRONG: onto a copy of the words' || path === 'live editor path') return outcome;
  if (trial.final === trial.original) return `${outcome} (text unchanged)`;
  if (path === 'full re-anchor with the snapshot' && framedPlaces(trial.original, target) > 1 && framedPlaces(trial.final, target) > 1) {
    return `${outcome} (one of two identical passages)`;
  }
  return outcome;
}

/** What an unnecessary orphan left at the true place: the exact or edited words, and how much of their stored context. */
export function whatIsLeft(trial: Trial, target: AnnotationTarget, truth = trial.truth!): string {
  const runs = boundaryRuns(trial.final, truth.start, truth.end, target.prefix, target.suffix);
  const whole = Number(runs.prefix === target.prefix.length) + Number(runs.suffix === target.suffix.length);
  const sides = ['neither context side whole', 'one context side whole', 'both context sides whole'][whole];
  return `${trial.final.slice(truth.start, truth.end) === target.exact ? 'exact' : 'edited'} words, ${sides}`;
}

/** How many places in `text` hold the quote with all of its stored context. */
function framedPlaces(text: string, target: AnnotationTarget): number {
  let count = 0;
  for (let at = text.indexOf(target.exact); at >= 0; at = text.indexOf(target.exact, at + 1)) {
    if (text.slice(Math.max(0, at - target.prefix.length), at) === target.prefix
      && text.slice(at + target.exact.length, at + target.exact.length + target.suffix.length) === target.suffix) count++;
  }
  return count;
}
