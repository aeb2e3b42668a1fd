import * as vscode from 'vscode';
import { AnalysisStore } from '../../core/analysis/analysisStore';
import { entityFilter } from '../../core/analysis/timeline/timeline';
import type { TimelineEntry } from '../../core/analysis/timeline/timeline';
import { inTaggedParagraphs, TIMELINE_GROUPINGS, timelineGroups, type TimelineGroup, type TimelineGrouping } from '../../core/analysis/timeline/timelineGroups';
import { annotationTagSource } from '../features/focus';
import type { WorkspaceIndex } from '../index/workspaceIndex';

const REFRESH_DELAY_MS = 400;
/** Dates listed in one group before a "more" row. */
const MAX_PER_GROUP = 500;
const GROUPING_SETTING = 'timeline.groupBy';
const GROUPING_LABELS: Record<TimelineGrouping, string> = { day: 'Day', month: 'Month', year: 'Year' };

type Node =
  | { kind: 'group'; group: TimelineGroup }
  | { kind: 'entry'; entry: TimelineEntry }
  | { kind: 'more'; hidden: number };

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The grouping the setting asks for (month when it is missing or not one of day, month, year). */
export function readGrouping(): TimelineGrouping {
  const value = vscode.workspace.getConfiguration('sourceAnnotator').get<string>(GROUPING_SETTING);
  return (TIMELINE_GROUPINGS as readonly string[]).includes(value ?? '') ? value as TimelineGrouping : 'month';
}

/** A URI from what a command receives: a `Uri` (explorer, editor title), `{ uri }`, or a string. */
function uriArgument(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  if (typeof arg === 'string') return arg;
  const uri = (arg as { uri?: unknown } | undefined)?.uri;
  return uri instanceof vscode.Uri ? uri.toString() : typeof uri === 'string' ? uri : undefined;
}

/**
 * The Timeline view: every resolved date of the workspace by year and month (or day, or year only: the
 * `sourceAnnotator.timeline.groupBy` setting and the view's *Group By* button), with the sentence it dates;
 * dates that only restate their article's publication day are marked apart. Filters by entity, annotation
 * tag and article combine; a date opens its article at the date.
 */
export class TimelineViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly store: AnalysisStore;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private groupsCache: TimelineGroup[] | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private view: vscode.TreeView<Node> | undefined;
  private entity = '';
  private tag = '';
  private article = '';
  private grouping: TimelineGrouping = readGrouping();

  constructor(private readonly workspace: WorkspaceIndex) {
    this.store = AnalysisStore.of(workspace.index);
    this.store.ready(); // starts reading the indexed articles in the background, before the view is opened
    this.disposables.push(
      workspace.index.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`sourceAnnotator.${GROUPING_SETTING}`)) return;
        this.grouping = readGrouping();
        this.refreshNow();
      }),
    );
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
        this.filtersChanged();
        if (typeof given === 'string') await vscode.commands.executeCommand('sourceAnnotator.timeline.focus');
        return this.entity;
      }),
      // From the Entities view's context menu (its entity rows carry { row: { name } }) or with { name }.
      vscode.commands.registerCommand('sourceAnnotator.timeline.ofEntity', (node?: { row?: { name?: unknown }; name?: unknown }) => {
        const name = node?.row?.name ?? node?.name;
        return typeof name === 'string' ? vscode.commands.executeCommand('sourceAnnotator.timeline.filterEntity', { name }) : undefined;
      }),
      vscode.commands.registerCommand('sourceAnnotator.timeline.filterTag', async (args?: { tag?: unknown }) => {
        let tag = typeof args?.tag === 'string' ? args.tag : undefined;
        if (tag === undefined) {
          const tags = annotationTagSource()?.tags() ?? [];
          if (tags.length === 0) {
            void vscode.window.showInformationMessage('Source Annotator: no annotation has a tag yet. Tag a passage first; the timeline then keeps the dates of the tagged paragraphs.');
            return this.tag;
          }
          const picked = await vscode.window.showQuickPick([{ label: '$(clear-all) All tags', tag: '' }, ...tags.map((t) => ({ label: t, tag: t }))], {
            title: 'Source Annotator: timeline of a tag', placeHolder: 'Keep the dates in paragraphs you annotated with this tag',
          });
          if (!picked) return this.tag;
          tag = picked.tag;
        }
        this.tag = tag.trim();
        this.filtersChanged();
        return this.tag;
      }),
      vscode.commands.registerCommand('sourceAnnotator.timeline.filterArticle', async (arg?: unknown) => {
        let uri = uriArgument(arg);
        if (uri === undefined) {
          const active = vscode.window.activeTextEditor?.document.uri.toString();
          const items = this.workspace.index.uris().map((u) => ({ label: this.workspace.index.articleInfo(u)?.headline || vscode.workspace.asRelativePath(vscode.Uri.parse(u)),
            description: vscode.workspace.asRelativePath(vscode.Uri.parse(u)), uri: u }))
            .sort((a, b) => Number(b.uri === active) - Number(a.uri === active) || a.label.localeCompare(b.label));
          const picked = await vscode.window.showQuickPick([{ label: '$(clear-all) All articles', description: '', uri: '' }, ...items], {
            title: 'Source Annotator: timeline of an article', placeHolder: 'Keep the dates of one article', matchOnDescription: true,
          });
          if (!picked) return this.article;
          uri = picked.uri;
        }
        this.article = uri;
        this.filtersChanged();
        if (uri && arg !== undefined) await vscode.commands.executeCommand('sourceAnnotator.timeline.focus');
        return this.article;
      }),
      vscode.commands.registerCommand('sourceAnnotator.timeline.clearFilter', () => {
        this.entity = this.tag = this.article = '';
        this.filtersChanged();
      }),
      vscode.commands.registerCommand('sourceAnnotator.timeline.groupBy', async (arg?: unknown) => {
        let by = typeof arg === 'string' && (TIMELINE_GROUPINGS as readonly string[]).includes(arg) ? arg as TimelineGrouping : undefined;
        if (!by) {
          const picked = await vscode.window.showQuickPick(TIMELINE_GROUPINGS.map((g) => ({
            label: GROUPING_LABELS[g], description: g === this.grouping ? 'current' : undefined, by: g,
          })), { title: 'Source Annotator: group the timeline by' });
          if (!picked) return this.grouping;
          by = picked.by;
        }
        this.grouping = by;
        this.refreshNow();
        await vscode.workspace.getConfiguration('sourceAnnotator').update(GROUPING_SETTING, by, vscode.ConfigurationTarget.Global);
        return this.grouping;
      }),
      /** For tests and scripts: the groups and dates the view shows now. */
      vscode.commands.registerCommand('sourceAnnotator.timeline.rows', () => this.groups()),
    ];
  }

  private filtersChanged(): void {
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.timelineFiltered', Boolean(this.entity || this.tag || this.article));
    this.refreshNow();
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

  private groups(): TimelineGroup[] {
    if (this.groupsCache) return this.groupsCache;
    const filter = entityFilter(this.store, this.entity || undefined);
    const uris = this.article ? (this.workspace.index.has(this.article) ? [this.article] : []) : undefined;
    let entries = this.store.allDates(uris, filter);
    if (this.tag) {
      const passages = annotationTagSource()?.passagesOf?.(this.tag) ?? [];
      entries = inTaggedParagraphs(entries, passages, (uri) => this.workspace.index.textOf(uri));
    }
    return (this.groupsCache = timelineGroups(entries, this.grouping));
  }

  private filterWords(): string[] {
    const words: string[] = [];
    if (this.entity) words.push(`“${this.entity}”`);
    if (this.tag) words.push(`tag ${this.tag}`);
    if (this.article) words.push(shorten(this.workspace.index.articleInfo(this.article)?.headline || vscode.workspace.asRelativePath(vscode.Uri.parse(this.article)), 40));
    return words;
  }

  private describe(): void {
    if (!this.view || !this.view.visible) return;
    const total = this.groups().reduce((n, g) => n + g.count, 0);
    const filters = this.filterWords();
    this.view.description = [...filters, total ? `${total} dates` : '', `by ${this.grouping}`].filter(Boolean).join(' · ');
    this.view.message = total ? undefined : filters.length ? `No dates match ${filters.join(' and ')}.`
      : this.workspace.index.size === 0 ? 'No articles indexed yet.' : 'No resolved dates in the indexed articles.';
  }

  async reveal(entry: TimelineEntry): Promise<void> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(entry.file));
    const range = new vscode.Range(document.positionAt(entry.start), document.positionAt(entry.end));
    await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups().map((group) => ({ kind: 'group', group }));
    if (node.kind !== 'group') return [];
    const { group } = node;
    if (group.groups) return group.groups.map((g) => ({ kind: 'group', group: g }));
    const entries = group.entries ?? [];
    const shown: Node[] = entries.slice(0, MAX_PER_GROUP).map((entry) => ({ kind: 'entry', entry }));
    if (entries.length > MAX_PER_GROUP) shown.push({ kind: 'more', hidden: entries.length - MAX_PER_GROUP });
    return shown;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${this.grouping}:${node.group.key}`;
      item.description = `${node.group.count}`;
      item.accessibilityInformation = { label: `${node.group.label}, ${node.group.count} ${node.group.count === 1 ? 'date' : 'dates'}` };
      return item;
    }
    if (node.kind === 'more') return new vscode.TreeItem(`${node.hidden} more…`, vscode.TreeItemCollapsibleState.None);
    const e = node.entry;
    const item = new vscode.TreeItem(`${e.date} · ${shorten(e.sentence, 90)}`, vscode.TreeItemCollapsibleState.None);
    const source = [e.outlet, shorten(e.headline, 50)].filter(Boolean).join(' — ');
    item.description = e.publication ? `publication day · ${source}` : `${e.precision} · ${source}`;
    item.iconPath = new vscode.ThemeIcon(e.publication ? 'calendar' : 'history');
    item.tooltip = new vscode.MarkdownString().appendText(`${e.text} → ${e.date} (${e.precision})${e.publication ? ', the publication day' : ''}\n\n${e.sentence}\n\n${source}${e.entities.length ? `\n\n${e.entities.join(', ')}` : ''}`);
    item.accessibilityInformation = { label: `${e.date}${e.publication ? ', publication day' : ''}: ${shorten(e.sentence, 200)}` };
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
