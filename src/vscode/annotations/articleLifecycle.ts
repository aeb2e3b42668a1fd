/**
 * Sidecars follow their articles: renaming or moving an article moves its sidecar in the same
 * operation (so undo in the Explorer undoes both), and deleting an article deletes, keeps or asks
 * about its sidecar as `sourceAnnotator.annotations.onArticleDelete` says. Asking is the default,
 * since the annotations may be the only copy of the analyst's work.
 */
import * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import { fileExists, sidecarUriFor } from './sidecarFiles';

export type OnArticleDelete = 'ask' | 'delete' | 'keep';

export const DELETE_SIDECAR = 'Delete Sidecar';
export const KEEP_SIDECAR = 'Keep Sidecar';

export function onArticleDelete(article: vscode.Uri): OnArticleDelete {
  const value = vscode.workspace.getConfiguration('sourceAnnotator', article).get<string>('annotations.onArticleDelete', 'ask');
  return value === 'delete' || value === 'keep' ? value : 'ask';
}

/** What became of a deleted article's sidecar; the most recent few, for the state command and its tests. */
export interface SidecarOutcome {
  article: string;
  sidecar: string;
  outcome: 'deleted' | 'kept';
}

export function registerArticleLifecycle(store: AnnotationStore, log: vscode.LogOutputChannel): { disposables: vscode.Disposable[]; outcomes: SidecarOutcome[] } {
  const outcomes: SidecarOutcome[] = [];
  const record = (article: vscode.Uri, sidecar: vscode.Uri, outcome: SidecarOutcome['outcome']): void => {
    outcomes.push({ article: article.toString(), sidecar: sidecar.toString(), outcome });
    if (outcomes.length > 20) outcomes.shift();
  };
  const disposables = [
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
        if (sidecar.toString() === article.toString() || !(await fileExists(sidecar))) continue;
        const name = vscode.workspace.asRelativePath(article);
        const policy = onArticleDelete(article);
        const remove = policy === 'delete' || (policy === 'ask' && await vscode.window.showWarningMessage(
          `${name} was deleted. Delete its annotations sidecar too?`, DELETE_SIDECAR, KEEP_SIDECAR) === DELETE_SIDECAR);
        if (!remove) {
          log.info(`Kept ${vscode.workspace.asRelativePath(sidecar)} after ${name} was deleted.`);
          record(article, sidecar, 'kept');
          continue;
        }
        await vscode.workspace.fs.delete(sidecar, { useTrash: true }).then(undefined, () => vscode.workspace.fs.delete(sidecar));
        store.forget(article);
        log.info(`Deleted ${vscode.workspace.asRelativePath(sidecar)} with ${name}.`);
        record(article, sidecar, 'deleted');
      }
    }),
  ];
  return { disposables, outcomes };
}
