import * as vscode from 'vscode';
import type { SpanType } from '../../core/extract';
import type { DocumentSymbolGroup } from '../../core/index/queryTypes';
import { TYPE_LABELS } from '../categories';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { indexedSpanAt, locationsOf } from '../index/lookup';
import { isLargeDocument, type WorkspaceIndex } from '../index/workspaceIndex';
import { plural } from '../../core/util/plural';

const SYMBOL_KINDS: Record<SpanType, vscode.SymbolKind> = {
  PERSON: vscode.SymbolKind.Variable,
  ORG: vscode.SymbolKind.Class,
  PLACE: vscode.SymbolKind.Module,
  MISC: vscode.SymbolKind.Enum,
  DATE: vscode.SymbolKind.Event,
  MONEY: vscode.SymbolKind.Number,
  PERCENT: vscode.SymbolKind.Number,
  QUANTITY: vscode.SymbolKind.Number,
};

/** Find All References, Go to Definition, the Outline and Ctrl+T, all answered from the corpus index. */
export class NavigationProviders implements vscode.ReferenceProvider, vscode.DefinitionProvider, vscode.DocumentSymbolProvider, vscode.WorkspaceSymbolProvider {
  constructor(private readonly workspace: WorkspaceIndex, private readonly analyzer: DocumentAnalyzer) {}

  provideReferences(doc: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): vscode.Location[] {
    if (!isArticleDocument(doc)) return [];
    const here = indexedSpanAt(this.workspace, this.analyzer, doc, position);
    if (!here?.key) return [];
    return locationsOf(this.workspace, this.workspace.index.references(here.key), token);
  }

  provideDefinition(doc: vscode.TextDocument, position: vscode.Position): vscode.Location | undefined {
    if (!isArticleDocument(doc)) return undefined;
    const here = indexedSpanAt(this.workspace, this.analyzer, doc, position);
    if (!here?.key) return undefined;
    const first = this.workspace.index.references(here.key)
      .map((m) => ({ m, published: this.workspace.index.articleInfo(m.uri)?.published ?? '9999' }))
      .sort((a, b) => a.published.localeCompare(b.published) || a.m.uri.localeCompare(b.m.uri) || a.m.start - b.m.start)[0];
    return first && locationsOf(this.workspace, [first.m])[0];
  }

  /**
   * The breadcrumbs and the Outline ask for symbols after every edit; they are rebuilt only when the
   * indexed text changed (a large article being typed in keeps its saved version's symbols until saved).
   */
  private readonly symbolCache = new Map<string, { hash: string; symbols: vscode.DocumentSymbol[] }>();

  async provideDocumentSymbols(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentSymbol[] | undefined> {
    if (!isArticleDocument(doc)) return [];
    const large = isLargeDocument(doc);
    if (!large) this.workspace.updateFromEditor(doc, () => this.analyzer.analyze(doc).result, true);
    const uri = doc.uri.toString();
    const hash = this.workspace.index.hashOf(uri);
    const cached = this.symbolCache.get(uri);
    if (hash && cached?.hash === hash) return cached.symbols;
    // A long article's hundreds of thousands of mentions are read in slices, between which the host runs other work.
    const groups = large
      ? await this.workspace.index.documentSymbolsInSlices(uri, () => new Promise((resolve) => setImmediate(() => resolve(!token.isCancellationRequested))))
      : this.workspace.index.documentSymbols(uri);
    if (!groups || doc.isClosed) return undefined;
    const symbols = this.buildSymbols(doc, groups);
    if (hash && this.workspace.index.hashOf(uri) === hash) this.symbolCache.set(uri, { hash, symbols });
    if (this.symbolCache.size > 50) this.symbolCache.delete(this.symbolCache.keys().next().value!);
    return symbols;
  }

  /**
   * Builds the Outline of the long articles on screen whenever the index is ready, in its slices, so the
   * request VS Code makes after the first edit finds it built instead of reading every mention then.
   */
  prepareOutlines(): vscode.Disposable {
    // An outline names entities as the whole index links them: any change to the index (an article
    // re-analysed with the name model at start-up, a relink, another article naming the same entity) can
    // change it even where the article's text did not.
    const changes = this.workspace.index.onDidChange(() => this.symbolCache.clear());
    const ready = this.workspace.onDidChangeState((state) => {
      if (state.kind !== 'ready') return;
      for (const editor of vscode.window.visibleTextEditors) {
        const doc = editor.document;
        if (!isArticleDocument(doc) || !isLargeDocument(doc)) continue;
        const source = new vscode.CancellationTokenSource();
        void this.provideDocumentSymbols(doc, source.token).finally(() => source.dispose());
      }
    });
    return new vscode.Disposable(() => {
      changes.dispose();
      ready.dispose();
    });
  }

  private buildSymbols(doc: vscode.TextDocument, groups: DocumentSymbolGroup[]): vscode.DocumentSymbol[] {
    const rangeOf = (start: number, end: number) => new vscode.Range(doc.positionAt(start), doc.positionAt(end));
    return groups.map((group) => {
      const symbols = group.symbols.map((s) => new vscode.DocumentSymbol(s.name, `${s.mentionCount}×`, SYMBOL_KINDS[group.type],
        rangeOf(s.first.start, s.last.end), rangeOf(s.first.start, s.first.end)));
      const first = symbols[0];
      const groupSymbol = new vscode.DocumentSymbol(TYPE_LABELS[group.type], `${symbols.length}`, SYMBOL_KINDS[group.type],
        symbols.reduce((r, s) => r.union(s.range), first.range), first.selectionRange);
      groupSymbol.children = symbols;
      return groupSymbol;
    });
  }

  provideWorkspaceSymbols(query: string, token: vscode.CancellationToken): vscode.SymbolInformation[] {
    const hits = this.workspace.index.workspaceSymbols(query, 200);
    const locations = locationsOf(this.workspace, hits.map((h) => h.location), token);
    return hits.slice(0, locations.length).map((h, i) => new vscode.SymbolInformation(
      h.name, SYMBOL_KINDS[h.type], `${TYPE_LABELS[h.type]} · ${plural(h.articleCount, 'article')}`, locations[i]));
  }
}

/** Moves the cursor to the next or previous mention of the entity under it, within the article. */
export function jumpToAdjacentMention(workspace: WorkspaceIndex, analyzer: DocumentAnalyzer, direction: 'next' | 'previous'): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArticleDocument(editor.document)) return;
  const doc = editor.document;
  // After a jump the mention is selected and the cursor sits at its end, just outside the span.
  const here = indexedSpanAt(workspace, analyzer, doc, editor.selection.isEmpty ? editor.selection.active : editor.selection.start);
  const target = here && workspace.index.adjacentMention(doc.uri.toString(), here.span.start, direction);
  if (!target) {
    void vscode.window.setStatusBarMessage('Source Annotator: no other mention of this in the article', 3000);
    return;
  }
  const range = new vscode.Range(doc.positionAt(target.start), doc.positionAt(target.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
