/**
 * Connecting to the archive: a `pg` pool from a connection URL, and the errors a person can act on
 * (server unreachable, password refused, no such database) worded as such, without a stack trace.
 */
import pg from 'pg';
import type { Pool, PoolClient } from 'pg';

export interface ArchiveConnectionOptions {
  /** `postgres://user:password@host:port/database` (also `postgresql://`). */
  url: string;
  /** Connections kept open at most. */
  max?: number;
  /** Giving up on connecting after this long (ms). */
  connectTimeoutMs?: number;
  /** The server cancels any statement running longer (ms); 0 for none. */
  statementTimeoutMs?: number;
  /** Shown in `pg_stat_activity`. */
  applicationName?: string;
}

/** An error whose message is meant for the person running the tool as it is. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

/** Checks the URL's form before any network traffic, so a typo gets a message about the URL. */
export function parseArchiveUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ArchiveError(`not a database URL: "${redactUrl(url)}" (expected postgres://user:password@host:5432/database)`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ArchiveError(`not a PostgreSQL URL: "${redactUrl(url)}" (it must start with postgres:// or postgresql://)`);
  }
  if (!parsed.pathname || parsed.pathname === '/') {
    throw new ArchiveError(`the database URL names no database: "${redactUrl(url)}" (add /database after the host)`);
  }
  return parsed;
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

export function createArchivePool(options: ArchiveConnectionOptions): pg.Pool {
  parseArchiveUrl(options.url);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs || undefined,
    application_name: options.applicationName ?? 'source-annotator',
    idleTimeoutMillis: 10_000,
  });
  // an idle connection the server dropped: the next query reconnects; nothing to crash over
  pool.on('error', () => undefined);
  return pool;
}

/** A connection or query failure as one sentence for the person running the tool. */
export function describeArchiveError(err: unknown, url?: string): string {
  if (err instanceof ArchiveError) return err.message;
  const e = err as { code?: string; message?: string; errno?: number };
  let where = 'the archive';
  if (url) {
    try {
      const u = new URL(url);
      where = `the archive at ${u.hostname}:${u.port || 5432}`;
      const user = decodeURIComponent(u.username || process.env.PGUSER || 'the current user');
      const db = decodeURIComponent(u.pathname.slice(1));
      switch (e.code) {
        case '28P01': return `password refused for user "${user}" by ${where}`;
        case '28000': return `${where} does not let user "${user}" in: ${e.message ?? 'no pg_hba.conf entry'}`;
        case '3D000': return `${where} has no database "${db}"`;
      }
    } catch {
      // a URL that does not parse was reported before connecting
    }
  }
  switch (e.code) {
    case 'ECONNREFUSED': return `cannot reach ${where}: connection refused (is the server running and listening there?)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `cannot reach ${where}: unknown host`;
    case 'ETIMEDOUT': case 'EHOSTUNREACH': case 'ENETUNREACH': return `cannot reach ${where}: ${e.code}`;
    case 'ECONNRESET': return `${where} closed the connection`;
    case '57014': return `${where} cancelled a query that ran too long`;
    case '57P01': case '57P02': case '57P03': return `${where} is shutting down or starting up (${e.message ?? e.code})`;
    case '53300': return `${where} has no free connection slots`;
  }
  const message = e.message ?? String(err);
  if (/timeout/i.test(message)) return `cannot reach ${where}: no answer in time`;
  if (/password must be a string|SASL/i.test(message)) return `${where} asks for a password and the URL gives none`;
  return `${where}: ${message}`;
}

/** The error an aborted archive query rejects with: the signal's reason, or an AbortError. */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const err = new Error('the archive query was cancelled');
  err.name = 'AbortError';
  return err;
}

/**
 * Runs `work` on one connection of `pool`. An abort of `signal`, or `timeoutMs` passing, rejects at once and
 * asks the server to cancel the statement; the connection goes back to the pool once the statement has
 * ended (destroyed when it was cancelled or broke). `describe` may turn a server error into a clearer one.
 */
export async function withArchiveClient<T>(pool: Pool, signal: AbortSignal | undefined, timeoutMs: number, work: (client: PoolClient) => Promise<T>,
  describe?: (err: unknown) => Error | undefined): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const effective = signal ? AbortSignal.any([signal, timeout]) : timeout;
  if (effective.aborted) throw abortError(effective);
  let client: PoolClient | undefined;
  let aborted = false;
  const running = (async () => {
    client = await pool.connect();
    if (aborted) throw abortError(effective);
    return work(client);
  })();
  const cancelled = new Promise<never>((_, reject) => {
    const onAbort = () => {
      aborted = true;
      const pid = (client as unknown as { processID?: number } | undefined)?.processID;
      if (pid) void pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
      reject(abortError(effective));
    };
    if (effective.aborted) onAbort();
    else effective.addEventListener('abort', onAbort, { once: true });
    void running.finally(() => effective.removeEventListener('abort', onAbort)).catch(() => undefined);
  });
  try {
    return await Promise.race([running, cancelled]);
  } catch (err) {
    throw describe?.(err) ?? err;
  } finally {
    // a cancelled statement may still be running: give the connection back once it has ended
    void running.then(
      () => client?.release(),
      (err: unknown) => client?.release(aborted ? true : err instanceof Error && !(err as { code?: string }).code ? err : undefined),
    );
  }
}
