import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ArticleFileHints, EntityRegistry, Span } from '../core/extract';
import type { ArticleAnalysis } from '../core/index/analysis';

const UNSENT = Symbol('no registry sent');

interface Pending {
  resolve: (answer: never) => void;
  reject: (err: Error) => void;
}

/**
 * A small pool of analysis workers (one per core, at most `size`). Requests queue per worker in
 * round-robin order; a worker that dies fails its requests and is replaced on next use.
 */
export class AnalysisPool {
  private workers: (Worker | undefined)[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly owner = new Map<number, number>();
  /** The kind of each pending request (`analyze` takes a whole article, `extract` a few blocks). */
  private readonly kinds = new Map<number, string>();
  private nextId = 1;
  private turn = 0;
  /**
   * The registry each worker has: sent once per registry, not cloned into every request (a registry of
   * thousands of entities is cloned, and its pattern compiled, in milliseconds per request).
   */
  private readonly registryOf: (EntityRegistry | undefined | typeof UNSENT)[] = [];

  private constructor(private readonly script: string, private readonly size: number, private model: Uint8Array | undefined) {}

  /** Undefined when the worker script is not there (e.g. running from sources), so callers analyse in-process. */
  static create(script: string, size: number, model?: Uint8Array): AnalysisPool | undefined {
    return existsSync(script) && size > 0 ? new AnalysisPool(script, size, model) : undefined;
  }

  setModel(model: Uint8Array | undefined): void {
    this.model = model;
    for (const w of this.workers) w?.postMessage({ kind: 'init', model });
  }

  private readonly cacheEntries = new WeakMap<ArticleAnalysis, string>();

  /**
   * `leastLoaded` sends the article to the worker with the fewest requests pending rather than the next in
   * turn (for a batch job that keeps a bounded number in flight: a worker that drew long articles does not
   * hold up the others, which would idle). It counts the pending requests, so it is for small queues.
   */
  async analyze(uri: string, text: string, options: { published?: string; registry?: EntityRegistry; file?: ArticleFileHints; leastLoaded?: boolean }): Promise<ArticleAnalysis> {
    const { analysis, cacheEntry } = await this.request<{ analysis: ArticleAnalysis; cacheEntry: string }>(
      { kind: 'analyze', uri, text, published: options.published, registry: options.registry, file: options.file },
      options.leastLoaded ? this.leastLoadedSlot() : undefined);
    this.cacheEntries.set(analysis, cacheEntry);
    return analysis;
  }

  /** The serialised cache entry a worker wrote along with `analysis` (see `serializeAnalysis`). */
  cacheEntryOf(analysis: ArticleAnalysis): string | undefined {
    return this.cacheEntries.get(analysis);
  }

  /**
   * Plain extraction of each text (the blocks of a long document), spans relative to each text. It goes to
   * the least loaded worker that is not analysing a whole article, so the blocks do not wait seconds
   * behind one; round-robin when every worker is.
   */
  extractTexts(texts: string[], options: { published?: string | null; registry?: EntityRegistry }): Promise<Span[][]> {
    return this.request({ kind: 'extract', texts, published: options.published, registry: options.registry }, this.slotForBlocks());
  }

  /**
   * The same, for text wanted right away (the block just typed in); undefined when every worker is
   * analysing an article (for the index), which could take seconds, and the caller extracts itself.
   */
  extractTextsNow(texts: string[], options: { published?: string | null; registry?: EntityRegistry }): Promise<Span[][]> | undefined {
    const slot = this.slotForBlocks();
    return slot === undefined ? undefined : this.request({ kind: 'extract', texts, published: options.published, registry: options.registry }, slot);
  }

  /** The worker with the fewest pending requests; ties go round in turn. */
  private leastLoadedSlot(): number {
    const load = new Array<number>(this.size).fill(0);
    for (const slot of this.owner.values()) load[slot]++;
    const start = this.turn++ % this.size;
    let best = start;
    for (let k = 1; k < this.size; k++) {
      const slot = (start + k) % this.size;
      if (load[slot] < load[best]) best = slot;
    }
    return best;
  }

  /** The least loaded worker with no whole article to analyse, where only other blocks can be ahead. */
  private slotForBlocks(): number | undefined {
    const load = new Array<number>(this.size).fill(0);
    const analysing = new Set<number>();
    for (const [id, slot] of this.owner) {
      load[slot]++;
      if (this.kinds.get(id) === 'analyze') analysing.add(slot);
    }
    let best: number | undefined;
    for (let slot = 0; slot < this.size; slot++) {
      if (!analysing.has(slot) && (best === undefined || load[slot] < load[best])) best = slot;
    }
    return best;
  }

  private request<T>(request: Record<string, unknown> & { registry?: EntityRegistry }, slot = this.turn++ % this.size): Promise<T> {
    const worker = this.workerAt(slot);
    const { registry, ...message } = request;
    if (this.registryOf[slot] !== registry) {
      worker.postMessage({ kind: 'registry', registry });
      this.registryOf[slot] = registry;
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (answer: never) => void, reject });
      this.owner.set(id, slot);
      this.kinds.set(id, String(message.kind));
      worker.postMessage({ ...message, id });
    });
  }

  private workerAt(slot: number): Worker {
    const existing = this.workers[slot];
    if (existing) return existing;
    const worker = new Worker(this.script);
    this.registryOf[slot] = UNSENT;
    worker.unref();
    worker.postMessage({ kind: 'init', model: this.model });
    worker.on('message', (m: { id: number; answer?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      this.owner.delete(m.id);
      this.kinds.delete(m.id);
      if (m.answer !== undefined) p.resolve(m.answer as never);
      else p.reject(new Error(m.error ?? 'analysis failed'));
    });
    const fail = (err: Error) => {
      this.workers[slot] = undefined;
      for (const [id, owner] of this.owner) {
        if (owner !== slot) continue;
        this.pending.get(id)?.reject(err);
        this.pending.delete(id);
        this.owner.delete(id);
        this.kinds.delete(id);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => { if (code !== 0) fail(new Error(`analysis worker exited with ${code}`)); else this.workers[slot] = undefined; });
    this.workers[slot] = worker;
    return worker;
  }

  dispose(): void {
    for (const w of this.workers) void w?.terminate();
    this.workers = [];
    for (const p of this.pending.values()) p.reject(new Error('analysis pool disposed'));
    this.pending.clear();
  }
}
