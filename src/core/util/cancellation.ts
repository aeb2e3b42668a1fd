/**
 * A minimal cancellation token, shaped like VS Code's so an adapter can pass `vscode.CancellationToken`
 * straight through, while the core stays free of the `vscode` module.
 */

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationToken = Object.freeze({ isCancellationRequested: false });

/** Owns a token and cancels it; superseded work checks the token at its next yield point. */
export class CancellationTokenSource {
  private cancelled = false;
  readonly token: CancellationToken;

  constructor() {
    const isCancelled = () => this.cancelled;
    this.token = {
      get isCancellationRequested(): boolean {
        return isCancelled();
      },
    };
  }

  cancel(): void {
    this.cancelled = true;
  }
}

/** Thrown by work that stopped because its token was cancelled. */
export class CancellationError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancellationError';
  }
}
