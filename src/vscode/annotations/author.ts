/**
 * Who is annotating: the `sourceAnnotator.annotations.author` setting, else git's `user.name`, else
 * nobody (the field is left out). Git is asked once per session, with a short timeout.
 */
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';

let gitName: Promise<string | undefined> | undefined;

function askGit(cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 2000, windowsHide: true }, (error, stdout) => {
      const name = String(stdout ?? '').trim();
      resolve(error || name === '' ? undefined : name);
    });
  });
}

export async function currentAuthor(): Promise<string | undefined> {
  const configured = vscode.workspace.getConfiguration('sourceAnnotator').get<string>('annotations.author', '').trim();
  if (configured !== '') return configured;
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  gitName ??= askGit(folder?.uri.fsPath).catch(() => undefined);
  return gitName;
}
