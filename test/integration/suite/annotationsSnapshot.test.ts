// Re-anchoring through the kept article text: an article changed on disk while closed (a pull, a sync)
// is diffed with the text its annotations were anchored on, kept in the extension's storage, so an
// annotation on one of two identical sentences stays on its own; the search alone cannot tell them apart.
import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, pollUntil, workspaceRoot } from './helpers';

interface StateAnnotation { id: string; start?: number; end?: number; orphan: boolean; orphanReason?: string; target: { textHash: string } }
interface State { article?: { annotations: StateAnnotation[]; keptTexts: string[] } }

const quote = 'the budget would rise';
const sentence = 'Officials in the capital said on Monday that the budget would rise by a third next year, according to the draft.';
const anchoredOn = `Budget report.\n${sentence}\nThe committee met again in the afternoon.\n${sentence}\nEnd of report.\n`;
const pulled = `Budget report, updated.\n${sentence}\nThe committee met again late in the afternoon.\n${sentence}\nEnd of report.\n`;

describe('annotations re-anchored through the kept article text', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'snapshot-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'snapshot-fixture.txt.annotations.yaml');
  const state = async (): Promise<State> => vscode.commands.executeCommand<State>('sourceAnnotator.annotations.state', article.toString());

  before(async () => {
    await activateExtension();
  });

  after(() => {
    for (const uri of [article, sidecar]) rmSync(uri.fsPath, { force: true });
  });

  it('keeps the text a loaded sidecar was anchored on, and keeps the annotation on its own copy of a repeated sentence when the closed article changes on disk', async () => {
    writeFileSync(article.fsPath, anchoredOn);
    const start = anchoredOn.lastIndexOf(quote);
    const document = SidecarDocument.create();
    const target = createTarget(anchoredOn, start, start + quote.length);
    document.addAnnotation({ id: 'rise', tags: ['claim'], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z', target });
    writeFileSync(sidecar.fsPath, document.toString());
    const loaded = await pollUntil(state, (s) => (s.article?.keptTexts ?? []).includes(target.textHash));
    assert.deepEqual(loaded.article?.keptTexts, [target.textHash], 'the article text the target was cut from is kept');
    assert.equal(loaded.article?.annotations[0].start, start);

    writeFileSync(article.fsPath, pulled);
    // A colleague's note arrives with the pull: the sidecar changes too, so the reload from disk runs
    // whether or not the article's own change event is seen first.
    document.updateAnnotation('rise', { note: 'Check against the final budget.' });
    writeFileSync(sidecar.fsPath, document.toString());
    const moved = pulled.lastIndexOf(quote);
    const after = await pollUntil(state, (s) => s.article?.annotations[0]?.start === moved, 30000);
    assert.deepEqual([after.article?.annotations[0].start, after.article?.annotations[0].end], [moved, moved + quote.length]);
  });

  it('orphans words whose surroundings changed, and says so in Problems', async () => {
    // The sentence around the annotated words is reworded in both copies (next pull).
    writeFileSync(article.fsPath, pulled.split('in the capital said').join('in Vienna told reporters'));
    const document = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    document.updateAnnotation('rise', { note: 'Reworded upstream.' });
    writeFileSync(sidecar.fsPath, document.toString());
    const orphaned = await pollUntil(state, (s) => s.article?.annotations[0]?.orphan === true, 30000);
    assert.equal(orphaned.article?.annotations[0].orphanReason, 'unconfirmed');
    const problems = await pollUntil(async () => vscode.languages.getDiagnostics(article),
      (list) => list.some((d) => /the text around those words changed/.test(d.message)));
    assert.ok(problems.some((d) => /“the budget would rise” is not placed: the text around those words changed/.test(d.message)),
      problems.map((d) => d.message).join('\n'));
  });
});
