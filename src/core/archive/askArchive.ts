/**
 * Asking the team archive beside the workspace: the workspace's answer always comes first and whole; the
 * archive's comes within a time limit, or is reported as unavailable (with the reason) or cancelled, so a
 * slow or unreachable server never holds up or breaks what the editor shows.
 */
import type { CorpusStore, EntityQuery, EntitySummary } from '../index/corpusStore';

export type ArchiveOutcome<T> =
  | { status: 'ok'; value: T; ms: number }
  /** The server refused, failed or is not configured properly: `reason` says why, in words for the analyst. */
  | { status: 'unavailable'; reason: string }
  | { status: 'timeout'; timeoutMs: number }
  /** The caller gave up (the hover closed): nothing to show, nothing wrong with the archive. */
  | { status: 'cancelled' };

export interface AskOptions {
  timeoutMs: number;
  /** The caller's cancellation (the hover closed, the view was refreshed). */
  signal?: AbortSignal;
}

/**
 * Runs `ask` with a signal that aborts at `timeoutMs` or when `options.signal` does, and settles by then
 * even when the store ignores its signal. Never rejects.
 */
export async function askArchive<T>(ask: (signal: AbortSignal) => Promise<T>, options: AskOptions): Promise<ArchiveOutcome<T>> {
  const outer = options.signal;
  if (outer?.aborted) return { status: 'cancelled' };
  const controller = new AbortController();
  const started = Date.now();
  let timedOut = false;
  let stop: (outcome: ArchiveOutcome<T>) => void = () => undefined;
  const stopped = new Promise<ArchiveOutcome<T>>((resolve) => {
    stop = resolve;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(timeoutError(options.timeoutMs));
    stop({ status: 'timeout', timeoutMs: options.timeoutMs });
  }, Math.max(0, options.timeoutMs));
  const onCancel = () => {
    controller.abort(cancelledError());
    stop({ status: 'cancelled' });
  };
  outer?.addEventListener('abort', onCancel, { once: true });
  const answered = (async (): Promise<ArchiveOutcome<T>> => {
    try {
      const value = await ask(controller.signal);
      return { status: 'ok', value, ms: Date.now() - started };
    } catch (err) {
      if (outer?.aborted) return { status: 'cancelled' };
      if (timedOut) return { status: 'timeout', timeoutMs: options.timeoutMs };
      return { status: 'unavailable', reason: describeArchiveError(err) };
    }
  })();
  try {
    return await Promise.race([answered, stopped]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onCancel);
  }
}

/** An entity from the workspace and, beside it, from the archive (when one is configured). */
export interface EntityWithArchive {
  workspace: EntitySummary | undefined;
  /** Undefined when no archive is configured. */
  archive?: ArchiveOutcome<EntitySummary | undefined>;
}

/** Asks both stores at once; the workspace's answer never waits for, or depends on, the archive's. */
export async function entityWithArchive(
  workspace: CorpusStore, archive: CorpusStore | undefined, query: EntityQuery & { top?: number }, options: AskOptions,
): Promise<EntityWithArchive> {
  const fromArchive = archive ? askArchive((signal) => archive.entity({ ...query, signal }), options) : undefined;
  const local = await workspace.entity(query);
  return fromArchive ? { workspace: local, archive: await fromArchive } : { workspace: local };
}

/** A short reason for the status bar and cards: the server's own words when it gave some. */
export function describeArchiveError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  if (code === 'ECONNREFUSED') return 'the server refused the connection (is PostgreSQL running there?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the server\'s host name could not be resolved';
  if (code === 'ETIMEDOUT') return 'the connection timed out';
  if (code === 'ECONNRESET') return 'the connection was reset';
  if (code === '28P01' || code === '28000') return 'the server refused the user name or password (Set Archive Password…)';
  if (code === '3D000') return 'the database does not exist on that server';
  const message = err.message.replace(/\s+/gu, ' ').trim();
  return message || err.name;
}

/** What an archive answer outcome says on a card or in a view; empty for answers and cancellations. */
export function unavailableText(outcome: ArchiveOutcome<unknown>): string {
  switch (outcome.status) {
    case 'timeout':
      return `no answer within ${outcome.timeoutMs} ms`;
    case 'unavailable':
      return outcome.reason;
    default:
      return '';
  }
}

function timeoutError(ms: number): Error {
  const err = new Error(`the archive gave no answer within ${ms} ms`);
  err.name = 'TimeoutError';
  return err;
}

function cancelledError(): Error {
  const err = new Error('the archive query was cancelled');
  err.name = 'AbortError';
  return err;
}
