import * as vscode from 'vscode';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { PerfMonitor, registerPerfCommands } from '../perf/perfStats';
import type { EntitiesViewProvider } from './entitiesView';
import { FocusController, registerFocusCommands } from './focus';
import { registerArticleLanguage } from './focusArticleLanguage';
import { registerHighlightControls } from './highlightControls';
import type { Highlighter } from './highlighter';

export interface ReadingDeps {
  analyzer: DocumentAnalyzer;
  highlighter: Highlighter;
  workspace: WorkspaceIndex;
  entities: EntitiesViewProvider;
}

/** Reading comfort in one place: highlight controls, focus, the article language, the Entities view, perf stats. */
export function registerReadingFeatures(deps: ReadingDeps): vscode.Disposable[] {
  const monitor = new PerfMonitor();
  deps.highlighter.setPaintObserver(monitor);
  return [
    monitor,
    ...registerPerfCommands(monitor),
    ...registerHighlightControls(),
    ...registerFocusCommands(new FocusController(deps)),
    ...registerArticleLanguage(),
    ...deps.entities.register(),
  ];
}
