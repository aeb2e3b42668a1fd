/**
 * The editor's view of every sidecar in the workspace: parsed documents, the live position of each
 * annotation in its article, and the only path by which sidecars are written. Writes are serialized
 * per article, atomic, minimal (the YAML document is edited in place), refused while the file on disk
 * has errors, and merged by id when the file changed on disk since it was read.
 */
import * as vscode from 'vscode';
import { plural } from '../../core/util/plural';
import { firstAnnotatedDay } from '../../core/sidecar/firstAnnotated';
import type { MergeConflict } from '../../core/sidecar/mergeSidecars';
import type { Annotation, AnnotationTarget, ArticleMetadata, SidecarProblem } from '../../core/sidecar/model';
import { SidecarDocument } from '../../core/sidecar/sidecarDocument';
import { articleTextHash } from '../../core/sidecar/textHash';
import { SidecarOnDiskError, updateSidecar, type UpdateSidecarResult } from '../../core/sidecar/updateSidecar';
import { workspaceTextFile } from '../atomicFile';
import { isArticleDocument } from '../analysis/documentAnalyzer';
import { anchorAll, shiftAnchors, type AnchorMap, type LiveAnchor, type LostAnchors } from '../../core/anchor/liveAnchors';
import type { OrphanReason } from '../../core/anchor/reanchor';
import { articleUriFor, readTextFile, sidecarGlob, sidecarUriFor } from './sidecarFiles';
import { targetUpdates } from '../../core/anchor/targetUpdates';
import { TextHistory } from '../../core/anchor/textHistory';
import { TextBeforeEvents } from '../../core/anchor/textBeforeEvents';
import type { ArticleSnapshots } from '../../node/articleSnapshots';
import { type FolderEvents, isInsideAny } from '../folderEvents';

/**
 * Thrown by `mutate` when the sidecar on disk does not parse: the core's error, named by the sidecar's file
 * name and carrying the sidecar's URI for the editor.
 */
export class SidecarBrokenError extends SidecarOnDiskError {
  constructor(readonly sidecar: vscode.Uri, cause: SidecarOnDiskError) {
    super(sidecar.path.slice(sidecar.path.lastIndexOf('/') + 1), cause.text, cause.problems);
    this.name = 'SidecarBrokenError';
  }
}

/** What an edit function gets besides the document: the article text the new targets are cut from. */
export interface EditContext {
  text: string;
  textHash: string;
}

export class ArticleEntry {
  /** The sidecar text as last read from or written to disk; undefined when there is no file. */
  diskText: string | undefined;
  document: SidecarDocument | undefined;
  annotations: Annotation[] = [];
  metadata: ArticleMetadata = {};
  anchors: AnchorMap = new Map();
  /** The stored targets the anchors were computed from, to tell a reload that changed nothing. */
  anchoredTargets = new Map<string, AnnotationTarget>();
  /** Why annotations orphaned by a re-anchor from the text are orphans (none: their text was removed while typing). */
  orphanReasons = new Map<string, OrphanReason>();
  /** How typing removed the quotes of annotations orphaned while typing, so undo or paste brings them back. */
  readonly lost: LostAnchors = new Map();
  /** The open article's text before each change event (what an edit removed), when it is being followed. */
  liveText: TextBeforeEvents | undefined;
  queue: Promise<unknown> = Promise.resolve();
  /** The copies of the article being kept (see `AnnotationStore.keepSnapshot`), one after the other. */
  snapshotSaving: Promise<void> = Promise.resolve();

  constructor(readonly article: vscode.Uri, readonly sidecar: vscode.Uri) {}

  get broken(): boolean {
    return this.document?.hasErrors ?? false;
  }

  get problems(): readonly SidecarProblem[] {
    return this.document?.problems ?? [];
  }

  anchorOf(id: string): LiveAnchor | undefined {
    return this.anchors.get(id);
  }

  orphans(): Annotation[] {
    return this.annotations.filter((annotation) => !this.anchors.has(annotation.id));
  }
}

/** A merge that found conflicts, as reported to the analyst; kept for the state command and its tests. */
export interface ConflictReport {
  sidecar: string;
  conflicts: MergeConflict[];
}

export class AnnotationStore implements vscode.Disposable {
  /** The most recent conflict reports, oldest first. */
  readonly conflictReports: ConflictReport[] = [];
  /** Articles whose sidecar changed on disk while reloads were held; undefined when not holding. */
  private heldReloads: Map<string, vscode.Uri> | undefined;
  private readonly entries = new Map<string, ArticleEntry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly moved = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.moved];
  private watcher: vscode.FileSystemWatcher | undefined;
  /** Articles whose re-anchoring from disk is queued and has not read the file yet. */
  private readonly diskChecks = new Set<string>();
  private loading: Promise<void> = Promise.resolve();

  /** An article's annotations, metadata or problems changed (load, write, external edit). */
  readonly onDidChange = this.changed.event;
  /** Only the live ranges moved (typing); cheaper listeners repaint. */
  readonly onDidMoveAnchors = this.moved.event;

  /**
   * @param snapshots where the article texts annotations were anchored on are kept (workspace storage),
   *   so that a change made while the article was closed is followed through a diff
   */
  constructor(private readonly log: vscode.LogOutputChannel, private readonly snapshots?: ArticleSnapshots) {
    // Creations too: a file replaced by git (removed, then written anew) or renamed over by a sync tool,
    // or changed right after it was created, is reported as created (the watcher merges its events).
    const articles = vscode.workspace.createFileSystemWatcher('**/*.{txt,md}', false, false, true);
    this.disposables.push(
      articles,
      articles.onDidCreate((uri) => this.articleChangedOnDisk(uri)),
      articles.onDidChange((uri) => this.articleChangedOnDisk(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => this.shiftLive(e)),
      vscode.workspace.onDidSaveTextDocument((doc) => void this.persistTargets(doc.uri, doc.getText())),
      vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isArticleDocument(doc)) void this.ensure(doc.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // Unsaved text is gone: anchors go back to what the file on disk says.
        const entry = this.get(doc.uri);
        if (entry) void this.reanchorFromDisk(entry);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sourceAnnotator.annotations.sidecarPattern')) this.loading = this.loadAll();
      }),
    );
    this.loading = this.loadAll();
  }

  /** Resolves when the sidecars found at start (or after a pattern change) are loaded. */
  whenLoaded(): Promise<void> {
    return this.loading;
  }

  all(): ArticleEntry[] {
    return [...this.entries.values()];
  }

  get(article: vscode.Uri): ArticleEntry | undefined {
    return this.entries.get(article.toString());
  }

  /** The entry for an article, loading its sidecar (if any) on first use. */
  async ensure(article: vscode.Uri): Promise<ArticleEntry> {
    const existing = this.get(article);
    if (existing) return existing;
    const entry = new ArticleEntry(article, sidecarUriFor(article));
    this.entries.set(article.toString(), entry);
    await this.serialize(entry, () => this.reload(entry));
    return entry;
  }

  /** The publication date the analyst recorded, as YYYY-MM-DD, for extraction. */
  publishedFor(article: vscode.Uri): string | undefined {
    const published = this.get(article)?.metadata.published?.slice(0, 10);
    return published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : undefined;
  }

  /** The day (YYYY-MM-DD) of the article's earliest annotation: the article was published by then. */
  firstAnnotatedFor(article: vscode.Uri): string | undefined {
    return firstAnnotatedDay(this.get(article)?.annotations ?? []);
  }

  /**
   * Applies `edit` to the article's sidecar and writes the result. The file is re-read first: if it
   * changed since we last saw it, the edit is merged by id onto the new text and conflicts are reported.
   * `edit` may run more than once (see `updateSidecar`), each time on a fresh document.
   */
  async mutate<R>(article: vscode.Uri, edit: (doc: SidecarDocument, context: EditContext) => R,
    options: { onDisk?: boolean } = {}): Promise<R> {
    const entry = await this.ensure(article);
    return this.serialize(entry, async () => {
      // An article that cannot be read is an error here: new targets must not be cut from an empty text.
      const text = await this.articleText(article, true);
      const context = { text, textHash: articleTextHash(text) };
      let outcome: UpdateSidecarResult<R>;
      try {
        // Compare-and-swap: the file is re-read, the edit merged by id onto any change made since we
        // last read it, validated, and replaced only if nobody wrote it in between (else merged again).
        // With `onDisk` the edit is applied to the file as it is now (a note saved from its editor states
        // the whole note), else to what we last read, merged onto any change made since.
        outcome = await updateSidecar(workspaceTextFile(entry.sidecar), (doc) => edit(doc, context),
          options.onDisk ? {} : { base: { text: entry.diskText } });
      } catch (error) {
        if (error instanceof SidecarOnDiskError) {
          await this.adopt(entry, error.text);
          throw new SidecarBrokenError(entry.sidecar, error);
        }
        throw error;
      }
      this.reportConflicts(entry, outcome.conflicts);
      if (outcome.written) {
        this.log.info(`Wrote ${vscode.workspace.asRelativePath(entry.sidecar)}`
          + (outcome.attempts > 1 ? ` (merged with ${outcome.attempts - 1} change${outcome.attempts > 2 ? 's' : ''} made on disk while writing).` : '.'));
      }
      if (outcome.text === undefined) return outcome.result;
      await this.adopt(entry, outcome.text);
      await this.keepSnapshot(entry, context.text, context.textHash);
      return outcome.result;
    });
  }

  /** Re-reads one sidecar from disk (watcher events, explicit refresh). */
  refresh(article: vscode.Uri): Promise<void> {
    const entry = this.get(article);
    return entry ? this.serialize(entry, () => this.reload(entry)) : this.ensure(article).then(() => undefined);
  }

  /**
   * Test hook: defers the watcher's reloads until the returned disposable is disposed, so a test can
   * change a sidecar on disk and run a command that is certain to see the change only when it re-reads
   * the file before writing, which is the window in which real merge conflicts happen. Commands still
   * read the disk; only the background reload waits.
   */
  holdDiskReloads(): vscode.Disposable {
    this.heldReloads ??= new Map();
    return new vscode.Disposable(() => {
      const held = this.heldReloads;
      this.heldReloads = undefined;
      for (const article of held?.values() ?? []) void this.refresh(article);
    });
  }

  /** Moves an entry to a renamed article (its sidecar was moved with it). */
  rename(oldArticle: vscode.Uri, newArticle: vscode.Uri): void {
    const entry = this.get(oldArticle);
    this.entries.delete(oldArticle.toString());
    if (entry) this.changed.fire(oldArticle);
    void this.refresh(newArticle).then(() => this.changed.fire(newArticle));
  }

  forget(article: vscode.Uri): void {
    if (this.entries.delete(article.toString())) this.changed.fire(article);
  }

  private sidecarChanged(uri: vscode.Uri): void {
    const article = articleUriFor(uri);
    if (!article) return;
    if (this.heldReloads) this.heldReloads.set(article.toString(), article);
    else void this.refresh(article);
  }

  /**
   * Sidecars that arrive or leave with their folder (a checkout of a new folder of articles, a folder
   * deleted), which the sidecar pattern's watcher does not report (see FolderEvents).
   */
  watchFolders(folders: FolderEvents): vscode.Disposable {
    const created = folders.onDidCreateFolder(async (folder) => {
      try {
        for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, sidecarGlob()), '**/node_modules/**')) this.sidecarChanged(uri);
      } catch (err) {
        this.log.warn(`Could not list the sidecars of ${folder.toString()}: ${String(err)}`);
      }
    });
    // a deleted folder is reported alone: the sidecars known under it are read again, and found gone
    const deleted = folders.onDidDelete((uris) => {
      const gone = new Set(uris.map((uri) => uri.toString()));
      for (const entry of this.entries.values()) if (isInsideAny(entry.sidecar.toString(), gone)) this.sidecarChanged(entry.sidecar);
    });
    return vscode.Disposable.from(created, deleted);
  }

  private async loadAll(): Promise<void> {
    this.watcher?.dispose();
    const known = [...this.entries.values()].map((entry) => entry.article);
    this.entries.clear();
    for (const article of known) this.changed.fire(article);
    const watcher = (this.watcher = vscode.workspace.createFileSystemWatcher(sidecarGlob()));
    const onSidecar = (uri: vscode.Uri): void => this.sidecarChanged(uri);
    watcher.onDidCreate(onSidecar);
    watcher.onDidChange(onSidecar);
    watcher.onDidDelete(onSidecar);
    const found = await vscode.workspace.findFiles(sidecarGlob(), '**/node_modules/**');
    const articles = found.map(articleUriFor).filter((uri): uri is vscode.Uri => uri !== undefined);
    for (const doc of vscode.workspace.textDocuments) if (isArticleDocument(doc)) articles.push(doc.uri);
    await Promise.all(articles.map((article) => this.ensure(article)));
  }

  private serialize<T>(entry: ArticleEntry, task: () => Promise<T>): Promise<T> {
    const next = entry.queue.then(task, task);
    entry.queue = next.then(() => undefined, () => undefined);
    return next;
  }

  private async reload(entry: ArticleEntry): Promise<void> {
    let text: string | undefined;
    try {
      text = await readTextFile(entry.sidecar);
    } catch (error) {
      this.log.warn(`Cannot read ${entry.sidecar.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (text === entry.diskText && entry.document !== undefined) return;
    await this.adopt(entry, text);
  }

  /** Makes `text` the entry's known disk state, re-anchors and notifies. */
  private async adopt(entry: ArticleEntry, text: string | undefined): Promise<void> {
    entry.diskText = text;
    entry.document = text === undefined ? undefined : SidecarDocument.parse(text);
    const readable = entry.document && !entry.document.hasErrors ? entry.document.sidecar : undefined;
    entry.annotations = readable?.annotations ?? [];
    entry.metadata = readable?.article ?? {};
    const open = openDocument(entry.article);
    if (entry.annotations.length === 0) {
      // Nothing to anchor: no copy or hash of the article (tens of milliseconds for a multi-megabyte one).
      entry.anchors = new Map();
      entry.liveText = undefined;
    } else {
      const articleText = open ? open.getText() : await this.articleText(entry.article);
      entry.liveText = open ? new TextBeforeEvents(articleText) : undefined;
      const textHash = articleTextHash(articleText);
      const history = await this.historyFor(entry, articleText, textHash);
      const reasons = new Map<string, OrphanReason>();
      entry.anchors = anchorAll(entry.annotations, articleText, textHash,
        open ? { anchors: entry.anchors, targets: entry.anchoredTargets } : undefined, history, reasons);
      entry.orphanReasons = reasons;
      void this.keepSnapshot(entry, articleText, textHash);
    }
    entry.anchoredTargets = new Map(entry.annotations.map((annotation) => [annotation.id, annotation.target]));
    this.changed.fire(entry.article);
  }

  /** The article's text: the editor's when open, else the file's ('' when there is none). */
  private async articleText(article: vscode.Uri, strict = false): Promise<string> {
    const open = openDocument(article);
    if (open) return open.getText();
    try {
      return (await readTextFile(article)) ?? '';
    } catch (error) {
      if (strict) throw new Error(`Cannot read ${vscode.workspace.asRelativePath(article)}: ${error instanceof Error ? error.message : String(error)}`);
      this.log.warn(`Cannot read ${article.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return '';
    }
  }

  private shiftLive(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const entry = this.get(e.document.uri);
    if (!entry) return;
    if (entry.annotations.length === 0) {
      entry.liveText = undefined;
      return;
    }
    const edits = e.contentChanges.map((change) => ({
      start: change.rangeOffset, end: change.rangeOffset + change.rangeLength, text: change.text,
    }));
    const targets = new Map(entry.annotations.map((annotation) => [annotation.id, annotation.target]));
    const before = entry.anchors.size;
    // The text before this event, when every event since it was read is known (the lengths agree):
    // without it, nothing put back can be shown to be a removed quote, and none is re-attached.
    const log = entry.liveText;
    const delta = edits.reduce((sum, edit) => sum + edit.text.length - (edit.end - edit.start), 0);
    const known = log !== undefined && log.length + delta === documentLength(e.document);
    entry.anchors = shiftAnchors(entry.anchors, edits, () => e.document.getText(), targets, entry.lost,
      known ? () => log.current() : undefined, e.reason === vscode.TextDocumentChangeReason.Undo);
    if (known) log.record(edits, () => e.document.getText());
    else entry.liveText = new TextBeforeEvents(e.document.getText());
    // Orphans made by typing lost their text; a re-attached one has no reason any more.
    for (const id of entry.orphanReasons.keys()) if (entry.anchors.has(id) || entry.lost.has(id)) entry.orphanReasons.delete(id);
    // An annotation orphaned or re-attached by this edit changes Problems and the Annotations view too.
    if (entry.anchors.size !== before) this.changed.fire(entry.article);
    else this.moved.fire(entry.article);
    // A change that leaves the document clean came from disk (git, another tool) or undid edits back to
    // the saved text; either way the file on disk is what the targets must describe.
    if (!e.document.isDirty) void this.persistTargets(entry.article, e.document.getText());
  }

  private async reanchorFromDisk(entry: ArticleEntry): Promise<void> {
    entry.lost.clear();
    entry.liveText = undefined;
    const text = await this.articleText(entry.article);
    const textHash = articleTextHash(text);
    const reasons = new Map<string, OrphanReason>();
    entry.anchors = anchorAll(entry.annotations, text, textHash, undefined, await this.historyFor(entry, text, textHash), reasons);
    entry.orphanReasons = reasons;
    this.changed.fire(entry.article);
  }

  /**
   * An article changed on disk while closed (git pull, another tool): follow its annotations there.
   * Runs in the article's queue, after the sidecar reloads and writes before it, so that a slow
   * re-anchoring of an older text never overwrites that of a newer one; changes reported while one is
   * waiting are read by it (it reads the file when it runs).
   */
  private articleChangedOnDisk(article: vscode.Uri): void {
    const entry = this.get(article);
    const key = article.toString();
    if (!entry || this.diskChecks.has(key)) return;
    this.diskChecks.add(key);
    void this.serialize(entry, async () => {
      this.diskChecks.delete(key);
      if (entry.annotations.length === 0 || openDocument(article)) return undefined;
      const text = await this.articleText(article);
      const textHash = articleTextHash(text);
      const reasons = new Map<string, OrphanReason>();
      entry.anchors = anchorAll(entry.annotations, text, textHash, undefined, await this.historyFor(entry, text, textHash), reasons);
      entry.orphanReasons = reasons;
      entry.anchoredTargets = new Map(entry.annotations.map((annotation) => [annotation.id, annotation.target]));
      this.changed.fire(article);
      return text;
    }).then((text) => {
      // Outside the queue: the write takes its own turn in it.
      if (text !== undefined) return this.persistTargets(article, text);
    }).catch((error: unknown) => {
      this.log.warn(`Cannot re-anchor ${vscode.workspace.asRelativePath(article)}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /**
   * The kept texts the entry's targets were cut from, for the targets not cut from `text` itself;
   * undefined when there are none (then the search alone decides).
   */
  private async historyFor(entry: ArticleEntry, text: string, textHash: string): Promise<TextHistory | undefined> {
    if (!this.snapshots) return undefined;
    const stale = entry.annotations.map((annotation) => annotation.target.textHash).filter((hash) => hash && hash !== textHash);
    if (stale.length === 0) return undefined;
    try {
      const kept = await this.snapshots.loadMany(stale);
      return kept.size > 0 ? new TextHistory(text, (hash) => kept.get(hash)) : undefined;
    } catch (error) {
      this.log.warn(`Cannot read the kept article texts: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /**
   * Keeps `text` when some annotation's target was cut from it, so a later change can be followed from
   * it. Resolves when it is kept; never rejects (a copy that cannot be kept is only logged).
   */
  private keepSnapshot(entry: ArticleEntry, text: string, textHash: string): Promise<void> {
    const snapshots = this.snapshots;
    if (!snapshots || !entry.annotations.some((annotation) => annotation.target.textHash === textHash)) return entry.snapshotSaving;
    entry.snapshotSaving = entry.snapshotSaving.then(() => snapshots.save(text, textHash)).catch((error: unknown) => {
      this.log.warn(`Cannot keep a copy of ${vscode.workspace.asRelativePath(entry.article)}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return entry.snapshotSaving;
  }

  /** The text hashes of the entry's targets whose article text is kept (after the copies being written are written). */
  async keptTexts(entry: ArticleEntry): Promise<string[]> {
    await entry.snapshotSaving;
    const kept: string[] = [];
    for (const hash of new Set(entry.annotations.map((annotation) => annotation.target.textHash))) {
      if (hash && await this.snapshots?.has(hash)) kept.push(hash);
    }
    return kept;
  }

  /** Writes the targets whose text moved, so the sidecar matches the saved article. */
  private async persistTargets(article: vscode.Uri, text: string): Promise<void> {
    const entry = this.get(article);
    if (!entry || entry.broken || entry.annotations.length === 0) return;
    const updates = targetUpdates(entry.annotations, entry.anchors, text, articleTextHash(text));
    if (updates.size === 0) return;
    try {
      await this.mutate(article, (doc) => {
        for (const [id, target] of updates) doc.updateAnnotation(id, { target });
      });
    } catch (error) {
      this.log.warn(`Could not update anchors in ${entry.sidecar.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private reportConflicts(entry: ArticleEntry, conflicts: readonly MergeConflict[]): void {
    if (conflicts.length === 0) return;
    this.conflictReports.push({ sidecar: entry.sidecar.toString(), conflicts: [...conflicts] });
    if (this.conflictReports.length > 20) this.conflictReports.shift();
    const name = vscode.workspace.asRelativePath(entry.sidecar);
    for (const conflict of conflicts) this.log.warn(`${name}: ${conflict.message}`);
    void vscode.window.showWarningMessage(
      `Source Annotator: ${name} changed on disk while you edited it; ${plural(conflicts.length, 'conflict')} merged keeping both versions. See the "Source Annotator" output.`,
    );
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The document's length in UTF-16 units, without copying its text. */
function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
}
