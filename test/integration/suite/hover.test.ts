// Hover cards, asserted through VS Code's own hover command exactly as the editor would ask for them.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, hoversAt, hoverText, openSample, pollUntil, positionOf } from './helpers';

const article = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';

describe('hover cards', () => {
  let document: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    document = await openSample(article);
  });

  it('shows a person card with the full name over a surname', async () => {
    const position = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
    const text = await pollUntil(async () => hoverText(await hoversAt(document, position)), (value) => value.length > 0);
    assert.match(text, /person/i, `hover over "Hegseth" should name the category; got: ${text}`);
    assert.ok(text.includes('Pete Hegseth'), `hover over "Hegseth" should give the full name; got: ${text}`);
  });

  it('resolves a weekday against the publication date', async () => {
    const position = positionOf(document, 'called on Thursday', 'Thursday');
    const text = await pollUntil(async () => hoverText(await hoversAt(document, position)), (value) => value.length > 0);
    assert.ok(text.includes('2026-02-12'), `hover over "Thursday" should resolve to 2026-02-12; got: ${text}`);
  });

  it('stays silent over a plain word', async () => {
    // Wait until the provider answers for an entity first, so silence below is not just "not ready yet".
    const entity = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
    await pollUntil(async () => hoverText(await hoversAt(document, entity)), (value) => value.length > 0);
    const hovers = await hoversAt(document, positionOf(document, 'arrived for talks in', 'talks'));
    assert.equal(hovers.length, 0, `expected no hover over "talks"; got: ${hoverText(hovers)}`);
  });
});
