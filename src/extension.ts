import * as vscode from 'vscode';
import type { Span } from './core/extract';
import { DocumentAnalyzer, isArticleDocument } from './vscode/analysis/documentAnalyzer';
import { Highlighter } from './vscode/features/highlighter';
import { SpanHoverProvider } from './vscode/features/hoverProvider';
import { registerCommands } from './vscode/commands';
import { EntitiesViewProvider } from './vscode/features/entitiesView';
import { loadNameTagger } from './vscode/nameModel';

/** What `activate` returns: used by integration tests and by other extensions. */
export interface SourceAnnotatorApi {
  /** The spans of an article (opened if needed), as the highlighter and hovers see them. */
  getSpans(uri: string): Promise<Span[]>;
}

const ARTICLE_SELECTOR: vscode.DocumentSelector = [
  { language: 'plaintext' }, { language: 'markdown' },
];

export function activate(context: vscode.ExtensionContext): SourceAnnotatorApi {
  const log = vscode.window.createOutputChannel('Source Annotator', { log: true });
  const analyzer = new DocumentAnalyzer();
  const modelReady = loadNameTagger(context.extensionUri, log).then(
    (detector) => { if (detector) analyzer.setNameDetector(detector); },
    (err: unknown) => {
      log.error(`The name model could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showErrorMessage('Source Annotator: the name model could not be loaded; names are found by rules only. See the "Source Annotator" output for details.');
    },
  );
  const highlighter = new Highlighter(analyzer);
  context.subscriptions.push(
    log,
    analyzer,
    highlighter,
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new SpanHoverProvider(analyzer)),
    ...registerCommands({ analyzer, highlighter }),
  );
  const entities = new EntitiesViewProvider(analyzer);
  context.subscriptions.push(
    entities,
    vscode.window.createTreeView('sourceAnnotator.entities', { treeDataProvider: entities, showCollapseAll: true }),
  );
  return {
    async getSpans(uri: string): Promise<Span[]> {
      await modelReady;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      return isArticleDocument(doc) ? analyzer.analyze(doc).result.spans : [];
    },
  };
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
