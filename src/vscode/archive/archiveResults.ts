import * as vscode from 'vscode';
import { unavailableText } from '../../core/archive/askArchive';
import { NAME_TYPES, type NameType } from '../../core/extract';
import type { MentionHit } from '../../core/index/corpusStore';
import { isNameType } from '../../core/index/entityKey';
import { ArchiveCommands } from '../../core/hover/archiveSection';
import { plural } from '../../core/util/plural';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { indexedSpanAt } from '../index/lookup';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { ArchiveService } from './archiveService';

/** Archive mentions fetched per page ("more…" fetches the next). */
export const ARCHIVE_PAGE_SIZE = 100;
export const ARCHIVE_SCHEME = 'source-annotator-archive';

/** An AbortSignal that aborts when the editor cancels the request (the hover closed, the peek was dismissed). */
export function signalOf(token: vscode.CancellationToken): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const listener = token.onCancellationRequested(() => controller.abort());
  return { signal: controller.signal, dispose: () => listener.dispose() };
}

type Node =
  | { kind: 'mention'; hit: MentionHit }
  | { kind: 'more'; remaining: number }
  | { kind: 'loading' };

interface Query {
  name: string;
  type?: NameType;
}

/**
 * The Archive Results view: the team archive's mentions of one entity, a page at a time, labelled as archive
 * results; "more…" fetches the next page. Filled from a hover card's link, Find All References and the
 * Entities view's archive rows.
 */
export class ArchiveResultsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<Node> | undefined;
  private query: Query | undefined;
  private items: MentionHit[] = [];
  private total = 0;
  private nextOffset: number | undefined;
  private loading = false;
  private problem: string | undefined;
  /** Bumped by each new query, so a late page of an older one is dropped. */
  private generation = 0;

  constructor(private readonly archive: ArchiveService) {}

  register(): vscode.Disposable[] {
    this.view = vscode.window.createTreeView('sourceAnnotator.archiveResults', { treeDataProvider: this });
    this.describe();
    return [
      this.view,
      this.changed,
      vscode.commands.registerCommand(ArchiveCommands.showResults, async (name?: unknown, type?: unknown) => {
        const asked = typeof name === 'string' ? name : await vscode.window.showInputBox({
          title: 'Source Annotator: search the team archive', prompt: 'The name of a person, organization, place or other entity',
        });
        if (!asked?.trim()) return undefined;
        await this.show({ name: asked.trim(), type: typeof type === 'string' && (NAME_TYPES as readonly string[]).includes(type) ? type as NameType : undefined }, true);
        return this.snapshot();
      }),
      vscode.commands.registerCommand('sourceAnnotator.archive.moreResults', async () => {
        await this.more();
        return this.snapshot();
      }),
      vscode.commands.registerCommand(ArchiveCommands.openResult, (file: unknown, start: unknown, end: unknown) =>
        openArchiveArticle(String(file), Number(start), Number(end))),
      /** For tests and scripts: what the view lists now. */
      vscode.commands.registerCommand('sourceAnnotator.archive.results', () => this.snapshot()),
    ];
  }

  private snapshot(): { query?: Query; items: MentionHit[]; total: number; nextOffset?: number; problem?: string } {
    return { query: this.query, items: [...this.items], total: this.total, nextOffset: this.nextOffset, problem: this.problem };
  }

  /** Shows the archive's mentions of an entity: the first page, fetched now unless given. */
  async show(query: Query, reveal: boolean, firstPage?: { items: MentionHit[]; total: number; nextOffset?: number }): Promise<void> {
    const generation = ++this.generation;
    this.query = query;
    this.items = [];
    this.total = 0;
    this.nextOffset = 0;
    this.problem = undefined;
    if (reveal) void vscode.commands.executeCommand('sourceAnnotator.archiveResults.focus');
    if (firstPage) {
      this.accept(firstPage);
      return;
    }
    await this.load(generation);
  }

  async more(): Promise<void> {
    if (!this.query || this.nextOffset === undefined || this.loading) return;
    await this.load(this.generation);
  }

  private async load(generation: number): Promise<void> {
    const query = this.query!;
    const offset = this.nextOffset ?? 0;
    this.loading = true;
    this.refresh();
    const outcome = await this.archive.ask((store, signal) => store.references({ ...query, signal }, { offset, limit: ARCHIVE_PAGE_SIZE, signal }));
    if (generation !== this.generation) return;
    this.loading = false;
    if (!outcome) this.problem = 'No team archive is set (sourceAnnotator.archive.connection).';
    else if (outcome.status === 'ok') this.accept(outcome.value);
    else this.problem = `The team archive is unavailable: ${unavailableText(outcome) || 'cancelled'}.`;
    this.refresh();
  }

  private accept(page: { items: MentionHit[]; total: number; nextOffset?: number }): void {
    this.items.push(...page.items);
    this.total = page.total;
    this.nextOffset = page.nextOffset;
    this.loading = false;
    this.refresh();
  }

  private refresh(): void {
    this.describe();
    this.changed.fire();
  }

  private describe(): void {
    if (!this.view) return;
    if (!this.query) {
      this.view.description = undefined;
      this.view.message = this.archive.enabled
        ? 'Hover over a name and choose "All … archive mentions", or run Find All References, to list the team archive\'s mentions here.'
        : 'No team archive is set. Set sourceAnnotator.archive.connection to search a shared archive on PostgreSQL.';
      return;
    }
    this.view.description = `${this.query.name} · ${this.items.length} of ${plural(this.total, 'archive mention')}`;
    this.view.message = this.problem ?? (this.loading && this.items.length === 0 ? `Searching the team archive for ${this.query.name}…`
      : this.total === 0 ? `The team archive has no mentions of ${this.query.name}.` : undefined);
  }

  getChildren(node?: Node): Node[] {
    if (node) return [];
    const nodes: Node[] = this.items.map((hit) => ({ kind: 'mention' as const, hit }));
    if (this.loading && this.items.length > 0) nodes.push({ kind: 'loading' });
    else if (this.nextOffset !== undefined && this.items.length > 0) nodes.push({ kind: 'more', remaining: this.total - this.items.length });
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'mention': {
        const { hit } = node;
        const item = new vscode.TreeItem(hit.snippet.replace(/\s+/gu, ' ').trim() || hit.text, vscode.TreeItemCollapsibleState.None);
        item.description = `${fileName(hit.file)} · archive`;
        item.tooltip = `Archive result: ${hit.file}, characters ${hit.start}–${hit.end}`;
        item.iconPath = new vscode.ThemeIcon('database');
        item.command = { command: ArchiveCommands.openResult, title: 'Open archive article', arguments: [hit.file, hit.start, hit.end] };
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`more… (${plural(node.remaining, 'archive mention')} not listed yet)`, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.tooltip = `Fetch the next ${ARCHIVE_PAGE_SIZE} from the team archive`;
        item.command = { command: 'sourceAnnotator.archive.moreResults', title: 'More archive results' };
        return item;
      }
      case 'loading':
        return new vscode.TreeItem('Fetching from the team archive…', vscode.TreeItemCollapsibleState.None);
    }
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
  }
}

function fileName(file: string): string {
  return file.slice(file.replace(/\\/gu, '/').lastIndexOf('/') + 1) || file;
}

/** Opens an archive article at a mention when this machine has it; otherwise says where it lives. */
async function openArchiveArticle(file: string, start: number, end: number): Promise<void> {
  const uri = /^[a-z][a-z0-9+.-]+:\/\//iu.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    const copy = await vscode.window.showInformationMessage(
      `Source Annotator: this archive article is not on this machine: ${file}. Ask for it from whoever ingested it, or open the archive's copy of the folder.`,
      'Copy Path');
    if (copy) await vscode.env.clipboard.writeText(file);
    return;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const safeStart = Math.max(0, Math.min(start, doc.getText().length));
  const range = new vscode.Range(doc.positionAt(safeStart), doc.positionAt(Math.max(safeStart, Math.min(end, doc.getText().length))));
  await vscode.window.showTextDocument(doc, { selection: range, preview: true });
}

/**
 * Find All References with the archive: the first page of the archive's mentions, as a read-only list
 * under "Team archive" in the references view (one line per mention: its file and sentence), and the same
 * page in the Archive Results view, where "more…" fetches the rest. The workspace's references come from
 * the other provider, unchanged and never waiting on this one's failures.
 */
export class ArchiveReferences implements vscode.ReferenceProvider, vscode.TextDocumentContentProvider {
  private readonly lists = new Map<string, string>();
  private serial = 0;

  constructor(
    private readonly archive: ArchiveService,
    private readonly workspace: WorkspaceIndex,
    private readonly analyzer: DocumentAnalyzer,
    private readonly results: ArchiveResultsView,
  ) {}

  async provideReferences(doc: vscode.TextDocument, position: vscode.Position, _context: vscode.ReferenceContext, token: vscode.CancellationToken): Promise<vscode.Location[]> {
    if (!this.archive.enabled || !isArticleDocument(doc)) return [];
    const here = indexedSpanAt(this.workspace, this.analyzer, doc, position);
    if (!here?.key || !isNameType(here.span.type)) return [];
    const query = { name: here.span.canonical ?? here.span.text, type: here.span.type };
    const cancel = signalOf(token);
    try {
      const outcome = await this.archive.ask((store, signal) => store.references({ ...query, signal }, { limit: ARCHIVE_PAGE_SIZE, signal }), cancel.signal);
      if (!outcome || outcome.status === 'cancelled') return [];
      if (outcome.status !== 'ok') {
        void vscode.window.setStatusBarMessage(`Source Annotator: workspace references only; the team archive is unavailable (${unavailableText(outcome)})`, 5000);
        return [];
      }
      const page = outcome.value;
      void this.results.show(query, false, page);
      if (page.items.length === 0) return [];
      if (page.nextOffset !== undefined) {
        void vscode.window.setStatusBarMessage(`Source Annotator: ${plural(page.total, 'archive mention')}; the first ${page.items.length} are listed, the rest in the Archive Results view`, 5000);
      }
      return this.listing(query.name, page.items, page.total);
    } finally {
      cancel.dispose();
    }
  }

  /** A read-only document listing archive mentions, one per line, and a location on each mention in it. */
  private listing(name: string, items: MentionHit[], total: number): vscode.Location[] {
    const uri = vscode.Uri.from({ scheme: ARCHIVE_SCHEME, path: `/Team archive/${name.replace(/[\\/]/gu, '-')} (archive results).txt`, query: String(++this.serial) });
    const lines = [`Team archive: mentions of ${name}, ${items.length} of ${total}${items.length < total ? ' (the rest in the Archive Results view)' : ''}`, ''];
    const locations: vscode.Location[] = [];
    for (const hit of items) {
      const snippet = hit.snippet.replace(/\s+/gu, ' ').trim() || hit.text;
      const prefix = `${hit.file}: `;
      const at = Math.max(0, snippet.indexOf(hit.text));
      const line = lines.length;
      lines.push(prefix + snippet);
      const from = new vscode.Position(line, prefix.length + at);
      locations.push(new vscode.Location(uri, new vscode.Range(from, from.translate(0, snippet.indexOf(hit.text) >= 0 ? hit.text.length : snippet.length))));
    }
    if (this.lists.size >= 20) this.lists.delete(this.lists.keys().next().value!);
    this.lists.set(uri.toString(), `${lines.join('\n')}\n`);
    return locations;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.lists.get(uri.toString()) ?? 'This list of archive results has expired: run Find All References again.\n';
  }
}
