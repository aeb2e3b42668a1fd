import * as vscode from 'vscode';
import type { IndexedSpan } from '../../core/index/queryTypes';
import { contentHash } from '../../core/index/hash';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { isLargeDocument, type WorkspaceIndex } from './workspaceIndex';

/**
 * The indexed span under the cursor. The index is brought up to the editor's current text first, so
 * offsets always agree with what the user sees (an edit may still be inside its debounce window).
 */
export function indexedSpanAt(
  workspace: WorkspaceIndex, analyzer: DocumentAnalyzer, doc: vscode.TextDocument, position: vscode.Position,
): IndexedSpan | undefined {
  const uri = doc.uri.toString();
  const text = doc.getText();
  if (workspace.index.hashOf(uri) !== contentHash(text)) {
    // A large article being edited is re-indexed on save; until then its offsets are not the index's.
    if (isLargeDocument(doc)) return undefined;
    const analysis = analyzer.analyze(doc);
    workspace.updateFromEditor(doc, analysis.result, true);
  }
  return workspace.index.spanAt(uri, doc.offsetAt(position));
}

/** Converts offsets in another article to a Location, using the open document when there is one. */
export async function locationOf(uri: string, start: number, end: number): Promise<vscode.Location> {
  const target = vscode.Uri.parse(uri);
  const doc = await vscode.workspace.openTextDocument(target);
  return new vscode.Location(target, new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
}

/** Offsets → Location for many mentions, opening each article once. */
export async function locationsOf(mentions: { uri: string; start: number; end: number }[], token?: vscode.CancellationToken): Promise<vscode.Location[]> {
  const docs = new Map<string, vscode.TextDocument>();
  const out: vscode.Location[] = [];
  for (const m of mentions) {
    if (token?.isCancellationRequested) break;
    let doc = docs.get(m.uri);
    if (!doc) docs.set(m.uri, (doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(m.uri))));
    out.push(new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))));
  }
  return out;
}
