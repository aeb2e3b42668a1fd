// Lost updates in the real editor: another writer (git, a sync tool, a second window) replaces the
// sidecar or the entity registry after a command read it and before its rename. The extension's test
// hook makes that write happen at exactly that moment (no sleeps); the command must keep both.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { RegistryDocument } from '../../../src/core/registry/registryDocument';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, workspaceRoot } from './helpers';

const text = 'The minister resigned on Friday. Her deputy, Ana Ruiz, will act until the election in May.\n';

describe('annotations: no lost update when another writer gets between read and rename', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'lost-update-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'lost-update-fixture.txt.annotations.yaml');
  const registry = vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml');
  let registryBefore: string | undefined;

  before(async () => {
    writeFileSync(article.fsPath, text);
    registryBefore = existsSync(registry.fsPath) ? readFileSync(registry.fsPath, 'utf8') : undefined;
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(article.fsPath, { force: true });
    rmSync(sidecar.fsPath, { force: true });
    if (registryBefore === undefined) rmSync(registry.fsPath, { force: true });
    else writeFileSync(registry.fsPath, registryBefore);
  });

  async function tag(passage: string, tags: string[]): Promise<void> {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const start = text.indexOf(passage);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + passage.length));
    await vscode.commands.executeCommand('sourceAnnotator.tagSelection', { tags });
  }

  it('a sidecar: the other writer\'s annotation and edit are kept beside ours', async () => {
    await tag('resigned on Friday', ['event']);
    const first = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    const [{ id }] = first.sidecar.annotations;
    const start = text.indexOf('Ana Ruiz');
    first.addAnnotation({ id: 'colleague-1', tags: ['person'], note: 'Added by a colleague.', created: '2026-02-13T09:00:00Z',
      modified: '2026-02-13T09:00:00Z', target: createTarget(text, start, start + 'Ana Ruiz'.length) });
    first.updateAnnotation(id, { note: 'Confirmed by the ministry.', modified: '2026-02-13T09:01:00Z' });
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.annotations.injectWriteBeforeCommit',
      { path: sidecar.fsPath, text: first.toString() }), true);

    await tag('the election in May', ['date']);

    const written = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    assert.equal(written.hasErrors, false);
    const byExact = new Map(written.sidecar.annotations.map((a) => [a.target.exact, a]));
    assert.deepEqual([...byExact.keys()].sort(), ['Ana Ruiz', 'resigned on Friday', 'the election in May']);
    assert.equal(byExact.get('resigned on Friday')?.note, 'Confirmed by the ministry.', 'their edit is kept');
    assert.equal(byExact.get('Ana Ruiz')?.id, 'colleague-1', 'their annotation is kept');
    assert.deepEqual(byExact.get('the election in May')?.tags, ['date'], 'our annotation is written');
  });

  it('the registry: the other writer\'s entity is kept and ours added on top', async () => {
    const theirs = registryBefore !== undefined ? RegistryDocument.parse(registryBefore) : RegistryDocument.empty();
    assert.equal(theirs.hasErrors, false);
    theirs.markEntity('Ana Ruiz', 'PERSON');
    mkdirSync(vscode.Uri.joinPath(registry, '..').fsPath, { recursive: true });
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.annotations.injectWriteBeforeCommit',
      { path: registry.fsPath, text: theirs.toString() }), true);

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.registry.markEntity', 'ORG', 'Electoral Commission'), true);

    const entities = RegistryDocument.parse(readFileSync(registry.fsPath, 'utf8')).toEntityRegistry().entities.map((e) => e.canonical);
    assert.ok(entities.includes('Ana Ruiz'), `their entity is kept: ${entities.join(', ')}`);
    assert.ok(entities.includes('Electoral Commission'), `ours is added: ${entities.join(', ')}`);
  });
});
