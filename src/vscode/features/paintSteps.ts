/**
 * Sends a paint's decoration types, in a long document one per task. A moved paint window changes every
 * type, and sending them all in one task held the extension host for 20–40 ms after a scroll; a task per
 * type lets keys and other extensions' work in between. A newer paint of the editor, or an edit (the
 * offsets would be stale, and its analysis repaints), drops what is left. Pure (no `vscode`), unit-tested.
 */

export interface SteppedPaint<S> {
  /** The document version the sends were computed for. */
  readonly version: number;
  /** Still to send, in order; taken from the front as they go. */
  readonly sends: S[];
  /** Called once every send has gone (not when the paint is dropped). */
  done(): void;
}

export interface PaintStepHost<S> {
  /** False once a newer paint of the same editor has replaced this one. */
  isCurrent(): boolean;
  documentVersion(): number;
  /** False when the editor already shows exactly this, so it need not go. */
  changed(item: S): boolean;
  send(item: S): void;
  /** Whether to yield after each send that went (long documents), or send all at once. */
  oneAtATime: boolean;
  /** Runs `next` in a later task. */
  schedule(next: () => void): void;
  /** Called when the paint ends, completed or dropped. */
  ended(): void;
}

export function runPaintSteps<S>(paint: SteppedPaint<S>, host: PaintStepHost<S>): void {
  if (!host.isCurrent()) return;
  if (host.documentVersion() !== paint.version) {
    host.ended();
    return;
  }
  let sentOne = false;
  while (paint.sends.length > 0) {
    const item = paint.sends[0];
    if (!host.changed(item)) {
      paint.sends.shift();
      continue;
    }
    if (sentOne && host.oneAtATime) {
      host.schedule(() => runPaintSteps(paint, host));
      return;
    }
    paint.sends.shift();
    host.send(item);
    sentOne = true;
  }
  host.ended();
  paint.done();
}
