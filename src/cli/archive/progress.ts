/**
 * Progress of a long ingest: a bar redrawn in place on a terminal, plain lines (at most one every few
 * seconds) when the output is a file or a pipe, so logs stay readable.
 */
import type { IngestProgress } from '../../node/archive/ingest';

export class IngestProgressView {
  private lastLine = Date.now();
  private drawn = false;
  private readonly started = Date.now();

  constructor(private readonly out: NodeJS.WriteStream, private readonly plainEveryMs = 5000) {}

  private get tty(): boolean {
    return Boolean(this.out.isTTY);
  }

  update(p: IngestProgress): void {
    const now = Date.now();
    if (this.tty) {
      if (now - this.lastLine < 100 && p.done < p.total) return;
      this.lastLine = now;
      const width = 30;
      const share = p.total ? Math.min(1, p.done / p.total) : 0;
      const filled = Math.round(share * width);
      const rate = p.done / Math.max(0.001, (now - this.started) / 1000);
      const eta = rate > 0 && p.total > p.done ? ` ~${formatSeconds((p.total - p.done) / rate)} left` : '';
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} ` +
        `(${p.written} written, ${p.unchanged} unchanged${p.failed ? `, ${p.failed} failed` : ''}) ${rate.toFixed(0)}/s${eta}`;
      this.out.write(`\r${line.slice(0, (this.out.columns || 120) - 1)}\u001b[K`);
      this.drawn = true;
      return;
    }
    if (now - this.lastLine < this.plainEveryMs) return;
    this.lastLine = now;
    this.out.write(`archive ingest: ${p.done}/${p.total} files, ${p.written} written, ${p.unchanged} unchanged, ${p.failed} failed\n`);
  }

  /** Ends the bar's line, before a message or the summary. */
  interrupt(): void {
    if (this.drawn) {
      this.out.write('\r\u001b[K');
      this.drawn = false;
      this.lastLine = 0;
    }
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} bytes` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}
