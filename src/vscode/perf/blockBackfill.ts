/**
 * Fills in the spans of a long document's blocks that nobody is looking at yet, nearest to the screen
 * first. With analysis workers the extension host only posts block texts and stores the answers; without
 * them it extracts in short slices that yield to the event loop. Edits need no cancellation: an answer
 * for a block that an edit has since replaced is dropped. Pure (no `vscode`), unit-tested directly.
 */
import type { EntityRegistry, Span } from '../../core/extract';
import { StringPool } from '../../core/util/stringPool';
import { fill, shareStrings, type LiveBlock, type LiveBlocks } from './liveBlocks';

export type ExtractOptionsForBlocks = { published?: string | null; registry?: EntityRegistry };

/** Extraction of whole block texts elsewhere (the analysis workers), spans relative to each text. */
export interface BlockExtractor {
  extract(texts: string[], options: ExtractOptionsForBlocks): Promise<Span[][]>;
  /** For an answer soon: on a worker with at most other blocks ahead; undefined when every worker is analysing a whole article. */
  extractNow(texts: string[], options: ExtractOptionsForBlocks): Promise<Span[][]> | undefined;
}

export interface BackfillSources {
  /** Undefined when there are no workers; a failed request also falls back to this thread. */
  workers?: (texts: string[]) => Promise<Span[][]>;
  /** A worker for blocks wanted now (see `BlockExtractor.extractNow`); undefined when none would answer soon. */
  workersNow?: (texts: string[]) => Promise<Span[][]> | undefined;
  onThisThread: (texts: string[]) => Span[][];
  /** The document was closed: stop quietly. */
  isGone: () => boolean;
}

/** Characters of block text per worker request: large enough to keep messages few, small enough to re-prioritise after a scroll. */
const BATCH_CHARS = 32 * 1024;
/**
 * Requests outstanding at once: one, so one core is left to the extension host and the window (the
 * index may be using the other worker), and later batches still follow the screen.
 */
const MAX_REQUESTS = 1;
/** Work per event-loop turn when extracting on this thread. */
const SLICE_BUDGET_MS = 10;

export type Window = [number, number];

export class BlockBackfill {
  private stopped = false;
  private requests = 0;
  private sliceScheduled = false;
  private workersFailed = false;
  private readonly inFlight = new Set<LiveBlock>();
  /** A request for blocks wanted now is with a worker; later ones wait in `wanted`, newest only. */
  private nowInFlight = false;
  private wanted: LiveBlock[] = [];
  private screen: () => Window[] = () => [];
  /** The strings of the workers' answers for this document, one copy each. */
  private readonly strings = new StringPool();

  /** `onProgress(true)` when blocks on screen received spans or the document is complete. */
  constructor(private readonly live: LiveBlocks, private readonly sources: BackfillSources, private readonly onProgress: (notable: boolean) => void) {}

  /** Blocks still without spans. */
  get pending(): number {
    let count = 0;
    for (const b of this.live.blocks) if (!b.spans) count++;
    return count;
  }

  /** Starts or continues the backfill; `screen` gives the offsets on screen, asked again before each batch. */
  start(screen: () => Window[]): void {
    this.screen = screen;
    this.pump();
  }

  stop(): void {
    this.stopped = true;
  }

  /** Whether a worker is extracting `block` already, or will next (so this thread need not). */
  requested(block: LiveBlock): boolean {
    return this.inFlight.has(block) || this.wanted.includes(block);
  }

  /**
   * Sends blocks wanted now (just edited, on screen, still showing their provisional spans) to a worker
   * that will answer soon; false when there is none, and the caller extracts them itself.
   * One such request is out at a time. Typing replaces the edited block at every keystroke, and a
   * worker cannot drop a request it has queued: the texts of a burst of keys would each be extracted in
   * turn before the last. So while one is out, only the newest blocks wanted wait, and go when it answers.
   */
  requestNow(blocks: LiveBlock[]): boolean {
    if (this.stopped || this.workersFailed || !this.sources.workersNow || blocks.length === 0) return false;
    if (this.nowInFlight) {
      this.wanted = blocks;
      return true;
    }
    const answer = this.sources.workersNow(blocks.map((b) => b.text));
    if (!answer) return false;
    this.nowInFlight = true;
    this.track(answer, blocks, () => {
      this.nowInFlight = false;
      const next = this.wanted.filter((b) => !b.spans && this.live.holds(b));
      this.wanted = [];
      // No worker free now: the blocks are no longer counted as requested, and the next analysis takes them.
      if (next.length > 0 && !this.requestNow(next)) this.onProgress(true);
    });
    return true;
  }

  private pump(): void {
    if (this.stopped || this.sources.isGone()) return;
    if (this.sources.workers && !this.workersFailed) {
      while (this.requests < MAX_REQUESTS) {
        const batch = this.nextBatch(BATCH_CHARS);
        if (batch.length === 0) break;
        this.send(this.sources.workers, batch);
      }
    } else if (!this.sliceScheduled && this.nextBatch(1).length > 0) {
      this.sliceScheduled = true;
      setImmediate(() => this.slice());
    }
  }

  private send(workers: (texts: string[]) => Promise<Span[][]>, batch: LiveBlock[]): void {
    this.track(workers(batch.map((b) => b.text)), batch);
  }

  /** `settled` runs once the answer (or failure) is in, before its spans are stored. */
  private track(answer: Promise<Span[][]>, batch: LiveBlock[], settled?: () => void): void {
    this.requests++;
    for (const b of batch) this.inFlight.add(b);
    const settle = (): void => {
      this.requests--;
      for (const b of batch) this.inFlight.delete(b);
      settled?.();
    };
    answer.then((answers) => {
      settle();
      if (this.stopped) return;
      const screen = this.screen();
      let touched = false;
      batch.forEach((b, i) => {
        if (b.spans || !this.live.holds(b)) return;
        fill(b, shareStrings(answers[i], this.strings));
        touched ||= onScreen(b, screen);
      });
      this.onProgress(touched || this.pending === 0);
      this.pump();
    }, () => {
      this.workersFailed = true;
      settle();
      this.pump();
    });
  }

  private slice(): void {
    this.sliceScheduled = false;
    if (this.stopped || this.sources.isGone()) return;
    const screen = this.screen();
    const deadline = performance.now() + SLICE_BUDGET_MS;
    let touched = false;
    let extracted = false;
    while (performance.now() < deadline) {
      const [block] = this.nextBatch(1);
      if (!block) break;
      fill(block, this.sources.onThisThread([block.text])[0]);
      extracted = true;
      touched ||= onScreen(block, screen);
    }
    const done = this.pending === 0;
    if (extracted) this.onProgress(touched || done);
    if (!done) this.pump();
  }

  /** Blocks without spans and not yet requested, outwards from the first block on screen, up to `chars` of text. */
  private nextBatch(chars: number): LiveBlock[] {
    const blocks = this.live.blocks;
    const screen = this.screen();
    const anchor = screen.length > 0 ? this.live.indexAt(screen[0][0]) : 0;
    const batch: LiveBlock[] = [];
    let size = 0;
    // Called after every answer, typing included, when usually no block is left: no garbage per step.
    for (let step = 0; size < chars && (anchor - step >= 0 || anchor + step < blocks.length); step++) {
      for (let side = 0; side < (step === 0 ? 1 : 2); side++) {
        const b = blocks[side === 0 ? anchor + step : anchor - step];
        if (!b || b.spans || this.inFlight.has(b)) continue;
        batch.push(b);
        size += Math.max(1, b.text.length);
        if (size >= chars) break;
      }
    }
    return batch;
  }
}

function onScreen(block: LiveBlock, screen: readonly Window[]): boolean {
  const end = block.start + block.text.length;
  return screen.some(([from, to]) => block.start < to && end > from);
}
