/**
 * The archive's connection setting, checked before anything connects: a `postgres://user@host:port/db`
 * URL without a password (the password lives in the editor's secret storage, never in settings files
 * that are shared or committed).
 */
export type ArchiveConnection =
  | {
    ok: true;
    /** The URL as given, trimmed. */
    url: string;
    /** user@host:port/db, for the status bar and messages. */
    label: string;
  }
  | { ok: false; error: string };

export function parseArchiveConnection(setting: string): ArchiveConnection {
  const url = setting.trim();
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: `"${url}" is not a URL; write it as postgres://user@host:5432/database` };
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    return { ok: false, error: `the archive is a PostgreSQL server: the URL starts with postgres://, not ${parsed.protocol}//` };
  }
  if (parsed.password) {
    return {
      ok: false,
      error: 'the URL holds a password: remove it from the setting and use "Source Annotator: Set Archive Password…", which keeps it in the editor\'s secret storage',
    };
  }
  if (!parsed.hostname) return { ok: false, error: 'the URL names no server: postgres://user@host:5432/database' };
  const database = decodeURIComponent(parsed.pathname.replace(/^\//u, ''));
  if (!database || database.includes('/')) return { ok: false, error: 'the URL names no database: postgres://user@host:5432/database' };
  const user = parsed.username ? `${decodeURIComponent(parsed.username)}@` : '';
  return { ok: true, url, label: `${user}${parsed.hostname}:${parsed.port || '5432'}/${database}` };
}
