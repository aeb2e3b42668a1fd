import * as vscode from 'vscode';
import type { NameType } from '../../core/extract';
import type { EntityKey } from '../../core/index/entityKey';
import { CATEGORIES, CATEGORY_LABELS, categoryOf, TYPE_LABELS, type Category } from '../categories';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { UNDERLINE_PATTERNS } from './highlightStyles';
import { plural } from '../../core/util/plural';
import type { EntityRow as ArchiveRow } from '../../core/index/corpusStore';
import { unavailableText } from '../../core/archive/askArchive';
import { ArchiveCommands } from '../../core/hover/archiveSection';
import type { ArchiveService } from '../archive/archiveService';

export type EntitySort = 'mentions' | 'articles';

const NAME_TYPES: readonly NameType[] = ['PERSON', 'ORG', 'PLACE', 'MISC'];
/** Rows per type before a "more" row; the filter narrows a long list. */
const MAX_PER_TYPE = 300;
const MAX_ARTICLES = 100;
const REFRESH_DELAY_MS = 400;
const MAX_SUGGESTIONS = 50;
/** Archive entities fetched per page; "more…" fetches the next. */
const ARCHIVE_PAGE = 100;

export interface EntityRow {
  key: EntityKey;
  name: string;
  type: NameType;
  mentionCount: number;
  articleCount: number;
}

type Node =
  | { kind: 'type'; type: NameType; rows: EntityRow[] }
  | { kind: 'more'; hidden: number }
  | { kind: 'entity'; row: EntityRow }
  | { kind: 'article'; row: EntityRow; uri: string; headline: string; mentionCount: number; outlet?: string; published?: string }
  | { kind: 'mention'; uri: string; start: number; end: number; label: string; line: number }
  | { kind: 'suggestions'; suggestions: MergeSuggestion[] }
  | { kind: 'suggestion'; suggestion: MergeSuggestion }
  | { kind: 'archive' }
  | { kind: 'archiveEntity'; row: ArchiveRow }
  | { kind: 'archiveMore'; remaining: number }
  | { kind: 'archiveProblem'; text: string }
  | { kind: 'legend' }
  | { kind: 'legendEntry'; category: Category };

type MergeSuggestion = ReturnType<WorkspaceIndex['index']['mergeSuggestions']>[number];

/** The corpus's entities of each type, filtered by `filter` (name or alias contains it), sorted by `sort`. */
export function entityRows(workspace: WorkspaceIndex, filter: string, sort: EntitySort): Map<NameType, EntityRow[]> {
  const rows = new Map<NameType, EntityRow[]>(NAME_TYPES.map((t) => [t, []]));
  for (const symbol of workspace.index.workspaceSymbols(filter, Number.MAX_SAFE_INTEGER)) {
    const info = workspace.index.entityInfo(symbol.key);
    rows.get(symbol.type)?.push({
      key: symbol.key, name: symbol.name, type: symbol.type,
      mentionCount: info?.mentionCount ?? 0, articleCount: info?.articleCount ?? symbol.articleCount,
    });
  }
  const primary = (r: EntityRow): number => (sort === 'mentions' ? r.mentionCount : r.articleCount);
  const secondary = (r: EntityRow): number => (sort === 'mentions' ? r.articleCount : r.mentionCount);
  for (const list of rows.values()) {
    list.sort((a, b) => primary(b) - primary(a) || secondary(b) - secondary(a) || a.name.localeCompare(b.name));
  }
  return rows;
}

function categoryIcon(category: Category): vscode.ThemeIcon {
  return new vscode.ThemeIcon('circle-filled', new vscode.ThemeColor(`sourceAnnotator.${category}.border`));
}

/**
 * The Entities view: every person, organization, place and misc name of the workspace's articles,
 * grouped by type (each type's coloured dot is the legend of its highlight colour), sorted by mentions or
 * by articles, filterable; an entity expands to its articles, an article to its mentions.
 */
export class EntitiesViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private view: vscode.TreeView<Node> | undefined;
  private sortValue: EntitySort = 'mentions';
  private filterValue = '';
  private rowsCache: Map<NameType, EntityRow[]> | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** The team archive's entities for the current filter, as far as fetched (undefined: not fetched yet). */
  private archivePages: { rows: ArchiveRow[]; total: number; next?: number; problem?: string } | undefined;
  private archiveLoading: Promise<void> | undefined;

  constructor(private readonly workspace: WorkspaceIndex, private readonly archive?: ArchiveService) {
    this.disposables.push(workspace.index.onDidChange(() => this.scheduleRefresh()));
    if (archive) {
      this.disposables.push(archive.onDidChangeState((state) => {
        if (state.kind === 'connecting') return;
        this.archivePages = undefined;
        this.changed.fire();
      }));
    }
  }

  /** Creates the tree view and its title commands (sort toggle, filter, clear filter). */
  register(): vscode.Disposable[] {
    this.view = vscode.window.createTreeView('sourceAnnotator.entities', { treeDataProvider: this, showCollapseAll: true });
    this.describe();
    return [
      this.view,
      vscode.commands.registerCommand('sourceAnnotator.entities.toggleSort', (args?: unknown) => {
        const wanted = (args as { sort?: unknown } | undefined)?.sort;
        this.setSort(wanted === 'mentions' || wanted === 'articles' ? wanted : this.sortValue === 'mentions' ? 'articles' : 'mentions');
        return this.sortValue;
      }),
      vscode.commands.registerCommand('sourceAnnotator.entities.filter', async (args?: unknown) => {
        const given = (args as { query?: unknown } | undefined)?.query;
        const query = typeof given === 'string' ? given : await vscode.window.showInputBox({
          title: 'Source Annotator: filter entities', prompt: 'Show entities whose name or an alias contains this text (empty clears)',
          value: this.filterValue,
        });
        if (query !== undefined) this.setFilter(query);
        return this.filterValue;
      }),
      vscode.commands.registerCommand('sourceAnnotator.entities.clearFilter', () => this.setFilter('')),
      /** For tests and scripts: the rows the view shows now. */
      vscode.commands.registerCommand('sourceAnnotator.entities.rows', () => Object.fromEntries(this.rows())),
      /** For tests and scripts: the merge suggestions the view offers now. */
      vscode.commands.registerCommand('sourceAnnotator.entities.mergeSuggestions', () => this.workspace.index.mergeSuggestions(MAX_SUGGESTIONS)),
      vscode.commands.registerCommand('sourceAnnotator.entities.archiveMore', async () => {
        await this.loadArchivePage();
        this.changed.fire();
      }),
      /** For tests and scripts: the archive's rows the view shows now (fetching the first page if needed). */
      vscode.commands.registerCommand('sourceAnnotator.entities.archiveRows', async () => {
        if (!this.archive?.enabled) return undefined;
        if (!this.archivePages) await this.loadArchivePage();
        return this.archivePages;
      }),
    ];
  }

  get sort(): EntitySort {
    return this.sortValue;
  }

  setSort(sort: EntitySort): void {
    this.sortValue = sort;
    this.refresh();
  }

  setFilter(filter: string): void {
    this.filterValue = filter.trim();
    this.archivePages = undefined;
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.entitiesFiltered', this.filterValue !== '');
    this.refresh();
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
  }

  private refresh(): void {
    this.rowsCache = undefined;
    this.describe();
    this.changed.fire();
  }

  private describe(): void {
    if (!this.view) return;
    const sortText = this.sortValue === 'mentions' ? 'by mentions' : 'by articles';
    this.view.description = this.filterValue ? `“${this.filterValue}” · ${sortText}` : sortText;
    const total = [...this.rows().values()].reduce((n, list) => n + list.length, 0);
    this.view.message = total > 0 ? (this.filterValue ? `Filtered by “${this.filterValue}”: ${plural(total, 'entity')}.` : undefined)
      : this.filterValue ? `No entity matches “${this.filterValue}”.`
        : this.workspace.index.size === 0 ? 'No articles indexed yet.' : 'No names found in the indexed articles.';
  }

  private rows(): Map<NameType, EntityRow[]> {
    return (this.rowsCache ??= entityRows(this.workspace, this.filterValue, this.sortValue));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const types: Node[] = NAME_TYPES.map((type) => ({ kind: 'type' as const, type, rows: this.rows().get(type) ?? [] }))
        .filter((n) => n.rows.length > 0);
      const suggestions = this.filterValue ? [] : this.workspace.index.mergeSuggestions(MAX_SUGGESTIONS);
      const archive: Node[] = this.archive?.enabled ? [{ kind: 'archive' }] : [];
      return [...(suggestions.length ? [{ kind: 'suggestions' as const, suggestions }] : []), ...types, ...archive, { kind: 'legend' }];
    }
    switch (node.kind) {
      case 'type': {
        const shown: Node[] = node.rows.slice(0, MAX_PER_TYPE).map((row) => ({ kind: 'entity' as const, row }));
        if (node.rows.length > MAX_PER_TYPE) shown.push({ kind: 'more', hidden: node.rows.length - MAX_PER_TYPE });
        return shown;
      }
      case 'entity':
        return this.workspace.index.articlesMentioning(node.row.key, { limit: MAX_ARTICLES }).articles.map((a) => ({
          kind: 'article' as const, row: node.row, uri: a.uri, headline: a.headline, mentionCount: a.mentionCount,
          outlet: a.outlet, published: a.published,
        }));
      case 'article':
        return this.mentionsOf(node);
      case 'suggestions':
        return node.suggestions.map((suggestion) => ({ kind: 'suggestion' as const, suggestion }));
      case 'legend':
        return CATEGORIES.map((category) => ({ kind: 'legendEntry' as const, category }));
      case 'archive':
        return this.archiveChildren();
      default:
        return [];
    }
  }

  /** The archive's entities fetched so far, then "more…" or why the archive did not answer. */
  private async archiveChildren(): Promise<Node[]> {
    if (!this.archivePages) await this.loadArchivePage();
    const pages = this.archivePages;
    if (!pages) return [];
    const nodes: Node[] = pages.rows.map((row) => ({ kind: 'archiveEntity' as const, row }));
    if (pages.problem) nodes.push({ kind: 'archiveProblem', text: pages.problem });
    else if (pages.next !== undefined) nodes.push({ kind: 'archiveMore', remaining: pages.total - pages.rows.length });
    else if (pages.rows.length === 0) nodes.push({ kind: 'archiveProblem', text: this.filterValue ? `No archive entity matches “${this.filterValue}”.` : 'The archive has no entities yet.' });
    return nodes;
  }

  /** Fetches the next page of the archive's entities (the first, after a change of filter or connection). */
  private loadArchivePage(): Promise<void> {
    this.archiveLoading ??= (async () => {
      const filter = this.filterValue;
      const offset = this.archivePages?.next ?? 0;
      const outcome = await this.archive?.ask((store, signal) => store.entities({ offset, limit: ARCHIVE_PAGE, filter: filter || undefined, signal }));
      if (filter !== this.filterValue) return;
      const pages = this.archivePages ?? { rows: [], total: 0 };
      if (!outcome) return;
      if (outcome.status === 'ok') {
        pages.rows.push(...outcome.value.items);
        pages.total = outcome.value.total;
        pages.next = outcome.value.nextOffset;
        pages.problem = undefined;
      } else {
        pages.problem = `Archive unavailable: ${unavailableText(outcome) || 'cancelled'}. The lists above are the workspace's.`;
      }
      this.archivePages = pages;
    })().finally(() => {
      this.archiveLoading = undefined;
    });
    return this.archiveLoading;
  }

  private async mentionsOf(node: Extract<Node, { kind: 'article' }>): Promise<Node[]> {
    const offsets = this.workspace.index.mentionsInArticle(node.uri, node.row.key);
    let doc: vscode.TextDocument | undefined;
    try {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.uri));
    } catch {
      doc = undefined;
    }
    return offsets.map(({ start, end }) => {
      if (!doc) return { kind: 'mention' as const, uri: node.uri, start, end, label: node.row.name, line: 0 };
      const position = doc.positionAt(start);
      const lineText = doc.lineAt(position.line).text;
      const from = Math.max(0, position.character - 30);
      const snippet = `${from > 0 ? '…' : ''}${lineText.slice(from, position.character + (end - start) + 40).trim()}…`;
      return { kind: 'mention' as const, uri: node.uri, start, end, label: snippet, line: position.line + 1 };
    });
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'type': {
        const item = new vscode.TreeItem(TYPE_LABELS[node.type], vscode.TreeItemCollapsibleState.Expanded);
        item.description = String(node.rows.length);
        item.iconPath = categoryIcon(categoryOf(node.type));
        item.tooltip = `${TYPE_LABELS[node.type]}: ${plural(node.rows.length, 'entity')}. The dot shows their highlight colour.`;
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`… ${node.hidden} more`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = 'Use the filter to narrow the list.';
        item.command = { command: 'sourceAnnotator.entities.filter', title: 'Filter' };
        return item;
      }
      case 'entity': {
        const { row } = node;
        const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${row.key}`;
        item.description = `${plural(row.mentionCount, 'mention')} · ${plural(row.articleCount, 'article')}`;
        item.tooltip = `${TYPE_LABELS[row.type]}: ${row.name} — ${item.description}`;
        item.contextValue = 'sourceAnnotator.entity';
        return item;
      }
      case 'article': {
        const item = new vscode.TreeItem(node.headline || vscode.Uri.parse(node.uri).path.split('/').pop()!, vscode.TreeItemCollapsibleState.Collapsed);
        // title, then outlet and date when the article gives them
        item.description = [node.outlet, node.published, plural(node.mentionCount, 'mention')].filter(Boolean).join(' · ');
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = [node.headline, [node.outlet, node.published].filter(Boolean).join(' · '), vscode.Uri.parse(node.uri).fsPath].filter(Boolean).join('\n');
        return item;
      }
      case 'mention': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.line > 0 ? `line ${node.line}` : undefined;
        item.command = { command: 'sourceAnnotator.openMention', title: 'Reveal mention', arguments: [node.uri, node.start, node.end] };
        return item;
      }
      case 'suggestions': {
        const item = new vscode.TreeItem('Possibly the same entity', vscode.TreeItemCollapsibleState.Collapsed);
        item.description = String(node.suggestions.length);
        item.iconPath = new vscode.ThemeIcon('merge');
        item.tooltip = 'Names spelled alike (transliterations, doubled letters, accents). Click a pair to merge it in the entity registry; nothing is merged until you do.';
        return item;
      }
      case 'suggestion': {
        const { suggestion } = node;
        const item = new vscode.TreeItem(`${suggestion.name} → ${suggestion.intoName}`, vscode.TreeItemCollapsibleState.None);
        item.id = `suggestion:${suggestion.key}>${suggestion.into}`;
        item.description = plural(suggestion.mentions, 'mention');
        item.iconPath = new vscode.ThemeIcon('git-merge');
        item.tooltip = `Merge “${suggestion.name}” into “${suggestion.intoName}” in the entity registry (.sources/entities.yaml). Undo by editing the registry or with Split Aliases off Entity….`;
        item.contextValue = 'sourceAnnotator.mergeSuggestion';
        item.command = { command: 'sourceAnnotator.registry.merge', title: 'Merge', arguments: [suggestion.key, suggestion.into] };
        return item;
      }
      case 'archive': {
        const item = new vscode.TreeItem('Team archive', vscode.TreeItemCollapsibleState.Collapsed);
        const state = this.archive?.state;
        item.id = 'archive';
        item.iconPath = new vscode.ThemeIcon('database');
        item.description = state?.kind === 'unreachable' ? 'unreachable' : state?.kind === 'ready' ? plural(state.stats.entities, 'entity') : undefined;
        item.tooltip = state?.kind === 'unreachable'
          ? `The team archive is unreachable: ${state.reason}`
          : 'Entities of the shared archive (archive results, not this workspace\'s), most mentioned first; the filter applies.';
        return item;
      }
      case 'archiveEntity': {
        const { row } = node;
        const item = new vscode.TreeItem(row.canonical, vscode.TreeItemCollapsibleState.None);
        item.description = `${TYPE_LABELS[row.type]} · ${plural(row.mentions, 'mention')} · ${plural(row.articles, 'article')} · archive`;
        item.tooltip = `Archive result: ${row.canonical} (${TYPE_LABELS[row.type]}), ${item.description}. Click to list its archive mentions.`;
        item.iconPath = categoryIcon(categoryOf(row.type));
        item.command = { command: ArchiveCommands.showResults, title: 'Archive results', arguments: [row.canonical, row.type] };
        return item;
      }
      case 'archiveMore': {
        const item = new vscode.TreeItem(`more… (${plural(node.remaining, 'archive entity', 'archive entities')} not listed yet)`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'sourceAnnotator.entities.archiveMore', title: 'More archive entities' };
        return item;
      }
      case 'archiveProblem': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.command = this.archive?.state.kind === 'unreachable' ? { command: ArchiveCommands.retry, title: 'Reconnect to the archive' } : undefined;
        return item;
      }
      case 'legend': {
        const item = new vscode.TreeItem('Highlight colours', vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('symbol-color');
        return item;
      }
      case 'legendEntry': {
        const pattern = UNDERLINE_PATTERNS[node.category];
        const item = new vscode.TreeItem(CATEGORY_LABELS[node.category], vscode.TreeItemCollapsibleState.None);
        item.iconPath = categoryIcon(node.category);
        item.description = `${pattern.style} underline${node.category === 'date' || node.category === 'figure' ? ', italic' : ''}`;
        return item;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}
