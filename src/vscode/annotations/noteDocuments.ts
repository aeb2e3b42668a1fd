/**
 * Annotation notes as Markdown documents, so a note gets a real multi-line editor: the file system
 * `source-annotator-note:` serves one document per annotation note, and saving it writes the note into
 * the sidecar through the store (atomic, minimal, merged, refused while the sidecar is malformed).
 * A new note (Add Note without arguments) is a pending document that creates its annotation on the
 * first save.
 *
 * URIs: `source-annotator-note:/<id>/Note on <article name>.md?<article URI>`, where `<id>` is an
 * annotation id or `new-<n>` for a pending note; the file name is what the editor tab shows.
 *
 * Notes are tracked only while their documents are open: closing one releases it, and so does deleting
 * its annotation or article while it is not open.
 *
 * The file system is registered with VS Code only once a note is wanted (or a restored tab shows one):
 * registering any file system makes the extension host scan every open document for links of that
 * scheme whenever the editor asks for links, 40 ms per edit in a 5 MB article.
 */
import * as vscode from 'vscode';
import { shiftThroughEdits } from '../../core/anchor/shiftThroughEdits';
import { editorTextFromNote, noteFromEditorText } from '../../core/sidecar/noteText';
import { FileChangedError } from '../../core/util/compareAndSwap';
import type { AnnotationStore } from './annotationStore';
import { SidecarBrokenError } from './annotationStore';

export const NOTE_SCHEME = 'source-annotator-note';

/** A note not yet saved: where its annotation goes once it is. */
export interface PendingNote {
  article: vscode.Uri;
  ranges: { start: number; end: number }[];
  tags: string[];
  /** Set by the first save. */
  ids?: string[];
}

/** Creates the annotations of a pending note; returns their ids. */
export type CreateAnnotations = (pending: PendingNote, note: string) => Promise<string[]>;

const PENDING_PREFIX = 'new-';

export class NoteFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly pending = new Map<string, PendingNote>();
  /** Note documents handed out, by article, so an external sidecar change refreshes the open ones. */
  private readonly served = new Map<string, Set<string>>();
  private readonly subscription: vscode.Disposable;
  private readonly articleEdits: vscode.Disposable;
  private readonly closes: vscode.Disposable;
  private nextPending = 1;
  private registration: vscode.Disposable | undefined;
  private readonly tabs: vscode.Disposable;

  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly store: AnnotationStore, private readonly create: CreateAnnotations) {
    this.subscription = store.onDidChange((article) => {
      const uris = this.served.get(article.toString());
      if (uris) this.changed.fire([...uris].map((uri) => ({ type: vscode.FileChangeType.Changed, uri: vscode.Uri.parse(uri) })));
      this.releaseDeleted(article);
    });
    this.tabs = vscode.window.tabGroups.onDidChangeTabs(() => this.registerIfShown());
    this.registerIfShown();
    this.closes = vscode.workspace.onDidCloseTextDocument((doc) => {
      // A language change closes and reopens the same document: it is still listed, and still needed.
      if (doc.uri.scheme === NOTE_SCHEME && !isOpen(doc.uri.toString())) this.release(doc.uri.toString());
    });
    // A note not saved yet still points at its passage: its ranges follow edits to the article meanwhile.
    this.articleEdits = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const article = e.document.uri.toString();
      const edits = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset)
        .map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
      for (const pending of this.pending.values()) {
        if (pending.ids || pending.article.toString() !== article) continue;
        pending.ranges = pending.ranges.map((range) => {
          const shifted = shiftThroughEdits(range, edits);
          return { start: shifted.start, end: shifted.end };
        });
      }
    });
  }

  /** Serves `source-annotator-note:` from now on (every note URI handed out is about to be opened). */
  register(): void {
    this.registration ??= vscode.workspace.registerFileSystemProvider(NOTE_SCHEME, this, { isCaseSensitive: true });
  }

  /** A note tab restored from the last session needs the file system before anything else asks for it. */
  private registerIfShown(): void {
    if (this.registration) return;
    const shown = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) =>
      tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === NOTE_SCHEME));
    if (shown) this.register();
  }

  uriForAnnotation(article: vscode.Uri, id: string): vscode.Uri {
    this.register();
    return noteUri(article, id);
  }

  uriForNewNote(pending: PendingNote): vscode.Uri {
    this.register();
    const key = `${PENDING_PREFIX}${this.nextPending++}`;
    this.pending.set(key, pending);
    return noteUri(pending.article, key);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    // A note's folder: the editor looks for it before writing a note it believes gone (its sidecar broke).
    if (/^\/[^/]*$/.test(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    const { note, modified } = await this.current(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: modified, size: new TextEncoder().encode(editorTextFromNote(note)).byteLength };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { note } = await this.current(uri);
    return new TextEncoder().encode(editorTextFromNote(note));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const { article, key } = parseNoteUri(uri);
    const note = noteFromEditorText(new TextDecoder('utf-8').decode(content));
    try {
      const pending = this.pending.get(key);
      if (pending && !pending.ids) {
        if (note.trim() === '') return; // an empty new note creates nothing
        pending.ids = await this.create(pending, note);
      } else {
        const ids = pending?.ids ?? [key];
        const updated = await withRetries(() => {
          const modified = new Date().toISOString();
          // The note editor holds the whole note: it is written onto the annotation as it is on disk now.
          return this.store.mutate(article, (sidecar) => ids.filter((id) => sidecar.updateAnnotation(id, { note, modified })).length, { onDisk: true });
        });
        if (updated === 0) throw vscode.FileSystemError.FileNotFound(uri);
      }
    } catch (error) {
      // The editor shows this message and keeps the note unsaved, so nothing typed is lost.
      if (error instanceof SidecarBrokenError) throw vscode.FileSystemError.NoPermissions(error.message);
      if (error instanceof vscode.FileSystemError) throw error;
      throw vscode.FileSystemError.Unavailable(`The note could not be saved (${error instanceof Error ? error.message : String(error)}). `
        + 'It is still open with your text: save it again.');
    }
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  /** The note as the sidecar has it now, and its modification time for the editor's save check. */
  private async current(uri: vscode.Uri): Promise<{ note: string; modified: number }> {
    const { article, key } = parseNoteUri(uri);
    const pending = this.pending.get(key);
    const id = pending ? pending.ids?.[0] : key;
    if (pending && !id) return { note: '', modified: 0 };
    const entry = await this.store.ensure(article);
    const annotation = entry.annotations.find((candidate) => candidate.id === id);
    if (!annotation) throw vscode.FileSystemError.FileNotFound(uri);
    const known = this.served.get(article.toString()) ?? new Set<string>();
    known.add(uri.toString());
    this.served.set(article.toString(), known);
    const modified = Date.parse(annotation.modified ?? annotation.created ?? '');
    return { note: annotation.note, modified: Number.isNaN(modified) ? 0 : modified };
  }

  /** What is tracked now: URIs of note documents served, and of new notes (for the state command). */
  tracked(): { served: string[]; pending: string[] } {
    return {
      served: [...this.served.values()].flatMap((uris) => [...uris]),
      pending: [...this.pending].map(([key, pending]) => noteUri(pending.article, key).toString()),
    };
  }

  private release(uri: string): void {
    const parsed = tryParseNoteUri(vscode.Uri.parse(uri));
    if (!parsed) return;
    const article = parsed.article.toString();
    const uris = this.served.get(article);
    uris?.delete(uri);
    if (uris?.size === 0) this.served.delete(article);
    if (this.pending.get(parsed.key)?.article.toString() === article) this.pending.delete(parsed.key);
  }

  /** Releases the notes of this article whose annotations (or the article itself) are gone, unless open. */
  private releaseDeleted(article: vscode.Uri): void {
    const entry = this.store.get(article);
    const exists = (id: string): boolean => entry?.annotations.some((annotation) => annotation.id === id) ?? false;
    const gone = (key: string): boolean => {
      if (!entry) return true;
      const ids = this.pending.has(key) ? this.pending.get(key)!.ids : [key];
      return ids !== undefined && !ids.some(exists);
    };
    const candidates = [
      ...(this.served.get(article.toString()) ?? []),
      ...[...this.pending].filter(([, pending]) => pending.article.toString() === article.toString()).map(([key]) => noteUri(article, key).toString()),
    ];
    for (const uri of candidates) {
      const key = tryParseNoteUri(vscode.Uri.parse(uri))?.key;
      if (key !== undefined && gone(key) && !isOpen(uri)) this.release(uri);
    }
  }

  dispose(): void {
    this.registration?.dispose();
    this.tabs.dispose();
    this.subscription.dispose();
    this.articleEdits.dispose();
    this.closes.dispose();
    this.changed.dispose();
  }
}

function noteUri(article: vscode.Uri, key: string): vscode.Uri {
  const name = article.path.slice(article.path.lastIndexOf('/') + 1);
  return vscode.Uri.from({ scheme: NOTE_SCHEME, path: `/${key}/Note on ${name}.md`, query: article.toString() });
}

function parseNoteUri(uri: vscode.Uri): { article: vscode.Uri; key: string } {
  const key = uri.path.split('/')[1] ?? '';
  // Only the note itself exists: anything else asked of this scheme (a sidecar next to a note, say) is not found.
  if (uri.scheme !== NOTE_SCHEME || key === '' || uri.query === '' || !/^\/[^/]+\/[^/]+\.md$/.test(uri.path)) {
    throw vscode.FileSystemError.FileNotFound(uri);
  }
  return { article: vscode.Uri.parse(uri.query), key };
}

function tryParseNoteUri(uri: vscode.Uri): { article: vscode.Uri; key: string } | undefined {
  try {
    return parseNoteUri(uri);
  } catch {
    return undefined;
  }
}

function isOpen(uri: string): boolean {
  return vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === uri);
}

/** Opens a note document beside the article, as Markdown. */
export async function showNote(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const markdown = doc.languageId === 'markdown' ? doc : await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  return vscode.window.showTextDocument(markdown, { viewColumn: vscode.ViewColumn.Beside, preview: false });
}

/** Failures worth another try: the sidecar kept changing under the write, or the disk was briefly busy. */
function isTransient(error: unknown): boolean {
  if (error instanceof FileChangedError) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return code === 'EBUSY' || code === 'EAGAIN' || code === 'EMFILE' || code === 'ENFILE' || code === 'EPERM';
}

/** Runs `task`, trying again (three times in all, a little later each time) after a transient failure. */
async function withRetries<T>(task: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= 3 || !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
