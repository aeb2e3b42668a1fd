import * as vscode from 'vscode';
import { extract, type ExtractResult, type NameDetector } from '../../core/extract';
import { findPublicationDate } from '../../core/extract/dates';
import { LiveBlocks, type LiveBlock } from './liveBlocks';

/** Documents at least this long are analysed block by block instead of in one synchronous pass. */
export const LARGE_DOCUMENT_CHARS = 256 * 1024;
/** Work done inside one synchronous `analyze` call before the rest moves to the background. */
const SYNC_BUDGET_MS = 20;
/** Work done per event-loop turn in the background, so the extension host never stalls for long. */
const SLICE_BUDGET_MS = 12;
/** Extra lines above and below the visible range analysed first, so a small scroll finds colours ready. */
const VISIBLE_MARGIN_LINES = 60;
/** The publication date is looked for in the document's head only, as a dateline would be. */
const HEAD_CHARS = 16384;

interface DocumentState {
  detector: NameDetector | undefined;
  reference: string | undefined;
  /** The text as blocks, kept in step with the editor by `applyChanges`. */
  live: LiveBlocks;
  /** The document version `live` describes. */
  version: number;
  job: { cancelled: boolean } | undefined;
}

export interface LargeAnalysis {
  result: ExtractResult;
  /** Blocks still waiting for extraction; 0 when the analysis covers the whole text. */
  pendingBlocks: number;
}

/**
 * Analyses long documents incrementally. The text is held as paragraph blocks that follow each edit
 * (`applyChanges`), so typing costs work near the edit only: the whole text is read once, when the
 * document is first analysed. Blocks in or near the visible range are extracted first (within a small
 * synchronous budget), the rest in short background slices that yield to the event loop and stop as
 * soon as the document changes. Names are linked within a block only (a document-wide consistency pass
 * over megabytes would stall the host).
 */
export class LargeDocumentAnalyzer implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly progress = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when background work has made a fresher analysis available (visible part done, or all of it). */
  readonly onDidProgress = this.progress.event;

  static isLarge(textLength: number): boolean {
    return textLength >= LARGE_DOCUMENT_CHARS;
  }

  /** Applies an edit to the block list; call for every change event, before any re-analysis. */
  applyChanges(e: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(e.document.uri.toString());
    if (!state) return;
    if (state.job) state.job.cancelled = true;
    state.job = undefined;
    if (state.version !== e.document.version - 1) {
      this.states.delete(e.document.uri.toString()); // missed an event: rebuild from the text next time
      return;
    }
    state.live.apply(e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })));
    state.version = e.document.version;
  }

  analyze(doc: vscode.TextDocument, detector: NameDetector | undefined): LargeAnalysis {
    const key = doc.uri.toString();
    let state = this.states.get(key);
    if (!state || state.version !== doc.version || state.live.length !== documentLength(doc)) {
      if (state?.job) state.job.cancelled = true;
      state = { detector, reference: undefined, live: new LiveBlocks(doc.getText()), version: doc.version, job: undefined };
      state.reference = findPublicationDate(state.live.head(HEAD_CHARS))?.iso;
      this.states.set(key, state);
    }
    const reference = findPublicationDate(state.live.head(HEAD_CHARS))?.iso;
    if (state.detector !== detector || state.reference !== reference) {
      if (state.job) state.job.cancelled = true;
      state.job = undefined;
      state.detector = detector;
      state.reference = reference;
      state.live.invalidate();
    }
    const blocks = state.live.blocks;
    const { order, onScreen } = this.prioritised(doc, blocks);
    const missing = order.filter((i) => !blocks[i].spans);
    const deadline = performance.now() + SYNC_BUDGET_MS;
    while (missing.length > 0 && performance.now() < deadline) this.extractBlock(state, blocks[missing.shift()!]);
    if (missing.length > 0 && !state.job) this.continueInBackground(doc, state, missing, onScreen);
    const result: ExtractResult = { spans: state.live.spans() };
    if (reference) result.reference = { iso: reference, source: 'dateline' };
    return { result, pendingBlocks: missing.length };
  }

  forget(uri: vscode.Uri): void {
    const state = this.states.get(uri.toString());
    if (state?.job) state.job.cancelled = true;
    this.states.delete(uri.toString());
  }

  clear(): void {
    for (const state of this.states.values()) if (state.job) state.job.cancelled = true;
    this.states.clear();
  }

  private extractBlock(state: DocumentState, block: LiveBlock): void {
    const { spans } = extract(block.text, { nameDetector: state.detector, published: state.reference });
    for (const s of spans) {
      s.start += block.start;
      s.end += block.start;
    }
    block.spans = spans;
  }

  /** Block indexes: those on screen (with a margin) first, then outwards from there. */
  private prioritised(doc: vscode.TextDocument, blocks: readonly LiveBlock[]): { order: number[]; onScreen: Set<number> } {
    const visible: [number, number][] = [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      for (const range of editor.visibleRanges) {
        const from = doc.offsetAt(new vscode.Position(Math.max(0, range.start.line - VISIBLE_MARGIN_LINES), 0));
        const to = doc.offsetAt(new vscode.Position(range.end.line + VISIBLE_MARGIN_LINES, 0));
        visible.push([from, to]);
      }
    }
    const anchor = visible.length > 0 ? visible[0][0] : 0;
    const onScreen = new Set<number>();
    blocks.forEach((b, i) => {
      if (visible.some(([from, to]) => b.start < to && b.start + b.text.length > from)) onScreen.add(i);
    });
    const distance = (i: number): number => (onScreen.has(i) ? -1 : Math.abs(blocks[i].start - anchor));
    const order = blocks.map((_, i) => i).sort((a, b) => distance(a) - distance(b) || a - b);
    return { order, onScreen };
  }

  /** Extracts the remaining blocks in slices; any edit cancels the job (block indexes move). */
  private continueInBackground(doc: vscode.TextDocument, state: DocumentState, missing: number[], onScreen: Set<number>): void {
    const job = { cancelled: false };
    state.job = job;
    const blocks = state.live.blocks;
    const visibleLeft = new Set(missing.filter((i) => onScreen.has(i)));
    const step = (): void => {
      if (job.cancelled || doc.isClosed) return;
      const deadline = performance.now() + SLICE_BUDGET_MS;
      let announce = false;
      while (missing.length > 0 && performance.now() < deadline) {
        const index = missing.shift()!;
        if (!blocks[index].spans) this.extractBlock(state, blocks[index]);
        if (visibleLeft.delete(index) && visibleLeft.size === 0) announce = true;
      }
      if (missing.length === 0) {
        state.job = undefined;
        this.progress.fire(doc);
        return;
      }
      if (announce) this.progress.fire(doc);
      setImmediate(step);
    };
    setImmediate(step);
  }

  dispose(): void {
    this.clear();
    this.progress.dispose();
  }
}

/** The document's length without copying its text. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/** Re-analysis after typing costs one or two blocks in a large document, so it need not wait long. */
const LARGE_DOCUMENT_DEBOUNCE_MS = 40;

/** The debounce before re-analysing `doc`: the configured one, capped for large (incremental) documents. */
export function largeDocumentDelay(doc: vscode.TextDocument, configuredMs: number): number {
  return LargeDocumentAnalyzer.isLarge(documentLength(doc)) ? Math.min(configuredMs, LARGE_DOCUMENT_DEBOUNCE_MS) : configuredMs;
}
