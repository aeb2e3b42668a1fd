import { monitorEventLoopDelay, PerformanceObserver, constants, type IntervalHistogram, type PerformanceEntry } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** What `sourceAnnotator.perf.stats` returns: the extension host's own view of its responsiveness. */
export interface PerfStats {
  /**
   * Longest event-loop stall since the last reset, in ms. Node measures it as the longest gap between two
   * ticks of a sampling timer, so it includes up to one `sampleIntervalMs` of idle time before the stall.
   */
  maxEventLoopDelayMs: number;
  p99EventLoopDelayMs: number;
  meanEventLoopDelayMs: number;
  /** The sampling timer's interval (`sourceAnnotator.performance.sampleIntervalMs`). */
  sampleIntervalMs: number;
  /** Since the last reset, in ms. */
  sampledForMs: number;
  /** Gaps measured since the last reset (the first tick after a reset only starts the clock). */
  samples: number;
  /** Garbage collections of the extension host since the last reset (every extension's, not only ours). */
  gc: GcStats;
  /** From a document's last change to the highlights painted for that version, per painted edit. */
  editToPaintMs: number[];
}

export interface GcStats {
  count: number;
  totalMs: number;
  longestMs: number;
  /** `minor` (young generation), `major` (full), `incremental` or `weak` (callbacks); '' with no collection. */
  longestKind: string;
}

export const DEFAULT_SAMPLE_INTERVAL_MS = 10;
const NO_GC: Readonly<GcStats> = { count: 0, totalMs: 0, longestMs: 0, longestKind: '' };
const KEPT_PAINTS = 200;

function gcKind(entry: PerformanceEntry): string {
  const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
  switch (kind) {
    case constants.NODE_PERFORMANCE_GC_MINOR: return 'minor';
    case constants.NODE_PERFORMANCE_GC_MAJOR: return 'major';
    case constants.NODE_PERFORMANCE_GC_INCREMENTAL: return 'incremental';
    case constants.NODE_PERFORMANCE_GC_WEAKCB: return 'weak';
    default: return 'other';
  }
}

function sampleIntervalSetting(): number {
  const configured = vscode.workspace.getConfiguration('sourceAnnotator').get<number>('performance.sampleIntervalMs', DEFAULT_SAMPLE_INTERVAL_MS);
  return Number.isFinite(configured) ? Math.min(100, Math.max(1, Math.round(configured))) : DEFAULT_SAMPLE_INTERVAL_MS;
}

/**
 * Measures the extension host's event-loop delay (a stall of the host delays every extension's hovers
 * and highlights), its garbage collections, and how long edits take to be re-highlighted. At the default
 * interval cheap enough to run always; a measurement can sample every millisecond for a precise stall.
 */
export class PerfMonitor implements vscode.Disposable {
  private sampleIntervalMs = sampleIntervalSetting();
  private histogram: IntervalHistogram = this.startHistogram();
  private since = performance.now();
  private readonly lastChange = new Map<string, { version: number; at: number }>();
  private paints: number[] = [];
  private gc: GcStats = { ...NO_GC };
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) this.countGc(entry);
  });
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.gcObserver.observe({ entryTypes: ['gc'] });
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.lastChange.set(e.document.uri.toString(), { version: e.document.version, at: performance.now() });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('sourceAnnotator.performance.sampleIntervalMs')) return;
        // A histogram's interval is fixed when it is created; the new one starts a fresh sample.
        this.histogram.disable();
        this.sampleIntervalMs = sampleIntervalSetting();
        this.histogram = this.startHistogram();
        this.since = performance.now();
      }),
    ];
  }

  private startHistogram(): IntervalHistogram {
    const histogram = monitorEventLoopDelay({ resolution: this.sampleIntervalMs });
    histogram.enable();
    return histogram;
  }

  private countGc(entry: PerformanceEntry): void {
    this.gc.count++;
    this.gc.totalMs += entry.duration;
    if (entry.duration > this.gc.longestMs) {
      this.gc.longestMs = entry.duration;
      this.gc.longestKind = gcKind(entry);
    }
  }

  /** Called by the highlighter after painting `doc` at `version`. */
  painted(doc: vscode.TextDocument, version: number): void {
    const key = doc.uri.toString();
    const change = this.lastChange.get(key);
    if (!change || change.version !== version) return;
    this.lastChange.delete(key);
    this.paints.push(performance.now() - change.at);
    if (this.paints.length > KEPT_PAINTS) this.paints.shift();
  }

  stats(options: { reset?: boolean } = {}): PerfStats {
    const tenths = (value: number): number => Math.round(value * 10) / 10;
    const ms = (ns: number): number => tenths(ns / 1e6);
    const count = this.histogram.count;
    const stats: PerfStats = {
      maxEventLoopDelayMs: count ? ms(this.histogram.max) : 0,
      p99EventLoopDelayMs: count ? ms(this.histogram.percentile(99)) : 0,
      meanEventLoopDelayMs: count ? ms(this.histogram.mean) : 0,
      sampleIntervalMs: this.sampleIntervalMs,
      sampledForMs: Math.round(performance.now() - this.since),
      samples: count,
      gc: { ...this.gc, totalMs: tenths(this.gc.totalMs), longestMs: tenths(this.gc.longestMs) },
      editToPaintMs: this.paints.map((p) => Math.round(p)),
    };
    if (options.reset) {
      this.histogram.reset();
      this.paints = [];
      this.gc = { ...NO_GC };
      this.since = performance.now();
    }
    return stats;
  }

  dispose(): void {
    this.histogram.disable();
    this.gcObserver.disconnect();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Stats as one line a person (or a UI test reading the notification) can take in. */
export function describeStats(stats: PerfStats): string {
  const paints = stats.editToPaintMs;
  const lastPaint = paints.length ? `${paints[paints.length - 1]} ms` : 'n/a';
  return `Source Annotator performance: longest event-loop stall ${stats.maxEventLoopDelayMs} ms ` +
    `(p99 ${stats.p99EventLoopDelayMs} ms, mean ${stats.meanEventLoopDelayMs} ms, sampled every ${stats.sampleIntervalMs} ms) ` +
    `over ${(stats.sampledForMs / 1000).toFixed(1)} s; garbage collection ${stats.gc.totalMs} ms in ${stats.gc.count}, ` +
    `longest ${stats.gc.longestMs} ms${stats.gc.longestKind ? ` (${stats.gc.longestKind})` : ''}; ` +
    `edit to highlight: last ${lastPaint}, max ${paints.length ? Math.max(...paints) : 0} ms over ${paints.length} edits. ` +
    `JSON ${JSON.stringify(stats)}`;
}

/**
 * `sourceAnnotator.perf.stats` returns the stats (`{ reset: true }` also restarts the sampling); from the
 * palette it shows them. `sourceAnnotator.perf.reset` restarts the sampling.
 */
export function registerPerfCommands(monitor: PerfMonitor): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('sourceAnnotator.perf.stats', (options?: unknown) => {
      if (typeof options === 'object' && options !== null) return monitor.stats(options as { reset?: boolean });
      const stats = monitor.stats();
      void vscode.window.showInformationMessage(describeStats(stats));
      return stats;
    }),
    vscode.commands.registerCommand('sourceAnnotator.perf.reset', () => {
      monitor.stats({ reset: true });
    }),
  ];
}
