import * as vscode from 'vscode';
import { FileChangedError, type TextFilePort } from '../core/util/compareAndSwap';
import { atomicWrite } from '../node/atomicWrite';

/**
 * Writes a temporary file beside the target and renames it over the target, so a reader (another
 * analyst's editor, git, a crash) sees the old sidecar or the new one, never half of one. On local
 * files the rename is the operating system's, which replaces the target in one step: `workspace.fs`
 * implements an overwriting rename as delete-then-move, leaving a moment with no sidecar at all.
 * `content` may come in pieces (see `atomicWrite`).
 */
export async function writeTextFileAtomic(uri: vscode.Uri, content: string | Iterable<string>,
  expect?: { text: string | undefined }): Promise<void> {
  if (uri.scheme === 'file') {
    await atomicWrite(uri.fsPath, content, { expect });
    return;
  }
  const text = typeof content === 'string' ? content : [...content].join('');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(uri, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    if (expect && (await readTextIfExists(uri)) !== expect.text) throw new FileChangedError(uri.toString());
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}

/** The file's text, `undefined` when it does not exist; any other failure to read throws. */
export async function readTextIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A compare-and-swap port on a workspace file (see `updateSidecar`, `updateRegistry`). */
export function workspaceTextFile(uri: vscode.Uri): TextFilePort {
  return {
    name: vscode.workspace.asRelativePath(uri),
    read: () => readTextIfExists(uri),
    write: (text, expected) => writeTextFileAtomic(uri, text, { text: expected }),
  };
}
