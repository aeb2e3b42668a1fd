import * as vscode from 'vscode';
import type { IndexState, WorkspaceIndex } from '../index/workspaceIndex';
import { plural } from '../../core/util/plural';

/** Index state at a glance; a click re-indexes. */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.index', vscode.StatusBarAlignment.Left, 10);
  private readonly subscription: vscode.Disposable;

  constructor(workspace: WorkspaceIndex) {
    this.item.name = 'Source Annotator Index';
    this.item.command = 'sourceAnnotator.reindex';
    this.subscription = workspace.onDidChangeState((s) => this.render(s));
    this.render(workspace.state);
    this.item.show();
  }

  private render(state: IndexState): void {
    switch (state.kind) {
      case 'idle':
        this.item.text = '$(book) Articles';
        this.item.tooltip = 'Source Annotator: the corpus index has not run yet. Click to index.';
        break;
      case 'indexing':
        this.item.text = `$(sync~spin) Indexing ${state.done}/${state.total}`;
        this.item.tooltip = 'Source Annotator is indexing the workspace\'s articles in the background.';
        break;
      case 'ready':
        this.item.text = `$(book) ${plural(state.articles, 'article')} · ${plural(state.entities, 'entity')}`;
        this.item.tooltip = `Source Annotator: ${plural(state.articles, 'article')} and ${plural(state.entities, 'entity')} indexed (last full pass ${state.millis} ms). Click to re-index.`;
        break;
    }
    this.item.accessibilityInformation = { label: this.item.tooltip as string };
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}
