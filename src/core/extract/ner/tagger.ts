import type { Sentence } from '../../text/tokenize';
import type { NameDetector, NameMention } from '../types';
import { viterbi } from './decode';
import { type ConsistencyOptions, harmonize } from './consistency';
import { FeatureTable } from './featureTable';
import { segment } from './segment';
import { FEATURE_SLOTS, extractFeatures } from './features';
import type { Lexicon } from './lexicon';
import { emissionScores } from './scoring';
import { tokenSpans, toMentions } from './spans';
import type { TagSet } from './tagScheme';

/** Weights in the form decoding needs them. */
export interface TaggerWeights {
  tagSet: TagSet;
  /** rows × tagSet.size */
  emission: Float32Array | Float64Array;
  /** (tagSet.size + 1) × tagSet.size, last row = sentence start */
  transitions: Float32Array | Float64Array;
}

/**
 * Tags every sentence of a document. `rows` holds FEATURE_SLOTS weight rows per token (-1 = none).
 * Returns one tag per token and, per token, the margin of its tag over the best tag of another type.
 */
export function tagDocument(rows: Int32Array, sentences: Sentence[], weights: TaggerWeights, tokenCount: number): { tags: Int32Array; margins: Float64Array } {
  const size = weights.tagSet.size;
  const tags = new Int32Array(tokenCount);
  const margins = new Float64Array(tokenCount);
  let longest = 0;
  for (const s of sentences) longest = Math.max(longest, s.last - s.first);
  const emissions = new Float64Array(longest * size);
  const path = new Int32Array(longest);
  for (const s of sentences) {
    const n = s.last - s.first;
    emissionScores(rows, FEATURE_SLOTS, s.first, s.last, weights.emission, size, emissions);
    viterbi(emissions, n, weights.transitions, weights.tagSet, path);
    for (let i = 0; i < n; i++) {
      const chosen = path[i];
      const type = weights.tagSet.typeOf(chosen);
      let rival = -Infinity;
      for (let t = 0; t < size; t++) {
        if (weights.tagSet.typeOf(t) !== type && emissions[i * size + t] > rival) rival = emissions[i * size + t];
      }
      tags[s.first + i] = chosen;
      margins[s.first + i] = emissions[i * size + chosen] - rival;
    }
  }
  return { tags, margins };
}

/** Maps feature hashes to weight rows. */
export function lookupRows(features: Int32Array, table: FeatureTable): Int32Array {
  const rows = new Int32Array(features.length);
  for (let k = 0; k < features.length; k++) rows[k] = features[k] === 0 ? -1 : table.get(features[k]);
  return rows;
}

/** Margins are in perceptron update units; this squashes the mean margin of a span into (0, 1). */
const MARGIN_SCALE = 4;

export class NameTagger implements NameDetector {
  readonly id = 'ner-tagger';

  constructor(
    private readonly table: FeatureTable,
    private readonly weights: TaggerWeights,
    private readonly lexicon: Lexicon,
    private readonly consistency: ConsistencyOptions = { surnames: true, majority: false },
  ) {}

  detect(text: string): NameMention[] {
    const { tokens, sentences } = segment(text);
    if (tokens.length === 0) return [];
    const features = extractFeatures(text, tokens, sentences, this.lexicon);
    const rows = lookupRows(features, this.table);
    const { tags, margins } = tagDocument(rows, sentences, this.weights, tokens.length);
    const spans = tokenSpans(tags, sentences, this.weights.tagSet);
    const scores = spans.map((s) => {
      let sum = 0;
      for (let i = s.first; i < s.last; i++) sum += margins[i];
      return 1 / (1 + Math.exp(-sum / (s.last - s.first) / MARGIN_SCALE));
    });
    const harmonized = harmonize(text, tokens, spans, scores, this.consistency);
    return toMentions(harmonized.spans, tokens, harmonized.scores);
  }
}
