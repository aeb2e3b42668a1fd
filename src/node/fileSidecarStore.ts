/**
 * The `SidecarStore` port on Node's file system, with atomic writes, and `update`: the compare-and-swap
 * edit the CLI uses (the same `updateSidecar` as the editor). Edits to one file from this process run
 * one at a time; other processes' writes in between are merged by annotation id.
 */
import * as path from 'node:path';
import type { SidecarDocument } from '../core/sidecar/sidecarDocument';
import { SidecarStore } from '../core/sidecar/sidecarStore';
import { updateSidecar, type UpdateSidecarOptions, type UpdateSidecarResult } from '../core/sidecar/updateSidecar';
import { KeyedQueue, type TextFilePort } from '../core/util/compareAndSwap';
import { atomicWrite, readIfExists, type AtomicWriteOptions } from './atomicWrite';

/** One queue per process: two stores never edit the same file at once. */
const edits = new KeyedQueue();

/** A `TextFilePort` on a local file: atomic replacement, checked against the expected text before the rename. */
export function fileTextPort(filePath: string, options: Pick<AtomicWriteOptions, 'beforeCommit'> = {}): TextFilePort {
  return {
    name: filePath,
    read: () => readIfExists(filePath),
    write: (text, expected) => atomicWrite(filePath, text, { ...options, expect: { text: expected } }),
  };
}

export class FileSidecarStore implements SidecarStore {
  /** @param hooks test hooks for the compare-and-swap window (see `AtomicWriteOptions.beforeCommit`) */
  constructor(private readonly hooks: Pick<AtomicWriteOptions, 'beforeCommit'> = {}) {}

  async read(path: string): Promise<string | undefined> {
    return readIfExists(path);
  }

  /** Replaces the file unconditionally (exports, new files); sidecar edits go through `update`. */
  async write(path: string, text: string): Promise<void> {
    await atomicWrite(path, text);
  }

  /**
   * Edits the sidecar at `filePath` safely: serialized with this process's other edits of the file,
   * validated before writing, compare-and-swap against other writers (merged by id and retried).
   * Throws `SidecarOnDiskError` (the file has errors; untouched) or a read error; never treats an
   * unreadable file as empty.
   */
  update<R>(filePath: string, edit: (doc: SidecarDocument) => R, options: UpdateSidecarOptions = {}): Promise<UpdateSidecarResult<R>> {
    const absolute = path.resolve(filePath);
    return edits.run(absolute, () => updateSidecar(fileTextPort(absolute, this.hooks), edit, options));
  }
}
