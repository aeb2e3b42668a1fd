/** Where sidecars live and how they are read and written through `workspace.fs` (so remote workspaces work). */
import * as vscode from 'vscode';
import { articlePathFor, DEFAULT_SIDECAR_PATTERN, sidecarPathFor } from '../../core/sidecar/sidecarPath';

/** `sourceAnnotator.annotations.sidecarPattern`, or the default when the setting is not a usable pattern. */
export function sidecarPattern(): string {
  const configured = vscode.workspace.getConfiguration('sourceAnnotator').get<string>('annotations.sidecarPattern', DEFAULT_SIDECAR_PATTERN);
  try {
    sidecarPathFor('a.txt', configured);
    return configured;
  } catch {
    return DEFAULT_SIDECAR_PATTERN;
  }
}

export function sidecarUriFor(article: vscode.Uri): vscode.Uri {
  return article.with({ path: sidecarPathFor(article.path, sidecarPattern()) });
}

export function articleUriFor(sidecar: vscode.Uri): vscode.Uri | undefined {
  const path = articlePathFor(sidecar.path, sidecarPattern());
  return path === undefined ? undefined : sidecar.with({ path });
}

/** The glob that finds every sidecar under the current pattern. */
export function sidecarGlob(): string {
  return `**/${sidecarPattern().replace('{file}', '*')}`;
}

export async function readTextFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

export async function fileExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export { writeTextFileAtomic } from '../atomicFile';
