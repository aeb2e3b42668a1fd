// What happens to a sidecar when its article is deleted, per `sourceAnnotator.annotations.onArticleDelete`:
// `delete` removes it with the article, `keep` leaves it on disk. (`ask`, the default, shows a question;
// the UI test answers it in the real workbench.)
import { strict as assert } from 'node:assert';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, pollUntil, workspaceRoot } from './helpers';

interface Deletion { article: string; sidecar: string; outcome: 'deleted' | 'kept' }

const articleText = 'Officials said the bridge would reopen in May.\n';

async function deletions(): Promise<Deletion[]> {
  return (await vscode.commands.executeCommand<{ deletions: Deletion[] }>('sourceAnnotator.annotations.state')).deletions;
}

async function setPolicy(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('sourceAnnotator').update('annotations.onArticleDelete', value, vscode.ConfigurationTarget.Workspace);
}

/** Writes an article, tags its first words through the command (so the sidecar is the extension's own), closes it. */
async function annotatedArticle(name: string): Promise<{ article: vscode.Uri; sidecar: vscode.Uri }> {
  const article = vscode.Uri.joinPath(workspaceRoot(), name);
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), `${name}.annotations.yaml`);
  writeFileSync(article.fsPath, articleText);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
  editor.selection = new vscode.Selection(0, 0, 0, 'Officials said'.length);
  const ids = await vscode.commands.executeCommand<string[]>('sourceAnnotator.tagSelection', { tags: ['lifecycle'] });
  assert.equal(ids?.length, 1);
  assert.ok(existsSync(sidecar.fsPath), 'the sidecar was written');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  return { article, sidecar };
}

async function deleteThroughWorkspace(article: vscode.Uri): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.deleteFile(article);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the workspace edit deleted the article');
  assert.equal(existsSync(article.fsPath), false);
}

describe('annotations: a deleted article\'s sidecar', () => {
  const created: vscode.Uri[] = [];

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await setPolicy(undefined);
    for (const uri of created) rmSync(uri.fsPath, { force: true });
  });

  it('is deleted with the article when onArticleDelete is "delete"', async () => {
    await setPolicy('delete');
    const { article, sidecar } = await annotatedArticle('lifecycle-delete.txt');
    created.push(article, sidecar);
    await deleteThroughWorkspace(article);
    const gone = await pollUntil(async () => existsSync(sidecar.fsPath), (exists) => !exists, 10000);
    assert.equal(gone, false, 'the sidecar was deleted');
    const outcome = (await deletions()).find((d) => d.article === article.toString());
    assert.equal(outcome?.outcome, 'deleted');
  });

  it('stays on disk when onArticleDelete is "keep"', async () => {
    await setPolicy('keep');
    const { article, sidecar } = await annotatedArticle('lifecycle-keep.txt');
    created.push(article, sidecar);
    await deleteThroughWorkspace(article);
    const decided = await pollUntil(deletions, (list) => list.some((d) => d.article === article.toString()), 10000);
    assert.equal(decided.find((d) => d.article === article.toString())?.outcome, 'kept');
    assert.ok(existsSync(sidecar.fsPath), 'the sidecar is still there');
  });
});
