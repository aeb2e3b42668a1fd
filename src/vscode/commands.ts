import * as vscode from 'vscode';
import type { DocumentAnalyzer } from './analysis/documentAnalyzer';
import type { Highlighter } from './features/highlighter';
import { jumpToAdjacentMention } from './features/navigation';
import { indexedSpanAt, locationsOf } from './index/lookup';
import type { WorkspaceIndex } from './index/workspaceIndex';

export interface CommandContext {
  analyzer: DocumentAnalyzer;
  highlighter: Highlighter;
  workspace: WorkspaceIndex;
}

/** Every command id lives under `sourceAnnotator.`; handlers stay thin and delegate to features. */
export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  const table: Record<string, (...args: unknown[]) => unknown> = {
    'sourceAnnotator.toggleHighlights': async () => {
      const config = vscode.workspace.getConfiguration('sourceAnnotator');
      const enabled = config.get<boolean>('highlight.enabled', true);
      await config.update('highlight.enabled', !enabled, vscode.ConfigurationTarget.Global);
    },
    'sourceAnnotator.reanalyze': () => ctx.analyzer.invalidateAll(),
    'sourceAnnotator.reindex': () => ctx.workspace.reindex(),
    // For tests: the cache a warm start would read (see WorkspaceIndex.checkCache).
    'sourceAnnotator.index.checkCache': () => ctx.workspace.checkCache(),
    'sourceAnnotator.nextMention': () => jumpToAdjacentMention(ctx.workspace, ctx.analyzer, 'next'),
    'sourceAnnotator.previousMention': () => jumpToAdjacentMention(ctx.workspace, ctx.analyzer, 'previous'),
    'sourceAnnotator.openMention': async (uri: unknown, start: unknown, end: unknown) => {
      if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return;
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
      const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
      await vscode.window.showTextDocument(doc, { selection: range, preview: true });
    },
    // From a hover card: (entityKey, uri, offset); from the palette: no arguments.
    'sourceAnnotator.showReferences': async (_key?: unknown, uri?: unknown, offset?: unknown) => {
      let doc: vscode.TextDocument | undefined;
      let position: vscode.Position | undefined;
      if (typeof uri === 'string' && typeof offset === 'number') {
        doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        position = doc.positionAt(offset);
      } else if (vscode.window.activeTextEditor) {
        doc = vscode.window.activeTextEditor.document;
        position = vscode.window.activeTextEditor.selection.active;
      }
      if (!doc || !position) return;
      const here = indexedSpanAt(ctx.workspace, ctx.analyzer, doc, position);
      if (!here?.key) {
        void vscode.window.showInformationMessage('Source Annotator: put the cursor on a highlighted name, date or figure.');
        return;
      }
      const locations = locationsOf(ctx.workspace, ctx.workspace.index.references(here.key));
      await vscode.commands.executeCommand('editor.action.showReferences', doc.uri, position, locations);
    },
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
