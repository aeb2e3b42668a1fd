// Checks that need an extension host where nothing has happened yet; `0-` sorts this file first.
// Registering any file system makes VS Code scan every document for links of its scheme whenever the
// editor asks for links (40 ms per edit in a 5 MB article): the notes' file system waits until a note is wanted.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, workspaceRoot } from './helpers';

const article = vscode.Uri.joinPath(workspaceRoot(), 'fresh-host-fixture.txt');
const mention = 'source-annotator-note:/a1/Note%20on%20x.md';

async function noteLinksIn(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
  return links.filter((link) => link.target?.scheme === 'source-annotator-note');
}

describe('a fresh extension host', () => {
  before(async () => {
    writeFileSync(article.fsPath, `The council met on Monday. See ${mention} for the analyst's note.\n`);
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(article.fsPath, { force: true });
  });

  it('does not serve notes, nor have documents scanned for note links, until a note is wanted', async () => {
    const doc = await vscode.workspace.openTextDocument(article);
    const editor = await vscode.window.showTextDocument(doc);
    assert.deepEqual(await noteLinksIn(doc), [], 'no note link is looked for before any note is wanted');

    const start = doc.getText().indexOf('council');
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + 'council'.length));
    await vscode.commands.executeCommand('sourceAnnotator.addNote');
    const note = vscode.window.activeTextEditor?.document;
    assert.equal(note?.uri.scheme, 'source-annotator-note', 'Add Note opened a note editor');
    assert.equal(note.getText(), '');

    const links = await noteLinksIn(doc);
    assert.equal(links.length, 1, 'once notes are served, VS Code links their URIs');
    assert.equal(doc.getText(links[0].range), mention);
  });
});
