/**
 * Commands on single annotations: tag a selection, add a note, edit, remove (with undo), step through
 * annotations, re-attach an orphan, reveal. Every command takes optional arguments so tests and
 * hover links can run it without any prompt. Without a `note` argument, notes are written in a
 * Markdown editor (see `noteDocuments.ts`) and land in the sidecar when that editor is saved.
 */
import * as vscode from 'vscode';
import { createTarget } from '../../core/anchor/createTarget';
import { suggestPlaces } from '../../core/anchor/suggestPlaces';
import { uniqueAnnotationId } from '../../core/sidecar/annotationId';
import type { Annotation } from '../../core/sidecar/model';
import { isArticleDocument } from '../analysis/documentAnalyzer';
import { currentAuthor } from './author';
import type { AnnotationStore, ArticleEntry } from './annotationStore';
import { registerGuarded } from './commandGuard';
import { NoteFileSystem, showNote, type PendingNote } from './noteDocuments';
import { mergeTags, tagUsage } from './tagCatalog';
import { pickTags } from './tagPicker';
import { quoteLabel } from './viewModel';

/** Arguments naming one annotation, as hover links, the view and tests pass them. */
export interface AnnotationRef {
  article: string;
  id: string;
}

/** A place offered for an orphan (`suggestPlaces`): its offsets and the words it held when offered. */
export interface SuggestedPlaceRef {
  start: number;
  end: number;
  expect: string;
}

interface RemovedAnnotation {
  article: vscode.Uri;
  annotation: Annotation;
}

export class AnnotationCommands {
  private readonly removed: RemovedAnnotation[] = [];
  readonly notes: NoteFileSystem;

  constructor(private readonly store: AnnotationStore, private readonly log: vscode.LogOutputChannel) {
    this.notes = new NoteFileSystem(store, (pending, note) => this.annotatePending(pending, note));
  }

  register(): vscode.Disposable[] {
    const table: Record<string, (...args: never[]) => unknown> = {
      'sourceAnnotator.tagSelection': (args?: { tags?: string[]; note?: string }) => this.tagSelection(args),
      'sourceAnnotator.addNote': (args?: { note?: string; tags?: string[] }) => this.addNote(args),
      'sourceAnnotator.editAnnotation': (args?: Partial<AnnotationRef> & { tags?: string[]; note?: string }) => this.edit(args),
      'sourceAnnotator.editNote': (args?: Partial<AnnotationRef> & { show?: boolean }) => this.editNote(args),
      'sourceAnnotator.removeAnnotation': (args?: Partial<AnnotationRef>) => this.remove(args),
      'sourceAnnotator.undoRemoveAnnotation': () => this.undoRemove(),
      'sourceAnnotator.nextAnnotation': () => this.step('next'),
      'sourceAnnotator.previousAnnotation': () => this.step('previous'),
      'sourceAnnotator.reattachAnnotation': (args?: AnnotationRef & Partial<SuggestedPlaceRef>) => this.reattach(args),
      'sourceAnnotator.revealAnnotation': (args?: AnnotationRef) => this.reveal(args),
    };
    return [
      this.notes,
      ...Object.entries(table).map(([id, handler]) => registerGuarded(id, handler, this.log)),
    ];
  }

  private articleEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isArticleDocument(editor.document)) {
      void vscode.window.showInformationMessage('Source Annotator: open an article (.txt or .md) first.');
      return undefined;
    }
    return editor;
  }

  private async tagSelection(args?: { tags?: string[]; note?: string }): Promise<string[] | undefined> {
    const editor = this.articleEditor();
    if (!editor) return undefined;
    const ranges = selectedRanges(editor, 'tag');
    if (!ranges) return undefined;
    const tags = args?.tags ?? await pickTags(tagUsage(this.store.all().map((entry) => entry.annotations)),
      { title: 'Tag selection' });
    if (!tags || tags.length === 0) return undefined;
    return this.annotate(editor.document, ranges, tags, args?.note ?? '');
  }

  /**
   * With a `note` argument, annotates at once and returns the new ids. Without one, opens an empty
   * note editor; the annotation is created when it is first saved. Returns the note document's URI
   * then (as a string), so scripts can find it.
   */
  private async addNote(args?: { note?: string; tags?: string[] }): Promise<string[] | string | undefined> {
    const editor = this.articleEditor();
    if (!editor) return undefined;
    const ranges = selectedRanges(editor, 'annotate');
    if (!ranges) return undefined;
    if (args?.note === undefined) {
      const pending: PendingNote = { article: editor.document.uri, tags: args?.tags ?? [], ranges };
      const uri = this.notes.uriForNewNote(pending);
      await showNote(uri);
      return uri.toString();
    }
    if (args.note.trim() === '') return undefined;
    return this.annotate(editor.document, ranges, args.tags ?? [], args.note);
  }

  /** The first save of a new note: annotates the ranges selected when the note was opened. */
  private async annotatePending(pending: PendingNote, note: string): Promise<string[]> {
    const doc = await vscode.workspace.openTextDocument(pending.article);
    return this.annotate(doc, pending.ranges, pending.tags, note);
  }

  /** Opens the note of the annotation named by `args` (or at the cursor) in an editor; returns its URI. */
  private async editNote(args?: Partial<AnnotationRef> & { show?: boolean }): Promise<string | undefined> {
    const found = await this.resolve(args);
    if (!found) return undefined;
    const uri = this.notes.uriForAnnotation(found.entry.article, found.annotation.id);
    if (args?.show !== false) await showNote(uri);
    return uri.toString();
  }

  /**
   * One annotation per selection; a selection that exactly covers an existing annotation adds to it
   * instead, so tagging the same passage twice does not stack duplicates.
   */
  private async annotate(doc: vscode.TextDocument, ranges: readonly { start: number; end: number }[], tags: string[], note: string): Promise<string[]> {
    const author = await currentAuthor();
    const entry = await this.store.ensure(doc.uri);
    return this.store.mutate(doc.uri, (sidecar, context) => {
      const now = new Date().toISOString();
      const ids: string[] = [];
      const taken = new Set(sidecar.sidecar.annotations.map((annotation) => annotation.id));
      for (const range of ranges) {
        const same = entry.annotations.find((annotation) => {
          const anchor = entry.anchorOf(annotation.id);
          return anchor?.start === range.start && anchor.end === range.end && sidecar.getAnnotation(annotation.id);
        });
        if (same) {
          const current = sidecar.getAnnotation(same.id)!;
          const joinedNote = note === '' ? current.note : current.note === '' ? note : `${current.note}\n\n${note}`;
          sidecar.updateAnnotation(same.id, { tags: mergeTags(current.tags, tags), note: joinedNote, modified: now });
          ids.push(same.id);
          continue;
        }
        const id = uniqueAnnotationId(taken);
        taken.add(id);
        const annotation: Annotation = {
          id, tags, note, created: now, modified: now,
          target: createTarget(context.text, range.start, range.end, { textHash: context.textHash }),
        };
        if (author) annotation.author = author;
        sidecar.addAnnotation(annotation);
        ids.push(id);
      }
      return ids;
    });
  }

  /** The annotation named by `args`, else the one under the cursor (asking when several overlap). */
  private async resolve(args?: Partial<AnnotationRef>): Promise<{ entry: ArticleEntry; annotation: Annotation } | undefined> {
    if (args?.article && args.id) {
      const entry = await this.store.ensure(vscode.Uri.parse(args.article));
      const annotation = entry.annotations.find((candidate) => candidate.id === args.id);
      if (!annotation) {
        void vscode.window.showWarningMessage(`Source Annotator: annotation ${args.id} no longer exists.`);
        return undefined;
      }
      return { entry, annotation };
    }
    const editor = vscode.window.activeTextEditor;
    const entry = editor && this.store.get(editor.document.uri);
    if (!editor || !entry) {
      void vscode.window.showInformationMessage('Source Annotator: put the cursor in an annotated passage.');
      return undefined;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    const hits = entry.annotations.filter((annotation) => {
      const anchor = entry.anchorOf(annotation.id);
      return anchor && anchor.start <= offset && offset <= anchor.end;
    });
    if (hits.length === 0) {
      void vscode.window.showInformationMessage('Source Annotator: there is no annotation at the cursor.');
      return undefined;
    }
    if (hits.length === 1) return { entry, annotation: hits[0] };
    const chosen = await vscode.window.showQuickPick(hits.map((annotation) => ({
      label: quoteLabel(annotation.target.exact), description: annotation.tags.join(', '), detail: annotation.note || undefined, annotation,
    })), { title: 'Which annotation?' });
    return chosen && { entry, annotation: chosen.annotation };
  }

  private async edit(args?: Partial<AnnotationRef> & { tags?: string[]; note?: string }): Promise<boolean> {
    const found = await this.resolve(args);
    if (!found) return false;
    const { entry, annotation } = found;
    let tags = args?.tags;
    const note = args?.note;
    if (tags === undefined && note === undefined) {
      const action = await vscode.window.showQuickPick([
        { label: '$(tag) Edit tags', description: annotation.tags.join(', '), action: 'tags' },
        { label: '$(note) Edit note', description: quoteLabel(annotation.note, 40), action: 'note' },
        { label: '$(trash) Remove annotation', action: 'remove' },
      ], { title: `Annotation on “${quoteLabel(annotation.target.exact, 40)}”` });
      if (!action) return false;
      if (action.action === 'remove') return this.remove({ article: entry.article.toString(), id: annotation.id });
      if (action.action === 'tags') {
        tags = await pickTags(tagUsage(this.store.all().map((e) => e.annotations)),
          { title: 'Edit tags', selected: annotation.tags });
        if (tags === undefined) return false;
      } else {
        // The note is written in its own editor and reaches the sidecar when that editor is saved.
        await showNote(this.notes.uriForAnnotation(entry.article, annotation.id));
        return false;
      }
    }
    const patch = { ...(tags !== undefined ? { tags } : {}), ...(note !== undefined ? { note } : {}), modified: new Date().toISOString() };
    return this.store.mutate(entry.article, (sidecar) => sidecar.updateAnnotation(annotation.id, patch));
  }

  private async remove(args?: Partial<AnnotationRef>): Promise<boolean> {
    const found = await this.resolve(args);
    if (!found) return false;
    const { entry, annotation } = found;
    const removed = await this.store.mutate(entry.article, (sidecar) => {
      const current = sidecar.getAnnotation(annotation.id);
      return current && sidecar.removeAnnotation(annotation.id) ? current : undefined;
    });
    if (!removed) return false;
    this.removed.push({ article: entry.article, annotation: removed });
    if (this.removed.length > 50) this.removed.shift();
    void vscode.window.showInformationMessage(`Source Annotator: removed the annotation on “${quoteLabel(removed.target.exact, 40)}”.`, 'Undo Remove')
      .then((choice) => (choice === 'Undo Remove' ? vscode.commands.executeCommand('sourceAnnotator.undoRemoveAnnotation') : undefined));
    return true;
  }

  /** Sidecar edits are not in the article's undo stack, so removals keep their own. */
  private async undoRemove(): Promise<string | undefined> {
    const last = this.removed.pop();
    if (!last) {
      void vscode.window.showInformationMessage('Source Annotator: there is no removed annotation to restore.');
      return undefined;
    }
    return this.store.mutate(last.article, (sidecar) => {
      if (!sidecar.getAnnotation(last.annotation.id)) sidecar.addAnnotation(last.annotation);
      return last.annotation.id;
    });
  }

  private step(direction: 'next' | 'previous'): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor && this.store.get(editor.document.uri);
    if (!editor || !entry) return;
    const starts = [...new Set([...entry.anchors.values()].map((anchor) => anchor.start))].sort((a, b) => a - b);
    if (starts.length === 0) {
      void vscode.window.showInformationMessage('Source Annotator: this article has no annotations.');
      return;
    }
    const offset = editor.document.offsetAt(editor.selection.active);
    const target = direction === 'next'
      ? starts.find((start) => start > offset) ?? starts[0]
      : [...starts].reverse().find((start) => start < offset) ?? starts[starts.length - 1];
    const anchor = [...entry.anchors.values()].find((candidate) => candidate.start === target)!;
    const range = new vscode.Range(editor.document.positionAt(anchor.start), editor.document.positionAt(anchor.end));
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * Points an orphaned (or misplaced) annotation at the current selection, or at a place offered for it
   * (`start`, `end` and the words `expect`ed there, checked again: the text may have changed since).
   */
  private async reattach(args?: AnnotationRef & Partial<SuggestedPlaceRef>): Promise<boolean> {
    if (!args) return false;
    const article = vscode.Uri.parse(args.article);
    if (args.start !== undefined && args.end !== undefined && args.expect !== undefined) {
      const { start, end, expect } = args;
      const document = await vscode.workspace.openTextDocument(article);
      if (document.getText().slice(start, end) !== expect) {
        void vscode.window.showWarningMessage('Source Annotator: the text there changed. Select where the annotation belongs and use “Re-attach to selection”.');
        return false;
      }
      return this.store.mutate(article, (sidecar, context) => {
        // the article as the store reads it must still hold the words there (an edit may have come in between)
        if (context.text.slice(start, end) !== expect) return false;
        return sidecar.updateAnnotation(args.id, {
          target: createTarget(context.text, start, end, { textHash: context.textHash }), modified: new Date().toISOString(),
        });
      });
    }
    const editor = this.articleEditor();
    if (!editor) return false;
    if (editor.selection.isEmpty || editor.document.uri.toString() !== article.toString()) {
      void vscode.window.showInformationMessage('Source Annotator: select the passage in the article to re-attach the annotation to.');
      return false;
    }
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    return this.store.mutate(editor.document.uri, (sidecar, context) => sidecar.updateAnnotation(args.id, {
      target: createTarget(context.text, start, end, { textHash: context.textHash }), modified: new Date().toISOString(),
    }));
  }

  private async reveal(args?: AnnotationRef): Promise<void> {
    if (!args) return;
    const article = vscode.Uri.parse(args.article);
    const entry = await this.store.ensure(article);
    const doc = await vscode.workspace.openTextDocument(article);
    const anchor = entry.anchorOf(args.id);
    if (!anchor) {
      const annotation = entry.annotations.find((candidate) => candidate.id === args.id);
      const [place] = annotation ? suggestPlaces(annotation.target, doc.getText(), 1) : [];
      if (annotation && place) {
        // Show where its words may be and let the analyst say whether they are the annotated ones.
        const range = new vscode.Range(doc.positionAt(place.start), doc.positionAt(place.end));
        await vscode.window.showTextDocument(doc, { selection: range, preview: true });
        const words = place.exact ? 'its words stand here' : 'words like its own stand here';
        const expect = doc.getText().slice(place.start, place.end);
        // not awaited: the reveal is done, the question stays until answered
        void vscode.window.showWarningMessage(
          `Source Annotator: the annotation on “${quoteLabel(annotation.target.exact, 50)}” is not placed; ${words} (line ${range.start.line + 1}). Re-attach it here?`,
          'Re-attach Here', 'Not Now',
        ).then((choice) => choice === 'Re-attach Here' ? this.reattach({ ...args, start: place.start, end: place.end, expect }) : undefined);
        return;
      }
      await vscode.window.showTextDocument(doc, { preview: true });
      if (annotation) {
        void vscode.window.showWarningMessage(`Source Annotator: the text “${quoteLabel(annotation.target.exact, 50)}” is no longer in the article. `
          + 'Select where it belongs and use the quick fix “Re-attach to selection”.');
      }
      return;
    }
    const range = new vscode.Range(doc.positionAt(anchor.start), doc.positionAt(anchor.end));
    await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  }
}

/** The offsets of the non-empty selections, or undefined (after saying what to do) when there are none. */
function selectedRanges(editor: vscode.TextEditor, verb: string): { start: number; end: number }[] | undefined {
  const selections = editor.selections.filter((selection) => !selection.isEmpty);
  if (selections.length === 0) {
    void vscode.window.showInformationMessage(`Source Annotator: select the passage to ${verb} first.`);
    return undefined;
  }
  const doc = editor.document;
  return selections.map((selection) => ({ start: doc.offsetAt(selection.start), end: doc.offsetAt(selection.end) }));
}
