/**
 * Compare-and-swap writes of text files. A writer reads a file, computes new text from it, and replaces
 * the file only if it still holds what was read; otherwise the write is refused with `FileChangedError`
 * and the caller merges with what is there now and tries again. Adapters implement `TextFilePort`
 * (`src/node/textFilePort.ts` on Node's fs, `src/vscode/atomicFile.ts` in the editor).
 */

/** Thrown by `TextFilePort.write` when the file no longer holds the expected text; nothing was written. */
export class FileChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed on disk while it was being written; nothing was written`);
    this.name = 'FileChangedError';
  }
}

/** One file, read and replaced whole. */
export interface TextFilePort {
  /** Name for messages. */
  readonly name: string;
  /** The file's text, `undefined` when it does not exist. Any other failure to read throws. */
  read(): Promise<string | undefined>;
  /**
   * Replaces the file atomically with `text`, provided it still holds `expected` (`undefined`: does
   * not exist) right before the replacement; otherwise throws `FileChangedError` and writes nothing.
   */
  write(text: string, expected: string | undefined): Promise<void>;
}

/** How many times a writer re-reads and merges before giving up on a file that keeps changing. */
export const MAX_WRITE_ATTEMPTS = 8;

/**
 * Runs `task` after every earlier task queued under the same key has settled: edits to one file are
 * applied one at a time, in the order they were asked for.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.then(() => undefined, () => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
