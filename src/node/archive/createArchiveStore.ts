/**
 * The editor's way to the team archive: a `CorpusStore` on the PostgreSQL server at `connection`
 * (`postgres://user@host:port/db`, no password in it; the password comes from VS Code's SecretStorage).
 * `timeoutMs` bounds connecting and every query the caller gives no signal for. Failures reach the editor as one
 * sentence for the analyst ("cannot connect to the archive at host:port …"), never with the password.
 */
import type { CorpusStore } from '../../core/index/corpusStore';
import { ArchiveError, describeArchiveError, parseArchiveUrl } from './connection';
import { PostgresStore } from './postgresStore';

export interface ArchiveStoreOptions {
  connection: string;
  password?: string;
  timeoutMs: number;
}

export function createArchiveStore(options: ArchiveStoreOptions): CorpusStore {
  parseArchiveUrl(options.connection);
  const url = new URL(options.connection);
  if (options.password !== undefined && options.password !== '') url.password = encodeURIComponent(options.password);
  const store = new PostgresStore({
    url: url.toString(),
    max: 2,
    connectTimeoutMs: options.timeoutMs,
    queryTimeoutMs: options.timeoutMs,
    applicationName: 'source-annotator editor',
  });
  const explained = <T>(run: () => Promise<T>): Promise<T> => run().catch((err: unknown) => {
    if ((err as Error | undefined)?.name === 'AbortError') throw err;
    throw new ArchiveError(describeArchiveError(err, options.connection));
  });
  return {
    origin: store.origin,
    entity: (query) => explained(() => store.entity(query)),
    references: (query, page) => explained(() => store.references(query, page)),
    entities: (page) => explained(() => store.entities(page)),
    stats: (signal) => explained(() => store.stats(signal)),
    close: () => store.close(),
  };
}
