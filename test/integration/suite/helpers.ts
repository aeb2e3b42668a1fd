// Shared steps for extension-host tests: reach the extension's API, open samples, and poll VS Code
// commands until the extension has caught up (activation and analysis are asynchronous).
import * as vscode from 'vscode';
import type { Span } from '../../../src/core/extract/types';

export const extensionId = 'source-annotator.source-annotator';

/** What `activate()` returns; the contract the harness and later features test against. */
export interface SourceAnnotatorApi {
  getSpans(uri: string): Promise<Span[]>;
  /** Resolves when the name model is loaded and the first pass over the workspace has finished. */
  whenIndexed(): Promise<void>;
  skipReason(uri: string): Promise<string | undefined>;
  /** Resolves when an edit of `uri` has next settled, with the version its held analysis describes. */
  nextSettled(uri: string): Promise<number | undefined>;
}

export async function activateExtension(): Promise<SourceAnnotatorApi> {
  const extension = vscode.extensions.getExtension<SourceAnnotatorApi>(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not loaded in this host`);
  const api = await extension.activate();
  if (!api || typeof api.getSpans !== 'function') throw new Error('activate() did not return an API with getSpans(uri)');
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test run opened no workspace folder');
  return folder.uri;
}

export async function openSample(fileName: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), fileName));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of `word` on the first line that contains `lineContext` (which must itself contain `word`). */
export function positionOf(document: vscode.TextDocument, lineContext: string, word: string): vscode.Position {
  const contextOffset = document.getText().indexOf(lineContext);
  if (contextOffset < 0) throw new Error(`"${lineContext}" does not occur in ${document.uri.fsPath}`);
  const wordInContext = lineContext.indexOf(word);
  if (wordInContext < 0) throw new Error(`"${word}" is not part of "${lineContext}"`);
  // One character into the word, so the position is unambiguously inside it.
  return document.positionAt(contextOffset + wordInContext + 1);
}

export async function hoversAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover[]> {
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position)) ?? [];
}

/**
 * The hovers' markdown as one string, read as it renders: backslash escapes (`2026\-02\-12`) become the
 * character and non-breaking spaces (`&nbsp;`, U+00A0) become spaces.
 */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&nbsp;|\u00a0/g, ' ');
}

/** Polls `probe` until `accept` holds or `timeoutMs` passes; returns the last value either way. */
export async function pollUntil<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await probe();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 200));
    value = await probe();
  }
  return value;
}
