// Import in the real editor: an export imported again changes nothing, ids come back as they were, and
// entries that cannot be read are skipped and reported while the rest are imported.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, pollUntil, workspaceRoot } from './helpers';

const text = 'The council approved the budget on Monday. Critics called the vote rushed.\n';

interface ImportResult { imported: number; skipped: string[] }

describe('annotations: import of Web Annotations', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'import-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'import-fixture.txt.annotations.yaml');
  const exported = vscode.Uri.joinPath(workspaceRoot(), 'import-fixture-export.jsonld');
  const foreign = vscode.Uri.joinPath(workspaceRoot(), 'import-fixture-foreign.json');

  const at = (quote: string, id: string, note = ''): Parameters<SidecarDocument['addAnnotation']>[0] => {
    const start = text.indexOf(quote);
    return { id, tags: ['vote'], note, created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z', target: createTarget(text, start, start + quote.length) };
  };

  before(async () => {
    writeFileSync(article.fsPath, text);
    const document = SidecarDocument.create();
    document.addAnnotation(at('approved the budget', 'note:1', 'Check the minutes.'));
    document.addAnnotation(at('the vote rushed', '42'));
    writeFileSync(sidecar.fsPath, document.toString());
    await activateExtension();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await pollUntil(async () => (await vscode.commands.executeCommand<{ article?: { annotations: unknown[] } }>(
      'sourceAnnotator.annotations.state', article.toString())).article?.annotations.length ?? 0, (n) => n === 2);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [article, sidecar, exported, foreign]) rmSync(uri.fsPath, { force: true });
  });

  it('imports its own export again without duplicating anything, and restores a removed annotation under its id', async () => {
    await vscode.commands.executeCommand('sourceAnnotator.exportAnnotations', { format: 'jsonld', target: exported.toString() });
    const before = readFileSync(sidecar.fsPath, 'utf8');
    const again = await vscode.commands.executeCommand<ImportResult>('sourceAnnotator.importAnnotations', { source: exported.toString() });
    assert.equal(again?.imported, 0, JSON.stringify(again));
    assert.equal(readFileSync(sidecar.fsPath, 'utf8'), before, 'the sidecar is untouched');

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', { article: article.toString(), id: 'note:1' }), true);
    const restored = await vscode.commands.executeCommand<ImportResult>('sourceAnnotator.importAnnotations', { source: exported.toString() });
    assert.equal(restored?.imported, 1, JSON.stringify(restored));
    const annotations = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8')).sidecar.annotations;
    assert.deepEqual(annotations.map((a) => a.id).sort(), ['42', 'note:1']);
    assert.equal(annotations.find((a) => a.id === 'note:1')?.note, 'Check the minutes.');
  });

  it('skips and reports what it cannot read, normalizes the rest, and leaves a valid sidecar', async () => {
    const target = (exact: string): object => ({ source: article.toString(), selector: { type: 'TextQuoteSelector', exact } });
    writeFileSync(foreign.fsPath, JSON.stringify([
      { type: 'Annotation', id: 7, created: 1700000000, creator: { '@value': 'jd' }, body: { value: 'Numeric id.', purpose: 'commenting' }, target: target('on Monday') },
      { type: 'Annotation', id: 'later', created: 'yesterday', target: target('Critics') },
      { type: 'Annotation', id: 'missing', target: target('not in the article') },
    ]));
    const result = await vscode.commands.executeCommand<ImportResult>('sourceAnnotator.importAnnotations', { source: foreign.toString() });
    assert.equal(result?.imported, 1, JSON.stringify(result));
    assert.equal(result?.skipped.length, 2, JSON.stringify(result));
    assert.match(result!.skipped[0], /"created" is "yesterday"/);
    const written = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    assert.equal(written.hasErrors, false);
    const numeric = written.getAnnotation('7');
    assert.equal(numeric?.created, '2023-11-14T22:13:20Z');
    assert.equal(numeric?.author, 'jd');
    assert.equal(numeric?.target.exact, 'on Monday');
  });
});
