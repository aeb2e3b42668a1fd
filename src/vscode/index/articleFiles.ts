import * as vscode from 'vscode';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, EXCLUDED_DIRS } from '../../core/index/articleRules';

export { DEFAULT_EXCLUDE, DEFAULT_INCLUDE };

/** The corpus: article files of every workspace folder, by the include / exclude settings. */
export async function findArticleFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const config = vscode.workspace.getConfiguration('sourceAnnotator', folder.uri);
    const include = config.get<string>('articles.include', DEFAULT_INCLUDE) || DEFAULT_INCLUDE;
    const exclude = config.get<string>('articles.exclude', DEFAULT_EXCLUDE) || DEFAULT_EXCLUDE;
    let found: vscode.Uri[] = [];
    try {
      found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), new vscode.RelativePattern(folder, exclude), undefined, token);
    } catch {
      found = [];
    }
    // The search service can be unavailable (e.g. some Restricted Mode or web hosts): walk the folder instead.
    if (found.length === 0) found = await walkFolder(folder.uri, token);
    out.push(...found);
  }
  return out.sort((a, b) => a.toString().localeCompare(b.toString()));
}

/** Whether a URI belongs to the corpus, for file-watcher events. */
export function isCorpusFile(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const path = uri.path;
  if (/\.annotations\.ya?ml$/i.test(path)) return false;
  if (/\/(node_modules|\.git|dist|out|build|\.vscode-test)\//.test(path)) return false;
  return /\.(txt|md)$/i.test(path);
}

const MAX_WALK_FILES = 100000;

/** A plain directory walk with the default rules of `isCorpusFile`, used when file search is unavailable. */
async function walkFolder(root: vscode.Uri, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  const pending = [root];
  while (pending.length && out.length < MAX_WALK_FILES && !token?.isCancellationRequested) {
    const dir = pending.pop()!;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      continue;
    }
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIPPED_DIRS.has(name)) pending.push(uri);
      } else if (isCorpusFile(uri)) out.push(uri);
    }
  }
  return out;
}

const SKIPPED_DIRS = new Set(EXCLUDED_DIRS);
