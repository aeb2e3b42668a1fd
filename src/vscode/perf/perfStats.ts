import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import * as vscode from 'vscode';

/** What `sourceAnnotator.perf.stats` returns: the extension host's own view of its responsiveness. */
export interface PerfStats {
  /** Longest event-loop stall since the last reset, in ms (timer resolution 10 ms). */
  maxEventLoopDelayMs: number;
  p99EventLoopDelayMs: number;
  meanEventLoopDelayMs: number;
  /** Since the last reset, in ms. */
  sampledForMs: number;
  /** From a document's last change to the highlights painted for that version, per painted edit. */
  editToPaintMs: number[];
}

const RESOLUTION_MS = 10;
const KEPT_PAINTS = 200;

/**
 * Measures the extension host's event-loop delay (a stall of the host delays every extension's hovers
 * and highlights) and how long edits take to be re-highlighted. Cheap enough to run always.
 */
export class PerfMonitor implements vscode.Disposable {
  private histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private since = performance.now();
  private readonly lastChange = new Map<string, { version: number; at: number }>();
  private paints: number[] = [];
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.histogram.enable();
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) this.lastChange.set(e.document.uri.toString(), { version: e.document.version, at: performance.now() });
    });
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
    const ms = (ns: number): number => Math.round((ns / 1e6) * 10) / 10;
    const count = this.histogram.count;
    const stats: PerfStats = {
      maxEventLoopDelayMs: count ? ms(this.histogram.max) : 0,
      p99EventLoopDelayMs: count ? ms(this.histogram.percentile(99)) : 0,
      meanEventLoopDelayMs: count ? ms(this.histogram.mean) : 0,
      sampledForMs: Math.round(performance.now() - this.since),
      editToPaintMs: this.paints.map((p) => Math.round(p)),
    };
    if (options.reset) {
      this.histogram.reset();
      this.paints = [];
      this.since = performance.now();
    }
    return stats;
  }

  dispose(): void {
    this.histogram.disable();
    this.subscription.dispose();
  }
}

/** Stats as one line a person (or a UI test reading the notification) can take in. */
export function describeStats(stats: PerfStats): string {
  const paints = stats.editToPaintMs;
  const lastPaint = paints.length ? `${paints[paints.length - 1]} ms` : 'n/a';
  return `Source Annotator performance: longest event-loop stall ${stats.maxEventLoopDelayMs} ms ` +
    `(p99 ${stats.p99EventLoopDelayMs} ms, mean ${stats.meanEventLoopDelayMs} ms) over ${(stats.sampledForMs / 1000).toFixed(1)} s; ` +
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
