import * as vscode from 'vscode';

/**
 * `sourceAnnotator.showViewsOnStart`: opens the Source Annotator view container (Entities, Annotations) when
 * the extension starts, then hands the focus back to the editor, so a first look shows them beside the text.
 */
export async function showViewsOnStart(log: vscode.LogOutputChannel): Promise<void> {
  if (!vscode.workspace.getConfiguration('sourceAnnotator').get<boolean>('showViewsOnStart', false)) return;
  try {
    await vscode.commands.executeCommand('workbench.view.extension.sourceAnnotator');
    if (vscode.window.activeTextEditor) await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  } catch (err) {
    log.warn(`Could not open the Source Annotator views: ${err instanceof Error ? err.message : String(err)}`);
  }
}
