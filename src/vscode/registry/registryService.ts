import * as vscode from 'vscode';
import type { EntityRegistry } from '../../core/extract';
import { DEFAULT_REGISTRY_PATH, RegistryDocument } from '../../core/registry/registryDocument';
import { RegistryBrokenError, updateRegistry } from '../../core/registry/updateRegistry';
import { KeyedQueue } from '../../core/util/compareAndSwap';
import { readTextIfExists, workspaceTextFile } from '../atomicFile';
import { isInside, type FolderEvents } from '../folderEvents';

/**
 * The workspace entity registry (`.sources/entities.yaml` by default): loaded at start, reloaded live on
 * hand edits, reported as diagnostics when malformed, and written back atomically only while it parses —
 * a broken file is never overwritten. Edits run one at a time and are written with compare-and-swap: a
 * change made on disk meanwhile (git, another window) is re-read and the edit applied on top of it.
 */
export class RegistryService implements vscode.Disposable {
  private document: RegistryDocument = RegistryDocument.empty();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('sourceAnnotator.registry');
  private readonly changed = new vscode.EventEmitter<EntityRegistry>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];
  private lastWritten: string | undefined;
  private readonly edits = new KeyedQueue();

  constructor(private readonly log: vscode.LogOutputChannel, folders: FolderEvents) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    const onFile = (uri: vscode.Uri) => { if (this.uri && uri.toString() === this.uri.toString()) void this.load(); };
    // The YAML pattern misses the registry when its folder comes or goes with it (see FolderEvents).
    const onFolder = (uri: vscode.Uri) => { if (this.uri && isInside(this.uri.toString(), uri.toString())) void this.load(); };
    this.disposables.push(
      watcher, watcher.onDidChange(onFile), watcher.onDidCreate(onFile), watcher.onDidDelete(onFile),
      folders.onDidCreateFolder(onFolder), folders.onDidDelete((uris) => { if (uris.some((uri) => this.uri && isInside(this.uri.toString(), uri.toString()))) void this.load(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('sourceAnnotator.registry.path')) void this.load(); }),
    );
  }

  /** The registry file: relative paths resolve against the first workspace folder. */
  get uri(): vscode.Uri | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    const path = vscode.workspace.getConfiguration('sourceAnnotator', folder.uri).get<string>('registry.path', DEFAULT_REGISTRY_PATH) || DEFAULT_REGISTRY_PATH;
    return path.startsWith('/') ? vscode.Uri.file(path) : vscode.Uri.joinPath(folder.uri, path);
  }

  get registry(): EntityRegistry {
    return this.document.toEntityRegistry();
  }

  async load(): Promise<void> {
    const uri = this.uri;
    let text = '';
    if (uri) {
      try {
        text = (await readTextIfExists(uri)) ?? ''; // no file yet: an empty registry
      } catch (error) {
        // Unreadable is not "empty": keep what was loaded, and the next edit reports the error.
        this.log.warn(`Cannot read ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    if (text === this.lastWritten && text !== '') return;
    this.document = text ? RegistryDocument.parse(text) : RegistryDocument.empty();
    if (uri) {
      this.diagnostics.set(uri, this.document.problems.map((p) => {
        const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
        const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'Source Annotator registry';
        return d;
      }));
    }
    this.changed.fire(this.registry);
  }

  /**
   * Applies an edit and writes the file. Refuses (with a clear message) while the file has errors, so
   * the analyst's broken hand edit is never replaced.
   */
  async edit(describe: string, apply: (doc: RegistryDocument) => void): Promise<boolean> {
    const uri = this.uri;
    if (!uri) {
      void vscode.window.showWarningMessage('Source Annotator: open a folder to keep an entity registry.');
      return false;
    }
    return this.edits.run(uri.toString(), () => this.editNow(uri, describe, apply));
  }

  private async editNow(uri: vscode.Uri, describe: string, apply: (doc: RegistryDocument) => void): Promise<boolean> {
    const name = vscode.workspace.asRelativePath(uri);
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      const outcome = await updateRegistry(workspaceTextFile(uri), apply);
      this.document = outcome.document;
      this.lastWritten = outcome.text;
      this.log.info(`Registry: ${describe}${outcome.attempts > 1 ? ` (applied on top of ${outcome.attempts - 1} change${outcome.attempts > 2 ? 's' : ''} made on disk meanwhile)` : ''}.`);
      this.changed.fire(this.registry);
      return true;
    } catch (err) {
      if (err instanceof RegistryBrokenError && err.onDisk) {
        const first = err.problems.find((p) => p.severity === 'error');
        void vscode.window.showErrorMessage(`Source Annotator: ${name} has errors${first ? ` (line ${first.line}, column ${first.col}: ${first.message})` : ''}; fix them before "${describe}".`);
      } else {
        void vscode.window.showErrorMessage(`Source Annotator: ${describe} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      await this.load();
      return false;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
