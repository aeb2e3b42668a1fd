import type * as vscode from 'vscode';
import { contentHash } from '../../core/index/hash';

const hashes = new WeakMap<vscode.TextDocument, { version: number; hash: string }>();

/**
 * The content hash of the document's current text, computed once per version (a 5 MB text takes tens of
 * ms): the index compares it with its own to know whether it describes what the editor shows.
 */
export function documentHash(doc: vscode.TextDocument): string {
  const known = hashes.get(doc);
  if (known?.version === doc.version) return known.hash;
  const hash = contentHash(doc.getText());
  hashes.set(doc, { version: doc.version, hash });
  return hash;
}
