/**
 * The Annotations view: every annotation in the workspace grouped by tag or by article (toggle in the
 * view title), with counts, a text or `tag:` filter, orphans in their own group, and click to reveal.
 */
import * as vscode from 'vscode';
import type { AnnotationStore } from './annotationStore';
import { buildGroups, quoteLabel, type GroupBy, type ViewEntry, type ViewGroup } from './viewModel';

type Node = { kind: 'group'; group: ViewGroup } | { kind: 'entry'; entry: ViewEntry };

export class AnnotationsViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groupByValue: GroupBy = 'tag';
  private filterValue = '';
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly store: AnnotationStore) {
    this.disposables.push(store.onDidChange(() => this.scheduleRefresh()));
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.annotations.groupBy', this.groupByValue);
  }

  get groupBy(): GroupBy {
    return this.groupByValue;
  }

  get filter(): string {
    return this.filterValue;
  }

  setGroupBy(groupBy: GroupBy): void {
    this.groupByValue = groupBy;
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.annotations.groupBy', groupBy);
    this.changed.fire(undefined);
  }

  setFilter(filter: string): void {
    this.filterValue = filter.trim();
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.annotations.filtered', this.filterValue !== '');
    this.changed.fire(undefined);
  }

  /** The tree as it would be shown now: groups with their entries (also what tests read). */
  groups(): ViewGroup[] {
    const entries: ViewEntry[] = [];
    for (const article of this.store.all()) {
      const articleLabel = vscode.workspace.asRelativePath(article.article);
      for (const annotation of article.annotations) {
        entries.push({ article: article.article.toString(), articleLabel, annotation, orphan: !article.anchorOf(annotation.id) });
      }
    }
    return buildGroups(entries, this.groupByValue, this.filterValue);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups().map((group) => ({ kind: 'group', group }));
    if (node.kind === 'group') return node.group.entries.map((entry) => ({ kind: 'entry', entry }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const { group } = node;
      const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${group.kind}:${group.label}`;
      item.description = `${group.entries.length}`;
      item.iconPath = new vscode.ThemeIcon(group.kind === 'orphans' ? 'warning' : group.kind === 'article' ? 'file' : 'tag');
      item.contextValue = `annotationGroup.${group.kind}`;
      return item;
    }
    const { entry } = node;
    const item = new vscode.TreeItem(quoteLabel(entry.annotation.target.exact), vscode.TreeItemCollapsibleState.None);
    item.description = [this.groupByValue === 'tag' ? entry.articleLabel : entry.annotation.tags.join(', '), entry.annotation.note ? quoteLabel(entry.annotation.note, 40) : '']
      .filter((part) => part !== '').join(' — ');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(entry.annotation.target.exact);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText([entry.annotation.tags.join(', '), entry.annotation.note, entry.articleLabel].filter(Boolean).join('\n\n'));
    item.tooltip = tooltip;
    item.iconPath = new vscode.ThemeIcon(entry.orphan ? 'debug-disconnect' : entry.annotation.note ? 'note' : 'bookmark');
    item.contextValue = entry.orphan ? 'annotation.orphan' : 'annotation';
    item.command = { command: 'sourceAnnotator.revealAnnotation', title: 'Reveal', arguments: [{ article: entry.article, id: entry.annotation.id }] };
    return item;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.changed.fire(undefined), 100);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerAnnotationsView(store: AnnotationStore): { provider: AnnotationsViewProvider; disposables: vscode.Disposable[] } {
  const provider = new AnnotationsViewProvider(store);
  const view = vscode.window.createTreeView('sourceAnnotator.annotations', { treeDataProvider: provider, showCollapseAll: true });
  const updateMessage = (): void => {
    view.message = provider.filter ? `Filter: ${provider.filter}` : undefined;
  };
  return {
    provider,
    disposables: [
      provider,
      view,
      vscode.commands.registerCommand('sourceAnnotator.annotations.groupByTag', () => provider.setGroupBy('tag')),
      vscode.commands.registerCommand('sourceAnnotator.annotations.groupByArticle', () => provider.setGroupBy('article')),
      vscode.commands.registerCommand('sourceAnnotator.annotations.filter', async (args?: { filter?: string }) => {
        const filter = args?.filter ?? await vscode.window.showInputBox({
          title: 'Filter annotations', value: provider.filter, prompt: 'Text in the quote, note, tags or article; or tag:name for one tag. Empty shows all.',
        });
        if (filter === undefined) return;
        provider.setFilter(filter);
        updateMessage();
      }),
      vscode.commands.registerCommand('sourceAnnotator.annotations.clearFilter', () => {
        provider.setFilter('');
        updateMessage();
      }),
    ],
  };
}
