// One identity and one type per entity, and the same spans from every path that analyses a text: the
// editor, a worker thread, the extension host's thread, the cache a restart reads, the index, and an
// edit followed by undo. Runs right after the fresh-host test, on the untouched sample workspace.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Span } from '../../../src/core/extract/types';
import { activateExtension, extensionId, openSample, pollUntil, workspaceRoot, type SourceAnnotatorApi } from './helpers';

const SAMPLES = ['Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt', 'Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt', 'Hegseth Warns NATO Allies Over Reliance on America.txt', 'Pentagon Goes Into Damage Control Mode to Reassure NATO Allies.txt', 'NATO Survives the First Year of the Second Trump Term.txt'];
const NAME_TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);

interface Paths {
  hash: string;
  worker?: Span[];
  thread?: Span[];
  cache?: Span[];
  index?: Span[];
  display: Span[];
  painted?: (string | null | undefined)[];
  /** per path, the tagger's confidence in each span's type as packed (-1 for none) */
  confidence: Record<'worker' | 'thread' | 'cache' | 'index', number[] | undefined>;
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

/**
 * Deletes the registry file. Its folder stays until the suite ends: deleted together, the file watcher
 * reports only the folder, and the registry service would not hear of its file.
 */
async function removeRegistry(): Promise<void> {
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml'), { useTrash: false }).then(undefined, () => undefined);
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

  after(async () => {
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), '.sources'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
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
      // the index holds the editor's analysis of the open document: its type confidences are the worker's too
      const confident = (p.confidence.index ?? []).filter((c) => c >= 0).length;
      assert.ok(confident > 5, `${name}: ${confident} spans carry the tagger's type confidence in the index`);
      for (const path of ['worker', 'thread', 'cache'] as const) assert.deepEqual(p.confidence[path], p.confidence.index, `${name}: type confidence, ${path}`);
      assertPaintedAsDisplayed(p, name);
    }
  });

  it('comes back to the same spans, colours and hover types after an edit followed by undo', async () => {
    const document = await openSample('Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt');
    const before = await indexedNow(document);
    const editorBefore = lines(await api.getSpans(document.uri.toString()));
    const editor = vscode.window.activeTextEditor!;
    const settledEdit = api.nextSettled(document.uri.toString());
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Updated at noon\n')));
    await settledEdit;
    const edited = await pollUntil(() => paths(document), (p) => p.index !== undefined && p.hash !== before.hash, 30000);
    assert.deepEqual(lines(edited.index), lines(await api.getSpans(document.uri.toString())), 'the index follows the edited text');
    assert.deepEqual(edited.confidence.index, edited.confidence.thread, 'with the type confidences of the edited text');
    assertPaintedAsDisplayed(edited, 'after the edit');
    const settledUndo = api.nextSettled(document.uri.toString());
    await vscode.commands.executeCommand('undo');
    await settledUndo;
    assert.equal(document.isDirty, false);
    const after = await pollUntil(() => paths(document), (p) => p.index !== undefined && p.hash === before.hash, 30000);
    assert.deepEqual(lines(await api.getSpans(document.uri.toString())), editorBefore, 'the editor');
    assert.deepEqual(lines(after.index), lines(before.index), 'the index');
    assert.deepEqual(after.confidence.index, before.confidence.index, "the tagger's type confidences in the index");
    assert.deepEqual(after.display.map(line), before.display.map(line), 'hover cards and the outline');
    assert.deepEqual(after.painted, before.painted, 'highlight colours');
  });

  it('analyses an open article again when the registry changes, so the index never keeps the old spans', async () => {
    const document = await openSample('Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt');
    const registryFile = vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml');
    const marked = (spans: readonly Span[] | undefined): boolean => (spans ?? []).some((s) => s.text === 'burden-sharing' && s.type === 'MISC');
    try {
      await vscode.workspace.fs.writeFile(registryFile, new TextEncoder().encode('entities:\n  - canonical: burden-sharing\n    type: MISC\n'));
      await pollUntil(() => api.getSpans(document.uri.toString()), marked, 30000);
      const p = await pollUntil(() => paths(document), (q) => marked(q.index) && marked(q.cache), 30000);
      const editor = lines(await api.getSpans(document.uri.toString()));
      assert.deepEqual(lines(p.index), editor, 'the index has the spans the editor shows under the new registry');
      assert.deepEqual(lines(p.cache), editor, 'and so has the cache');
      assert.deepEqual(lines(p.worker), editor, 'and a worker');
      assertPaintedAsDisplayed(p, 'with the registry');
    } finally {
      await removeRegistry();
    }
    const p = await pollUntil(() => paths(document), (q) => q.index !== undefined && !marked(q.index), 30000);
    assert.ok(!marked(p.index), 'the registry entry is gone from the index with the registry');
  });

  it('offers spelling variants as a merge suggestion, and merges them through the registry in one click', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'variants');
    const write = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    type Suggestion = { key: string; into: string; name: string; intoName: string };
    const suggestions = async (): Promise<Suggestion[]> => (await vscode.commands.executeCommand<Suggestion[]>('sourceAnnotator.entities.mergeSuggestions')) ?? [];
    const isPair = (s: Suggestion) => [s.name, s.intoName].sort().join('|') === 'Volodymyr Zelenskiy|Volodymyr Zelenskyy';
    try {
      await vscode.workspace.fs.createDirectory(folder);
      await write('a.txt', 'Kyiv visit\n\nPresident Volodymyr Zelenskyy met teachers in Kyiv on Monday. Volodymyr Zelenskyy said schools would reopen.\n');
      await write('b.txt', 'Lviv visit\n\nPresident Volodymyr Zelenskiy opened a school in Lviv on Tuesday.\n');
      const offered = await pollUntil(suggestions, (list) => list.some(isPair), 30000);
      const pair = offered.find(isPair);
      assert.ok(pair, `suggestions: ${JSON.stringify(offered)}`);
      assert.equal(pair.intoName, 'Volodymyr Zelenskyy', 'the spelling with more mentions is the one kept');
      const zelenskyRows = async () => Object.values(await vscode.commands.executeCommand<Record<string, { name: string; mentionCount: number }[]>>('sourceAnnotator.entities.rows') ?? {})
        .flat().filter((r) => /^Volodymyr Zelensk/.test(r.name));
      const unmerged = await pollUntil(zelenskyRows, (list) => list.length === 2, 15000);
      assert.equal(unmerged.length, 2, 'nothing is merged before the analyst says so');
      // what a click on the suggestion runs
      assert.ok(await vscode.commands.executeCommand('sourceAnnotator.registry.merge', pair.key, pair.into));
      const registry = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), '.sources', 'entities.yaml')));
      assert.match(registry, /canonical: Volodymyr Zelenskyy\n[\s\S]*Volodymyr Zelenskiy/);
      const merged = await pollUntil(zelenskyRows, (list) => list.length === 1 && list[0].mentionCount === 3, 30000);
      assert.deepEqual(merged.map((r) => [r.name, r.mentionCount]), [['Volodymyr Zelenskyy', 3]]);
      assert.ok(!(await suggestions()).some(isPair), 'a merged pair is no longer suggested');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await removeRegistry();
    }
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
    const onlyView = fromView.filter((r) => !fromCli.includes(r));
    const onlyCli = fromCli.filter((r) => !fromView.includes(r));
    assert.deepEqual({ onlyView, onlyCli }, { onlyView: [], onlyCli: [] }, 'the Entities view and the command line differ');
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
