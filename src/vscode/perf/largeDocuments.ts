import * as vscode from 'vscode';
import type { ArticleFileHints, EntityRegistry, ExtractResult, NameDetector, ReferenceDate, Span } from '../../core/extract';
import { detectLanguage, type LanguageVerdict } from '../../core/extract/language';
import { readConfig } from '../config';
import { BlockBackfill, type BlockExtractor } from './blockBackfill';
import { blockReference, extractBlock, HEAD_CHARS, sameReference, type BlockExtraction } from './blockReference';
import { fill, LiveBlocks, type LiveBlock } from './liveBlocks';

/** Documents at least this long are analysed block by block instead of in one synchronous pass. */
export const LARGE_DOCUMENT_CHARS = 256 * 1024;
/** Work per event-loop turn when the blocks on screen are extracted on the extension host. */
const SLICE_BUDGET_MS = 10;
/**
 * Extraction `analyze` may do itself: enough for the block just typed in, so its highlights do not blink
 * off until the next slice; a scroll's worth of new blocks is left to the slices.
 */
const ANALYZE_BUDGET_MS = 8;
/** Extra lines above and below the visible range analysed right after it, so a small scroll finds colours ready. */
const VISIBLE_MARGIN_LINES = 60;

/** What a block is extracted with; a change of any of them re-extracts every block. */
export interface BlockOptions {
  detector: NameDetector | undefined;
  registry: EntityRegistry | undefined;
  /** A publication date recorded outside the text (the sidecar); else the one in the document's head. */
  published: string | undefined;
  /**
   * What is known of the document's file (name, first annotation, modification day): it completes a date
   * line without a year in the head, or gives the date in the file name, as for a short article.
   */
  file?: ArticleFileHints;
}

interface DocumentState {
  doc: vscode.TextDocument;
  /** What every block is extracted with. */
  options: BlockExtraction;
  /**
   * The reference date every block resolves against (`blockReference`), and the language found in the
   * head, kept until an edit reaches the head or the options change.
   */
  reference: ReferenceDate | undefined;
  /** What `reference` was chosen from besides the head: the sidecar's date and the file hints. */
  published: string | undefined;
  file: ArticleFileHints | undefined;
  language: LanguageVerdict;
  headChanged: boolean;
  /** The text as blocks, kept in step with the editor by `applyChanges`. */
  live: LiveBlocks;
  /** The document version `live` describes. */
  version: number;
  backfill: BlockBackfill;
  /** Extraction of the blocks on screen, in slices on this thread; undefined when none is scheduled. */
  onScreenJob: { cancelled: boolean } | undefined;
}

/** The spans of a large document, read by window (the highlighter, hovers) or, when asked, all at once. */
export class BlockSpans implements ExtractResult {
  private all: Span[] | undefined;
  readonly reference: ReferenceDate | undefined;

  /** `live` is undefined when the document is not analysed (not English). */
  constructor(private readonly live: LiveBlocks | undefined, reference: ReferenceDate | undefined, readonly language: LanguageVerdict) {
    this.reference = reference;
  }

  /** Every span, gathered on first use (a full pass over the document). */
  get spans(): Span[] {
    return (this.all ??= this.live?.spans() ?? []);
  }

  forEachSpanBetween(from: number, to: number, visit: (start: number, end: number, span: Span) => void): void {
    this.live?.forEachSpanBetween(from, to, visit);
  }

  spanAt(offset: number): Span | undefined {
    return this.live?.spanAt(offset);
  }
}

/**
 * Analyses long documents incrementally. The text is held as paragraph blocks that follow each edit
 * (`applyChanges`), so typing costs work near the edit only: the whole text is read once, when the
 * document is first analysed. Blocks on screen (then a margin around it) are extracted on this thread in
 * short slices that yield to the event loop, right after an edit or a scroll; the rest is backfilled by
 * the analysis workers (or, without them, in the same kind of slices), nearest to the screen first.
 * `analyze` itself extracts for a few milliseconds at most (the block just typed in). Names are linked
 * within a block only (a document-wide consistency pass over megabytes would stall the host).
 */
export class LargeDocumentAnalyzer implements vscode.Disposable {
  private readonly states = new Map<string, DocumentState>();
  private readonly progress = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [this.progress];
  /** Off until `startBackground`: blocks off screen wait for what they are extracted with (the name model). */
  private background = false;
  /** Fires when more of a document has been analysed (the part on screen, or all of it). */
  readonly onDidProgress = this.progress.event;

  constructor(private readonly workers?: BlockExtractor) {
    this.disposables.push(vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.scrolled(e.textEditor.document)));
  }

  static isLarge(textLength: number): boolean {
    return textLength >= LARGE_DOCUMENT_CHARS;
  }

  /** Applies an edit to the block list; call for every change event, before any re-analysis. */
  applyChanges(e: vscode.TextDocumentChangeEvent): void {
    const state = this.states.get(e.document.uri.toString());
    if (!state) return;
    if (state.version !== e.document.version - 1) {
      this.forget(e.document.uri); // missed an event: rebuild from the text next time
      return;
    }
    state.live.apply(e.contentChanges.map((c) => ({ offset: c.rangeOffset, length: c.rangeLength, text: c.text })));
    if (e.contentChanges.some((c) => c.rangeOffset < HEAD_CHARS)) state.headChanged = true;
    state.version = e.document.version;
  }

  /**
   * Lets the blocks off screen be extracted, in every document analysed so far and from now on. Called
   * once the name model has loaded (or failed to): a backfill before it would be thrown away.
   */
  startBackground(): void {
    this.background = true;
    for (const state of this.states.values()) this.startBackfill(state);
  }

  /** Blocks analysed so far, of all blocks, when `doc` is held as blocks and analysed. */
  progressOf(doc: vscode.TextDocument): { done: number; total: number } | undefined {
    const state = this.states.get(doc.uri.toString());
    if (!state || state.version !== doc.version || !state.language.english) return undefined;
    const total = state.live.blocks.length;
    return { done: total - state.backfill.pending, total };
  }

  analyze(doc: vscode.TextDocument, options: BlockOptions): BlockSpans {
    const state = this.stateFor(doc, options);
    // Judged on the head, as for a short article on its whole text: a long German report gets no English names.
    if (!state.language.english) return new BlockSpans(undefined, undefined, state.language);
    this.extractOnScreen(doc, state, ANALYZE_BUDGET_MS, 0);
    this.extractOnScreenSoon(doc, state);
    this.startBackfill(state);
    return new BlockSpans(state.live, state.reference, state.language);
  }

  /** Whether `file` as the file hints of `doc` would change the reference date its blocks resolve against. */
  referenceChanged(doc: vscode.TextDocument, file: ArticleFileHints | undefined): boolean {
    const state = this.states.get(doc.uri.toString());
    if (!state) return false;
    return !sameReference(state.reference, blockReference(state.live.head(HEAD_CHARS), state.published, file));
  }

  forget(uri: vscode.Uri): void {
    const state = this.states.get(uri.toString());
    if (state) stop(state);
    this.states.delete(uri.toString());
  }

  clear(): void {
    for (const state of this.states.values()) stop(state);
    this.states.clear();
  }

  private startBackfill(state: DocumentState): void {
    if (this.background && state.language.english) state.backfill.start(() => this.visibleOffsets(state.doc, VISIBLE_MARGIN_LINES));
  }

  private stateFor(doc: vscode.TextDocument, { detector, registry, published, file }: BlockOptions): DocumentState {
    const optionsFor = (reference: ReferenceDate | undefined): BlockExtraction => ({ detector, registry, published: reference?.iso ?? null });
    const key = doc.uri.toString();
    let state = this.states.get(key);
    if (!state || state.version !== doc.version || state.live.length !== documentLength(doc)) {
      if (state) stop(state);
      const live = new LiveBlocks(doc.getText());
      const head = live.head(HEAD_CHARS);
      const reference = blockReference(head, published, file);
      const options = optionsFor(reference);
      state = {
        doc, options, reference, published, file, language: detectLanguage(head), headChanged: false, live, version: doc.version,
        backfill: this.newBackfill(doc, live, options), onScreenJob: undefined,
      };
      this.states.set(key, state);
    } else if (state.headChanged || state.published !== published || !sameHints(state.file, file)) {
      const head = state.live.head(HEAD_CHARS);
      state.reference = blockReference(head, published, file);
      state.published = published;
      state.file = file;
      if (state.headChanged) state.language = detectLanguage(head);
    }
    state.headChanged = false;
    const options = optionsFor(state.reference);
    const current = state.options;
    if (current.detector !== detector || current.registry !== registry || current.published !== options.published) {
      stop(state);
      state.options = options;
      state.live.invalidate();
      state.backfill = this.newBackfill(doc, state.live, options);
    }
    return state;
  }

  private newBackfill(doc: vscode.TextDocument, live: LiveBlocks, options: BlockExtraction): BlockBackfill {
    const onThisThread = (texts: string[]): Span[][] => texts.map((text) => extractBlock(text, options));
    const forWorkers = { published: options.published, registry: options.registry };
    const pool = this.workers;
    const workers = pool && ((texts: string[]) => pool.extract(texts, forWorkers));
    const workersNow = pool && ((texts: string[]) => pool.extractNow(texts, forWorkers));
    return new BlockBackfill(live, { workers, workersNow, onThisThread, isGone: () => doc.isClosed }, (touchedScreen) => {
      if (touchedScreen) this.progress.fire(doc);
    });
  }

  /** Schedules the extraction of the blocks on screen that lack spans, unless it is scheduled already. */
  private extractOnScreenSoon(doc: vscode.TextDocument, state: DocumentState): void {
    if (state.onScreenJob || this.missingOnScreen(doc, state).next().done) return;
    const job = { cancelled: false };
    state.onScreenJob = job;
    const step = (): void => {
      if (job.cancelled || doc.isClosed) return;
      const { extracted, more } = this.extractOnScreen(doc, state, SLICE_BUDGET_MS, VISIBLE_MARGIN_LINES);
      if (more) setImmediate(step);
      else state.onScreenJob = undefined;
      if (extracted) this.progress.fire(doc);
    };
    setImmediate(step);
  }

  /**
   * Extracts blocks on screen (then up to `margin` lines around it) that lack spans, until `budgetMs` has
   * passed. Blocks edited since their extraction keep showing their provisional spans, on screen or in
   * the margin (typed in while highlights were off), so they go to a worker even when it
   * has other blocks to do first: typing then leaves no extraction work (and no garbage) on this thread,
   * where the extraction code, seldom run, is slow to warm up again (one block took 67 ms in a profile).
   */
  private extractOnScreen(doc: vscode.TextDocument, state: DocumentState, budgetMs: number, margin: number): { extracted: boolean; more: boolean } {
    const edited = [...this.missingOnScreen(doc, state, margin)].filter((b) => b.provisional);
    state.backfill.requestNow(edited);
    const deadline = performance.now() + budgetMs;
    let extracted = false;
    for (const block of this.missingOnScreen(doc, state, margin)) {
      if (performance.now() >= deadline) return { extracted, more: true };
      fill(block, extractBlock(block.text, state.options));
      extracted = true;
    }
    return { extracted, more: false };
  }

  /** Blocks without spans on screen, then in the margin around it, each once. */
  private *missingOnScreen(doc: vscode.TextDocument, state: DocumentState, margin = VISIBLE_MARGIN_LINES): Generator<LiveBlock> {
    const blocks = state.live.blocks;
    for (const lines of margin > 0 ? [0, margin] : [0]) {
      for (const [from, to] of this.visibleOffsets(doc, lines)) {
        for (let i = state.live.indexAt(from); i < blocks.length && blocks[i].start < to; i++) {
          if (!blocks[i].spans && !state.backfill.requested(blocks[i])) yield blocks[i];
        }
      }
    }
  }

  /** A scroll into blocks not yet analysed has them extracted next, before the backfill reaches them. */
  private scrolled(doc: vscode.TextDocument): void {
    const state = this.states.get(doc.uri.toString());
    if (state && state.version === doc.version && readConfig(doc.uri).highlightEnabled) this.extractOnScreenSoon(doc, state);
  }

  /** The offsets on screen in the document's editors, widened by `margin` lines. */
  private visibleOffsets(doc: vscode.TextDocument, margin: number): [number, number][] {
    const out: [number, number][] = [];
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document !== doc) continue;
      for (const range of editor.visibleRanges) {
        const from = doc.offsetAt(new vscode.Position(Math.max(0, range.start.line - margin), 0));
        const to = doc.offsetAt(new vscode.Position(range.end.line + margin + 1, 0));
        out.push([from, to]);
      }
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  dispose(): void {
    this.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function sameHints(a: ArticleFileHints | undefined, b: ArticleFileHints | undefined): boolean {
  return a?.name === b?.name && a?.sidecarYear === b?.sidecarYear && a?.annotated === b?.annotated && a?.modified === b?.modified;
}

function stop(state: DocumentState): void {
  state.backfill.stop();
  if (state.onScreenJob) state.onScreenJob.cancelled = true;
  state.onScreenJob = undefined;
}

/** The document's length without copying its text. */
export function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

/**
 * Re-analysis after typing costs one or two blocks in a large document, so it need not wait long; but it
 * waits out the gaps inside a fast burst of keys, so the burst is extracted once rather than at every
 * key. Over 12 paired runs of the editor bench (a key every 25 ms plus the driver's round trip), 70 ms
 * instead of 40 cut the host's CPU while typing from 13.5% to 8% of a core and its median longest stall
 * per window from 49 to 39 ms; a typed name is highlighted about 100 ms after the last key instead of
 * as it is typed. At a person's pace (a key every 100 ms or more) every key is still extracted.
 */
const LARGE_DOCUMENT_DEBOUNCE_MS = 70;

/** The debounce before re-analysing `doc`: the configured one, capped for large (incremental) documents. */
export function largeDocumentDelay(doc: vscode.TextDocument, configuredMs: number): number {
  return LargeDocumentAnalyzer.isLarge(documentLength(doc)) ? Math.min(configuredMs, LARGE_DOCUMENT_DEBOUNCE_MS) : configuredMs;
}
