/**
 * Composition of the annotations feature: the sidecar store, decorations, hover, problems and quick
 * fixes, the Annotations view, commands, file lifecycle, export/import, and the hook that feeds a
 * publication date set in the sidecar into extraction and the corpus index.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ArticleSnapshots } from '../../node/articleSnapshots';
import { injectWriteBeforeCommit } from '../../node/atomicWrite';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { ArticleFileHintsSource } from '../analysis/fileHints';
import { setAnnotationTagSource } from '../features/focus';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { AnnotationCommands } from './annotationCommands';
import { AnnotationDecorations } from './annotationDecorations';
import { AnnotationDiagnostics, ReattachCodeActions } from './annotationDiagnostics';
import { AnnotationHoverProvider } from './annotationHover';
import { registerAnnotationsView, type AnnotationsViewProvider } from './annotationsView';
import { AnnotationStore } from './annotationStore';
import type { NoteFileSystem } from './noteDocuments';
import { registerArticleLifecycle, type SidecarOutcome } from './articleLifecycle';
import { registerExportImport } from './exportImport';
import { quotesOfArticle } from '../../core/analysis/quotes/quoteLedger';
import { setSidecarMetadataSource } from '../analysis/corroborationFeed';
import { registerMetadataCommands } from './metadataCommands';
import { registerRenameTag } from './renameTag';
import { tagUsage } from './tagCatalog';
import type { FolderEvents } from '../folderEvents';

export interface AnnotationDeps {
  analyzer: DocumentAnalyzer;
  workspace: WorkspaceIndex;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
  /** The extension's storage for this workspace: where article snapshots are kept (none: re-anchoring only searches). */
  storageUri?: vscode.Uri;
  /** Folders coming and going: sidecars that arrive with their folder are found through it. */
  folders?: FolderEvents;
}

const ARTICLES: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }, { language: 'article' }];

export function registerAnnotations(deps: AnnotationDeps): vscode.Disposable[] {
  const snapshots = deps.storageUri?.scheme === 'file' ? new ArticleSnapshots(path.join(deps.storageUri.fsPath, 'article-snapshots')) : undefined;
  const store = new AnnotationStore(deps.log, snapshots);
  const folderWatch = deps.folders ? store.watchFolders(deps.folders) : undefined;
  deps.analyzer.setPublishedProvider((uri) => store.publishedFor(uri));
  deps.workspace.setPublishedProvider((uri) => store.publishedFor(vscode.Uri.parse(uri)));
  // the reference-date chain: a date line without a year takes it from the file name, the sidecar or the file's date
  const fileHints = new ArticleFileHintsSource();
  fileHints.setAnnotatedProvider((uri) => store.firstAnnotatedFor(uri));
  deps.analyzer.setFileHints(fileHints);
  deps.workspace.setFileHints(fileHints);
  const view = registerAnnotationsView(store);
  const lifecycle = registerArticleLifecycle(store, deps.log);
  const commands = new AnnotationCommands(store, deps.log);
  // "Focus on Annotation Tag" (reading features) finds the passages of a tag here.
  setAnnotationTagSource({
    tags: () => tagUsage(store.all().map((entry) => entry.annotations)).map(({ tag }) => tag),
    rangesOf: (doc, tag) => {
      const entry = store.get(doc.uri);
      return (entry?.annotations ?? []).filter((annotation) => annotation.tags.includes(tag))
        .map((annotation) => entry!.anchorOf(annotation.id))
        .filter((anchor) => anchor !== undefined)
        .map((anchor) => new vscode.Range(doc.positionAt(anchor.start), doc.positionAt(anchor.end)));
    },
    passagesOf: (tag) => store.all().flatMap((entry) => entry.annotations.filter((annotation) => annotation.tags.includes(tag))
      .map((annotation) => entry.anchorOf(annotation.id))
      .filter((anchor) => anchor !== undefined)
      .map((anchor) => ({ uri: entry.article.toString(), start: anchor.start, end: anchor.end }))),
  });
  setSidecarMetadataSource({ metadataFor: (uri) => store.get(vscode.Uri.parse(uri))?.metadata, onDidChange: store.onDidChange });
  return [
    { dispose: () => setAnnotationTagSource(undefined) },
    { dispose: () => setSidecarMetadataSource(undefined) },
    store,
    ...(folderWatch ? [folderWatch] : []),
    fileHints,
    followPublicationDates(store, deps),
    followFirstAnnotations(store, fileHints),
    new AnnotationDecorations(store, deps.extensionUri),
    new AnnotationDiagnostics(store),
    vscode.languages.registerHoverProvider(ARTICLES, new AnnotationHoverProvider(store)),
    vscode.languages.registerCodeActionsProvider(ARTICLES, new ReattachCodeActions(store), { providedCodeActionKinds: ReattachCodeActions.kinds }),
    ...view.disposables,
    ...commands.register(),
    ...registerMetadataCommands(store),
    registerRenameTag(store),
    ...registerExportImport(store, (uri) => quotesOfArticle(deps.workspace.index, uri).map(({ file: _file, speakerKey: _key, attribution: _how, ...quote }) => quote)),
    ...lifecycle.disposables,
    registerStateCommand(store, view.provider, lifecycle.outcomes, commands.notes),
    registerHoldReloadsCommand(store),
  ];
}

/** Re-analyses an article as soon as the publication date in its sidecar appears or changes. */
function followPublicationDates(store: AnnotationStore, deps: AnnotationDeps): vscode.Disposable {
  const known = new Map<string, string | undefined>();
  return store.onDidChange((article) => {
    const key = article.toString();
    const published = store.publishedFor(article);
    if (known.get(key) === published) return;
    const first = !known.has(key);
    known.set(key, published);
    if (first && published === undefined) return;
    deps.analyzer.invalidate(article);
    void deps.workspace.refreshArticle(article).catch((error: unknown) => deps.log.warn(`Could not re-index ${key}: ${String(error)}`));
  });
}

/** Tells the reference-date chain when an article's first annotation appears or changes (its year may date the article). */
function followFirstAnnotations(store: AnnotationStore, hints: ArticleFileHintsSource): vscode.Disposable {
  const known = new Map<string, string | undefined>();
  return store.onDidChange((article) => {
    const key = article.toString();
    const first = store.firstAnnotatedFor(article);
    if (known.get(key) === first) return;
    const seen = known.has(key);
    known.set(key, first);
    if (seen || first !== undefined) hints.annotatedChanged(article);
  });
}

/**
 * `sourceAnnotator.annotations.state`: what the feature shows for an article (annotations with live
 * ranges, orphans and why (`orphanReason`: gone, ambiguous, unconfirmed), problems, metadata, `keptTexts`: the hashes of its targets whose article text is kept
 * for re-anchoring), the view's groups, what became of deleted articles' sidecars
 * and the note documents being tracked; for other extensions and the tests.
 */
function registerStateCommand(store: AnnotationStore, view: AnnotationsViewProvider, deletions: readonly SidecarOutcome[], notes: NoteFileSystem): vscode.Disposable {
  return vscode.commands.registerCommand('sourceAnnotator.annotations.state', async (articleArg?: string) => {
    await store.whenLoaded();
    const article = articleArg ? await store.ensure(vscode.Uri.parse(articleArg)) : undefined;
    return {
      article: article && {
        sidecar: article.sidecar.toString(),
        broken: article.broken,
        problems: article.problems,
        metadata: article.metadata,
        annotations: article.annotations.map((annotation) => {
          const anchor = article.anchorOf(annotation.id);
          return { ...annotation, start: anchor?.start, end: anchor?.end, orphan: anchor === undefined,
            orphanReason: anchor === undefined ? article.orphanReasons.get(annotation.id) ?? 'gone' : undefined };
        }),
        keptTexts: await store.keptTexts(article),
      },
      deletions: [...deletions],
      conflicts: [...store.conflictReports],
      notes: notes.tracked(),
      view: { groupBy: view.groupBy, filter: view.filter, groups: view.groups().map((group) => ({ label: group.label, kind: group.kind, count: group.entries.length })) },
    };
  });
}

/**
 * `sourceAnnotator.annotations.holdDiskReloads` (`{ hold: true | false }`, not in the palette): the test
 * hook of `AnnotationStore.holdDiskReloads`, so an extension-host test can race an external write
 * against a command without sleeping. Holding twice is one hold; releasing replays the deferred reloads.
 */
function registerHoldReloadsCommand(store: AnnotationStore): vscode.Disposable {
  let hold: vscode.Disposable | undefined;
  return vscode.Disposable.from(
    { dispose: () => hold?.dispose() },
    // Test hook: `{ path, text }` makes the next atomic write of that YAML file meet `text`, written by
    // "another writer" between its read and its rename (see `injectWriteBeforeCommit`).
    vscode.commands.registerCommand('sourceAnnotator.annotations.injectWriteBeforeCommit', (args?: { path?: string; text?: string }) => {
      if (typeof args?.path !== 'string' || typeof args.text !== 'string') return false;
      injectWriteBeforeCommit(args.path, args.text);
      return true;
    }),
    vscode.commands.registerCommand('sourceAnnotator.annotations.holdDiskReloads', (args?: { hold?: boolean }) => {
      if (args?.hold === false) {
        hold?.dispose();
        hold = undefined;
      } else {
        hold ??= store.holdDiskReloads();
      }
      return hold !== undefined;
    }),
  );
}
