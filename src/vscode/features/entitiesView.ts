import * as vscode from 'vscode';
import type { Span, SpanType } from '../../core/extract';
import { SPAN_TYPES } from '../../core/extract';
import { TYPE_LABELS } from '../categories';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';

type Node =
  | { kind: 'type'; type: SpanType; entities: EntityGroup[] }
  | { kind: 'entity'; group: EntityGroup }
  | { kind: 'mention'; span: Span; uri: vscode.Uri };

interface EntityGroup {
  key: string;
  label: string;
  type: SpanType;
  mentions: Span[];
  uri: vscode.Uri;
}

/** The Entities view: the active article's entities, dates and figures grouped by type, most mentioned first. */
export class EntitiesViewProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private document: vscode.TextDocument | undefined;

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.document = this.activeArticle();
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => {
        const doc = this.activeArticle();
        if (doc !== this.document) { this.document = doc; this.changed.fire(); }
      }),
      analyzer.onDidAnalyze((doc) => { if (doc === this.document) this.changed.fire(); }),
    );
  }

  private activeArticle(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && isArticleDocument(doc) ? doc : this.document;
  }

  getChildren(node?: Node): Node[] {
    const doc = this.document;
    if (!doc || doc.isClosed) return [];
    if (!node) {
      const groups = new Map<string, EntityGroup>();
      for (const span of this.analyzer.analyze(doc).result.spans) {
        const label = span.canonical ?? (span.value !== null ? `${span.text} (${span.value})` : span.text);
        const key = `${span.type}\u0000${label}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = { key, label, type: span.type, mentions: [], uri: doc.uri }));
        g.mentions.push(span);
      }
      return SPAN_TYPES.map((type) => ({
        kind: 'type' as const,
        type,
        entities: [...groups.values()].filter((g) => g.type === type)
          .sort((a, b) => b.mentions.length - a.mentions.length || a.label.localeCompare(b.label)),
      })).filter((n) => n.entities.length > 0);
    }
    if (node.kind === 'type') return node.entities.map((group) => ({ kind: 'entity' as const, group }));
    if (node.kind === 'entity') return node.group.mentions.map((span) => ({ kind: 'mention' as const, span, uri: node.group.uri }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(TYPE_LABELS[node.type], vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.entities.length);
      return item;
    }
    if (node.kind === 'entity') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.group.mentions.length} mention${node.group.mentions.length === 1 ? '' : 's'}`;
      item.tooltip = `${TYPE_LABELS[node.group.type]}: ${node.group.label}`;
      return item;
    }
    const doc = this.document!;
    const range = new vscode.Range(doc.positionAt(node.span.start), doc.positionAt(node.span.end));
    const item = new vscode.TreeItem(`“${node.span.text}”`, vscode.TreeItemCollapsibleState.None);
    item.description = `line ${range.start.line + 1}`;
    item.command = { command: 'vscode.open', title: 'Reveal mention', arguments: [node.uri, { selection: range }] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
