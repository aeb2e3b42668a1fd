// One identity and one type per entity, and the same spans from every path that analyses a text: the
// editor, a worker thread, the extension host's thread, the cache a restart reads, the index, and an
// edit followed by undo. Runs right after the fresh-host test, on the untouched sample workspace.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Span } from '../../../src/core/extract/types';
import { activateExtension, extensionId, openSample, pollUntil, workspaceRoot, type SourceAnnotatorApi } from './helpers';

const SAMPLES = ['000_862cdd2646e94e41.txt', '001_413ab68a5c1430e5.txt', '002_e899e2514f1596b9.txt', '003_475c11bb503b9a39.txt', '004_12e07e402b5da863.txt'];
const NAME_TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);

interface Paths {
  hash: string;
  worker?: Span[];
  thread?: Span[];
  cache?: Span[];
  index?: Span[];
  display: Span[];
  painted?: (string | null | undefined)[];
}

/** A span as a comparable line: everything the extractor decides about it. */
const line = (s: Span): string => [s.start, s.end, s.type, s.text, s.canonical ?? '', JSON.stringify(s.value), s.unit ?? '', s.mod ?? '', s.reason ?? ''].join('|');
const lines = (spans: readonly Span[] | undefined): string[] => (spans ?? []).map(line);

async function paths(document: vscode.TextDocument): Promise<Paths> {
  return (await vscode.commands.executeCommand<Paths>('sourceAnnotator.index.analysisPaths', document.uri.toString()))!;
}

/** The index holds this exact text of the document (after the editor's edit has settled). */
async function indexedNow(document: vscode.TextDocument): Promise<Paths> {
  return pollUntil(() => paths(document), (p) => p.index !== undefined, 30000);
}

/** Highlight colours and hover cards agree: each name is painted in the type the index displays. */
function assertPaintedAsDisplayed(p: Paths, label: string): void {
  const displayed = new Map(p.display.map((s) => [`${s.start}:${s.end}`, s.type]));
  (p.index ?? []).forEach((span, i) => {
    if (!NAME_TYPES.has(span.type)) return;
    const painted = p.painted?.[i];
    const shown = displayed.get(`${span.start}:${span.end}`);
    if (painted === null) assert.equal(shown, undefined, `${label}: "${span.text}" is not painted, so it has no hover card either`);
    else assert.equal(painted ?? span.type, shown, `${label}: "${span.text}" at ${span.start} is painted ${painted} but its hover card says ${shown}`);
  });
}

describe('entity identity and analysis paths', () => {
  let api: SourceAnnotatorApi;

  before(async () => {
    api = await activateExtension();
    await api.whenIndexed();
  });

  it('gives the same spans from the editor, a worker, this thread, the cache and the index', async () => {
    for (const name of SAMPLES) {
      const document = await openSample(name);
      const editor = lines(await api.getSpans(document.uri.toString()));
      assert.ok(editor.length > 10, `${name}: ${editor.length} spans`);
      const p = await pollUntil(() => paths(document), (q) => q.index !== undefined && q.cache !== undefined, 30000);
      assert.deepEqual(lines(p.worker), editor, `${name}: worker`);
      assert.deepEqual(lines(p.thread), editor, `${name}: extension host thread`);
      assert.deepEqual(lines(p.index), editor, `${name}: index`);
      assert.deepEqual(lines(p.cache), editor, `${name}: cache, as the next start reads it`);
      assertPaintedAsDisplayed(p, name);
    }
  });

  it('comes back to the same spans, colours and hover types after an edit followed by undo', async () => {
    const document = await openSample('001_413ab68a5c1430e5.txt');
    const before = await indexedNow(document);
    const editorBefore = lines(await api.getSpans(document.uri.toString()));
    const editor = vscode.window.activeTextEditor!;
    const settledEdit = api.nextSettled(document.uri.toString());
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated at noon\n')));
    await settledEdit;
    const edited = await pollUntil(() => paths(document), (p) => p.index !== undefined && p.hash !== before.hash, 30000);
    assert.deepEqual(lines(edited.index), lines(await api.getSpans(document.uri.toString())), 'the index follows the edited text');
    assertPaintedAsDisplayed(edited, 'after the edit');
    const settledUndo = api.nextSettled(document.uri.toString());
    await vscode.commands.executeCommand('undo');
    await settledUndo;
    assert.equal(document.isDirty, false);
    const after = await pollUntil(() => paths(document), (p) => p.index !== undefined && p.hash === before.hash, 30000);
    assert.deepEqual(lines(await api.getSpans(document.uri.toString())), editorBefore, 'the editor');
    assert.deepEqual(lines(after.index), lines(before.index), 'the index');
    assert.deepEqual(after.display.map(line), before.display.map(line), 'hover cards and the outline');
    assert.deepEqual(after.painted, before.painted, 'highlight colours');
  });

  it('lists the entities the command line lists for the same folder, each name under one type', async () => {
    const extension = vscode.extensions.getExtension(extensionId)!;
    const cli = spawnSync(process.execPath, [join(extension.extensionPath, 'dist', 'cli.js'), 'entities', '--json', workspaceRoot().fsPath], {
      encoding: 'utf8', timeout: 120000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.equal(cli.status, 0, cli.stderr);
    const fromCli = cli.stdout.trim().split('\n').map((l) => JSON.parse(l) as { canonical: string; type: string; mentions: number; articles: number })
      .map((e) => `${e.type} ${e.canonical} ${e.mentions} ${e.articles}`).sort();
    assert.ok(fromCli.length > 50, `${fromCli.length} entities from the command line`);
    const viewRows = async (): Promise<string[]> => {
      const rows = await vscode.commands.executeCommand<Record<string, { name: string; type: string; mentionCount: number; articleCount: number }[]>>('sourceAnnotator.entities.rows');
      return Object.values(rows ?? {}).flat().map((r) => `${r.type} ${r.name} ${r.mentionCount} ${r.articleCount}`).sort();
    };
    const fromView = await pollUntil(viewRows, (rows) => JSON.stringify(rows) === JSON.stringify(fromCli), 15000);
    assert.deepEqual(fromView, fromCli);
    const types = new Map<string, string>();
    for (const row of fromView) {
      const [type, ...rest] = row.split(' ');
      const name = rest.slice(0, -2).join(' ').toLowerCase();
      assert.ok(!types.has(name) || types.get(name) === type, `"${name}" is listed as ${types.get(name)} and ${type}`);
      types.set(name, type);
    }
    for (const junk of ['rivalry', 'multipolar', 'looms', 'obstacle', 'readiness']) assert.ok(!types.has(junk), `"${junk}" is not an entity`);
  });
});
