import * as vscode from 'vscode';

export { isInside, isInsideAny } from '../core/util/uriPaths';

/** How long to gather watcher events before looking at them: a checkout reports thousands at once. */
const GATHER_MS = 100;

/**
 * Folders created or deleted in the workspace, for the features that watch files by pattern.
 *
 * A file watcher reports what a folder holds only as well as the operating system lets it: on Linux, a
 * folder that appears (`git checkout`, an unzip, `mkdir` followed at once by a write) is watched from the
 * moment its own creation is seen, and a file written into it before that is never reported. Deleting a
 * folder reports the folder alone. So the registry, the index and the sidecars look inside each new
 * folder themselves, and drop what they hold under a deleted one.
 */
export class FolderEvents implements vscode.Disposable {
  private readonly createdEmitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly deletedEmitter = new vscode.EventEmitter<readonly vscode.Uri[]>();
  /** A folder that appeared (the outermost of those created together), once its creation is seen. */
  readonly onDidCreateFolder = this.createdEmitter.event;
  /**
   * Things deleted, files or folders (it cannot be told which any more), gathered as creations are: a
   * checkout that removes ten thousand files is one event, which a listener answers in one pass.
   */
  readonly onDidDelete = this.deletedEmitter.event;
  private readonly created = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly deleted = new Map<string, vscode.Uri>();
  private deleteTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];
  private disposed = false;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables = [
      watcher, this.createdEmitter, this.deletedEmitter,
      watcher.onDidCreate((uri) => this.gather(uri)),
      watcher.onDidDelete((uri) => this.gatherDeleted(uri)),
    ];
  }

  private gather(uri: vscode.Uri): void {
    this.created.set(uri.toString(), uri);
    this.timer ??= setTimeout(() => void this.flush(), GATHER_MS);
  }

  private gatherDeleted(uri: vscode.Uri): void {
    this.deleted.set(uri.toString(), uri);
    this.deleteTimer ??= setTimeout(() => {
      this.deleteTimer = undefined;
      const batch = [...this.deleted.values()];
      this.deleted.clear();
      if (!this.disposed) this.deletedEmitter.fire(batch);
    }, GATHER_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const batch = [...this.created.values()];
    this.created.clear();
    const keys = new Set(batch.map((uri) => uri.toString()));
    // Only the outermost: whoever looks inside a new folder finds what was created under it too.
    for (const uri of batch.filter((candidate) => !hasAncestorIn(candidate, keys))) {
      if (this.disposed) return;
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        continue; // gone again already: its deletion is reported apart
      }
      if (stat.type & vscode.FileType.Directory) this.createdEmitter.fire(uri);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    clearTimeout(this.deleteTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function hasAncestorIn(uri: vscode.Uri, keys: ReadonlySet<string>): boolean {
  let path = uri.path;
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/')) {
    path = path.slice(0, slash);
    if (keys.has(uri.with({ path }).toString())) return true;
  }
  return false;
}
