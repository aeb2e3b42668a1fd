import * as vscode from 'vscode';
import { atomicWrite } from '../node/atomicWrite';

/**
 * Writes a temporary file beside the target and renames it over the target, so a reader (another
 * analyst's editor, git, a crash) sees the old sidecar or the new one, never half of one. On local
 * files the rename is the operating system's, which replaces the target in one step: `workspace.fs`
 * implements an overwriting rename as delete-then-move, leaving a moment with no sidecar at all.
 * `content` may come in pieces (see `atomicWrite`).
 */
export async function writeTextFileAtomic(uri: vscode.Uri, content: string | Iterable<string>): Promise<void> {
  if (uri.scheme === 'file') {
    await atomicWrite(uri.fsPath, content);
    return;
  }
  const text = typeof content === 'string' ? content : [...content].join('');
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temporary = vscode.Uri.joinPath(uri, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  await vscode.workspace.fs.writeFile(temporary, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
    throw error;
  }
}
