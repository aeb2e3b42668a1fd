import * as vscode from 'vscode';
import { AnalysisStore } from '../../core/analysis/analysisStore';
import type { LedgerQuote } from '../../core/analysis/quotes/quoteLedger';
import { plural } from '../../core/util/plural';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceCopies } from './corroborationFeed';
import { SpeakerLedger, UNNAMED_SPEAKERS as UNNAMED, type SpeakerRow } from '../../core/analysis/quotes/speakerRows';

export { speakerRows, type SpeakerRow } from '../../core/analysis/quotes/speakerRows';

const REFRESH_DELAY_MS = 400;
/** Quotations listed under one speaker before a "more" row. */
const MAX_PER_SPEAKER = 200;

type Node =
  | { kind: 'speaker'; row: SpeakerRow }
  | { kind: 'quote'; quote: LedgerQuote }
  | { kind: 'more'; hidden: number };

function shorten(text: string, max = 90): string {
  const flat = text.replace(/\s+/gu, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The Quotes view: the workspace's quotations grouped by speaker (after the registry's merges), most quoted
 * first; a quotation opens its article with the quoted words selected.
 */
export class QuotesViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly store: AnalysisStore;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private rowsCache: SpeakerRow[] | undefined;
  /** Every article's quotations by speaker, kept up to date per changed article (see `rows`). */
  private readonly ledger = new SpeakerLedger();
  private readonly followed: ReturnType<AnalysisStore['trackQuotations']>;
  private refreshTimer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<Node> | undefined;

  /** `copies`: republished wire copy, for how independently each quotation is reported. */
  constructor(private readonly workspace: WorkspaceIndex, private readonly copies?: WorkspaceCopies) {
    this.store = AnalysisStore.of(workspace.index);
    this.store.ready(); // starts reading the indexed articles in the background, before the view is opened
    this.followed = this.store.trackQuotations();
    this.disposables.push(workspace.index.onDidChange(() => this.scheduleRefresh()), this.followed);
  }

  register(): vscode.Disposable[] {
    this.view = vscode.window.createTreeView('sourceAnnotator.quotes', { treeDataProvider: this, showCollapseAll: true });
    return [
      this.view,
      this.view.onDidChangeVisibility(() => this.describe()),
      vscode.commands.registerCommand('sourceAnnotator.quotes.reveal', (quote?: LedgerQuote) => (quote ? this.reveal(quote) : undefined)),
      /** For tests and scripts: the speakers and quotations the view shows now. */
      vscode.commands.registerCommand('sourceAnnotator.quotes.rows', () => this.rows()),
      /** For tests and scripts: the corroboration line of a quotation's tooltip ('' when only one source has it). */
      vscode.commands.registerCommand('sourceAnnotator.quotes.corroboration', (quote?: LedgerQuote) => (quote ? this.corroboration(quote) : '')),
    ];
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.rowsCache = undefined;
      this.describe();
      this.changed.fire();
    }, REFRESH_DELAY_MS);
  }

  /** Only a visible view computes its rows: activation and indexing do not pay for a closed view. */
  private get visible(): boolean {
    return this.view?.visible ?? false;
  }

  /**
   * The rows: only the articles whose quotations changed since the last build are read again (an edited,
   * added, removed or renamed article, and those whose speakers a change resolved to another entity).
   */
  private rows(): SpeakerRow[] {
    if (this.rowsCache) return this.rowsCache;
    this.ledger.apply(this.followed.take(), this.workspace.index.uris(), (uri) => this.store.quotes(uri));
    return (this.rowsCache = this.ledger.rows());
  }

  /**
   * "reported by 3 outlets; …" for a quotation other articles carry too, or '' when only one source has it:
   * the workspace's quotation index, kept up to date per changed article (`WorkspaceCopies`).
   */
  corroboration(quote: LedgerQuote): string {
    return this.copies?.quoteCorroboration(quote.text)?.summary ?? '';
  }

  private describe(): void {
    if (!this.view || !this.visible) return;
    const rows = this.rows();
    const total = rows.reduce((n, r) => n + r.quotes.length, 0);
    this.view.description = total ? plural(total, 'quotation') : undefined;
    this.view.message = total ? undefined : this.workspace.index.size === 0 ? 'No articles indexed yet.' : 'No quotations found in the indexed articles.';
  }

  async reveal(quote: LedgerQuote): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(quote.file));
    const range = new vscode.Range(document.positionAt(quote.start), document.positionAt(quote.end));
    await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.rows().map((row) => ({ kind: 'speaker', row }));
    if (node.kind !== 'speaker') return [];
    const shown: Node[] = node.row.quotes.slice(0, MAX_PER_SPEAKER).map((quote) => ({ kind: 'quote', quote }));
    if (node.row.quotes.length > MAX_PER_SPEAKER) shown.push({ kind: 'more', hidden: node.row.quotes.length - MAX_PER_SPEAKER });
    return shown;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const item = new vscode.TreeItem(node.row.speaker, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.row.quotes.length}`;
      item.iconPath = new vscode.ThemeIcon(node.row.speaker === UNNAMED ? 'question' : node.row.type === 'PERSON' ? 'person' : 'organization');
      item.tooltip = `${node.row.speaker}: ${plural(node.row.quotes.length, 'quotation')}`;
      item.accessibilityInformation = { label: `${node.row.speaker}, ${plural(node.row.quotes.length, 'quotation')}` };
      return item;
    }
    if (node.kind === 'more') return new vscode.TreeItem(`${node.hidden} more…`, vscode.TreeItemCollapsibleState.None);
    const q = node.quote;
    const item = new vscode.TreeItem(`“${shorten(q.text)}”`, vscode.TreeItemCollapsibleState.None);
    const headline = this.workspace.index.articleInfo(q.file)?.headline ?? '';
    item.description = shorten(headline, 60);
    const corroboration = this.corroboration(q);
    item.tooltip = new vscode.MarkdownString().appendText(`“${q.text}”\n\n${q.speaker ?? 'Unnamed speaker'} — ${headline}` +
      (corroboration ? `\n\nThis quotation: ${corroboration}.` : ''));
    item.iconPath = new vscode.ThemeIcon('quote');
    item.accessibilityInformation = { label: `Quotation by ${q.speaker ?? 'an unnamed speaker'}: ${shorten(q.text, 200)}` };
    item.command = { command: 'sourceAnnotator.quotes.reveal', title: 'Open Quotation', arguments: [q] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}

/** Creates the Quotes view; the returned disposables belong in the extension's subscriptions. */
export function registerQuotesView(workspace: WorkspaceIndex, copies?: WorkspaceCopies): vscode.Disposable[] {
  const provider = new QuotesViewProvider(workspace, copies);
  return [provider, ...provider.register()];
}
