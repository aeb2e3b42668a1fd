import { readFile, stat } from 'node:fs/promises';
import type { ArticleFileHints } from '../core/extract/types';
import { decodeArticle, type DecodedArticle } from '../core/text/decodeArticle';

/** Reads a file as the editor would see it (see `decodeArticle`). */
export async function readArticle(file: string): Promise<DecodedArticle> {
  return decodeArticle(await readFile(file));
}

/** What the file itself says of the article's date: its name and its modification day (UTC). */
export async function fileHints(file: string): Promise<ArticleFileHints> {
  try {
    const info = await stat(file);
    return { name: file, modified: info.mtime.toISOString().slice(0, 10) };
  } catch {
    return { name: file };
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file (ENOENT)',
  EISDIR: 'a folder, not a file (EISDIR)',
  EACCES: 'permission denied (EACCES)',
  EPERM: 'permission denied (EPERM)',
  EMFILE: 'too many open files (EMFILE)',
};

/** A read error as a person would word it, keeping the system code for searches. */
export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code) return READ_ERRORS[code] ?? code;
  return (err as Error).message ?? String(err);
}
