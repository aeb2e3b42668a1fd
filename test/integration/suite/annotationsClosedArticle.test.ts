// An article nobody has open changes on disk (a git pull, a sync tool): its annotations follow the new
// text and the sidecar and the Annotations view say so, whatever way the file was replaced (written in
// place, removed and written anew as git does, renamed over as sync tools do, several writes in a row).
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { articleTextHash } from '../../../src/core/sidecar/textHash';
import { activateExtension, pollUntil, workspaceRoot } from './helpers';

interface StateAnnotation { id: string; start?: number; end?: number; orphan: boolean; orphanReason?: string }
interface State {
  article?: { annotations: StateAnnotation[] };
  view: { groups: { label: string; kind: string; count: number }[] };
}

const quote = 'the alliance would double its eastern presence';
const body = `Defence ministers met on Thursday. A spokesman said ${quote} within a year, officials confirmed.\nNo other decision was taken.\n`;

describe('annotations of a closed article that changed on disk', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'closed-pull-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'closed-pull-fixture.txt.annotations.yaml');
  const state = async (): Promise<State> => vscode.commands.executeCommand<State>('sourceAnnotator.annotations.state', article.toString());
  const storedTarget = () => SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8')).sidecar.annotations[0].target;
  const open = () => vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === article.toString());

  before(async () => {
    await activateExtension();
    writeFileSync(article.fsPath, body);
    const document = SidecarDocument.create();
    const start = body.indexOf(quote);
    document.addAnnotation({ id: 'presence', tags: ['claim'], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
      target: createTarget(body, start, start + quote.length) });
    writeFileSync(sidecar.fsPath, document.toString());
    const loaded = await pollUntil(state, (s) => s.article?.annotations[0]?.start === start, 30000);
    assert.equal(loaded.article?.annotations[0]?.start, start, 'the sidecar written on disk is loaded');
    assert.equal(open(), false, 'the article is not open in the editor');
  });

  after(() => {
    for (const uri of [article, sidecar]) rmSync(uri.fsPath, { force: true });
  });

  /** Waits for the stored target and the live anchor to describe `text`, where the quote now is. */
  async function followedTo(text: string): Promise<void> {
    const moved = text.indexOf(quote);
    const target = await pollUntil(async () => storedTarget(), (t) => t.start === moved && t.textHash === articleTextHash(text), 30000);
    assert.deepEqual([target.start, target.end, target.exact], [moved, moved + quote.length, quote], 'the sidecar holds the new place');
    const shown = await pollUntil(state, (s) => s.article?.annotations[0]?.start === moved, 10000);
    assert.deepEqual([shown.article?.annotations[0]?.start, shown.article?.annotations[0]?.orphan], [moved, false]);
  }

  it('written in place: the annotation follows the words and the sidecar is updated', async () => {
    const text = `Correction, 13 February.\n${body}`;
    writeFileSync(article.fsPath, text);
    await followedTo(text);
  });

  it('removed and written anew (as git checks out a file): followed as well', async () => {
    const text = `Updated at noon.\nCorrection, 13 February.\n${body}`;
    rmSync(article.fsPath);
    writeFileSync(article.fsPath, text);
    await followedTo(text);
  });

  it('renamed over by a sync tool: followed as well', async () => {
    const text = `Second update.\nUpdated at noon.\nCorrection, 13 February.\n${body}`;
    const temporary = `${article.fsPath}.sync-tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, article.fsPath);
    await followedTo(text);
  });

  it('several writes in a row, the first without the words: the last text decides', async () => {
    const text = `Third update.\n\n${body}`;
    writeFileSync(article.fsPath, 'Third update.\n');
    writeFileSync(article.fsPath, `Third update.\n\nDefence ministers met on Thursday.`);
    writeFileSync(article.fsPath, text);
    await followedTo(text);
  });

  it('the words deleted: the annotation becomes an orphan in the state and the Annotations view, the sidecar keeps its quote', async () => {
    const text = 'Defence ministers met on Thursday. No decision was taken.\n';
    writeFileSync(article.fsPath, text);
    const orphaned = await pollUntil(state, (s) => s.article?.annotations[0]?.orphan === true, 30000);
    assert.equal(orphaned.article?.annotations[0]?.orphanReason, 'gone');
    assert.ok(orphaned.view.groups.some((group) => group.kind === 'orphans' && group.count >= 1), JSON.stringify(orphaned.view.groups));
    assert.equal(storedTarget().exact, quote);
  });

  it('an article and its sidecar that arrive with their folder (a checkout of a new folder) are loaded without being opened', async () => {
    // Written with Node's fs at once, as git does: the watcher sees the new folders only, not the files in them.
    const root = join(workspaceRoot().fsPath, 'checked-out');
    const file = join(root, 'desk', 'arrived-with-folder.txt');
    const arrived = vscode.Uri.file(file);
    try {
      mkdirSync(join(root, 'desk'), { recursive: true });
      writeFileSync(file, body);
      const document = SidecarDocument.create();
      const start = body.indexOf(quote);
      document.addAnnotation({ id: 'arrived', tags: ['arrived-with-folder'], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
        target: createTarget(body, start, start + quote.length) });
      writeFileSync(`${file}.annotations.yaml`, document.toString());
      // Asked without naming the article (naming it would load its sidecar on demand): the Annotations
      // view lists it once the store has found the sidecar by itself. Its tag and file name are unique.
      const listed = (s: State) => s.view.groups.some((group) => group.label.includes('arrived-with-folder') && group.count >= 1);
      const shown = await pollUntil(async () => vscode.commands.executeCommand<State>('sourceAnnotator.annotations.state'), listed, 30000);
      assert.ok(listed(shown), JSON.stringify(shown.view.groups));
      assert.equal(vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === arrived.toString()), false, 'the article is not open');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    // removed with its folder, it leaves the store (the next suites read the whole store: exports, the view)
    const gone = (s: State) => !s.view.groups.some((group) => group.label.includes('arrived-with-folder'));
    const after = await pollUntil(async () => vscode.commands.executeCommand<State>('sourceAnnotator.annotations.state'), gone, 30000);
    assert.ok(gone(after), JSON.stringify(after.view.groups));
  });
});
