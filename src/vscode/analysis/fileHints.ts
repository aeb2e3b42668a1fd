/**
 * What the editor knows of an article's file beyond its text, for the reference-date chain
 * (`findPublicationDate`): the file's name, the day the analyst first annotated it (its sidecar) and the
 * day the file was last modified. The modification day is looked up once per file, in the background;
 * `onDidChange` fires when it becomes known or changes, so an analysis made without it can be redone.
 */
import * as vscode from 'vscode';
import type { ArticleFileHints } from '../../core/extract';

export class ArticleFileHintsSource implements vscode.Disposable {
  /** YYYY-MM-DD (UTC, as the CLI reads it), or null while it is being looked up or when the file has none. */
  private readonly modified = new Map<string, string | null>();
  private annotatedFor: (uri: vscode.Uri) => string | undefined = () => undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires when what is known of a file changed (its modification day became known, its first annotation). */
  readonly onDidChange = this.changed.event;

  /** The day the analyst first annotated the article, from its sidecar. */
  setAnnotatedProvider(provider: (uri: vscode.Uri) => string | undefined): void {
    this.annotatedFor = provider;
  }

  /** The hints known now; an unknown modification day is looked up in the background. */
  hintsFor(uri: vscode.Uri): ArticleFileHints {
    const key = uri.toString();
    if (!this.modified.has(key) && uri.scheme !== 'untitled') {
      this.modified.set(key, null);
      Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        (stat) => this.noteModified(uri, stat.mtime),
        () => undefined, // a file that cannot be stat'ed (deleted, virtual) has no modification day
      );
    }
    const hints: ArticleFileHints = { name: uri.path };
    const annotated = this.annotatedFor(uri);
    if (annotated) hints.annotated = annotated;
    const modified = this.modified.get(key);
    if (modified) hints.modified = modified;
    return hints;
  }

  /** Records a file's modification time (milliseconds), e.g. from a stat made while reading it. */
  noteModified(uri: vscode.Uri, mtime: number): void {
    if (!Number.isFinite(mtime) || mtime <= 0) return;
    const key = uri.toString();
    const day = new Date(mtime).toISOString().slice(0, 10);
    if (this.modified.get(key) === day) return;
    this.modified.set(key, day);
    this.changed.fire(uri);
  }

  /** The sidecar's first annotation changed: analyses of the article may take another year. */
  annotatedChanged(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  forget(uri: vscode.Uri): void {
    this.modified.delete(uri.toString());
  }

  dispose(): void {
    this.changed.dispose();
  }
}
