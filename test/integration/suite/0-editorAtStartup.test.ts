// The harness opens an article through the start-up URL, as a user's bookmark or a UI test does; `0-e`
// sorts this file first, before any test closes that editor. The workbench once named that file with an
// authority of its own, and every URI the extension host sent back about it loaded a second model: when
// that model went, the extension host dropped the editor's document and every provider of every extension
// failed on it ("Unable to retrieve document"). Another extension's hover must keep answering on it.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, hoversAt, hoverText, pollUntil, positionOf } from './helpers';

const startupArticle = process.env.SOURCE_ANNOTATOR_STARTUP_ARTICLE;
const PROBE = 'probe hover from another extension';

describe('the article opened by the start-up URL', () => {
  let probe: vscode.Disposable | undefined;

  after(() => probe?.dispose());

  it('keeps answering other providers after indexing and a language round trip', async function () {
    if (!startupArticle) throw new Error('the harness did not say which article it opened at start-up (SOURCE_ANNOTATOR_STARTUP_ARTICLE)');
    const isStartup = (doc: vscode.TextDocument): boolean => doc.uri.path.endsWith(`/${startupArticle}`);
    const api = await activateExtension();
    // The start-up editor may appear a moment after the extension host starts.
    const editor = await pollUntil(async () => vscode.window.visibleTextEditors.find((e) => isStartup(e.document)), Boolean, 30000);
    assert.ok(editor, `${startupArticle} is not open in an editor at start-up`);
    const doc = editor.document;
    probe = vscode.languages.registerHoverProvider([{ language: 'plaintext' }, { language: 'article' }], {
      provideHover: () => new vscode.Hover(PROBE),
    });
    await api.whenIndexed();
    const at = positionOf(doc, 'War Secretary Pete Hegseth', 'Hegseth');
    const afterIndexing = hoverText(await pollUntil(() => hoversAt(doc, at), (hovers) => hoverText(hovers).includes('Pete Hegseth'), 30000));
    assert.ok(afterIndexing.includes(PROBE), `the other provider's hover is missing after indexing: ${afterIndexing}`);
    // The article was analysed before the name model loaded (rules alone call Greenland a person); the index
    // must hold the model's reading of it once indexed, though its text never changed.
    const greenland = positionOf(doc, 'Greenland', 'Greenland');
    const place = hoverText(await pollUntil(() => hoversAt(doc, greenland), (hovers) => /Place/.test(hoverText(hovers)), 15000));
    assert.match(place, /\*\*Place\*\* · Greenland/, `the start-up article's index entry is still the rules-only one: ${place}`);

    // A language change makes the workbench load the document by the URI the extension host gives it:
    // the round trip that used to leave the extension host without the editor's document.
    const asArticle = await vscode.languages.setTextDocumentLanguage(doc, 'article');
    const back = await vscode.languages.setTextDocumentLanguage(asArticle, 'plaintext');
    assert.equal(back.languageId, 'plaintext');
    assert.ok(vscode.workspace.textDocuments.some(isStartup), 'the extension host still holds the start-up document');
    const text = hoverText(await pollUntil(() => hoversAt(back, at), (hovers) => hoverText(hovers).includes(PROBE), 15000));
    assert.ok(text.includes('Pete Hegseth'), `Source Annotator's card is missing after the round trip: ${text}`);
    assert.ok(text.includes(PROBE));
  });
});
