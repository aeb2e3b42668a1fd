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

/** `sourceAnnotator.perf.stats` (optionally `{ reset: true }`), for benchmarks and support requests. */
export function registerPerfCommands(monitor: PerfMonitor): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('sourceAnnotator.perf.stats', (options?: unknown) =>
      monitor.stats(typeof options === 'object' && options !== null ? (options as { reset?: boolean }) : {})),
  ];
}
