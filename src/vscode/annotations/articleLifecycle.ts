/**
 * Sidecars follow their articles: renaming or moving an article moves its sidecar in the same
 * operation (so undo in the Explorer undoes both), and deleting an article asks before deleting the
 * sidecar, since the annotations may be the only copy of the analyst's work.
 */
import * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import { fileExists, sidecarUriFor } from './sidecarFiles';

export function registerArticleLifecycle(store: AnnotationStore): vscode.Disposable[] {
  return [
    vscode.workspace.onWillRenameFiles((e) => {
      e.waitUntil((async () => {
        const edit = new vscode.WorkspaceEdit();
        for (const { oldUri, newUri } of e.files) {
          const oldSidecar = sidecarUriFor(oldUri);
          if (oldSidecar.toString() === oldUri.toString() || !(await fileExists(oldSidecar))) continue;
          const stat = await vscode.workspace.fs.stat(oldUri).then((s) => s, () => undefined);
          if (stat && stat.type & vscode.FileType.Directory) continue; // the sidecars move with the folder
          edit.renameFile(oldSidecar, sidecarUriFor(newUri), { overwrite: false, ignoreIfExists: true });
        }
        return edit;
      })());
    }),
    vscode.workspace.onDidRenameFiles((e) => {
      for (const { oldUri, newUri } of e.files) {
        if (store.get(oldUri)) store.rename(oldUri, newUri);
      }
    }),
    vscode.workspace.onDidDeleteFiles(async (e) => {
      for (const article of e.files) {
        const sidecar = sidecarUriFor(article);
        if (!(await fileExists(sidecar))) continue;
        const name = vscode.workspace.asRelativePath(article);
        const answer = await vscode.window.showWarningMessage(
          `${name} was deleted. Delete its annotations sidecar too?`, 'Delete Sidecar', 'Keep Sidecar');
        if (answer === 'Delete Sidecar') {
          await vscode.workspace.fs.delete(sidecar, { useTrash: true }).then(undefined, () => vscode.workspace.fs.delete(sidecar));
          store.forget(article);
        }
      }
    }),
  ];
}
