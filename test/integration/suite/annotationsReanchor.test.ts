// Re-anchoring in the live editor: an annotation whose paragraph is deleted becomes an orphan (listed
// in Problems), and comes back by itself when Undo or a paste of the cut text brings its words back;
// a copy of its paragraph pasted above never takes it.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, pollUntil, workspaceRoot } from './helpers';

interface StateAnnotation { id: string; start?: number; end?: number; orphan: boolean }
interface AnnotationState { article?: { annotations: StateAnnotation[] } }

const quote = '3.5 per cent of national income';
const annotated = `Members committed to raise core defence spending to ${quote} by 2035, officials said.`;
const articleText = [
  'Allies agree on spending',
  '',
  'Eight years earlier, a quarter of the allies met the target of 2 per cent of national income.',
  '',
  annotated,
  '',
  'A closing paragraph that nobody annotates.',
  '',
].join('\n');

async function annotation(article: vscode.Uri): Promise<StateAnnotation> {
  const state = await vscode.commands.executeCommand<AnnotationState>('sourceAnnotator.annotations.state', article.toString());
  return state.article!.annotations[0];
}

describe('annotations re-anchoring in the live editor', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'reanchor-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'reanchor-fixture.txt.annotations.yaml');
  let editor: vscode.TextEditor;
  let start: number;

  before(async () => {
    writeFileSync(article.fsPath, articleText);
    await activateExtension();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    start = articleText.indexOf(quote);
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
    const ids = await vscode.commands.executeCommand<string[]>('sourceAnnotator.tagSelection', { tags: ['figure'] });
    assert.equal(ids?.length, 1);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [article, sidecar]) rmSync(uri.fsPath, { force: true });
  });

  it('deleting the annotated paragraph orphans it (in Problems), and Undo re-attaches it where it was', async () => {
    const paragraph = articleText.indexOf(annotated);
    const range = new vscode.Range(editor.document.positionAt(paragraph), editor.document.positionAt(paragraph + annotated.length + 1));
    assert.ok(await editor.edit((edit) => edit.delete(range)));
    const orphaned = await pollUntil(() => annotation(article), (a) => a.orphan);
    assert.equal(orphaned.orphan, true, 'not moved onto the other "per cent of national income"');
    const problems = await pollUntil(async () => vscode.languages.getDiagnostics(article),
      (diagnostics) => diagnostics.some((d) => /lost its text/.test(d.message)));
    assert.ok(problems.some((d) => /lost its text/.test(d.message)), 'the orphan is listed in Problems');

    await vscode.commands.executeCommand('undo');
    const back = await pollUntil(() => annotation(article), (a) => !a.orphan);
    assert.deepEqual([back.start, back.end], [start, start + quote.length]);
    assert.equal(editor.document.getText().slice(back.start, back.end), quote);
    const cleared = await pollUntil(async () => vscode.languages.getDiagnostics(article),
      (diagnostics) => !diagnostics.some((d) => /lost its text/.test(d.message)));
    assert.ok(!cleared.some((d) => /lost its text/.test(d.message)), 'Problems no longer lists it');
  });

  it('cut then paste elsewhere brings it back at the pasted words', async () => {
    const text = editor.document.getText();
    const paragraph = text.indexOf(annotated);
    const cut = text.slice(paragraph, paragraph + annotated.length + 1);
    assert.ok(await editor.edit((edit) => edit.delete(new vscode.Range(editor.document.positionAt(paragraph), editor.document.positionAt(paragraph + cut.length)))));
    await pollUntil(() => annotation(article), (a) => a.orphan);
    // Paste at the top of the article, as a second change event.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), cut)));
    const back = await pollUntil(() => annotation(article), (a) => !a.orphan);
    assert.equal(back.start, cut.indexOf(quote));
    assert.equal(editor.document.getText().slice(back.start, back.end), quote);
  });

  it('a copy of the paragraph pasted above it does not take the annotation, even after the original is edited', async () => {
    const text = editor.document.getText();
    const before = (await annotation(article)).start!;
    const paragraph = text.lastIndexOf('\n', before) + 1;
    const copy = text.slice(paragraph, text.indexOf('\n', before) + 1);
    assert.ok(await editor.edit((edit) => edit.insert(editor.document.positionAt(paragraph), copy)));
    const shifted = await pollUntil(() => annotation(article), (a) => a.start === before + copy.length);
    assert.equal(shifted.start, before + copy.length, 'it stays on the original, after the copy');
    // Edit "per cent" inside the original's quote: the annotation follows its own edited words.
    const perCent = before + copy.length + quote.indexOf('per cent');
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(perCent), editor.document.positionAt(perCent + 'per cent'.length)), 'percent')));
    const edited = await pollUntil(() => annotation(article), (a) => a.end === before + copy.length + quote.length - 1);
    assert.equal(editor.document.getText().slice(edited.start, edited.end), '3.5 percent of national income');
  });
});
