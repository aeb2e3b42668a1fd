import type { NameDetector } from '../types';
import type { ConsistencyOptions } from './consistency';
import { EmissionTable } from './emissionTable';
import { decodeModel, type ModelHeader } from './modelFormat';
import { NameTagger } from './tagger';
import { makeTagSet } from './tagScheme';

/**
 * The trained name tagger. Core code cannot read files: adapters read `models/ner.model` and pass
 * its bytes here.
 */
export function loadNameTagger(bytes: Uint8Array, consistency?: ConsistencyOptions): NameDetector {
  return loadNameTaggerWithHeader(bytes, consistency).detector;
}

export function loadNameTaggerWithHeader(bytes: Uint8Array, consistency?: ConsistencyOptions): { detector: NameDetector; header: ModelHeader } {
  const model = decodeModel(bytes);
  const tagSet = makeTagSet(model.header.scheme);
  if (tagSet.size !== model.tagCount) throw new Error(`Model has ${model.tagCount} tags, scheme ${model.header.scheme} needs ${tagSet.size}.`);
  const table = new EmissionTable(model.featureKeys, model.weights, model.tagCount, model.codebook);
  model.lexicon.contextFeatures = model.header.contextFeatures === true;
  const detector = new NameTagger(table, { tagSet, transitions: model.transitions }, model.lexicon, consistency, model.header.nonLocal === true);
  return { detector, header: model.header };
}

export { NameTagger } from './tagger';
export type { ModelHeader } from './modelFormat';
export type { ConsistencyOptions } from './consistency';
