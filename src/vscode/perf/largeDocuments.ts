import * as vscode from 'vscode';
import { extract, type ExtractResult, type NameDetector, type Span } from '../../core/extract';
import { findPublicationDate } from '../../core/extract/dates';
import { splitIntoBlocks, type TextBlock } from './textBlocks';

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

interface CachedBlock {
  /** Spans with offsets relative to `start`; reused as they are when the block has not moved. */
  start: number;
  spans: Span[];
}

interface DocumentState {
  detector: NameDetector | undefined;
  reference: string | undefined;
  /** Block text → its spans: an edit re-extracts only the blocks whose text changed. */
  blocks: Map<string, CachedBlock>;
  job: { version: number; cancelled: boolean } | undefined;
}

export interface LargeAnalysis {
  result: ExtractResult;
  /** Blocks still waiting for extraction; 0 when the analysis covers the whole text. */
  pendingBlocks: number;
}

/**
 * Analyses long documents incrementally: the text is cut into content-defined paragraph blocks, blocks in
 * or near the visible range are extracted first (within a small synchronous budget), the rest in short
 * background slices that yield to the event loop and stop as soon as the document changes. Blocks whose
 * text is unchanged are never re-extracted. Names are linked within a block only (a document-wide
 * consistency pass over megabytes would stall the host).
 */
export class LargeDocumentAnalyzer implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly progress = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when background work has made a fresher analysis available (visible part done, or all of it). */
  readonly onDidProgress = this.progress.event;

  static isLarge(textLength: number): boolean {
    return textLength >= LARGE_DOCUMENT_CHARS;
  }

  analyze(doc: vscode.TextDocument, text: string, detector: NameDetector | undefined): LargeAnalysis {
    const key = doc.uri.toString();
    const reference = findPublicationDate(text.slice(0, HEAD_CHARS))?.iso;
    let state = this.states.get(key);
    if (!state || state.detector !== detector || state.reference !== reference) {
      if (state?.job) state.job.cancelled = true;
      state = { detector, reference, blocks: new Map(), job: undefined };
      this.states.set(key, state);
    }
    const blocks = splitIntoBlocks(text);
    const { order, onScreen } = this.prioritised(doc, blocks);
    const missing = order.filter((i) => !state.blocks.has(blocks[i].text));
    const deadline = performance.now() + SYNC_BUDGET_MS;
    while (missing.length > 0 && performance.now() < deadline) this.extractBlock(state, blocks[missing.shift()!]);

    const spans: Span[] = [];
    const used = new Map<string, CachedBlock>();
    for (const block of blocks) {
      const cached = state.blocks.get(block.text);
      if (!cached) continue;
      const shift = block.start - cached.start;
      for (const s of cached.spans) spans.push(shift === 0 ? s : { ...s, start: s.start + shift, end: s.end + shift });
      used.set(block.text, shift === 0 ? cached : { start: block.start, spans: spans.slice(spans.length - cached.spans.length) });
    }
    if (missing.length === 0) state.blocks = used; // forget blocks edited away

    const running = state.job && !state.job.cancelled && state.job.version === doc.version;
    if (!running) {
      if (state.job) state.job.cancelled = true;
      state.job = undefined;
      if (missing.length > 0) this.continueInBackground(doc, state, blocks, missing, onScreen);
    }
    const result: ExtractResult = { spans };
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

  private extractBlock(state: DocumentState, block: TextBlock): void {
    const { spans } = extract(block.text, { nameDetector: state.detector, published: state.reference });
    for (const s of spans) {
      s.start += block.start;
      s.end += block.start;
    }
    state.blocks.set(block.text, { start: block.start, spans });
  }

  /** Block indexes: those on screen (with a margin) first, then outwards from there. */
  private prioritised(doc: vscode.TextDocument, blocks: TextBlock[]): { order: number[]; onScreen: Set<number> } {
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

  private continueInBackground(
    doc: vscode.TextDocument, state: DocumentState, blocks: TextBlock[], missing: number[], onScreen: Set<number>,
  ): void {
    const job = { version: doc.version, cancelled: false };
    state.job = job;
    const visibleLeft = new Set(missing.filter((i) => onScreen.has(i)));
    const step = (): void => {
      if (job.cancelled || doc.isClosed || doc.version !== job.version) return;
      const deadline = performance.now() + SLICE_BUDGET_MS;
      let announce = false;
      while (missing.length > 0 && performance.now() < deadline) {
        const index = missing.shift()!;
        if (!state.blocks.has(blocks[index].text)) this.extractBlock(state, blocks[index]);
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

/** Re-analysis after typing costs one or two blocks in a large document, so it need not wait long. */
const LARGE_DOCUMENT_DEBOUNCE_MS = 40;

/** The debounce before re-analysing `doc`: the configured one, capped for large (incremental) documents. */
export function largeDocumentDelay(doc: vscode.TextDocument, configuredMs: number): number {
  const length = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
  return LargeDocumentAnalyzer.isLarge(length) ? Math.min(configuredMs, LARGE_DOCUMENT_DEBOUNCE_MS) : configuredMs;
}
