import * as vscode from 'vscode';
import type { Span } from '../../core/extract';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { documentHash } from '../index/documentHash';
import { indexedSpanAt } from '../index/lookup';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { FocusFilter, Highlighter } from './highlighter';

/** Where annotated passages come from; the annotations feature registers one (see `setAnnotationTagSource`). */
export interface AnnotationTagSource {
  tags(): string[];
  rangesOf(doc: vscode.TextDocument, tag: string): vscode.Range[];
  /** Every passage with the tag across the workspace's sidecars (offsets into the article's text), for the Timeline's tag filter. */
  passagesOf?(tag: string): { uri: string; start: number; end: number }[];
}

let tagSource: AnnotationTagSource | undefined;

/** The hook for the annotations feature: lets "Focus on Annotation Tag" find the passages of a tag. */
export function setAnnotationTagSource(source: AnnotationTagSource | undefined): void {
  tagSource = source;
}

/** The registered source of annotated passages, if the annotations feature is active. */
export function annotationTagSource(): AnnotationTagSource | undefined {
  return tagSource;
}

interface ActiveFocus {
  label: string;
  filter: FocusFilter;
  /** The focused ranges of one document, in text order, for next/previous. */
  rangesIn(doc: vscode.TextDocument): vscode.Range[];
}

export interface FocusDeps {
  analyzer: DocumentAnalyzer;
  highlighter: Highlighter;
  workspace: WorkspaceIndex;
}

/**
 * "Focus on This Entity": every mention of one entity (linked short forms included) is outlined and marked
 * in the overview ruler while every other highlight fades; next/previous move between the focused mentions.
 * "Focus on Annotation Tag" does the same for the passages tagged with one tag.
 */
export class FocusController implements vscode.Disposable {
  private active: ActiveFocus | undefined;
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.focus', vscode.StatusBarAlignment.Right, 101);

  constructor(private readonly deps: FocusDeps) {
    this.item.name = 'Source Annotator Focus';
    this.item.command = 'sourceAnnotator.clearFocus';
  }

  get current(): string | undefined {
    return this.active?.label;
  }

  /** Focuses the entity at `{ uri, offset }`, or under the cursor; returns its display name. */
  async focusEntity(args?: { uri?: string; offset?: number }): Promise<string | undefined> {
    let doc: vscode.TextDocument | undefined;
    let position: vscode.Position | undefined;
    if (typeof args?.uri === 'string' && typeof args.offset === 'number') {
      doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      position = doc.positionAt(args.offset);
    } else if (vscode.window.activeTextEditor) {
      doc = vscode.window.activeTextEditor.document;
      position = vscode.window.activeTextEditor.selection.active;
    }
    if (!doc || !position || !isArticleDocument(doc)) return undefined;
    const here = indexedSpanAt(this.deps.workspace, this.deps.analyzer, doc, position);
    if (!here?.key) {
      void vscode.window.showInformationMessage('Source Annotator: put the cursor on a highlighted name, date or figure to focus on it.');
      return undefined;
    }
    const key = here.key;
    const label = here.span.canonical ?? this.deps.workspace.index.displayName(key);
    const mentions = new Map<string, { version: number; starts: Set<number>; ranges: vscode.Range[] }>();
    const mentionsOf = (d: vscode.TextDocument): { starts: Set<number>; ranges: vscode.Range[] } => {
      const cached = mentions.get(d.uri.toString());
      if (cached?.version === d.version) return cached;
      this.syncIndex(d);
      const offsets = this.deps.workspace.index.mentionsInArticle(d.uri.toString(), key);
      const entry = {
        version: d.version,
        starts: new Set(offsets.map((m) => m.start)),
        ranges: offsets.map((m) => new vscode.Range(d.positionAt(m.start), d.positionAt(m.end))),
      };
      mentions.set(d.uri.toString(), entry);
      return entry;
    };
    this.activate({
      label,
      filter: { matches: (d: vscode.TextDocument, span: Span) => mentionsOf(d).starts.has(span.start) },
      rangesIn: (d) => mentionsOf(d).ranges,
    });
    return label;
  }

  /** Focuses the passages tagged `tag` (asks for one when not given). */
  async focusTag(args?: { tag?: string }): Promise<string | undefined> {
    const source = tagSource;
    if (!source) {
      void vscode.window.showInformationMessage('Source Annotator: annotations are not available yet, so there is no tag to focus on.');
      return undefined;
    }
    const tag = typeof args?.tag === 'string' ? args.tag
      : await vscode.window.showQuickPick(source.tags(), { title: 'Source Annotator: focus on annotations tagged…' });
    if (!tag) return undefined;
    const rangesIn = (d: vscode.TextDocument): vscode.Range[] =>
      [...source.rangesOf(d, tag)].sort((a, b) => a.start.compareTo(b.start));
    this.activate({ label: `#${tag}`, filter: { matches: () => false, extraRanges: rangesIn }, rangesIn });
    return tag;
  }

  clear(): void {
    this.active = undefined;
    this.deps.highlighter.setFocus(undefined);
    this.item.hide();
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.focusActive', false);
  }

  /** Moves the cursor to the next (or previous) focused range of the active editor, wrapping around. */
  jump(direction: 'next' | 'previous'): vscode.Range | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !this.active) return undefined;
    const ranges = this.active.rangesIn(editor.document);
    if (ranges.length === 0) return undefined;
    const caret = editor.selection.active;
    const target = direction === 'next'
      ? ranges.find((r) => r.start.isAfter(caret)) ?? ranges[0]
      : [...ranges].reverse().find((r) => r.start.isBefore(caret)) ?? ranges[ranges.length - 1];
    editor.selection = new vscode.Selection(target.start, target.end);
    editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return target;
  }

  private activate(focus: ActiveFocus): void {
    this.active = focus;
    this.deps.highlighter.setFocus(focus.filter);
    this.item.text = `$(target) ${focus.label}`;
    this.item.tooltip = `Source Annotator: focused on ${focus.label}. Alt+F8 / Shift+Alt+F8 move between mentions; click to clear the focus.`;
    this.item.accessibilityInformation = { label: this.item.tooltip };
    this.item.show();
    void vscode.commands.executeCommand('setContext', 'sourceAnnotator.focusActive', true);
  }

  /** The index is brought up to the editor's text first, so mention offsets match what is on screen. */
  private syncIndex(doc: vscode.TextDocument): void {
    const { workspace, analyzer } = this.deps;
    if (workspace.index.hashOf(doc.uri.toString()) !== documentHash(doc)) {
      workspace.updateFromEditor(doc, () => analyzer.analyze(doc).result, true);
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}

export function registerFocusCommands(controller: FocusController): vscode.Disposable[] {
  const asObject = <T>(value: unknown): T | undefined => (typeof value === 'object' && value !== null ? (value as T) : undefined);
  return [
    controller,
    vscode.commands.registerCommand('sourceAnnotator.focusEntity', (args?: unknown) => controller.focusEntity(asObject(args))),
    vscode.commands.registerCommand('sourceAnnotator.focusTag', (args?: unknown) => controller.focusTag(asObject(args))),
    vscode.commands.registerCommand('sourceAnnotator.clearFocus', () => controller.clear()),
    vscode.commands.registerCommand('sourceAnnotator.nextFocusedMention', () => controller.jump('next')),
    vscode.commands.registerCommand('sourceAnnotator.previousFocusedMention', () => controller.jump('previous')),
  ];
}
