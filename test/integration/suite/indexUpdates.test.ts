// The corpus index follows the workspace: new, changed, renamed and deleted article files, batched bursts,
// and next/previous mention within an article.
import { strict as assert } from 'node:assert';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, openSample, pollUntil, positionOf, workspaceRoot } from './helpers';

const fileOf = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? '';

async function referencedFiles(document: vscode.TextDocument, position: vscode.Position): Promise<Set<string>> {
  const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
  return new Set(locations.map((l) => fileOf(l.uri)));
}

describe('index updates from the file system', () => {
  let document: vscode.TextDocument;
  let rutte: vscode.Position;
  const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'incoming');

  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    document = await openSample('Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt');
    rutte = positionOf(document, 'Secretary General Mark Rutte', 'Rutte');
  });

  after(async () => {
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('picks up a burst of new articles, a changed one, a renamed one and a deleted one', async () => {
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), name), new TextEncoder().encode(text));
    const story = (n: number) => `Alliance update ${n}\n\nNATO Secretary General Mark Rutte met defence ministers in Brussels on Monday.\n`;
    await vscode.workspace.fs.createDirectory(folder());
    await Promise.all(Array.from({ length: 20 }, (_, n) => write(`burst-${n}.txt`, story(n))));
    const afterBurst = await pollUntil(() => referencedFiles(document, rutte), (files) => [...files].filter((f) => f.startsWith('burst-')).length === 20, 30000);
    assert.equal([...afterBurst].filter((f) => f.startsWith('burst-')).length, 20, `references after the burst: ${[...afterBurst].join(', ')}`);

    await write('burst-0.txt', 'Alliance update\n\nDefence ministers met in Brussels on Monday without the alliance chief.\n');
    const afterChange = await pollUntil(() => referencedFiles(document, rutte), (files) => !files.has('burst-0.txt'), 30000);
    assert.ok(!afterChange.has('burst-0.txt'), 'an article that no longer names him drops out');

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(vscode.Uri.joinPath(folder(), 'burst-1.txt'), vscode.Uri.joinPath(folder(), 'renamed.txt'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const afterRename = await pollUntil(() => referencedFiles(document, rutte), (files) => files.has('renamed.txt') && !files.has('burst-1.txt'), 30000);
    assert.ok(afterRename.has('renamed.txt') && !afterRename.has('burst-1.txt'), `after the rename: ${[...afterRename].join(', ')}`);

    await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), 'burst-2.txt'));
    const afterDelete = await pollUntil(() => referencedFiles(document, rutte), (files) => !files.has('burst-2.txt'), 30000);
    assert.ok(!afterDelete.has('burst-2.txt'), 'a deleted article drops out');
    assert.ok(afterDelete.has('Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt'), 'the open article is still there');
  });

  it('finds articles that arrive with their folders, as a checkout writes them, and drops them with their folder', async () => {
    // Written with Node's fs at once, as git does: the file watcher sees the new folders, but the files
    // inside them are created before it watches those folders, so it never reports them itself.
    const root = join(workspaceRoot().fsPath, 'checkout');
    const deepest = join(root, '2026', 'week-49');
    try {
      mkdirSync(deepest, { recursive: true });
      for (const n of [1, 2, 3]) writeFileSync(join(deepest, `arrived-${n}.txt`), `Alliance brief ${n}\n\nNATO Secretary General Mark Rutte met defence ministers in Brussels on Monday.\n`);
      const arrived = await pollUntil(() => referencedFiles(document, rutte), (files) => [1, 2, 3].every((n) => files.has(`arrived-${n}.txt`)), 30000);
      assert.deepEqual([1, 2, 3].filter((n) => !arrived.has(`arrived-${n}.txt`)), [], `references: ${[...arrived].join(', ')}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    const gone = await pollUntil(() => referencedFiles(document, rutte), (files) => ![...files].some((f) => f.startsWith('arrived-')), 30000);
    assert.deepEqual([...gone].filter((f) => f.startsWith('arrived-')), [], 'the articles of a deleted folder drop out of the index');
  });

  it('keeps an article deleted from disk out of the index while an editor still holds its text', async () => {
    const file = vscode.Uri.joinPath(workspaceRoot(), 'deleted-while-open.txt');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('Alliance note\n\nNATO Secretary General Mark Rutte spoke in Vilnius on Monday.\n'));
    const held = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(held);
    await pollUntil(() => referencedFiles(document, rutte), (files) => files.has('deleted-while-open.txt'), 30000);

    await vscode.workspace.fs.delete(file);
    const afterDelete = await pollUntil(() => referencedFiles(document, rutte), (files) => !files.has('deleted-while-open.txt'), 30000);
    assert.ok(!afterDelete.has('deleted-while-open.txt'), 'the deleted article drops out');
    assert.equal(held.isClosed, false, 'the editor still holds its text');

    // Re-analysing every open article (as a registry change does) must not index it again from the editor.
    await vscode.commands.executeCommand('sourceAnnotator.reanalyze');
    await vscode.window.showTextDocument(held);
    const { indexed } = await vscode.commands.executeCommand<{ indexed: string[] }>('sourceAnnotator.index.checkCache');
    assert.ok(!indexed.includes(file.toString()), 'a deleted article came back into the index');
    assert.ok(!(await referencedFiles(document, rutte)).has('deleted-while-open.txt'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('moves to the next and previous mention of the entity under the cursor', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const text = document.getText();
    const first = text.indexOf('Colby');
    const mentions: number[] = [];
    for (let i = text.indexOf('Colby'); i >= 0; i = text.indexOf('Colby', i + 1)) mentions.push(i);
    assert.ok(mentions.length >= 3, 'the sample names Colby several times');
    editor.selection = new vscode.Selection(document.positionAt(first + 1), document.positionAt(first + 1));
    const refsHere = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, editor.selection.active);
    const inThisArticle = refsHere.filter((l) => l.uri.toString() === document.uri.toString()).map((l) => document.offsetAt(l.range.start));
    assert.ok(inThisArticle.length >= 3, `references of Colby in this article: ${JSON.stringify(inThisArticle)}`);
    await vscode.commands.executeCommand('sourceAnnotator.nextMention');
    const next = document.offsetAt(editor.selection.start);
    assert.ok(next > first && document.getText(editor.selection).endsWith('Colby'), `selected "${document.getText(editor.selection)}" at ${next}`);
    await vscode.commands.executeCommand('sourceAnnotator.previousMention');
    assert.ok(document.offsetAt(editor.selection.start) <= first, 'previous goes back to the first mention');
  });
});
