/**
 * Registers a command whose failures become a clear message instead of an unhandled rejection: a
 * malformed sidecar says where the error is and that nothing was written; anything else is logged.
 */
import * as vscode from 'vscode';
import { SidecarBrokenError } from './annotationStore';

export function registerGuarded<A extends unknown[], R>(id: string, handler: (...args: A) => R | Promise<R>,
  log?: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: A): Promise<R | undefined> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!(error instanceof SidecarBrokenError)) log?.error(error instanceof Error ? error.stack ?? error.message : String(error));
      void vscode.window.showErrorMessage(`Source Annotator: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  });
}
