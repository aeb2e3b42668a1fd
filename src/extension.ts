import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { watchConfig } from './vscode/config';
import { FolderEvents } from './vscode/folderEvents';
import type { Span } from './core/extract';
import { DocumentAnalyzer, isArticleDocument } from './vscode/analysis/documentAnalyzer';
import { registerAnnotations } from './vscode/annotations/registerAnnotations';
import { registerCommands } from './vscode/commands';
import { EntitiesViewProvider } from './vscode/features/entitiesView';
import { Highlighter } from './vscode/features/highlighter';
import { registerReadingFeatures } from './vscode/features/highlightControlsWiring';
import { SpanHoverProvider } from './vscode/features/hoverProvider';
import { NavigationProviders } from './vscode/features/navigation';
import { IndexStatusBar } from './vscode/features/statusBar';
import { AnalysisNotice } from './vscode/features/analysisNotice';
import { WorkspaceIndex } from './vscode/index/workspaceIndex';
import { contentHash } from './core/index/hash';
import { AnalysisPool } from './node/analysisPool';
import { loadNameTagger } from './vscode/nameModel';
import { registerArticleWordWrap } from './vscode/features/articleWordWrap';
import { showViewsOnStart } from './vscode/features/showViewsOnStart';
import { registerHighlightStylePicker } from './vscode/features/highlightStylePicker';
import { registerRegistryCommands } from './vscode/registry/registryCommands';
import { RegistryService } from './vscode/registry/registryService';
import { registerQuotesView } from './vscode/analysis/quotesView';
import { registerTimelineView } from './vscode/analysis/timelineView';
import { registerConnectionsPanel } from './vscode/analysis/connectionsPanel';
import { ArchiveService } from './vscode/archive/archiveService';
import { registerArchive } from './vscode/archive/registerArchive';
import { WorkspaceCopies } from './vscode/analysis/corroborationFeed';

/** What `activate` returns: used by integration tests and by other extensions. */
export interface SourceAnnotatorApi {
  /** The spans of an article (opened if needed), as the highlighter and hovers see them. */
  getSpans(uri: string): Promise<Span[]>;
  /** Resolves when the name model is loaded and the first pass over the workspace has finished. */
  whenIndexed(): Promise<void>;
  /** Why an article was not analysed (not English, too large), or undefined when it was. */
  skipReason(uri: string): Promise<string | undefined>;
  /** Resolves when an edit of `uri` has next settled, with the version its held analysis describes (none: undefined). */
  nextSettled(uri: string): Promise<number | undefined>;
}

const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: 'plaintext' }, { language: 'markdown' }, { language: 'article' }];

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  // First, so that every configuration listener registered after it reads fresh settings.
  context.subscriptions.push(watchConfig());
  const log = vscode.window.createOutputChannel('Source Annotator', { log: true });
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0');
  // Indexing, and the unseen parts of long open articles, are analysed in worker threads (one per core,
  // at most two) so the extension host stays responsive.
  const pool = AnalysisPool.create(path.join(context.extensionPath, 'dist', 'analysisWorker.js'), Math.max(1, Math.min(2, os.cpus().length)));
  const analyzer = new DocumentAnalyzer(pool && {
    extract: (texts, options) => pool.extractTexts(texts, options),
    extractNow: (texts, options) => pool.extractTextsNow(texts, options),
  });
  // One watcher of folders coming and going for the features below that watch files by pattern.
  const folders = new FolderEvents();
  const workspace = new WorkspaceIndex(context.storageUri, `source-annotator@${version}`, log, pool, folders);
  const highlighter = new Highlighter(analyzer);
  highlighter.setNameTypes((span) => workspace.index.nameTypeOf(span.type, span.text, span.canonical), workspace.index.onDidChange);
  const navigation = new NavigationProviders(workspace, analyzer);
  const archive = new ArchiveService(context.secrets, log);
  const entities = new EntitiesViewProvider(workspace, archive);
  const registry = new RegistryService(log, folders);
  const copies = new WorkspaceCopies(workspace);

  context.subscriptions.push(
    log,
    folders,
    analyzer,
    workspace,
    highlighter,
    entities,
    new IndexStatusBar(workspace),
    new AnalysisNotice(analyzer),
    analyzer.onDidAnalyze((doc) => workspace.updateFromEditor(doc, () => analyzer.analyze(doc).result)),
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new SpanHoverProvider(analyzer, workspace, archive, copies)),
    vscode.languages.registerReferenceProvider(ARTICLE_SELECTOR, navigation),
    vscode.languages.registerDefinitionProvider(ARTICLE_SELECTOR, navigation),
    vscode.languages.registerDocumentSymbolProvider(ARTICLE_SELECTOR, navigation, { label: 'Source Annotator' }),
    vscode.languages.registerWorkspaceSymbolProvider(navigation),
    navigation.prepareOutlines(),
    ...registerReadingFeatures({ analyzer, highlighter, workspace, entities }),
    ...registerCommands({ analyzer, highlighter, workspace }),
    ...registerAnnotations({ analyzer, workspace, log, extensionUri: context.extensionUri, storageUri: context.storageUri ?? context.globalStorageUri, folders }),
    registry,
    registry.onDidChange((r) => {
      // the index first: the analyzer's re-analysis reaches it at once, and must find the new registry there
      workspace.setRegistry(r);
      analyzer.setRegistry(r);
    }),
    ...registerRegistryCommands({ registry, workspace, analyzer }),
    copies,
    ...registerQuotesView(workspace, copies),
    ...registerTimelineView(workspace),
    ...registerConnectionsPanel(workspace, context.extensionUri),
    registerArticleWordWrap(log),
    registerHighlightStylePicker(),
    ...registerArchive({ archive, workspace, analyzer, selector: ARTICLE_SELECTOR }),
  );

  // The model loads off the activation path: highlights appear at once from rules, then sharpen.
  const modelSettled = registry.load().then(() => loadNameTagger(context.extensionUri, log).then(
    (model) => {
      // The workers get the model first: the analyzer's re-analysis posts them work at once.
      pool?.setModel(model?.bytes);
      // the index first, for the same reason as the registry above
      workspace.setNameDetector(model?.detector, false, model && contentHash(new TextDecoder('latin1').decode(model.bytes)));
      if (model) analyzer.setNameDetector(model.detector);
    },
    (err: unknown) => {
      workspace.setNameDetector(undefined, false);
      log.error(`The name model could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showErrorMessage('Source Annotator: the name model could not be loaded; names are found by rules only. See the "Source Annotator" output for details.');
    },
  ));
  // The unseen parts of long articles wait for the model too: extracted by rules alone, they would be done twice.
  const startBackground = (): void => analyzer.startBackground();
  modelSettled.then(startBackground, startBackground);
  const ready = modelSettled.then(() => workspace.reindex());
  void showViewsOnStart(log);

  return {
    async getSpans(uri: string): Promise<Span[]> {
      await ready;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      return isArticleDocument(doc) ? analyzer.analyze(doc).result.spans : [];
    },
    whenIndexed: () => ready,
    nextSettled(uri: string): Promise<number | undefined> {
      return new Promise((resolve) => {
        const subscription = analyzer.onDidAnalyze((doc) => {
          if (doc.uri.toString() !== uri) return;
          subscription.dispose();
          resolve(analyzer.latest(doc)?.version);
        });
      });
    },
    async skipReason(uri: string): Promise<string | undefined> {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      return isArticleDocument(doc) ? analyzer.analyze(doc).skipped : undefined;
    },
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
