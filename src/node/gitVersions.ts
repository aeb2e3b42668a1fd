/**
 * The committed versions of an article, found by text hash: when a sidecar target was made on a
 * version of the article that git has (committed with it, then changed by a pull), re-anchoring can
 * follow the words through a diff from that version (`core/anchor/textHistory`). git runs as a child
 * process; no git, no repository or an untracked file simply means no versions, never an error.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { decodeArticle } from '../core/text/decodeArticle';
import { articleTextHash } from '../core/sidecar/textHash';

/** How many commits touching the article are looked at, newest first. */
const MAX_COMMITS = 200;
/** Versions larger than this are not read (the diff would not be attempted on them either). */
const MAX_VERSION_BYTES = 16 * 1024 * 1024;

function git(cwd: string, args: string[], encoding: 'utf8' | 'buffer'): Promise<string | Buffer | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-c', 'core.quotepath=off', ...args], {
      cwd, encoding, maxBuffer: MAX_VERSION_BYTES, windowsHide: true,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

/**
 * The texts (decoded as the editor decodes the file) of the versions of `file` in git whose hashes are
 * among `wanted`, by hash: the staged version, then commits newest first, stopping as soon as all are
 * found. Empty when git, the repository or the file's history is not there.
 */
export async function gitVersionsByHash(file: string, wanted: ReadonlySet<string>): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  const cwd = path.dirname(path.resolve(file));
  const name = `./${path.basename(file)}`;
  const consider = (bytes: string | Buffer | undefined): void => {
    if (!bytes || typeof bytes === 'string') return;
    const decoded = decodeArticle(bytes);
    if (decoded.skipped) return;
    const hash = articleTextHash(decoded.text);
    if (wanted.has(hash)) found.set(hash, decoded.text);
  };
  const done = (): boolean => found.size === wanted.size;
  consider(await git(cwd, ['show', `:${name}`], 'buffer'));
  if (done()) return found;
  const log = await git(cwd, ['log', `-n${MAX_COMMITS}`, '--format=%H', '--', name], 'utf8');
  if (typeof log !== 'string') return found;
  const seen = new Set<string>();
  for (const commit of log.split('\n').filter((line) => /^[0-9a-f]{7,64}$/.test(line))) {
    // The blob's id first: many commits share a version, and only new ones are read.
    const blob = await git(cwd, ['rev-parse', `${commit}:${name}`], 'utf8');
    if (typeof blob !== 'string' || seen.has(blob.trim())) continue;
    seen.add(blob.trim());
    consider(await git(cwd, ['cat-file', 'blob', blob.trim()], 'buffer'));
    if (done()) break;
  }
  return found;
}
