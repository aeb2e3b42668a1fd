import * as vscode from 'vscode';
import { AnalysisStore } from '../../core/analysis/analysisStore';
import { entityFilter } from '../../core/analysis/timeline/timeline';
import type { TimelineEntry } from '../../core/analysis/timeline/timeline';
import type { WorkspaceIndex } from '../index/workspaceIndex';

const REFRESH_DELAY_MS = 400;
const MAX_PER_MONTH = 500;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface TimelineYear { year: string; months: { month: string; entries: TimelineEntry[] }[]; count: number }

type Node =
  | { kind: 'year'; year: TimelineYear }
  | { kind: 'month'; year: string; month: string; entries: TimelineEntry[] }
  | { kind: 'entry'; entry: TimelineEntry }
  | { kind: 'more'; hidden: number };

/** Entries (in date order) grouped by the year and month of their first day. */
export function timelineGroups(entries: readonly TimelineEntry[]): TimelineYear[] {
  const years: TimelineYear[] = [];
  for (const e of entries) {
    const year = e.from.slice(0, 4);
    const month = e.from.slice(5, 7);
    let y = years[years.length - 1];
    if (!y || y.year !== year) years.push((y = { year, months: [], count: 0 }));
    let m = y.months[y.months.length - 1];
    if (!m || m.month !== month) y.months.push((m = { month, entries: [] }));
    m.entries.push(e);
    y.count++;
  }
  return years;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The Timeline view: every resolved date of the workspace by year and month, with the sentence it dates;
 * dates that only restate their article's publication day are marked apart. Filter by entity; a date opens
 * its article at the date.
 */
export class TimelineViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly store: AnalysisStore;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private groupsCache: TimelineYear[] | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<Node> | undefined;
  private entity = '';

  constructor(private readonly workspace: WorkspaceIndex) {
    this.store = AnalysisStore.of(workspace.index);
    this.store.ready(); // starts reading the indexed articles in the background, before the view is opened
    this.disposables.push(workspace.index.onDidChange(() => this.scheduleRefresh()));
  }

  register(): vscode.Disposable[] {
    this.view = vscode.window.createTreeView('sourceAnnotator.timeline', { treeDataProvider: this, showCollapseAll: true });
    return [
      this.view,
      this.view.onDidChangeVisibility(() => this.describe()),
      vscode.commands.registerCommand('sourceAnnotator.timeline.reveal', (entry?: TimelineEntry) => (entry ? this.reveal(entry) : undefined)),
      vscode.commands.registerCommand('sourceAnnotator.timeline.filterEntity', async (args?: unknown) => {
        const given = (args as { name?: unknown } | undefined)?.name;
        const name = typeof given === 'string' ? given : await vscode.window.showInputBox({
          title: 'Source Annotator: timeline of an entity', prompt: 'Show only the dates whose sentence names this entity (empty shows all)', value: this.entity,
        });
        if (name === undefined) return this.entity;
        this.entity = name.trim();
        void vscode.commands.executeCommand('setContext', 'sourceAnnotator.timelineFiltered', this.entity !== '');
        this.refreshNow();
        if (typeof given === 'string') await vscode.commands.executeCommand('sourceAnnotator.timeline.focus');
        return this.entity;
      }),
      // From the Entities view's context menu (its entity rows carry { row: { name } }) or with { name }.
      vscode.commands.registerCommand('sourceAnnotator.timeline.ofEntity', (node?: { row?: { name?: unknown }; name?: unknown }) => {
        const name = node?.row?.name ?? node?.name;
        return typeof name === 'string' ? vscode.commands.executeCommand('sourceAnnotator.timeline.filterEntity', { name }) : undefined;
      }),
      vscode.commands.registerCommand('sourceAnnotator.timeline.clearFilter', () => vscode.commands.executeCommand('sourceAnnotator.timeline.filterEntity', { name: '' })),
      /** For tests and scripts: the years, months and dates the view shows now. */
      vscode.commands.registerCommand('sourceAnnotator.timeline.rows', () => this.groups()),
    ];
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refreshNow(), REFRESH_DELAY_MS);
  }

  private refreshNow(): void {
    this.groupsCache = undefined;
    this.describe();
    this.changed.fire();
  }

  private groups(): TimelineYear[] {
    if (this.groupsCache) return this.groupsCache;
    const filter = entityFilter(this.store, this.entity || undefined);
    return (this.groupsCache = timelineGroups(this.store.allDates(undefined, filter)));
  }

  private describe(): void {
    if (!this.view || !this.view.visible) return;
    const total = this.groups().reduce((n, y) => n + y.count, 0);
    this.view.description = this.entity ? `“${this.entity}” · ${total} dates` : total ? `${total} dates` : undefined;
    this.view.message = total ? undefined : this.entity ? `No dated sentence names “${this.entity}”.`
      : this.workspace.index.size === 0 ? 'No articles indexed yet.' : 'No resolved dates in the indexed articles.';
  }

  async reveal(entry: TimelineEntry): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file));
    const range = new vscode.Range(document.positionAt(entry.start), document.positionAt(entry.end));
    await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups().map((year) => ({ kind: 'year', year }));
    if (node.kind === 'year') return node.year.months.map((m) => ({ kind: 'month', year: node.year.year, month: m.month, entries: m.entries }));
    if (node.kind !== 'month') return [];
    const shown: Node[] = node.entries.slice(0, MAX_PER_MONTH).map((entry) => ({ kind: 'entry', entry }));
    if (node.entries.length > MAX_PER_MONTH) shown.push({ kind: 'more', hidden: node.entries.length - MAX_PER_MONTH });
    return shown;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'year') {
      const item = new vscode.TreeItem(node.year.year, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.year.count}`;
      return item;
    }
    if (node.kind === 'month') {
      const item = new vscode.TreeItem(`${MONTHS[Number(node.month) - 1] ?? node.month} ${node.year}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.entries.length}`;
      return item;
    }
    if (node.kind === 'more') return new vscode.TreeItem(`${node.hidden} more…`, vscode.TreeItemCollapsibleState.None);
    const e = node.entry;
    const item = new vscode.TreeItem(`${e.date} · ${shorten(e.sentence, 90)}`, vscode.TreeItemCollapsibleState.None);
    const source = [e.outlet, shorten(e.headline, 50)].filter(Boolean).join(' — ');
    item.description = e.publication ? `publication day · ${source}` : `${e.precision} · ${source}`;
    item.iconPath = new vscode.ThemeIcon(e.publication ? 'calendar' : 'history');
    item.tooltip = new vscode.MarkdownString().appendText(`${e.text} → ${e.date} (${e.precision})${e.publication ? ', the publication day' : ''}\n\n${e.sentence}\n\n${source}${e.entities.length ? `\n\n${e.entities.join(', ')}` : ''}`);
    item.command = { command: 'sourceAnnotator.timeline.reveal', title: 'Open Date', arguments: [e] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerTimelineView(workspace: WorkspaceIndex): vscode.Disposable[] {
  const provider = new TimelineViewProvider(workspace);
  return [provider, ...provider.register()];
}
