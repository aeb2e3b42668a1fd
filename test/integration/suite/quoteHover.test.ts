// A quotation's own hover card in the real editor: who said it (linked to their references), the article's
// date, and how independently it is reported once another outlet republishes the story.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, hoversAt, hoverText, openSample, pollUntil, positionOf, workspaceRoot } from './helpers';

const ARTICLE = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'quote-hover-republished');

function commandLinks(markdown: string): { label: string; command: string; args: unknown[] }[] {
  return [...markdown.matchAll(/\[((?:[^\]\\]|\\.)*)\]\(command:([\w.]+)\?([^)\s]*)/gu)]
    .map((m) => ({ label: m[1].replace(/\\(.)/gu, '$1'), command: m[2], args: JSON.parse(decodeURIComponent(m[3])) as unknown[] }));
}

describe('quotation hover card', () => {
  let document: vscode.TextDocument;
  let inQuote: vscode.Position;

  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    document = await openSample(ARTICLE);
    inQuote = positionOf(document, 'Investment is up by tens of billions.', 'is');
  });

  after(async () => {
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  it('says who said the quotation under the cursor, links to their references, and is trusted for that link only', async () => {
    const hovers = await pollUntil(() => hoversAt(document, inQuote), (h) => hoverText(h).includes('Quotation'));
    const text = hoverText(hovers);
    assert.match(text, /\*\*Quotation\*\* · said by \[Mark Rutte\]/u, text);
    const content = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && c.value.includes('Quotation'))!;
    const [link] = commandLinks(content.value);
    assert.equal(link.label, 'Mark Rutte');
    assert.equal(link.command, 'sourceAnnotator.showReferences');
    const [key, uri, offset] = link.args as [string, string, number];
    assert.equal(key, 'PERSON:mark rutte');
    assert.equal(uri, document.uri.toString());
    // the link points at the cue the attribution rests on ("he" said, which refers back to Rutte)
    assert.ok(offset < document.offsetAt(inQuote), `cue at ${offset}`);
    const trusted = content.isTrusted;
    assert.ok(typeof trusted === 'object' && trusted.enabledCommands.includes('sourceAnnotator.showReferences'));
    // the range is the quoted words
    const hover = hovers.find((h) => h.contents.includes(content))!;
    assert.equal(document.getText(hover.range), 'Investment is up by tens of billions.');
    // outside any quotation, on plain words, no quotation card
    const plain = positionOf(document, 'allies were stepping up to take more responsibility', 'stepping');
    assert.doesNotMatch(hoverText(await hoversAt(document, plain)), /Quotation/u);
  });

  it('adds the corroboration line once another outlet republishes the story', async () => {
    const story = document.getText();
    const body = story.slice(story.indexOf('\n'));
    await vscode.workspace.fs.createDirectory(folder());
    const copy = vscode.Uri.joinPath(folder(), 'Allies Told to Stand on Their Own.txt');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'Allies Told to Stand on Their Own.txt.annotations.yaml'),
      new TextEncoder().encode('version: 1\narticle:\n  published: 2026-02-14\n  source: Atlantic Ledger\nannotations: []\n'));
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(`Allies Told to Stand on Their Own${body}`));
    const text = await pollUntil(async () => hoverText(await hoversAt(document, inQuote)), (t) => t.includes('Corroboration'), 60000);
    assert.match(text, /\*\*Corroboration\*\* · reported by .*; 1 more republishes its wire copy \(Atlantic Ledger\)/u, text);
    // the copy's own hover says the same of the same quotation
    const copyDocument = await vscode.workspace.openTextDocument(copy);
    const there = await pollUntil(async () => hoverText(await hoversAt(copyDocument, positionOf(copyDocument, 'Investment is up by tens of billions.', 'is'))),
      (t) => t.includes('Corroboration'), 30000);
    assert.match(there, /\*\*Quotation\*\* · said by \[Mark Rutte\]/u, there);
  });
});
