import * as vscode from 'vscode';
import { buildConnections, type ConnectionGraph } from '../../core/analysis/connections/connections';
import { connectionsToCsv, connectionsToGexf } from '../../core/analysis/connections/graphExport';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** The strongest connections drawn; more would not read as a graph. */
const MAX_EDGES = 150;
const REFRESH_DELAY_MS = 600;

export interface GraphMessage {
  type: 'graph';
  nodes: { key: string; name: string; type?: string; articles: number; degree: number }[];
  edges: { aKey: string; bKey: string; strength: number; paragraphs: number; articles: number }[];
  total: number;
}

/** The part of the connection graph the panel draws: the strongest edges and the entities they join. */
export function graphMessage(graph: ConnectionGraph, maxEdges = MAX_EDGES): GraphMessage {
  const edges = graph.connections.slice(0, maxEdges);
  const degree = new Map<string, number>();
  for (const e of edges) for (const k of [e.aKey, e.bKey]) degree.set(k, (degree.get(k) ?? 0) + 1);
  const nodes = [...degree.keys()].map((key) => {
    const n = graph.nodes.get(key)!;
    return { key, name: n.name, type: n.type, articles: n.articles, degree: degree.get(key) ?? 0 };
  });
  return {
    type: 'graph', nodes, total: graph.connections.length,
    edges: edges.map((e) => ({ aKey: e.aKey, bKey: e.bKey, strength: e.strength, paragraphs: e.paragraphs, articles: e.articles })),
  };
}

/**
 * The Connections graph: entities named together in the workspace, drawn with cytoscape in a webview that
 * follows the theme; a click on an entity (or Enter on it in the keyboard-reachable list) shows its
 * references. Export to GEXF (Gephi) and CSV from the panel's commands.
 */
export class ConnectionsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private lastRendered: { nodes: number; edges: number } | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<{ nodes: number; edges: number }>();

  constructor(private readonly workspace: WorkspaceIndex, private readonly extensionUri: vscode.Uri) {
    this.disposables.push(this.renderedEmitter,
      workspace.index.onDidChange(() => {
        if (!this.panel) return;
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.post(), REFRESH_DELAY_MS);
      }));
  }

  graph(): ConnectionGraph {
    return buildConnections(this.workspace.index, this.workspace.index.uris(), {});
  }

  /** Opens (or reveals) the panel; resolves with what the webview drew. */
  async show(): Promise<{ nodes: number; edges: number }> {
    if (this.panel) {
      this.panel.reveal();
      return this.lastRendered ?? new Promise((resolve) => { const s = this.renderedEmitter.event((r) => { s.dispose(); resolve(r); }); });
    }
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    const panel = vscode.window.createWebviewPanel('sourceAnnotator.connections', 'Connections', vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: true,
    });
    this.panel = panel;
    this.lastRendered = undefined;
    const rendered = new Promise<{ nodes: number; edges: number }>((resolve) => {
      const s = this.renderedEmitter.event((r) => { s.dispose(); resolve(r); });
    });
    const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'connectionsGraph.js'));
    const nonce = Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
    panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${panel.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0"><title>Connections</title>
<style>
  body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); display: flex; flex-direction: column; height: 100vh; }
  #status { padding: 6px 10px; color: var(--vscode-descriptionForeground); }
  main { flex: 1; display: flex; min-height: 0; }
  #graph { flex: 1; min-width: 0; }
  nav { width: 220px; overflow: auto; border-left: 1px solid var(--vscode-panel-border); }
  nav ul { list-style: none; margin: 0; padding: 4px; }
  nav button { width: 100%; text-align: left; background: none; border: 1px solid transparent; color: var(--vscode-foreground); padding: 2px 6px; font: inherit; cursor: pointer; }
  nav button:hover { background: var(--vscode-list-hoverBackground); }
  nav button:focus { outline: 1px solid var(--vscode-focusBorder); background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
</style></head>
<body><div id="status" role="status">Computing connections…</div>
<main><div id="graph" aria-label="Graph of entities that appear together"></div>
<nav aria-label="Entities in the graph"><ul id="entities"></ul></nav></main>
<script nonce="${nonce}" src="${script}"></script></body></html>`;
    panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.disposables);
    panel.webview.onDidReceiveMessage((message: { type?: string; key?: string; nodes?: number; edges?: number }) => {
      if (message.type === 'ready') this.post();
      else if (message.type === 'open' && message.key) void this.openReferences(message.key);
      else if (message.type === 'rendered') {
        this.lastRendered = { nodes: message.nodes ?? 0, edges: message.edges ?? 0 };
        this.renderedEmitter.fire(this.lastRendered);
      }
    }, undefined, this.disposables);
    return rendered;
  }

  private post(): void {
    void this.panel?.webview.postMessage(graphMessage(this.graph()));
  }

  /** Opens the entity's references: the first mention in an editor, all of them in the references peek. */
  async openReferences(key: string): Promise<boolean> {
    const mentions = this.workspace.index.references(key);
    if (mentions.length === 0) {
      void vscode.window.showInformationMessage('Source Annotator: this entity is no longer in the workspace.');
      return false;
    }
    const locations: vscode.Location[] = [];
    for (const m of mentions.slice(0, 2000)) {
      const text = this.workspace.index.textOf(m.uri);
      if (text === undefined) continue;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(m.uri));
      locations.push(new vscode.Location(document.uri, new vscode.Range(document.positionAt(m.start), document.positionAt(m.end))));
    }
    const first = locations[0];
    const editor = await vscode.window.showTextDocument(first.uri, { selection: first.range, viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, first.range.start, locations);
    return true;
  }

  async export(format: 'gexf' | 'csv'): Promise<vscode.Uri | undefined> {
    const target = await vscode.window.showSaveDialog({
      title: `Export connections as ${format === 'gexf' ? 'GEXF (Gephi)' : 'a CSV edge list'}`,
      filters: format === 'gexf' ? { 'GEXF graph': ['gexf'] } : { 'CSV edge list': ['csv'] },
      defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `connections.${format}`) : undefined,
    });
    if (!target) return undefined;
    const graph = this.graph();
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(format === 'gexf' ? connectionsToGexf(graph) : connectionsToCsv(graph)));
    void vscode.window.showInformationMessage(`Source Annotator: exported ${graph.connections.length} connections to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerConnectionsPanel(workspace: WorkspaceIndex, extensionUri: vscode.Uri): vscode.Disposable[] {
  const panel = new ConnectionsPanel(workspace, extensionUri);
  return [
    panel,
    vscode.commands.registerCommand('sourceAnnotator.connections.show', () => panel.show()),
    vscode.commands.registerCommand('sourceAnnotator.connections.openReferences', (key?: string) => (key ? panel.openReferences(key) : false)),
    vscode.commands.registerCommand('sourceAnnotator.connections.exportGexf', () => panel.export('gexf')),
    vscode.commands.registerCommand('sourceAnnotator.connections.exportCsv', () => panel.export('csv')),
    /** For tests and scripts: what the graph shows now. */
    vscode.commands.registerCommand('sourceAnnotator.connections.graph', () => graphMessage(panel.graph())),
  ];
}
