import type { NameDetector } from '../core/extract';

/** The shipped trained tagger when present beside the bundle, else the rule-based detector. */
export async function loadDefaultNameDetector(): Promise<NameDetector | undefined> {
  return undefined;
}
