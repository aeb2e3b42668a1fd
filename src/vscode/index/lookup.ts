import * as vscode from 'vscode';
import type { IndexedSpan } from '../../core/index/queryTypes';
import { LineIndex } from '../../core/text/lineIndex';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { documentHash } from './documentHash';
import { isLargeDocument, type WorkspaceIndex } from './workspaceIndex';

/**
 * The indexed span under the cursor. The index is brought up to the editor's current text first, so
 * offsets always agree with what the user sees (an edit may still be inside its debounce window).
 */
export function indexedSpanAt(
  workspace: WorkspaceIndex, analyzer: DocumentAnalyzer, doc: vscode.TextDocument, position: vscode.Position,
): IndexedSpan | undefined {
  const uri = doc.uri.toString();
  if (workspace.index.hashOf(uri) !== documentHash(doc)) {
    // A large article being edited is re-indexed on save; until then its offsets are not the index's.
    if (isLargeDocument(doc)) return undefined;
    workspace.updateFromEditor(doc, () => analyzer.analyze(doc).result, true);
  }
  return workspace.index.spanAt(uri, doc.offsetAt(position));
}

/**
 * Offsets → Locations for many mentions. Positions come from the index's copy of each article (or the
 * open editor's text), so listing thousands of references opens no documents.
 */
export function locationsOf(workspace: WorkspaceIndex, mentions: readonly { uri: string; start: number; end: number }[], token?: vscode.CancellationToken): vscode.Location[] {
  const lines = new Map<string, { uri: vscode.Uri; position: (offset: number) => vscode.Position } | undefined>();
  const out: vscode.Location[] = [];
  for (const m of mentions) {
    if (token?.isCancellationRequested) break;
    if (!lines.has(m.uri)) lines.set(m.uri, positionsFor(workspace, m.uri));
    const at = lines.get(m.uri);
    if (at) out.push(new vscode.Location(at.uri, new vscode.Range(at.position(m.start), at.position(m.end))));
  }
  return out;
}

function positionsFor(workspace: WorkspaceIndex, uriString: string): { uri: vscode.Uri; position: (offset: number) => vscode.Position } | undefined {
  const uri = vscode.Uri.parse(uriString);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uriString);
  if (open) return { uri, position: (offset) => open.positionAt(offset) };
  const text = workspace.index.textOf(uriString);
  if (text === undefined) return undefined;
  const index = new LineIndex(text);
  return { uri, position: (offset) => { const p = index.position(offset); return new vscode.Position(p.line, p.character); } };
}
