// A non-English article is reported instead of being tagged with nonsense.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

const GERMAN = 'Die Verteidigungsminister der Allianz trafen sich am Donnerstag in Brüssel, um über die Ausgaben für die ' +
  'Sicherheit zu sprechen. Der Generalsekretär sagte, dass die Mitglieder mehr investieren müssen, weil die Lage in ' +
  'Europa sich verändert hat und viele Regierungen ihre Haushalte anpassen wollen. Die Minister wollen im Juni erneut beraten.';

describe('language', () => {
  it('says "English only" for a German article and highlights nothing in it', async () => {
    const api = await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: GERMAN });
    await vscode.window.showTextDocument(doc);
    assert.match((await api.skipReason(doc.uri.toString())) ?? '', /English only.*German/);
    assert.deepEqual(await api.getSpans(doc.uri.toString()), []);
  });

  it('analyses an English article', async () => {
    const api = await activateExtension();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'NATO defence ministers met in Brussels on Thursday to discuss spending.' });
    assert.equal(await api.skipReason(doc.uri.toString()), undefined);
    assert.ok((await api.getSpans(doc.uri.toString())).length > 0);
  });
});
