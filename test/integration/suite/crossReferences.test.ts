// Cross-references across the sample workspace, asserted through VS Code's own provider commands.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, hoversAt, hoverText, openSample, pollUntil, positionOf, workspaceRoot } from './helpers';

const here = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
const fileOf = (uri: vscode.Uri): string => uri.path.split('/').pop() ?? '';

describe('cross-references', () => {
  let document: vscode.TextDocument;
  let hegseth: vscode.Position;

  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    document = await openSample(here);
    hegseth = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
  });

  it('lists the other articles that mention a person in the hover card, with links to the mentions', async () => {
    const hovers = await pollUntil(() => hoversAt(document, hegseth), (h) => hoverText(h).includes('Other articles'));
    const raw = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(hoverText(hovers), /Other articles/, `no cross-references in: ${hoverText(hovers)}`);
    // The files each openMention link opens (its arguments are percent-encoded JSON: [uri, start, end]).
    const linked = [...raw.matchAll(/command:sourceAnnotator\.openMention\?([^\s)"]+)/g)]
      .map((m) => vscode.Uri.parse((JSON.parse(decodeURIComponent(m[1])) as [string])[0]).path.split('/').pop()!);
    for (const other of ['Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt', 'Hegseth Warns NATO Allies Over Reliance on America.txt']) {
      assert.ok(linked.includes(other), `the card should link to ${other}; it links to ${linked.join(', ')}`);
    }
    assert.ok(!linked.includes(here), 'the article itself is not listed');
  });

  it('finds all references across the workspace', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, hegseth);
    const files = new Set(locations.map((l) => fileOf(l.uri)));
    assert.ok(files.has(here) && files.has('Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt') && files.has('Hegseth Warns NATO Allies Over Reliance on America.txt'), `references in: ${[...files].join(', ')}`);
    for (const l of locations) {
      const doc = await vscode.workspace.openTextDocument(l.uri);
      assert.match(doc.getText(l.range), /Hegseth/, `a reference must cover the name, got "${doc.getText(l.range)}"`);
    }
  });

  it('goes to a definition: the earliest mention of the entity', async () => {
    const result = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, hegseth);
    assert.equal(result.length, 1);
    const target = result[0] as vscode.Location;
    const doc = await vscode.workspace.openTextDocument(target.uri);
    assert.match(doc.getText(target.range), /Hegseth/);
  });

  it('outlines the article grouped by type', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    const people = symbols.find((s) => s.name === 'Person');
    assert.ok(people, `groups: ${symbols.map((s) => s.name).join(', ')}`);
    assert.ok(people.children.some((c) => c.name === 'Pete Hegseth'), `people: ${people.children.map((c) => c.name).join(', ')}`);
    assert.ok(symbols.some((s) => s.name === 'Date'), 'dates are grouped too');
  });

  it('searches entities across the workspace (Ctrl+T)', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'hegseth');
    const person = found.find((s) => s.name === 'Pete Hegseth');
    assert.ok(person, `found: ${found.map((s) => s.name).join(', ')}`);
    // Three news samples and the welcome article name him.
    assert.match(person.containerName, /4 articles/);
  });

  it('edits the entity registry from a command, keeps hand-written comments, and reloads hand edits live', async () => {
    const api = await activateExtension();
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(hegseth, hegseth);
    const registryUri = vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.registry.setDescription', undefined, 'US Secretary of War'), true);
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(registryUri));
    assert.match(written, /canonical: Pete Hegseth/);
    assert.match(written, /description: US Secretary of War/);
    const card = await pollUntil(() => hoversAt(document, hegseth), (h) => hoverText(h).includes('US Secretary of War'));
    assert.ok(hoverText(card).includes('US Secretary of War'), `the hover shows the registry description; got: ${hoverText(card)}`);

    // A hand edit with a comment: ignore "Brussels".
    const ignoreBrussels = 'ignore:\n  - Brussels # not an entity for this project';
    const withoutIgnore = written.replace(/^ignore:.*(?:\n[ -].*)*$/m, '').trimEnd();
    const handEdited = `# analyst notes: keep this comment\n${withoutIgnore}\n${ignoreBrussels}\n`;
    await vscode.workspace.fs.writeFile(registryUri, new TextEncoder().encode(handEdited));
    const spans = await pollUntil(() => api.getSpans(document.uri.toString()), (s) => !s.some((x) => x.text === 'Brussels'));
    assert.ok(!spans.some((s) => s.text === 'Brussels'), 'an ignored surface form disappears after a hand edit');

    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.registry.addAlias', undefined, undefined, 'Secretary Hegseth'), true);
    const after = new TextDecoder().decode(await vscode.workspace.fs.readFile(registryUri));
    assert.match(after, /# analyst notes: keep this comment/);
    assert.match(after, /# not an entity for this project/);
    assert.match(after, /Secretary Hegseth/);
  });

  it('refuses to overwrite a malformed registry and reports where it breaks', async () => {
    const registryUri = vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml');
    const broken = 'entities:\n  - canonical: [unclosed\n';
    await vscode.workspace.fs.writeFile(registryUri, new TextEncoder().encode(broken));
    const diagnostics = await pollUntil(async () => vscode.languages.getDiagnostics(registryUri), (d) => d.length > 0);
    assert.ok(diagnostics.length > 0, 'a diagnostic marks the broken registry');
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(hegseth, hegseth);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.registry.setDescription', undefined, 'ignored'), false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(registryUri)), broken, 'the file is left exactly as it was');
  });

  it('forgets the registry when its folder is deleted, and writes a new one on the next edit', async () => {
    const registryUri = vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml');
    await vscode.workspace.fs.writeFile(registryUri, new TextEncoder().encode('entities:\n  - canonical: [unclosed\n'));
    await pollUntil(async () => vscode.languages.getDiagnostics(registryUri), (d) => d.length > 0);
    // The watcher reports only the folder: the registry must still notice that its file is gone.
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.sources'), { recursive: true, useTrash: false });
    const left = await pollUntil(async () => vscode.languages.getDiagnostics(registryUri), (d) => d.length === 0);
    assert.equal(left.length, 0, 'the deleted registry no longer reports problems');
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(hegseth, hegseth);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.registry.setDescription', undefined, 'US Secretary of War'), true);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(registryUri)), /canonical: Pete Hegseth/);
  });
});
