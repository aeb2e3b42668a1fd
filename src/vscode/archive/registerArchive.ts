import * as vscode from 'vscode';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { ArchiveReferences, ArchiveResultsView, ARCHIVE_SCHEME } from './archiveResults';
import { ArchiveStatusBar, type ArchiveService } from './archiveService';

/**
 * The team archive in the editor: its status bar item, the Archive Results view, archive references beside
 * the workspace's, and the commands to set the password and reconnect. Connects once at start-up, off the
 * activation path; the hover card and the Entities view ask the same `ArchiveService`.
 */
export function registerArchive(options: {
  archive: ArchiveService;
  workspace: WorkspaceIndex;
  analyzer: DocumentAnalyzer;
  selector: vscode.DocumentSelector;
}): vscode.Disposable[] {
  const { archive, workspace, analyzer, selector } = options;
  const status = new ArchiveStatusBar(archive);
  const results = new ArchiveResultsView(archive);
  const references = new ArchiveReferences(archive, workspace, analyzer, results);
  const setContext = () => void vscode.commands.executeCommand('setContext', 'sourceAnnotator.archiveEnabled', archive.enabled);
  setContext();
  void archive.connect();
  return [
    archive,
    status,
    results,
    ...results.register(),
    archive.onDidChangeState(setContext),
    vscode.languages.registerReferenceProvider(selector, references),
    vscode.workspace.registerTextDocumentContentProvider(ARCHIVE_SCHEME, references),
    vscode.commands.registerCommand('sourceAnnotator.archive.setPassword', () => archive.setPassword()),
    vscode.commands.registerCommand('sourceAnnotator.archive.retry', () => archive.retry()),
    /** For tests and scripts: the archive's state and what its status bar item shows. */
    vscode.commands.registerCommand('sourceAnnotator.archive.state', () => ({ state: archive.state, statusBar: status.shown })),
  ];
}
