// Notes are written in a real multi-line editor: Edit Note and Add Note open a Markdown document on
// the `source-annotator-note:` file system, and saving it writes the note, line breaks included, into
// the sidecar — or refuses, leaving the file alone, while the sidecar is malformed.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, pollUntil, workspaceRoot } from './helpers';

const text = 'The council approved the budget on Monday. Critics called the vote rushed.\n';

function notesOnDisk(sidecar: vscode.Uri): Map<string, { note: string; exact: string }> {
  const doc = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
  assert.equal(doc.hasErrors, false);
  return new Map(doc.sidecar.annotations.map((a) => [a.id, { note: a.note, exact: a.target.exact }]));
}

async function replaceAll(doc: vscode.TextDocument, value: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), value);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

async function select(passage: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article), vscode.ViewColumn.One);
  const start = editor.document.getText().indexOf(passage);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + passage.length));
  return editor;
}

interface TrackedNotes { served: string[]; pending: string[] }

async function trackedNotes(): Promise<TrackedNotes> {
  return (await vscode.commands.executeCommand<{ notes: TrackedNotes }>('sourceAnnotator.annotations.state')).notes;
}

const isTracked = (notes: TrackedNotes, uri: string): boolean => notes.served.includes(uri) || notes.pending.includes(uri);

/** Closes the note's editor tabs; the document itself closes once nothing else holds it. */
async function closeNote(uri: string): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri);
  assert.ok(tabs.length > 0, `an editor shows ${uri}`);
  assert.ok(await vscode.window.tabGroups.close(tabs));
}

const isOpen = (uri: string): boolean => vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri);

const article = vscode.Uri.joinPath(workspaceRoot(), 'notes-fixture.txt');
const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'notes-fixture.txt.annotations.yaml');

describe('annotations: notes in a multi-line editor', () => {
  let id: string;
  let autoSave: string | undefined;

  before(async () => {
    writeFileSync(article.fsPath, text);
    await activateExtension();
    // VS Code for the Web (code-server) auto-saves after a second by default. An auto save that starts
    // while a test saves explicitly takes that save over, and VS Code can abandon it without an error
    // (seen as onWillSaveTextDocument with reason AfterDelay, no write, and save() resolving false,
    // once in two runs on a busy machine). These tests save explicitly, so auto save is off meanwhile.
    const files = vscode.workspace.getConfiguration('files');
    autoSave = files.inspect<string>('autoSave')?.globalValue;
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(article.fsPath, { force: true });
    rmSync(sidecar.fsPath, { force: true });
  });

  it('Edit Note opens the note as Markdown and saving it writes the lines into the sidecar', async () => {
    await select('approved the budget');
    [id] = (await vscode.commands.executeCommand<string[]>('sourceAnnotator.addNote', { note: 'One line for now', tags: ['vote'] }))!;
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.editNote', { article: article.toString(), id });
    const note = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri);
    assert.ok(note, `the note document ${uri} is open`);
    assert.equal(note.uri.scheme, 'source-annotator-note');
    assert.equal(note.languageId, 'markdown');
    assert.equal(note.getText(), 'One line for now');

    await replaceAll(note, 'Line one\n\n- a point\n- another point\n');
    assert.equal(await note.save(), true, 'the note saves');
    assert.equal(notesOnDisk(sidecar).get(id)?.note, 'Line one\n\n- a point\n- another point');
    assert.equal(note.isDirty, false);
  });

  it('Add Note without a note opens an empty note that creates the annotation when saved, once', async () => {
    await select('called the vote rushed');
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.addNote');
    assert.equal(typeof uri, 'string');
    const note = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri)!;
    assert.equal(note.getText(), '');
    assert.equal(notesOnDisk(sidecar).size, 1, 'nothing is created before the note is saved');

    await replaceAll(note, 'Who said so?\nCheck the minutes.');
    assert.equal(await note.save(), true);
    const created = [...notesOnDisk(sidecar)].filter(([key]) => key !== id);
    assert.equal(created.length, 1);
    assert.deepEqual(created[0][1], { note: 'Who said so?\nCheck the minutes.', exact: 'called the vote rushed' });

    await replaceAll(note, 'Who said so?\nThe minutes confirm it.');
    assert.equal(await note.save(), true);
    const after = notesOnDisk(sidecar);
    assert.equal(after.size, 2, 'the second save edits the same annotation');
    assert.equal(after.get(created[0][0])?.note, 'Who said so?\nThe minutes confirm it.');
  });

  it('a new note saved after the article was edited still annotates the passage it was opened on', async () => {
    const editor = await select('on Monday');
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.addNote');
    const note = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri)!;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(article, new vscode.Position(0, 0), 'UPDATED: ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(editor.document.getText().startsWith('UPDATED: '));
    await replaceAll(note, 'Which Monday?');
    assert.equal(await note.save(), true);
    const created = [...notesOnDisk(sidecar).values()].find((a) => a.note === 'Which Monday?');
    assert.deepEqual(created, { note: 'Which Monday?', exact: 'on Monday' });
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('keeps trailing blank lines and paragraphs exactly as typed', async () => {
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.editNote', { article: article.toString(), id });
    const note = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri)!;
    const typed = 'First paragraph.\n\nSecond paragraph.\n\n\n';
    await replaceAll(note, typed);
    assert.equal(await note.save(), true);
    assert.equal(notesOnDisk(sidecar).get(id)?.note, 'First paragraph.\n\nSecond paragraph.\n\n', 'only the final line break is the file\'s');
    const reread = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri!)));
    assert.equal(reread, typed, 'the note reads back exactly as typed');
  });

  it('closing a note editor releases the note; reopening it tracks it again', async () => {
    await select('The council');
    const [shortId] = (await vscode.commands.executeCommand<string[]>('sourceAnnotator.addNote', { note: 'Short note' }))!;
    const uri = (await vscode.commands.executeCommand<string>('sourceAnnotator.editNote', { article: article.toString(), id: shortId, show: false }))!;
    // Opened by the workbench, as a user would: a document the extension host opened itself stays for minutes after its editor closes.
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(uri), { preview: false });
    await pollUntil(async () => isOpen(uri), (open) => open);
    assert.ok(isTracked(await trackedNotes(), uri), 'an open note is tracked');

    await closeNote(uri);
    const released = await pollUntil(trackedNotes, (notes) => !isTracked(notes, uri));
    assert.equal(isOpen(uri), false, 'the note document closed with its editor');
    assert.equal(isTracked(released, uri), false, 'the closed note is released');

    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(uri), { preview: false });
    await pollUntil(async () => isOpen(uri), (open) => open);
    assert.equal(vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri)?.getText(), 'Short note');
    assert.ok(isTracked(await trackedNotes(), uri), 'a reopened note is tracked again');
    await closeNote(uri);
  });

  it('a new note survives its document being closed and reopened by a language change', async () => {
    await select('approved the budget on');
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.addNote');
    const note = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri)!;
    await replaceAll(note, 'Draft, not saved yet.\n\n');
    // A language change closes and reopens the document while its editor and unsaved text stay.
    const plain = await vscode.languages.setTextDocumentLanguage(note, 'plaintext');
    assert.ok((await trackedNotes()).pending.includes(uri), 'the unsaved new note is still tracked');
    const markdown = await vscode.languages.setTextDocumentLanguage(plain, 'markdown');
    assert.equal(markdown.isDirty, true);
    assert.equal(await markdown.save(), true);
    const created = [...notesOnDisk(sidecar).values()].filter((a) => a.note === 'Draft, not saved yet.\n');
    assert.deepEqual(created, [{ note: 'Draft, not saved yet.\n', exact: 'approved the budget on' }]);
  });

  it('a note read but not open is released when its annotation is removed', async () => {
    await select('Critics called');
    const [removable] = (await vscode.commands.executeCommand<string[]>('sourceAnnotator.addNote', { note: 'Temporary' }))!;
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.editNote', { article: article.toString(), id: removable, show: false });
    await vscode.workspace.fs.stat(vscode.Uri.parse(uri!));
    assert.ok((await trackedNotes()).served.includes(uri!), 'reading the note tracks it');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', { article: article.toString(), id: removable }), true);
    const released = await pollUntil(trackedNotes, (notes) => !notes.served.includes(uri!));
    assert.equal(released.served.includes(uri!), false);
  });

  it('refuses to save a note into a malformed sidecar and leaves the file untouched', async () => {
    const uri = await vscode.commands.executeCommand<string>('sourceAnnotator.editNote', { article: article.toString(), id });
    const note = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri)!;
    const broken = 'version: 1\nannotations:\n  - id: x\n    tags: [open\n';
    writeFileSync(sidecar.fsPath, broken);
    const state = await pollUntil(async () => vscode.commands.executeCommand<{ article?: { broken: boolean } }>('sourceAnnotator.annotations.state', article.toString()),
      (s) => s.article?.broken === true);
    assert.equal(state.article?.broken, true);
    await replaceAll(note, 'An edit that must not be written');
    assert.equal(await note.save(), false, 'the save is refused');
    assert.equal(readFileSync(sidecar.fsPath, 'utf8'), broken);
    assert.equal(note.isDirty, true, 'the typed note is kept in the editor');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
