/**
 * Earlier versions of an article, found by the `textHash` a stored target carries, diffed once
 * against the current text: what lets `reanchor` follow the annotated words through the real edits
 * instead of searching for look-alikes. Where the versions come from is the caller's business (the
 * editor's snapshot store, the committed copies in git); this stays pure.
 */
import { articleTextHash } from '../sidecar/textHash';
import { diffTexts, type DiffLimits, type EqualRun } from './textDiff';

/** An earlier version of the article and its diff to the current text. */
export interface DiffedVersion {
  /** The article's text when the target was made. */
  before: string;
  /** Equal runs from `before` to the current text. */
  runs: EqualRun[];
}

export class TextHistory {
  private readonly diffs = new Map<string, DiffedVersion | undefined>();

  /**
   * @param current the article's text now
   * @param lookup the text whose hash is `textHash`, when one is known (its hash is checked here)
   */
  constructor(private readonly current: string, private readonly lookup: (textHash: string) => string | undefined,
    private readonly limits: DiffLimits = {}) {}

  /** The version a target with `textHash` was cut from, diffed to the current text; undefined when unknown or too costly to diff. */
  from(textHash: string): DiffedVersion | undefined {
    if (this.diffs.has(textHash)) return this.diffs.get(textHash);
    let version: DiffedVersion | undefined;
    const before = this.lookup(textHash);
    if (before !== undefined && articleTextHash(before) === textHash) {
      const runs = diffTexts(before, this.current, this.limits);
      if (runs) version = { before, runs };
    }
    this.diffs.set(textHash, version);
    return version;
  }
}
