/**
 * The port through which the core reads and writes sidecars. The CLI implements it with Node's fs and
 * atomic renames (`src/node/fileSidecarStore.ts`); the editor implements it with `workspace.fs`.
 */
export interface SidecarStore {
  /** The file's text, or `undefined` when it does not exist. */
  read(path: string): Promise<string | undefined>;
  /** Replaces the file's text atomically: readers see the old or the new text, never a mix. */
  write(path: string, text: string): Promise<void>;
}
