/**
 * The editor's way to the team archive: a `CorpusStore` on the PostgreSQL server at `connection`
 * (`postgres://user@host:port/db`, no password in it; the password comes from VS Code's SecretStorage).
 * `timeoutMs` bounds every query the caller gives no signal for.
 *
 * Placeholder until the PostgreSQL store is joined to this branch: it says that archive support is not
 * built, and the editor shows the archive as unavailable with that reason.
 */
import type { CorpusStore } from '../../core/index/corpusStore';

export interface ArchiveStoreOptions {
  connection: string;
  password?: string;
  timeoutMs: number;
}

export function createArchiveStore(options: ArchiveStoreOptions): CorpusStore {
  void options;
  throw new Error('archive support not built');
}
