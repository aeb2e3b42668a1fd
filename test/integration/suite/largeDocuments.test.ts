// A long article (past the large-document size) is analysed block by block: the part on screen on the
// extension host, the rest by the analysis workers. Its spans must cover the whole text and stay on their
// words through edits.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { Span } from '../../../src/core/extract/types';
import { activateExtension, pollUntil } from './helpers';

/** About 400 KB of distinct paragraphs, each naming NATO once: past the large-document size (256 KB). */
function longArticle(): string {
  const paragraphs = ['Alliance Ministers Meet Again', ''];
  for (let n = 0; n < 4000; n++) {
    paragraphs.push(`Item ${n}: NATO defence ministers met in Brussels on Thursday, officials said, and talks continued.`, '');
  }
  return paragraphs.join('\n');
}

const occurrences = (text: string, word: string): number => text.split(word).length - 1;

/** Spans whose text is not the document's text at their offsets. */
function misplaced(doc: vscode.TextDocument, spans: readonly Span[]): Span[] {
  const text = doc.getText();
  return spans.filter((s) => text.slice(s.start, s.end) !== s.text);
}

describe('long articles', function () {
  this.timeout(120000);

  it('analyses every block of a long article, and keeps spans on their words through edits', async () => {
    const api = await activateExtension();
    const content = longArticle();
    assert.ok(content.length > 256 * 1024);
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    const editor = await vscode.window.showTextDocument(doc);
    const nato = (spans: readonly Span[]) => spans.filter((s) => s.type === 'ORG' && s.text === 'NATO').length;

    const expected = occurrences(content, 'NATO');
    const complete = await pollUntil(() => api.getSpans(doc.uri.toString()), (spans) => nato(spans) === expected, 90000);
    assert.equal(nato(complete), expected, 'blocks off screen were never analysed');
    assert.deepEqual(misplaced(doc, complete), []);

    // Off screen, so the workers extract the edited block; on a line of text, so the sentence joins a paragraph.
    const middleLine = Math.floor(doc.lineCount / 2);
    const middle = doc.lineAt(doc.lineAt(middleLine).isEmptyOrWhitespace ? middleLine + 1 : middleLine).range.end;
    await editor.edit((edit) => {
      edit.insert(new vscode.Position(0, 0), 'Breaking: ');
      edit.insert(middle, ' Later, Angela Merkel spoke in Berlin.');
    });
    const merkel = (spans: readonly Span[]) => spans.some((s) => s.type === 'PERSON' && s.text === 'Angela Merkel');
    const edited = await pollUntil(() => api.getSpans(doc.uri.toString()), (spans) => merkel(spans) && nato(spans) === expected, 30000);
    assert.ok(merkel(edited), 'the sentence typed off screen was never analysed');
    assert.equal(nato(edited), expected, 'an edit lost the spans of blocks it did not touch');
    assert.deepEqual(misplaced(doc, edited), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('extracts nothing while highlights are off, and catches up on the typed text when they come back on', async () => {
    const api = await activateExtension();
    const content = longArticle();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    const editor = await vscode.window.showTextDocument(doc);
    const expected = occurrences(content, 'NATO');
    await pollUntil(() => api.getSpans(doc.uri.toString()), (spans) => spans.filter((s) => s.text === 'NATO').length === expected, 90000);
    const highlights = vscode.workspace.getConfiguration('sourceAnnotator.highlight');
    await highlights.update('enabled', false, vscode.ConfigurationTarget.Global);
    try {
      const analysedBefore = doc.version;
      // On screen: with highlights on, this is the block that would be extracted at once.
      await editor.edit((edit) => edit.insert(editor.visibleRanges[0].start.translate(1, 0), 'Later, Angela Merkel spoke in Berlin. '));
      const settled = api.nextSettled(doc.uri.toString());
      assert.equal(await settled, analysedBefore, 'the edit was analysed although nothing is painted');
    } finally {
      await highlights.update('enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    const merkel = (spans: readonly Span[]) => spans.some((s) => s.type === 'PERSON' && s.text === 'Angela Merkel');
    assert.ok(merkel(await pollUntil(() => api.getSpans(doc.uri.toString()), merkel, 30000)), 'the text typed with highlights off was never analysed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports a long article that is not English instead of tagging it', async () => {
    const api = await activateExtension();
    const paragraph = (n: number) => `Absatz ${n}: Die Verteidigungsminister der Allianz trafen sich am Donnerstag in Brüssel, um über ` +
      'die Ausgaben für die Sicherheit zu sprechen, weil die Lage in Europa sich verändert hat und viele Regierungen ihre Haushalte anpassen wollen.';
    const content = Array.from({ length: 2500 }, (_, n) => paragraph(n)).join('\n\n');
    assert.ok(content.length > 256 * 1024);
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    await vscode.window.showTextDocument(doc);
    assert.match((await api.skipReason(doc.uri.toString())) ?? '', /English only.*German/);
    assert.deepEqual(await api.getSpans(doc.uri.toString()), []);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
