/**
 * Crash-safe file replacement for the CLI: write a temporary file next to the target, flush it to
 * disk, then rename it over the target. A reader (or a crash) sees the old file or the new one,
 * never a half-written sidecar.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangedError } from '../core/util/compareAndSwap';

export interface AtomicWriteOptions {
  /**
   * Compare-and-swap: the text the file must still hold right before the rename (`text: undefined`:
   * the file must not exist). Otherwise `FileChangedError` is thrown and the file is left as it is.
   */
  expect?: { text: string | undefined };
  /**
   * Runs after the new text is on disk and before the check and rename: the moment in which another
   * writer's change would otherwise be overwritten. For tests that inject such a write.
   */
  beforeCommit?: () => Promise<void> | void;
}

/**
 * Atomically replaces `filePath` with `data` (UTF-8 for strings). The directory must exist. `data` may
 * also be a sequence of strings, written piece by piece so that a file of many megabytes is never
 * encoded in one go (that would hold the caller's thread for as long).
 */
export async function atomicWrite(filePath: string, data: string | Uint8Array | Iterable<string>,
  options: AtomicWriteOptions = {}): Promise<void> {
  const directory = path.dirname(filePath);
  const temporary = path.join(directory, `.${path.basename(filePath)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  const handle = await fs.open(temporary, 'wx');
  try {
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else await writePieces(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await options.beforeCommit?.();
    await writeInjected(filePath);
    if (options.expect && (await readIfExists(filePath)) !== options.expect.text) throw new FileChangedError(filePath);
    await fs.rename(temporary, filePath);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncDirectory(directory);
}

/** Test hook: text another writer puts in a file just before our next replacement of it commits. */
const injected = new Map<string, string>();

/**
 * For extension-host tests, which cannot pass `beforeCommit` through a command: the next atomic write
 * of `filePath` (a YAML file) finds `text` written there by "someone else" right before its check and
 * rename, exactly where a lost update would happen. One write per call.
 */
export function injectWriteBeforeCommit(filePath: string, text: string): void {
  if (!/\.ya?ml$/i.test(filePath)) throw new Error('Only YAML files (sidecars, the registry) take an injected write');
  injected.set(path.resolve(filePath), text);
}

async function writeInjected(filePath: string): Promise<void> {
  const key = path.resolve(filePath);
  const text = injected.get(key);
  if (text === undefined) return;
  injected.delete(key);
  await fs.writeFile(key, text);
}

/** The file's text, `undefined` when it does not exist; other failures throw. */
export async function readIfExists(filePath: string): Promise<string | undefined> {
  try {
    return await fs.readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Pieces are gathered up to this size per write: few system calls, and little encoding at a time. */
const WRITE_BATCH_CHARS = 256 * 1024;

async function writePieces(handle: fs.FileHandle, pieces: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= WRITE_BATCH_CHARS) {
      await handle.write(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await handle.write(batch.join(''));
}

/** Makes the rename itself durable where the platform allows fsync on a directory (not Windows). */
async function syncDirectory(directory: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(directory, 'r');
    await handle.sync();
  } catch {
    // Directory fsync is unsupported on some platforms and file systems; the rename already happened.
  } finally {
    await handle?.close();
  }
}
