// Analyst annotations in the real editor: tagging a selection writes a sidecar, ranges follow edits,
// external rewrites reload, a malformed sidecar is reported and never overwritten, and a publication
// date set in the sidecar feeds date resolution at once.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, hoversAt, hoverText, pollUntil, workspaceRoot } from './helpers';

interface StateAnnotation { id: string; tags: string[]; note: string; start?: number; end?: number; orphan: boolean; target: { exact: string; start: number; end: number } }
interface AnnotationState {
  article?: { sidecar: string; broken: boolean; metadata: { published?: string }; annotations: StateAnnotation[] };
  view: { groups: { label: string; kind: string; count: number }[] };
}

const quote = 'The ministry said the talks would resume';
const articleText = [
  'Ministers meet in Brussels',
  '',
  `Defense ministers met in Brussels on Thursday. ${quote} next week, officials said.`,
  '',
  'A closing paragraph that nobody annotates.',
  '',
].join('\n');

async function state(article: vscode.Uri): Promise<AnnotationState> {
  return (await vscode.commands.executeCommand<AnnotationState>('sourceAnnotator.annotations.state', article.toString()));
}

function readSidecar(uri: vscode.Uri): SidecarDocument {
  return SidecarDocument.parse(readFileSync(uri.fsPath, 'utf8'));
}

async function selectQuote(editor: vscode.TextEditor, text: string): Promise<void> {
  const start = editor.document.getText().indexOf(text);
  assert.ok(start >= 0, `"${text}" is in the article`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + text.length));
}

describe('annotations (sidecars in the editor)', () => {
  const article = vscode.Uri.joinPath(workspaceRoot(), 'annotations-fixture.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'annotations-fixture.txt.annotations.yaml');
  const dated = vscode.Uri.joinPath(workspaceRoot(), 'annotations-dated.txt');
  const exported = vscode.Uri.joinPath(workspaceRoot(), 'annotations-export.csv');
  let editor: vscode.TextEditor;
  let annotationId: string;

  before(async () => {
    writeFileSync(article.fsPath, articleText);
    await activateExtension();
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [article, sidecar, dated, exported, vscode.Uri.joinPath(workspaceRoot(), 'annotations-dated.txt.annotations.yaml')]) {
      rmSync(uri.fsPath, { force: true });
    }
  });

  it('Tag Selection writes a sidecar beside the article with the selected quote', async () => {
    await selectQuote(editor, quote);
    const ids = await vscode.commands.executeCommand<string[]>('sourceAnnotator.tagSelection', { tags: ['claim', 'ministry'] });
    assert.equal(ids?.length, 1);
    annotationId = ids[0];
    const written = readSidecar(sidecar);
    assert.equal(written.hasErrors, false);
    const [annotation] = written.sidecar.annotations;
    assert.equal(annotation.id, annotationId);
    assert.equal(annotation.target.exact, quote);
    assert.deepEqual(annotation.tags, ['claim', 'ministry']);
    assert.equal(articleText.slice(annotation.target.start, annotation.target.end), quote);
    const shown = await state(article);
    assert.equal(shown.article?.annotations[0].start, annotation.target.start);
  });

  it('shows tags and edit/remove links when hovering the passage', async () => {
    const inside = editor.document.positionAt(editor.document.getText().indexOf(quote) + 5);
    const hovers = await hoversAt(editor.document, inside);
    const raw = hovers.flatMap((hover) => hover.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(hoverText(hovers), /claim/);
    assert.match(raw, /command:sourceAnnotator\.editAnnotation/);
    assert.match(raw, /command:sourceAnnotator\.removeAnnotation/);
  });

  it('moves the annotation with text inserted above it, and stores the new offsets when the article is saved', async () => {
    const before = (await state(article)).article!.annotations[0].start!;
    const inserted = 'UPDATED: this story was corrected.\n';
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), inserted)));
    const moved = await pollUntil(() => state(article), (s) => s.article?.annotations[0].start === before + inserted.length, 5000);
    const live = moved.article!.annotations[0];
    assert.equal(live.start, before + inserted.length, 'the live range follows the edit');
    assert.equal(editor.document.getText().slice(live.start, live.end), quote);
    await editor.document.save();
    const stored = await pollUntil(async () => readSidecar(sidecar).sidecar.annotations[0].target, (t) => t.start === before + inserted.length, 5000);
    assert.equal(stored.start, before + inserted.length);
    assert.equal(stored.exact, quote);
  });

  it('reloads the view and the hover when the sidecar is rewritten on disk', async () => {
    const text = readFileSync(sidecar.fsPath, 'utf8').replace('tags: [ claim, ministry ]', 'tags: [ rewritten ]').replace(/tags: \[.*\]/, 'tags: [ rewritten ]');
    writeFileSync(sidecar.fsPath, text);
    const reloaded = await pollUntil(() => state(article), (s) => s.article?.annotations[0]?.tags.includes('rewritten') ?? false);
    assert.deepEqual(reloaded.article!.annotations[0].tags, ['rewritten']);
    assert.ok(reloaded.view.groups.some((group) => group.label === 'rewritten' && group.count === 1), JSON.stringify(reloaded.view.groups));
    const inside = editor.document.positionAt(editor.document.getText().indexOf(quote) + 5);
    assert.match(hoverText(await hoversAt(editor.document, inside)), /rewritten/);
  });

  it('renames a tag across the workspace', async () => {
    const changed = await vscode.commands.executeCommand<number>('sourceAnnotator.renameTag', { from: 'rewritten', to: 'verified', confirm: false });
    assert.equal(changed, 1);
    assert.deepEqual(readSidecar(sidecar).sidecar.annotations[0].tags, ['verified']);
  });

  it('removes an annotation and brings it back with Undo Remove', async () => {
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', { article: article.toString(), id: annotationId }), true);
    assert.equal(readSidecar(sidecar).sidecar.annotations.length, 0);
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.undoRemoveAnnotation'), annotationId);
    assert.deepEqual(readSidecar(sidecar).sidecar.annotations.map((a) => a.id), [annotationId]);
  });

  it('exports the annotations as CSV', async () => {
    await vscode.commands.executeCommand('sourceAnnotator.exportAnnotations', { format: 'csv', target: exported.toString() });
    const csv = readFileSync(exported.fsPath, 'utf8');
    assert.match(csv, /^\ufeffarticle,quote,tags/, 'a UTF-8 byte-order mark, then the header');
    assert.ok(csv.includes(quote), csv);
    assert.ok(csv.includes('annotations-fixture.txt'), csv);
  });

  it('lists an annotation whose text is gone as an orphan and re-attaches it to a selection with the quick fix', async () => {
    const current = readFileSync(sidecar.fsPath, 'utf8');
    const orphaned = current.replace(`exact: "${quote}"`, 'exact: "words that appear nowhere in this article"');
    writeFileSync(sidecar.fsPath, orphaned);
    const shown = await pollUntil(() => state(article), (s) => s.article?.annotations[0]?.orphan === true);
    assert.equal(shown.article!.annotations[0].orphan, true);
    assert.ok(shown.view.groups.some((group) => group.kind === 'orphans' && group.count === 1), JSON.stringify(shown.view.groups));
    const problems = await pollUntil(async () => vscode.languages.getDiagnostics(article), (list) => list.some((d) => /lost its text/.test(d.message)));
    assert.ok(problems.some((d) => /lost its text/.test(d.message)), 'the orphan is in Problems');

    await selectQuote(editor, 'officials said');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', article, editor.selection);
    const reattach = actions.find((action) => action.title.startsWith('Re-attach to selection'));
    assert.ok(reattach?.command, `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(reattach.command.command, ...(reattach.command.arguments ?? []));
    const target = readSidecar(sidecar).sidecar.annotations[0].target;
    assert.equal(target.exact, 'officials said');
    const back = await pollUntil(() => state(article), (s) => s.article?.annotations[0]?.orphan === false);
    assert.equal(editor.document.getText().slice(back.article!.annotations[0].start, back.article!.annotations[0].end), 'officials said');
  });

  it('round-trips through Web Annotation JSON-LD export and import', async () => {
    const jsonld = vscode.Uri.joinPath(workspaceRoot(), 'annotations-export.jsonld');
    try {
      await vscode.commands.executeCommand('sourceAnnotator.exportAnnotations', { format: 'jsonld', target: jsonld.toString() });
      const collection = JSON.parse(readFileSync(jsonld.fsPath, 'utf8')) as { type: string; total: number };
      assert.equal(collection.type, 'AnnotationCollection');
      assert.ok(collection.total >= 1);
      assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', { article: article.toString(), id: annotationId }), true);
      const result = await vscode.commands.executeCommand<{ imported: number; skipped: string[] }>('sourceAnnotator.importAnnotations', { source: jsonld.toString() });
      assert.equal(result?.imported, 1, JSON.stringify(result));
      const [restored] = readSidecar(sidecar).sidecar.annotations;
      assert.equal(restored.id, annotationId);
      assert.equal(restored.target.exact, 'officials said');
    } finally {
      rmSync(jsonld.fsPath, { force: true });
    }
  });

  it('re-anchors the sidecar of a closed article that changed on disk', async () => {
    const closedArticle = vscode.Uri.joinPath(workspaceRoot(), 'annotations-closed.txt');
    const closedSidecar = vscode.Uri.joinPath(workspaceRoot(), 'annotations-closed.txt.annotations.yaml');
    try {
      writeFileSync(closedArticle.fsPath, articleText);
      const doc = await vscode.workspace.openTextDocument(closedArticle);
      const start = articleText.indexOf(quote);
      const opened = await vscode.window.showTextDocument(doc);
      opened.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + quote.length));
      await vscode.commands.executeCommand('sourceAnnotator.tagSelection', { tags: ['closed'] });
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      const prefix = 'Correction appended at the top.\n\n';
      writeFileSync(closedArticle.fsPath, prefix + articleText);
      const target = await pollUntil(async () => readSidecar(closedSidecar).sidecar.annotations[0].target, (t) => t.start === start + prefix.length, 15000);
      assert.equal(target.start, start + prefix.length);
      assert.equal(target.exact, quote);
    } finally {
      rmSync(closedArticle.fsPath, { force: true });
      rmSync(closedSidecar.fsPath, { force: true });
    }
  });

  it('offers the place where an unconfirmed orphan\'s words stand as a quick fix, and re-attaches it there only when chosen', async () => {
    const changedArticle = vscode.Uri.joinPath(workspaceRoot(), 'annotations-suggested.txt');
    const changedSidecar = vscode.Uri.joinPath(workspaceRoot(), 'annotations-suggested.txt.annotations.yaml');
    try {
      // annotated elsewhere (a colleague's sidecar), then a word changed right before the quote, as a pull
      // might bring, before the article was ever opened here: the words are there, their context is not
      const id = 'suggested';
      const sidecarDocument = SidecarDocument.create();
      const at = articleText.indexOf(quote);
      sidecarDocument.addAnnotation({ id, tags: ['suggested'], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
        target: createTarget(articleText, at, at + quote.length) });
      writeFileSync(changedSidecar.fsPath, sidecarDocument.toString());
      writeFileSync(changedArticle.fsPath, articleText.replace('on Thursday.', 'on Friday.'));
      const orphaned = await pollUntil(() => state(changedArticle), (s) => s.article?.annotations[0]?.orphan === true, 15000);
      assert.equal(orphaned.article!.annotations[0].orphan, true, 'not attached without the analyst');
      const doc = await vscode.workspace.openTextDocument(changedArticle);
      await vscode.window.showTextDocument(doc);
      const problems = await pollUntil(async () => vscode.languages.getDiagnostics(changedArticle), (list) => list.some((d) => /is not placed/.test(d.message)));
      const problem = problems.find((d) => /is not placed/.test(d.message))!;
      assert.match(problem.message, /Re-attach to line/);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', changedArticle, problem.range);
      const offered = actions.find((action) => action.title.startsWith('Re-attach to line 3:'));
      assert.ok(offered?.command, `actions offered: ${actions.map((a) => a.title).join(' | ')}`);
      const [args] = offered.command.arguments as { start: number; end: number; expect: string }[];
      assert.equal(doc.getText().slice(args.start, args.end), quote);
      assert.equal(await vscode.commands.executeCommand(offered.command.command, { ...args, expect: 'other words' }), false,
        'a place whose words changed since it was offered is refused');
      assert.equal(await vscode.commands.executeCommand(offered.command.command, ...(offered.command.arguments ?? [])), true);
      const placed = await pollUntil(() => state(changedArticle), (s) => s.article?.annotations.find((a) => a.id === id)?.orphan === false);
      const annotation = placed.article!.annotations.find((a) => a.id === id)!;
      assert.equal(doc.getText().slice(annotation.start, annotation.end), quote);
      assert.equal(readSidecar(changedSidecar).sidecar.annotations[0].target.prefix.endsWith('on Friday. '), true);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(changedArticle.fsPath, { force: true });
      rmSync(changedSidecar.fsPath, { force: true });
    }
  });

  it('shows overlapping annotations together in the hover', async () => {
    // The tagged passage is "officials said" since it was re-attached above.
    editor = await vscode.window.showTextDocument(editor.document);
    await selectQuote(editor, 'officials');
    const [inner] = (await vscode.commands.executeCommand<string[]>('sourceAnnotator.addNote', { note: 'Second source needed', tags: ['overlap'] }))!;
    const shown = await state(article);
    const innerState = shown.article!.annotations.find((a) => a.id === inner)!;
    const outerState = shown.article!.annotations.find((a) => a.id === annotationId)!;
    assert.ok(outerState.start! <= innerState.start! && innerState.end! < outerState.end!, `the note sits inside the tagged passage: ${JSON.stringify([outerState, innerState])}`);
    const hovers = await hoversAt(editor.document, editor.document.positionAt(innerState.start! + 2));
    const text = hoverText(hovers);
    assert.match(text, /Second source needed/);
    assert.match(text, /verified/, 'the outer annotation is in the same hover');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', { article: article.toString(), id: inner }), true);
  });

  it('moves the sidecar with its article on rename, and nests it under the article in the Explorer', async () => {
    const patterns = vscode.workspace.getConfiguration('explorer.fileNesting').get<Record<string, string>>('patterns') ?? {};
    assert.ok((patterns['*.txt'] ?? '').includes('${capture}.txt.annotations.yaml'), JSON.stringify(patterns['*.txt']));
    const original = vscode.Uri.joinPath(workspaceRoot(), 'annotations-rename.txt');
    const renamed = vscode.Uri.joinPath(workspaceRoot(), 'annotations-renamed.txt');
    const renamedSidecar = vscode.Uri.joinPath(workspaceRoot(), 'annotations-renamed.txt.annotations.yaml');
    try {
      writeFileSync(original.fsPath, articleText);
      const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(original));
      await selectQuote(opened, quote);
      await vscode.commands.executeCommand('sourceAnnotator.tagSelection', { tags: ['moved'] });
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(original, renamed);
      assert.ok(await vscode.workspace.applyEdit(edit));
      const moved = await pollUntil(async () => existsSync(renamedSidecar.fsPath), Boolean, 10000);
      assert.ok(moved, 'the sidecar was renamed with the article');
      assert.equal(existsSync(`${original.fsPath}.annotations.yaml`), false);
      const after = await pollUntil(() => state(renamed), (s) => s.article?.annotations[0]?.tags[0] === 'moved' && !s.article.annotations[0].orphan);
      assert.deepEqual(after.article!.annotations[0].tags, ['moved']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      for (const path of [original.fsPath, `${original.fsPath}.annotations.yaml`, renamed.fsPath, renamedSidecar.fsPath]) rmSync(path, { force: true });
    }
  });

  it('keeps an annotation added on disk when a command edits the sidecar right after', async () => {
    const onDisk = readSidecar(sidecar).sidecar;
    const added = { ...onDisk.annotations[0], id: 'a-added-elsewhere', tags: ['elsewhere'], note: 'written by a colleague' };
    const withColleague = SidecarDocument.parse(readFileSync(sidecar.fsPath, 'utf8'));
    withColleague.addAnnotation(added);
    writeFileSync(sidecar.fsPath, withColleague.toString());
    // No waiting for the file watcher: the command must merge with what is on disk either way.
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.editAnnotation', { article: article.toString(), id: annotationId, note: 'ours' }), true);
    const merged = readSidecar(sidecar).sidecar.annotations;
    assert.deepEqual(merged.map((a) => a.id).sort(), [annotationId, 'a-added-elsewhere'].sort());
    assert.equal(merged.find((a) => a.id === annotationId)!.note, 'ours');
    assert.equal(merged.find((a) => a.id === 'a-added-elsewhere')!.note, 'written by a colleague');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.removeAnnotation', { article: article.toString(), id: 'a-added-elsewhere' }), true);
  });

  it('reports a malformed sidecar in Problems and writes nothing to it on further commands', async () => {
    const broken = 'version: 1\nannotations:\n  - id: a1\n    tags: [claim\n    note: "unterminated\n';
    writeFileSync(sidecar.fsPath, broken);
    const diagnostics = await pollUntil(async () => vscode.languages.getDiagnostics(sidecar),
      (list) => list.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const error = diagnostics.find((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.ok(error, 'the sidecar has an error diagnostic');
    assert.ok(error.range.start.line >= 1, 'the error points into the file, not at its first line');
    const onArticle = await pollUntil(async () => vscode.languages.getDiagnostics(article), (list) => list.some((d) => /has errors/.test(d.message)));
    assert.ok(onArticle.some((d) => /has errors/.test(d.message)), 'the article warns that its sidecar is broken');

    await selectQuote(editor, 'A closing paragraph');
    const result = await vscode.commands.executeCommand('sourceAnnotator.tagSelection', { tags: ['late'] });
    assert.equal(result, undefined, 'the command refuses');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setPublicationDate', { article: article.toString(), published: '2025-01-01' }), undefined);
    assert.equal(readFileSync(sidecar.fsPath, 'utf8'), broken, 'the file bytes are unchanged');
  });

  it('resolves relative dates against a publication date set in the article metadata', async () => {
    writeFileSync(dated.fsPath, 'Allies met again on Thursday. Last year, spending rose.\n');
    const api = await activateExtension();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dated));
    const lastYear = async (): Promise<unknown> => (await api.getSpans(dated.toString())).find((span) => span.text === 'Last year')?.value;
    assert.equal(await lastYear(), null, 'without a publication date "Last year" is unresolved');
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.setArticleMetadata',
      { article: dated.toString(), published: '2025-06-05', source: 'Wire', reliability: 'B', credibility: 2 }), true);
    const value = await pollUntil(lastYear, (v) => v === '2024', 10000);
    assert.equal(value, '2024');
    const metadata = readSidecar(vscode.Uri.joinPath(workspaceRoot(), 'annotations-dated.txt.annotations.yaml')).sidecar.article;
    assert.deepEqual(metadata, { published: '2025-06-05', source: 'Wire', reliability: 'B', credibility: 2 });
  });
});
