/**
 * Paints annotated passages apart from entity highlights: a background tinted by tag from the
 * `sourceAnnotator.annotation.tag*` palette (translucent, so overlapping annotations stack visibly),
 * a dotted outline, a gutter icon on the first line and a mark in the overview ruler.
 */
import * as vscode from 'vscode';
import { documentLength } from '../perf/largeDocuments';
import type { AnnotationStore } from './annotationStore';
import { paletteColourId, paletteSlotFor, PALETTE_SIZE } from './tagColour';

export class AnnotationDecorations implements vscode.Disposable {
  private readonly slots: vscode.TextEditorDecorationType[] = [];
  private readonly gutter: vscode.TextEditorDecorationType;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: AnnotationStore, extensionUri: vscode.Uri) {
    for (let slot = 1; slot <= PALETTE_SIZE; slot++) {
      this.slots.push(vscode.window.createTextEditorDecorationType({
        backgroundColor: new vscode.ThemeColor(paletteColourId(slot)),
        outlineColor: new vscode.ThemeColor('sourceAnnotator.annotation.outline'),
        outlineStyle: 'dotted',
        outlineWidth: '1px',
        overviewRulerColor: new vscode.ThemeColor('sourceAnnotator.annotation.overviewRuler'),
        overviewRulerLane: vscode.OverviewRulerLane.Right,
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }));
    }
    this.gutter = vscode.window.createTextEditorDecorationType({
      gutterIconPath: vscode.Uri.joinPath(extensionUri, 'media', 'annotation.svg'),
      gutterIconSize: '70%',
    });
    const repaintArticle = (article: vscode.Uri): void => {
      const key = article.toString();
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) this.paint(editor);
    };
    this.disposables.push(
      store.onDidChange(repaintArticle),
      store.onDidMoveAnchors(repaintArticle),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.paint(editor))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sourceAnnotator.highlight')) vscode.window.visibleTextEditors.forEach((editor) => this.paint(editor));
      }),
    );
    vscode.window.visibleTextEditors.forEach((editor) => this.paint(editor));
  }

  private paint(editor: vscode.TextEditor): void {
    const visible = vscode.workspace.getConfiguration('sourceAnnotator', editor.document.uri).get<boolean>('highlight.annotations', true);
    const entry = visible ? this.store.get(editor.document.uri) : undefined;
    const bySlot: vscode.Range[][] = this.slots.map(() => []);
    const gutterLines = new Set<number>();
    const doc = editor.document;
    const length = documentLength(doc);
    for (const annotation of entry?.annotations ?? []) {
      const anchor = entry!.anchorOf(annotation.id);
      if (!anchor || anchor.end > length) continue;
      const range = new vscode.Range(doc.positionAt(anchor.start), doc.positionAt(anchor.end));
      bySlot[paletteSlotFor(annotation.tags) - 1].push(range);
      gutterLines.add(range.start.line);
    }
    this.slots.forEach((type, index) => editor.setDecorations(type, bySlot[index]));
    editor.setDecorations(this.gutter, [...gutterLines].map((line) => new vscode.Range(line, 0, line, 0)));
  }

  dispose(): void {
    for (const type of this.slots) type.dispose();
    this.gutter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
