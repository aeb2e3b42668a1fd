import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NameDetector } from '../core/extract';
import { loadNameTagger } from '../core/extract/ner';

/** Where the trained tagger sits: beside the bundle (`dist/../models`) or the sources (`src/cli/../../models`). */
const MODEL_CANDIDATES = [resolve(__dirname, '..', 'models', 'ner.model'), resolve(__dirname, '..', '..', 'models', 'ner.model')];

/**
 * The shipped trained tagger. Falls back to the rule-based detector (returns undefined) only when no
 * model file is installed; a corrupt model is an error, not a silent downgrade.
 */
export async function loadDefaultNameDetector(): Promise<NameDetector | undefined> {
  for (const path of MODEL_CANDIDATES) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch {
      continue;
    }
    try {
      return loadNameTagger(bytes);
    } catch (err) {
      throw new Error(`the name model ${path} cannot be loaded: ${(err as Error).message}`);
    }
  }
  return undefined;
}
