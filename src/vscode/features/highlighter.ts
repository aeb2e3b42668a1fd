import * as vscode from 'vscode';
import type { NameType, Span, SpanType } from '../../core/extract';
import { isNameType } from '../../core/index/entityKey';
import { CATEGORIES, categoryOf, type Category } from '../categories';
import { readConfig, type HighlightStyle } from '../config';
import { isArticleDocument, type Analysis, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { decorationFor, DIMMED_DECORATION, FOCUS_DECORATION } from './highlightStyles';
import { PaintedRanges } from './paintedRanges';
import { runPaintSteps, type SteppedPaint } from './paintSteps';
import { coversScreen, paintWindow } from './paintWindow';

/** Past this many spans only the visible lines (plus a margin) are decorated, and repainted on scroll. */
const VISIBLE_ONLY_SPANS = 3000;
/** After the index changed, the wait before repainting in case its decisions on names' types changed. */
const NAME_TYPES_REPAINT_MS = 300;

/** The type to paint a name in (see `Highlighter.setNameTypes`). */
export type NameTypeResolver = (span: Span & { type: NameType }) => NameType | null | undefined;

/** Decides, while a focus is active, which spans of a document stay bright. */
export interface FocusFilter {
  matches(doc: vscode.TextDocument, span: Span): boolean;
  /** Extra ranges to mark (e.g. annotations of a tag), painted with the focus outline. */
  extraRanges?(doc: vscode.TextDocument): vscode.Range[];
}

interface PendingSend {
  type: vscode.TextEditorDecorationType;
  offsets: readonly number[];
}

export interface PaintObserver {
  painted(doc: vscode.TextDocument, version: number): void;
}

/** The settings painting depends on: the highlight options, the size limit and which files are articles. */
const PAINT_SETTINGS = ['highlight', 'analysis', 'articles'] as const;

/**
 * Paints entity, date and figure highlights with one decoration type per category. Decoration types
 * are rebuilt only when the style setting changes; ranges are recomputed when an analysis settles.
 * Documents with many spans get only their visible part decorated, so typing and scrolling in a
 * multi-megabyte article stay smooth. A focus dims every span it does not match and outlines the rest.
 */
export class Highlighter implements vscode.Disposable {
  private types = new Map<Category, vscode.TextEditorDecorationType>();
  private readonly dimmed = vscode.window.createTextEditorDecorationType(DIMMED_DECORATION);
  private readonly focused = vscode.window.createTextEditorDecorationType(FOCUS_DECORATION);
  private style: HighlightStyle | undefined;
  private focus: FocusFilter | undefined;
  private observer: PaintObserver | undefined;
  /** Editors painted around their visible lines only, with the lines and document version last painted. */
  private readonly partial = new WeakMap<vscode.TextEditor, { first: number; last: number; version: number }>();
  /** What each decoration type shows in each editor, so unchanged ranges are not sent again. */
  private painted = new WeakMap<vscode.TextEditor, Map<vscode.TextEditorDecorationType, PaintedRanges>>();
  /** A paint whose decoration types are still being sent, per editor (see `paintSteps.ts`). */
  private pending = new WeakMap<vscode.TextEditor, SteppedPaint<PendingSend>>();
  private readonly disposables: vscode.Disposable[] = [this.dimmed, this.focused];
  private nameTypes: NameTypeResolver | undefined;
  private nameTypesSubscription: vscode.Disposable | undefined;
  private nameTypesTimer: NodeJS.Timeout | undefined;

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.disposables.push(
      analyzer.onDidAnalyze((doc) => {
        for (const editor of vscode.window.visibleTextEditors) if (editor.document === doc) this.paint(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.paint(e))),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.partial.has(e.textEditor) && !this.stillCovered(e.textEditor)) this.paint(e.textEditor);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Only what painting reads: another setting (the archive, the timeline) must not repaint every article.
        if (PAINT_SETTINGS.some((section) => e.affectsConfiguration(`sourceAnnotator.${section}`))) this.refreshAll();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const edits = e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, insertedLength: c.text.length }));
        for (const editor of vscode.window.visibleTextEditors) {
          if (editor.document === e.document) this.painted.get(editor)?.forEach((ranges) => ranges.edited(edits));
        }
      }),
    );
    this.refreshAll();
  }

  /**
   * Names are painted in the type the workspace decided for their entity (null: not an entity, not
   * painted; undefined: the extractor's type), so colours agree with hover cards and the Entities view.
   * `changed` fires when those decisions may have changed (an article indexed elsewhere).
   */
  setNameTypes(resolve: NameTypeResolver | undefined, changed?: vscode.Event<unknown>): void {
    this.nameTypes = resolve;
    this.nameTypesSubscription?.dispose();
    this.nameTypesSubscription = changed?.(() => {
      clearTimeout(this.nameTypesTimer);
      this.nameTypesTimer = setTimeout(() => vscode.window.visibleTextEditors.forEach((e) => this.paint(e)), NAME_TYPES_REPAINT_MS);
    });
    vscode.window.visibleTextEditors.forEach((e) => this.paint(e));
  }

  setPaintObserver(observer: PaintObserver | undefined): void {
    this.observer = observer;
  }

  /** Dims everything the filter does not match (undefined ends the focus). */
  setFocus(filter: FocusFilter | undefined): void {
    this.focus = filter;
    vscode.window.visibleTextEditors.forEach((e) => this.paint(e));
  }

  get focusActive(): boolean {
    return this.focus !== undefined;
  }

  refreshAll(): void {
    const style = readConfig().highlightStyle;
    if (style !== this.style) {
      this.disposeTypes();
      this.painted = new WeakMap();
      // Sends still to go would name the types just disposed.
      this.pending = new WeakMap();
      this.style = style;
      for (const cat of CATEGORIES) this.types.set(cat, vscode.window.createTextEditorDecorationType(decorationFor(cat, style)));
    }
    vscode.window.visibleTextEditors.forEach((e) => this.paint(e));
  }

  private paint(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (!isArticleDocument(doc)) return;
    const config = readConfig(doc.uri);
    // Flattened start/end offsets per decoration type: compared with what the editor shows before any is sent.
    const ranges = new Map<Category, number[]>(CATEGORIES.map((c) => [c, []]));
    const dimmed: number[] = [];
    const focused: number[] = [];
    const analysis = config.highlightEnabled || this.focus ? this.analyzer.analyze(doc) : undefined;
    if (analysis && config.highlightEnabled) {
      const [from, to] = this.paintWindow(editor, analysis);
      const focus = this.focus;
      const nameTypes = this.nameTypes;
      const decided = new Map<string, NameType | null | undefined>();
      const visit = (start: number, end: number, span: Span): void => {
        let type: SpanType = span.type;
        if (nameTypes && isNameType(type)) {
          const memo = `${type}\u0000${span.text}\u0000${span.canonical ?? ''}`;
          let to = decided.get(memo);
          if (to === undefined && !decided.has(memo)) decided.set(memo, (to = nameTypes(span as Span & { type: NameType })));
          if (to === null) return;
          if (to) type = to;
        }
        const cat = categoryOf(type);
        if (!config.categories[cat]) return;
        const inWindow = end > from && start < to;
        const matches = focus?.matches(doc, span) ?? true;
        if (!inWindow && !(focus && matches)) return;
        if (!matches) dimmed.push(start, end);
        else {
          ranges.get(cat)!.push(start, end);
          if (focus) focused.push(start, end);
        }
      };
      // A focus scans every span: its few matches are outlined everywhere, so the overview ruler shows them all.
      if (focus) for (const span of analysis.result.spans) visit(span.start, span.end, span);
      else analysis.forEachSpanBetween(from, to, visit);
    }
    if (this.focus) for (const r of this.focus.extraRanges?.(doc) ?? []) focused.push(doc.offsetAt(r.start), doc.offsetAt(r.end));
    const sends: PendingSend[] = [...this.types].map(([cat, type]) => ({ type, offsets: ranges.get(cat) ?? [] }));
    sends.push({ type: this.dimmed, offsets: dimmed }, { type: this.focused, offsets: focused });
    this.sendPaint(editor, { version: doc.version, sends, done: () => this.observer?.painted(doc, analysis?.version ?? doc.version) });
  }

  /** Sends a paint's types; in a long document one per task (`paintSteps.ts` says why). */
  private sendPaint(editor: vscode.TextEditor, paint: SteppedPaint<PendingSend>): void {
    const pendingNow = this.pending;
    pendingNow.set(editor, paint);
    runPaintSteps(paint, {
      isCurrent: () => this.pending === pendingNow && pendingNow.get(editor) === paint,
      documentVersion: () => editor.document.version,
      changed: ({ type, offsets }) => !this.shown(editor, type).showing(offsets),
      send: ({ type, offsets }) => this.send(editor, type, offsets),
      oneAtATime: this.partial.has(editor),
      schedule: (next) => setImmediate(next),
      ended: () => {
        if (pendingNow.get(editor) === paint) pendingNow.delete(editor);
      },
    });
  }

  private shown(editor: vscode.TextEditor, type: vscode.TextEditorDecorationType): PaintedRanges {
    let shown = this.painted.get(editor);
    if (!shown) this.painted.set(editor, (shown = new Map()));
    let painted = shown.get(type);
    if (!painted) shown.set(type, (painted = new PaintedRanges()));
    return painted;
  }

  /** Sets one decoration type's ranges. */
  private send(editor: vscode.TextEditor, type: vscode.TextEditorDecorationType, offsets: readonly number[]): void {
    const doc = editor.document;
    const decorations: vscode.Range[] = [];
    for (let i = 0; i < offsets.length; i += 2) decorations.push(new vscode.Range(doc.positionAt(offsets[i]), doc.positionAt(offsets[i + 1])));
    editor.setDecorations(type, decorations);
    this.shown(editor, type).sentNow(offsets);
  }

  /** The offsets to decorate: the whole text, or the visible lines and a margin when the document is long or spans are many. */
  private paintWindow(editor: vscode.TextEditor, analysis: Analysis): [number, number] {
    if ((!analysis.large && analysis.result.spans.length <= VISIBLE_ONLY_SPANS) || editor.visibleRanges.length === 0) {
      this.partial.delete(editor);
      return [0, Number.MAX_SAFE_INTEGER];
    }
    const doc = editor.document;
    const [top, bottom] = visibleLines(editor);
    const { first, last } = paintWindow(this.partial.get(editor), top, bottom, doc.lineCount - 1);
    this.partial.set(editor, { first, last, version: doc.version });
    return [doc.offsetAt(new vscode.Position(first, 0)), doc.offsetAt(new vscode.Position(last, Number.MAX_SAFE_INTEGER))];
  }

  /** A small scroll stays inside the painted lines: repaint only when the screen comes near their edge. */
  private stillCovered(editor: vscode.TextEditor): boolean {
    const painted = this.partial.get(editor);
    if (!painted || painted.version !== editor.document.version || editor.visibleRanges.length === 0) return false;
    const [top, bottom] = visibleLines(editor);
    return coversScreen(painted, top, bottom, editor.document.lineCount - 1);
  }

  private disposeTypes(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
  }

  dispose(): void {
    clearTimeout(this.nameTypesTimer);
    this.nameTypesSubscription?.dispose();
    // Sends still to go would name disposed types.
    this.pending = new WeakMap();
    this.disposeTypes();
    for (const d of this.disposables) d.dispose();
  }
}

/** The first and last line on screen (an editor may show several ranges, e.g. around folded regions). */
function visibleLines(editor: vscode.TextEditor): [number, number] {
  return [Math.min(...editor.visibleRanges.map((r) => r.start.line)), Math.max(...editor.visibleRanges.map((r) => r.end.line))];
}
