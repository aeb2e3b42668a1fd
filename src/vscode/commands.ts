import * as vscode from 'vscode';
import type { DocumentAnalyzer } from './analysis/documentAnalyzer';
import type { Highlighter } from './features/highlighter';

export interface CommandContext {
  analyzer: DocumentAnalyzer;
  highlighter: Highlighter;
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
  };
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
