// An id is anything a sidecar or an import holds. The annotation hover's Edit and Remove links carry it
// as command arguments; an id built to close the link early must neither break the links nor render a
// live link of its own, and the links must still name the annotation.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, hoversAt, pollUntil, workspaceRoot } from './helpers';

const text = 'The envoy said the ceasefire would hold through the weekend.\n';
const evilId = 'x)www.evil.example(';

describe('annotations: hover links with hostile ids', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'hover-links-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'hover-links-fixture.txt.annotations.yaml');

  before(async () => {
    writeFileSync(article.fsPath, text);
    const document = SidecarDocument.create();
    const start = text.indexOf('the ceasefire');
    document.addAnnotation({ id: evilId, tags: ['claim'], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
      target: createTarget(text, start, start + 'the ceasefire'.length) });
    writeFileSync(sidecar.fsPath, document.toString());
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(article.fsPath, { force: true });
    rmSync(sidecar.fsPath, { force: true });
  });

  it('encodes the id so that only our two command links exist, and they name the annotation', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const inside = editor.document.positionAt(text.indexOf('ceasefire') + 2);
    // The annotation's card (other cards, for names in the passage, may share the hover).
    const raw = await pollUntil(async () => (await hoversAt(editor.document, inside))
      .flatMap((hover) => hover.contents).map((c) => (typeof c === 'string' ? c : c.value))
      .filter((markdown) => markdown.includes('**Annotation**')).join('\n'), (value) => value.includes('command:'));
    assert.doesNotMatch(raw, /www\.evil\.example\(/, 'the id is not written raw into the markdown');
    const links = [...raw.matchAll(/\[([^\]]*)\]\(([^)\s]*)(?: "[^"]*")?\)/g)];
    assert.deepEqual(links.map((link) => link[1]), ['Edit', 'Remove'], raw);
    for (const [, , destination] of links) {
      const match = /^command:sourceAnnotator\.(editAnnotation|removeAnnotation)\?([A-Za-z0-9%._~-]+)$/.exec(destination);
      assert.ok(match, destination);
      assert.deepEqual(JSON.parse(decodeURIComponent(match[2])), [{ article: article.toString(), id: evilId }]);
    }
  });
});
