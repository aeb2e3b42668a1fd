/**
 * The hover card over an annotated passage: tags, note, author and dates, with links to edit or
 * remove it. The markdown trusts only the annotation commands, so a note cannot smuggle in others.
 */
import * as vscode from 'vscode';
import type { Annotation } from '../../core/sidecar/model';
import type { AnnotationStore } from './annotationStore';
import { untrustedMarkdown } from '../../core/hover/markdown';
import { commandLink } from './commandLink';

export const ANNOTATION_HOVER_COMMANDS = ['sourceAnnotator.editAnnotation', 'sourceAnnotator.removeAnnotation'];

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: AnnotationStore) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const entry = this.store.get(doc.uri);
    if (!entry) return undefined;
    const offset = doc.offsetAt(position);
    const hits = entry.annotations.filter((annotation) => {
      const anchor = entry.anchorOf(annotation.id);
      return anchor !== undefined && anchor.start <= offset && offset < anchor.end;
    });
    if (hits.length === 0) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: ANNOTATION_HOVER_COMMANDS };
    md.supportHtml = false;
    hits.forEach((annotation, index) => {
      if (index > 0) md.appendMarkdown('\n\n---\n\n');
      appendAnnotation(md, annotation, doc.uri);
    });
    let start = Number.MAX_SAFE_INTEGER;
    let end = 0;
    for (const annotation of hits) {
      const anchor = entry.anchorOf(annotation.id)!;
      start = Math.min(start, anchor.start);
      end = Math.max(end, anchor.end);
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
  }
}

function appendAnnotation(md: vscode.MarkdownString, annotation: Annotation, article: vscode.Uri): void {
  md.appendMarkdown('$(bookmark) **Annotation**');
  if (annotation.tags.length > 0) {
    md.appendMarkdown(' — $(tag) ');
    md.appendText(annotation.tags.join(', '));
  }
  if (annotation.note.trim() !== '') {
    // The note is Markdown (written in a Markdown editor), rendered without HTML, commands or images.
    md.appendMarkdown(`\n\n${untrustedMarkdown(annotation.note)}`);
  }
  md.appendMarkdown('\n\n');
  const byline = [annotation.author ? `by ${annotation.author}` : undefined, `created ${shortDate(annotation.created)}`,
    annotation.modified !== annotation.created ? `modified ${shortDate(annotation.modified)}` : undefined].filter(Boolean);
  md.appendText(byline.join(' · '));
  if (annotation.conflict) {
    md.appendMarkdown('\n\n$(warning) ');
    md.appendText(`Kept from a merge conflict with ${annotation.conflict.with}`);
  }
  const args = [{ article: article.toString(), id: annotation.id }];
  md.appendMarkdown(`\n\n${commandLink('Edit', 'sourceAnnotator.editAnnotation', args, 'Edit tags or note')} · `
    + commandLink('Remove', 'sourceAnnotator.removeAnnotation', args, 'Remove this annotation'));
}

function shortDate(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');
}
