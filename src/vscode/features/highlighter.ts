import * as vscode from 'vscode';
import { CATEGORIES, categoryOf, type Category } from '../categories';
import { readConfig, type HighlightStyle } from '../config';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';

/**
 * Paints entity, date and figure highlights with one decoration type per category. Decoration types
 * are rebuilt only when the style setting changes; ranges are recomputed when an analysis settles.
 */
export class Highlighter implements vscode.Disposable {
  private types = new Map<Category, vscode.TextEditorDecorationType>();
  private style: HighlightStyle | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.disposables.push(
      analyzer.onDidAnalyze((doc) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === doc) this.paint(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.paint(e))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sourceAnnotator')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    const style = readConfig().highlightStyle;
    if (style !== this.style) {
      this.disposeTypes();
      this.style = style;
      for (const cat of CATEGORIES) this.types.set(cat, vscode.window.createTextEditorDecorationType(decorationFor(cat, style)));
    }
    vscode.window.visibleTextEditors.forEach((e) => this.paint(e));
  }

  private paint(editor: vscode.TextEditor): void {
    if (!isArticleDocument(editor.document)) return;
    const config = readConfig(editor.document.uri);
    const ranges = new Map<Category, vscode.Range[]>(CATEGORIES.map((c) => [c, []]));
    if (config.highlightEnabled) {
      const doc = editor.document;
      for (const span of this.analyzer.analyze(doc).result.spans) {
        const cat = categoryOf(span.type);
        if (config.categories[cat]) ranges.get(cat)!.push(new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
      }
    }
    for (const [cat, type] of this.types) editor.setDecorations(type, ranges.get(cat) ?? []);
  }

  private disposeTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }

  dispose(): void {
    this.disposeTypes();
    for (const d of this.disposables) d.dispose();
  }
}

function decorationFor(cat: Category, style: HighlightStyle): vscode.DecorationRenderOptions {
  const color = (part: string): vscode.ThemeColor => new vscode.ThemeColor(`sourceAnnotator.${cat}.${part}`);
  switch (style) {
    case 'underline':
      return { borderStyle: 'none none solid none', borderWidth: '0 0 2px 0', borderColor: color('border') };
    case 'text':
      return { color: color('foreground') };
    default:
      return {
        backgroundColor: color('background'),
        borderStyle: 'none none solid none', borderWidth: '0 0 1px 0', borderColor: color('border'),
      };
  }
}
