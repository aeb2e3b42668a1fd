/**
 * The one way a sidecar is changed on disk, by the editor and by the CLI: read it, apply the edit,
 * validate the result, and replace the file only if it still holds what was read (compare-and-swap).
 * When another writer (git, a sync tool, a second window) replaced it in between, the edit is merged
 * by annotation id onto what is there now, keeping both sides' unknown keys, and written again.
 * Nothing is written that does not pass the sidecar validator, and a file with errors is never
 * replaced.
 */
import { FileChangedError, MAX_WRITE_ATTEMPTS, type TextFilePort } from '../util/compareAndSwap';
import { mergeOntoText, type MergeConflict, type MergeOptions } from './mergeSidecars';
import type { SidecarProblem } from './model';
import { SidecarDocument } from './sidecarDocument';
import { plural } from '../util/plural';

/** The file on disk has errors: nothing was written. Carries the text read, for the caller to show. */
export class SidecarOnDiskError extends Error {
  constructor(readonly file: string, readonly text: string, readonly problems: readonly SidecarProblem[]) {
    const errors = problems.filter((problem) => problem.severity === 'error');
    const first = errors[0];
    super(`${file} has ${plural(errors.length, 'error')}`
      + (first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : '')
      + '. Fix the file first; nothing was written to it.');
    this.name = 'SidecarOnDiskError';
  }
}

/** The edit produced a sidecar that fails validation: it was not written. */
export class InvalidSidecarWriteError extends Error {
  constructor(readonly file: string, readonly problems: readonly SidecarProblem[]) {
    const first = problems.find((problem) => problem.severity === 'error');
    super(`Refused to write ${file}: the result would not be a valid sidecar`
      + (first ? ` (line ${first.line}, column ${first.column}: ${first.message})` : ''));
    this.name = 'InvalidSidecarWriteError';
  }
}

export interface UpdateSidecarOptions extends MergeOptions {
  /**
   * The text the caller's edit was made against (its last read of the file). When the file holds
   * something else now, the edit is applied to this text and merged by id onto the file. Without it,
   * the edit is applied to the file as read.
   */
  base?: { text: string | undefined };
  /** Do not create a file for a sidecar with no annotations and no metadata (default true). */
  skipEmpty?: boolean;
  maxAttempts?: number;
}

export interface UpdateSidecarResult<R> {
  /** What the edit returned, on the attempt that was written (or found nothing to write). */
  result: R;
  /** The file's text now (`undefined`: there is no file). */
  text: string | undefined;
  written: boolean;
  /** Annotations both sides changed, kept under both versions (see `mergeSidecars`). */
  conflicts: MergeConflict[];
  /** Reads of the file: 1 unless another writer got in between. */
  attempts: number;
}

/** Throws `InvalidSidecarWriteError` unless `text` is a sidecar without errors. */
export function assertValidSidecarText(file: string, text: string): void {
  const check = SidecarDocument.parse(text);
  if (check.hasErrors) throw new InvalidSidecarWriteError(file, check.problems);
}

/** A sidecar with no annotations and no metadata is not worth creating a file for. */
export function isEmptySidecarText(text: string): boolean {
  const doc = SidecarDocument.parse(text);
  if (doc.hasErrors) return false;
  const sidecar = doc.sidecar;
  return sidecar.annotations.length === 0 && Object.keys(sidecar.article).length === 0;
}

/**
 * Applies `edit` to the sidecar in `file` and writes the result with compare-and-swap, merging and
 * retrying when the file changed in between. `edit` may run more than once (once per attempt), each
 * time on a fresh document, so it must not depend on having run before.
 */
export async function updateSidecar<R>(file: TextFilePort, edit: (doc: SidecarDocument) => R,
  options: UpdateSidecarOptions = {}): Promise<UpdateSidecarResult<R>> {
  const maxAttempts = options.maxAttempts ?? MAX_WRITE_ATTEMPTS;
  let base = options.base;
  for (let attempt = 1; ; attempt++) {
    const disk = await file.read();
    const theirs = disk === undefined ? undefined : SidecarDocument.parse(disk);
    if (theirs?.hasErrors) throw new SidecarOnDiskError(file.name, disk!, theirs.problems);
    const ours = base === undefined || base.text === disk ? undefined
      : base.text === undefined ? SidecarDocument.create() : SidecarDocument.parse(base.text);
    let result: R;
    let output: string;
    let conflicts: MergeConflict[] = [];
    if (ours === undefined || ours.hasErrors) {
      const doc = theirs ?? SidecarDocument.create();
      result = edit(doc);
      output = doc.toString();
    } else {
      // The file changed since the caller read it: apply the edit to what the caller saw, merge by id.
      const before = ours.sidecar;
      result = edit(ours);
      const merged = mergeOntoText(before, ours, disk ?? SidecarDocument.create().toString(), options);
      output = merged.text;
      conflicts = merged.conflicts;
    }
    if (output === disk || (disk === undefined && (options.skipEmpty ?? true) && isEmptySidecarText(output))) {
      return { result, text: disk, written: false, conflicts: [], attempts: attempt };
    }
    assertValidSidecarText(file.name, output);
    try {
      await file.write(output, disk);
      return { result, text: output, written: true, conflicts, attempts: attempt };
    } catch (error) {
      if (!(error instanceof FileChangedError) || attempt >= maxAttempts) throw error;
      // Our edit was made against `disk`; merge it onto whatever replaced it.
      base = { text: disk };
    }
  }
}
