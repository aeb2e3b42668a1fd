// A true merge conflict: the same annotation's note changes on disk (a colleague, git) after the
// extension last read the sidecar and before a command edits that note here. The command's write
// must keep both versions, mark ours as a conflict, and report it. The background reload is held
// through the extension's test hook, so the command is certain to be the one that finds the change.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, workspaceRoot } from './helpers';

interface ConflictReport { sidecar: string; conflicts: { kind: string; id: string; oursId?: string }[] }

describe('annotations: merge conflict with a sidecar changed on disk', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'conflict-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'conflict-fixture.txt.annotations.yaml');

  before(async () => {
    writeFileSync(article.fsPath, 'The mayor promised a new library by 2027, aides said.\n');
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('sourceAnnotator.annotations.holdDiskReloads', { hold: false });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(article.fsPath, { force: true });
    rmSync(sidecar.fsPath, { force: true });
  });

  it('keeps both notes, marks ours as a conflict, and reports it', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const passage = 'a new library by 2027';
    const start = editor.document.getText().indexOf(passage);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + passage.length));
    const [id] = (await vscode.commands.executeCommand<string[]>('sourceAnnotator.addNote', { note: 'base note', tags: ['promise'] }))!;

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.annotations.holdDiskReloads', { hold: true }), true);
    const theirs = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    assert.ok(theirs.updateAnnotation(id, { note: 'their note', modified: '2030-01-01T00:00:00.000Z' }));
    writeFileSync(sidecar.fsPath, theirs.toString());
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editAnnotation', { article: article.toString(), id, note: 'our note' }), true);
    await vscode.commands.executeCommand('sourceAnnotator.annotations.holdDiskReloads', { hold: false });

    const written = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    assert.equal(written.hasErrors, false);
    const annotations = written.sidecar.annotations;
    assert.equal(annotations.length, 2, JSON.stringify(annotations));
    const kept = annotations.find((a) => a.id === id)!;
    assert.equal(kept.note, 'their note', 'the disk version keeps the id');
    assert.equal(kept.conflict, undefined);
    const ours = annotations.find((a) => a.id !== id)!;
    assert.equal(ours.note, 'our note');
    assert.equal(ours.conflict?.with, id, 'our version is marked as conflicting with theirs');
    assert.equal(ours.target.exact, passage);

    const state = await vscode.commands.executeCommand<{ conflicts: ConflictReport[] }>('sourceAnnotator.annotations.state');
    const report = state.conflicts.find((r) => r.sidecar === sidecar.toString());
    assert.deepEqual(report?.conflicts.map((c) => [c.kind, c.id, c.oursId]), [['both-modified', id, ours.id]]);
  });
});
