import type { Sentence, Token } from '../../text/tokenize';
import type { NameDetector, NameMention } from '../types';
import { transitionsInListOrder, viterbi } from './decode';
import { type ConsistencyOptions, harmonize } from './consistency';
import type { EmissionTable } from './emissionTable';
import { segment } from './segment';
import { FEATURE_SLOTS, type FeatureReuse, ONE_WORD_SLOTS, WORD_IN_PLACE_SLOTS, WordValues, extractFeatures } from './features';
import { WordSums } from './wordSums';
import type { Lexicon } from './lexicon';
import { SEQUENCE_SEED, lowerHash, sequenceKey } from './lexicon';
import { tokenize } from '../../text/tokenize';
import { emissionScores } from './scoring';
import { tokenSpans, toMentions, type TokenSpan } from './spans';
import { type DocumentKeys, NL_SLOTS, emptyKeys, nonLocalFeatures } from './nonLocal';
import { ENTITY_TYPES, type TagSet } from './tagScheme';

/** A word of letters only: one token (compiled once; see the note on Unicode-property expressions in extract.ts). */
const ONE_WORD = /^\p{L}+$/u;

/** Weights in the form decoding needs them. */
export interface TaggerWeights {
  tagSet: TagSet;
  /** rows × tagSet.size */
  emission: Float32Array | Float64Array;
  /** (tagSet.size + 1) × tagSet.size, last row = sentence start */
  transitions: Float32Array | Float64Array;
}

/**
 * Tags every sentence of a document. `rows` holds `slots` weight rows per token (-1 = none).
 * Returns one tag per token and, per token, the margin of its tag over the best tag of another type.
 * With `store`, each token's emission scores are kept there (tokenCount × tags) for a second pass.
 */
export function tagDocument(
  rows: Int32Array, sentences: Sentence[], weights: TaggerWeights, tokenCount: number, slots = FEATURE_SLOTS, store?: Float64Array,
): { tags: Int32Array; margins: Float64Array } {
  const { size, tags, margins, longest, scratch } = documentBuffers(sentences, weights, tokenCount);
  const emissions = new Float64Array(longest * size);
  for (const s of sentences) {
    const n = s.last - s.first;
    emissionScores(rows, slots, s.first, s.last, weights.emission, size, emissions);
    if (store) store.set(emissions.subarray(0, n * size), s.first * size);
    decodeSentence(emissions, n, s.first, weights, scratch, tags, margins);
  }
  return { tags, margins };
}

/** The tags and margins of a whole document, and the decoding scratch sized for its longest sentence. */
function documentBuffers(sentences: Sentence[], weights: Pick<TaggerWeights, 'tagSet' | 'transitions'>, tokenCount: number) {
  let longest = 0;
  for (const s of sentences) longest = Math.max(longest, s.last - s.first);
  return {
    size: weights.tagSet.size, tags: new Int32Array(tokenCount), margins: new Float64Array(tokenCount),
    longest, scratch: decodeScratch(longest, weights),
  };
}

/**
 * Decodes every sentence of a document from emission scores already computed for all its tokens
 * (tokenCount × tags, as `NameTagger.emissions` makes them): the tagging `tagDocument` gives.
 */
export function decodeDocument(
  emissions: Float64Array, sentences: Sentence[], weights: Pick<TaggerWeights, 'tagSet' | 'transitions'>, tokenCount: number,
): { tags: Int32Array; margins: Float64Array } {
  const { size, tags, margins, scratch } = documentBuffers(sentences, weights, tokenCount);
  for (const s of sentences) {
    decodeSentence(emissions.subarray(s.first * size, s.last * size), s.last - s.first, s.first, weights, scratch, tags, margins);
  }
  return { tags, margins };
}

interface DecodeScratch { path: Int32Array; score: Float64Array; back: Int32Array; types: Int8Array; weight: Float64Array }

/** Buffers for decoding sentences of up to `longest` tokens with these weights (which must not change meanwhile). */
function decodeScratch(longest: number, weights: Pick<TaggerWeights, 'tagSet' | 'transitions'>): DecodeScratch {
  const tagSet = weights.tagSet;
  const types = new Int8Array(tagSet.size);
  for (let t = 0; t < tagSet.size; t++) types[t] = tagSet.typeOf(t);
  return {
    path: new Int32Array(longest), score: new Float64Array(longest * tagSet.size), back: new Int32Array(longest * tagSet.size), types,
    weight: transitionsInListOrder(weights.transitions, tagSet),
  };
}

function decodeSentence(emissions: Float64Array, n: number, first: number, weights: Pick<TaggerWeights, 'tagSet' | 'transitions'>, scratch: DecodeScratch, tags: Int32Array, margins: Float64Array): void {
  const size = weights.tagSet.size;
  const { path, types } = scratch;
  viterbi(emissions, n, weights.transitions, weights.tagSet, path, scratch);
  const allowed = weights.tagSet.allowed;
  for (let i = 0; i < n; i++) {
    const chosen = path[i];
    const type = types[chosen];
    // the rival is the best tag of another type that could stand here after the previous tag: an
    // inside tag scores high wherever its type is likely, but cannot follow O
    const prev = i === 0 ? size : path[i - 1];
    let rival = -Infinity;
    for (let t = 0; t < size; t++) {
      if (types[t] !== type && allowed[prev * size + t] && emissions[i * size + t] > rival) rival = emissions[i * size + t];
    }
    tags[first + i] = chosen;
    margins[first + i] = emissions[i * size + chosen] - rival;
  }
}

/**
 * The second pass: non-local features from the first pass's decisions (see nonLocal.ts) are added to the
 * stored first-pass emissions, and the sentences they touch are decoded again; `tags` and `margins`
 * change in place. `rowOf` maps a feature hash to its weight row (-1 = unknown); `addRow` adds a row's
 * weights to the scores of one token (by default from `weights.emission`).
 */
export function secondPass(
  keys: DocumentKeys, emissions: Float64Array, tags: Int32Array, margins: Float64Array, sentences: Sentence[],
  weights: TaggerWeights, rowOf: (feature: number) => number,
  addRow: (row: number, out: Float64Array, offset: number) => void = (row, out, offset) => {
    const size = weights.tagSet.size;
    for (let t = 0; t < size; t++) out[offset + t] += weights.emission[row * size + t];
  },
): Int32Array {
  const tagSet = weights.tagSet;
  const size = tagSet.size;
  const n = tags.length;
  const types = new Int8Array(n);
  for (let i = 0; i < n; i++) types[i] = tagSet.typeOf(tags[i]);
  const features = nonLocalFeatures(keys, types, tokenSpans(tags, sentences, tagSet));
  const rows = new Int32Array(features.length);
  for (let k = 0; k < features.length; k++) rows[k] = features[k] === 0 ? -1 : rowOf(features[k]);
  let longest = 0;
  for (const s of sentences) longest = Math.max(longest, s.last - s.first);
  const scratch = new Float64Array(longest * size);
  const decoding = decodeScratch(longest, weights);
  for (const s of sentences) {
    let touched = false;
    for (let k = s.first * NL_SLOTS; k < s.last * NL_SLOTS && !touched; k++) touched = rows[k] >= 0;
    if (!touched) continue;
    const len = s.last - s.first;
    scratch.set(emissions.subarray(s.first * size, s.last * size));
    for (let i = 0; i < len; i++) {
      for (let f = 0; f < NL_SLOTS; f++) {
        const r = rows[(s.first + i) * NL_SLOTS + f];
        if (r < 0) continue;
        addRow(r, scratch, i * size);
      }
    }
    decodeSentence(scratch, len, s.first, weights, decoding, tags, margins);
    // the emissions this sentence was decoded with, for `typeMargins`
    emissions.set(scratch.subarray(0, len * size), s.first * size);
  }
  return rows;
}

/**
 * How much the document's best tagging loses when a span keeps its tokens but takes another name type
 * (the best other type): the emissions of the span's tags under each type, plus the transitions into,
 * within and out of the span. The relabelled tagging is a legal path, so Viterbi's choice never loses to
 * it and the margin is never negative. `emissions` holds the scores each token was last decoded with.
 */
export function typeMargin(
  span: TokenSpan, sentenceFirst: number, sentenceLast: number, tags: Int32Array, emissions: Float64Array,
  weights: Pick<TaggerWeights, 'tagSet' | 'transitions'>,
): number {
  const { tagSet, transitions } = weights;
  const size = tagSet.size;
  const length = span.last - span.first;
  const prev = span.first > sentenceFirst ? tags[span.first - 1] : size;
  const next = span.last < sentenceLast ? tags[span.last] : -1;
  const pathScore = (typeIndex: number): number => {
    let score = 0;
    let before = prev;
    for (let i = span.first; i < span.last; i++) {
      const tag = tagSet.tagFor(typeIndex, i - span.first, length);
      score += emissions[i * size + tag] + transitions[before * size + tag];
      before = tag;
    }
    return next < 0 ? score : score + transitions[before * size + next];
  };
  const own = pathScore(span.typeIndex);
  let rival = -Infinity;
  for (let t = 0; t < ENTITY_TYPES.length; t++) if (t !== span.typeIndex) rival = Math.max(rival, pathScore(t));
  return Math.max(0, own - rival);
}

/**
 * Margins are in perceptron update units (clear names have margins of 30–200); this squashes the mean
 * margin of a span into (0, 1): 0 → 0.5, 16 → 0.73, 48 → 0.95.
 */
const MARGIN_SCALE = 16;

/**
 * The type margin (see `typeMargin`) per token of a span, squashed into [0, 1): 0 → 0, 8 → 0.39,
 * 24 → 0.78, 48 → 0.95: how sure the tagger is of the type it gave, as opposed to whether it is a name.
 */
const TYPE_MARGIN_SCALE = 16;

/** The word each one-word part reads, from the token: its own, then the word before, after, two before, two after it. */
const PART_OFFSETS = [0, -1, 1, -2, 2];
const ALL_PARTS = (1 << PART_OFFSETS.length) - 1;
/** The flags of a row of sums (WordSums.filled): one per part, then the word's values (WordValues), then the placed slots' sum. */
const VALUES = 1 << PART_OFFSETS.length;
const PLACED = VALUES << 1;

/** See NameTagger.planSums. */
interface SumsPlan {
  rowOf: Int32Array;
  boundary: number;
  /** Per token, bit p set: this token's features fill part p of its word's row (of the boundary's, past the sentence). */
  fills: Uint8Array;
}

/**
 * How many words' summed weights the tagger keeps (20,000 × 6 sums × 9 tags: 8.6 MB, and 1 MB of the words' own
 * values); when full it starts afresh.
 */
const WORD_CACHE_LIMIT = 20_000;

export class NameTagger implements NameDetector {
  readonly id = 'ner-tagger';

  constructor(
    private readonly table: EmissionTable,
    private readonly weights: Pick<TaggerWeights, 'tagSet' | 'transitions'>,
    private readonly lexicon: Lexicon,
    private readonly consistency: ConsistencyOptions = { surnames: true, majority: false, companies: true, results: true, acronyms: true, articles: true, demonyms: true, organizationHeads: true, storms: true, hyphenated: true },
    /** whether the model was trained with the non-local second pass */
    private readonly nonLocal = false,
  ) {}

  /**
   * Per word, summed weights of the features that read that word only (see `emissions`); null when the
   * model cannot use them, undefined until the first document.
   */
  private sums: {
    words: WordSums; parts: Int32Array[]; rest: Int32Array;
    /** WORD_IN_PLACE_SLOTS, summed per word for one place (see `emissions`): each row's place, when its PLACED flag is set */
    placed: Int32Array; placeOf: Uint8Array;
  } | null | undefined;

  /** Each word's own values for the features, in the rows of its sums (see WordValues). */
  private wordValues: WordValues | undefined;

  /**
   * Every token's emission scores (tokens × tags), each the sum of its features' weights. Many features read
   * one word only, the token's own or one neighbour's (ONE_WORD_SLOTS), so their sums are kept per word: a
   * token's scores are five kept sums (its own word's, and its neighbours' as the word before, after, two
   * before and two after it) and its other features. A few more read the word and where it stands
   * (WORD_IN_PLACE_SLOTS): their sum is kept for the place of the word's first token, and serves every other
   * token of the word in that place (most of them: a word in ordinary prose, not opening its sentence). The
   * model's weights add up exactly in any order
   * (`EmissionTable.sumsExactUpTo`), so the scores are those of the plain sum, bit for bit. A model without
   * that guarantee, or without word clusters (another slot layout), and a document of more tokens than the
   * words kept, take the plain sum.
   */
  private emissions(tokens: Token[], sentences: Sentence[], features: Int32Array, plan: SumsPlan | undefined, place: Uint8Array | undefined): Float64Array {
    const size = this.weights.tagSet.size;
    const n = tokens.length;
    const out = new Float64Array(n * size);
    const table = this.table;
    const sums = this.sums;
    if (!sums || !plan || !place) {
      for (let i = 0; i < n; i++) table.addRange(features, i * FEATURE_SLOTS, (i + 1) * FEATURE_SLOTS, out, i * size);
      return out;
    }
    const { words, parts, rest, placed, placeOf } = sums;
    const { rowOf, boundary, fills } = plan;
    const scores = words.scores;
    const filled = words.filled;
    const width = words.width;
    const placedAt = parts.length * size;
    for (const s of sentences) {
      for (let i = s.first; i < s.last; i++) {
        const base = i * FEATURE_SLOTS;
        const o = i * size;
        for (let p = 0; p < parts.length; p++) {
          const j = i + PART_OFFSETS[p];
          const row = j >= s.first && j < s.last ? rowOf[j] : boundary;
          const at = row * width + p * size;
          if (fills[i] & (1 << p)) table.addSlots(features, base, parts[p], scores, at);
          for (let t = 0; t < size; t++) out[o + t] += scores[at + t];
        }
        const row = rowOf[i];
        if (!(filled[row] & PLACED)) {
          table.addSlots(features, base, placed, scores, row * width + placedAt);
          filled[row] |= PLACED;
          placeOf[row] = place[i];
        }
        if (placeOf[row] === place[i]) {
          const at = row * width + placedAt;
          for (let t = 0; t < size; t++) out[o + t] += scores[at + t];
        } else {
          table.addSlots(features, base, placed, out, o);
        }
        table.addSlots(features, base, rest, out, o);
      }
    }
    return out;
  }

  /**
   * Each token's word row in the kept sums, and which parts of which rows this document fills: the first
   * token (in the order `emissions` reads them) to need a part its word's row lacks fills it from its own
   * features; every other token's one-word slots are never read, so its features leave them out. Undefined
   * when the document takes the plain sum (see `emissions`).
   */
  private planSums(tokens: Token[], sentences: Sentence[]): SumsPlan | undefined {
    if (this.sums === undefined) {
      const usable = this.lexicon.clusters !== undefined && this.table.sumsExactUpTo(FEATURE_SLOTS + NL_SLOTS);
      const { own, before, after, twoBefore, twoAfter } = ONE_WORD_SLOTS;
      const parts = [own, before, after, twoBefore, twoAfter].map((slots) => Int32Array.from(slots));
      const placed = Int32Array.from(WORD_IN_PLACE_SLOTS);
      const grouped = new Set<number>([...parts.flatMap((p) => Array.from(p)), ...placed]);
      const rest = Int32Array.from({ length: FEATURE_SLOTS }, (_, f) => f).filter((f) => !grouped.has(f));
      // a row: the five parts' sums, then the placed slots' sum
      this.sums = usable ? {
        words: new WordSums((parts.length + 1) * this.weights.tagSet.size, WORD_CACHE_LIMIT), parts, rest, placed,
        placeOf: new Uint8Array(WORD_CACHE_LIMIT),
      } : null;
    }
    const sums = this.sums;
    const n = tokens.length;
    if (!sums || n + 1 > WORD_CACHE_LIMIT) return undefined;
    const { words, parts } = sums;
    // every row this document uses must stay put until its end
    if (words.size + n + 1 > WORD_CACHE_LIMIT) words.clear();
    const rowOf = new Int32Array(n);
    for (let i = 0; i < n; i++) rowOf[i] = words.rowOf(tokens[i].text);
    // the sentence boundary in place of a neighbour reads as a word of its own ('' is no token's text)
    const boundary = words.rowOf('');
    const fills = new Uint8Array(n);
    const filled = words.filled;
    for (const s of sentences) {
      for (let i = s.first; i < s.last; i++) {
        for (let p = 0; p < parts.length; p++) {
          const j = i + PART_OFFSETS[p];
          const row = j >= s.first && j < s.last ? rowOf[j] : boundary;
          if (!(filled[row] & (1 << p))) {
            fills[i] |= 1 << p;
            filled[row] |= 1 << p;
          }
        }
      }
    }
    return { rowOf, boundary, fills };
  }

  detect(text: string): NameMention[] {
    const { tokens, sentences } = segment(text);
    if (tokens.length === 0) return [];
    const keys = this.nonLocal ? emptyKeys() : undefined;
    const plan = this.planSums(tokens, sentences);
    let reuse: FeatureReuse | undefined;
    let place: Uint8Array | undefined;
    if (plan && this.sums) {
      // the one-word slots of the parts a token does not fill are never read: they are not computed
      const skip = new Uint8Array(tokens.length);
      for (let i = 0; i < skip.length; i++) skip[i] = ~plan.fills[i] & ALL_PARTS;
      // each word's own values sit in the row of its sums: one lookup of the word for both
      this.wordValues ??= new WordValues(this.lexicon, WORD_CACHE_LIMIT, this.sums.words.filled, VALUES);
      place = new Uint8Array(tokens.length);
      reuse = { words: this.wordValues, rows: plan.rowOf, skip, place };
    }
    const features = extractFeatures(text, tokens, sentences, this.lexicon, keys, reuse);
    // every token's emission scores, kept for the second pass and the type margins
    const store = this.emissions(tokens, sentences, features, plan, place);
    const { tags, margins } = decodeDocument(store, sentences, this.weights, tokens.length);
    if (keys) {
      const table = this.table;
      secondPass(keys, store, tags, margins, sentences, { ...this.weights, emission: new Float32Array(0) },
        (f) => table.get(f), (slot, out, offset) => table.addSlot(slot, out, offset));
    }
    const spans = tokenSpans(tags, sentences, this.weights.tagSet);
    const scores = spans.map((s) => {
      let sum = 0;
      for (let i = s.first; i < s.last; i++) sum += margins[i];
      return 1 / (1 + Math.exp(-sum / (s.last - s.first) / MARGIN_SCALE));
    });
    const harmonized = harmonize(text, tokens, spans, scores, this.consistency, this.lexicon);
    const mentions = toMentions(harmonized.spans, tokens, harmonized.scores);
    this.addTypeConfidence(mentions, harmonized.spans, spans, sentences, tags, store);
    return mentions;
  }

  /** The gazetteer flags (GAZ_* in lexicon.ts) of a name as a whole, its words as the tokenizer splits them; 0 when it is no entry. */
  gazetteerFlags(surface: string): number {
    // one word of letters is one token: no tokenizer needed
    if (ONE_WORD.test(surface)) return this.lexicon.gazetteer.get(sequenceKey(SEQUENCE_SEED, lowerHash(surface, 0, surface.length))) ?? 0;
    const tokens = tokenize(surface);
    if (tokens.length === 0 || tokens.length > this.lexicon.gazetteerMaxTokens) return 0;
    let key = SEQUENCE_SEED;
    for (const t of tokens) key = sequenceKey(key, lowerHash(surface, t.start, t.end));
    return this.lexicon.gazetteer.get(key) ?? 0;
  }

  /**
   * Gives each mention the tagger decoded as it stands (same tokens, same type) its type confidence;
   * a mention the document rules added, re-typed or trimmed gets none, as the tagger's scores do not speak for it.
   */
  private addTypeConfidence(
    mentions: NameMention[], final: TokenSpan[], decoded: TokenSpan[], sentences: Sentence[], tags: Int32Array, emissions: Float64Array,
  ): void {
    const decodedType = new Map<number, number>();
    for (const s of decoded) decodedType.set(s.first * 0x10000 + (s.last - s.first), s.typeIndex);
    let sentence = 0;
    for (let k = 0; k < final.length; k++) {
      const s = final[k];
      if (decodedType.get(s.first * 0x10000 + (s.last - s.first)) !== s.typeIndex) continue;
      if (sentences[sentence].first > s.first) sentence = 0;
      while (sentences[sentence].last <= s.first) sentence++;
      const { first, last } = sentences[sentence];
      const margin = typeMargin(s, first, last, tags, emissions, this.weights) / (s.last - s.first);
      mentions[k].typeConfidence = 1 - Math.exp(-margin / TYPE_MARGIN_SCALE);
    }
  }
}
