import * as vscode from 'vscode';
import type { NameDetector } from '../core/extract';

/**
 * Loads the shipped name tagger after activation, off the activation path, so the first highlights
 * appear at once (rule-based) and sharpen when the model is ready.
 */
export async function loadNameTagger(extensionUri: vscode.Uri, log: vscode.LogOutputChannel): Promise<{ detector: NameDetector; bytes: Uint8Array } | undefined> {
  const uri = vscode.Uri.joinPath(extensionUri, 'models', 'ner.model');
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    log.warn(`No name model at ${uri.fsPath}; using the rule-based name detector.`);
    return undefined;
  }
  const started = Date.now();
  const { loadNameTagger: load } = await import('../core/extract/ner');
  const detector = load(bytes);
  log.info(`Loaded the name tagger (${(bytes.length / 1048576).toFixed(1)} MB) in ${Date.now() - started} ms.`);
  return { detector, bytes };
}
