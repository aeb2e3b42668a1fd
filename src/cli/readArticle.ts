import { readFile, stat } from 'node:fs/promises';
import type { ArticleFileHints } from '../core/extract/types';
import { firstAnnotatedDay } from '../core/sidecar/firstAnnotated';
import { SidecarDocument } from '../core/sidecar/sidecarDocument';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { decodeArticle, type DecodedArticle } from '../core/text/decodeArticle';

/** Reads a file as the editor would see it (see `decodeArticle`). */
export async function readArticle(file: string): Promise<DecodedArticle> {
  return decodeArticle(await readFile(file));
}

/**
 * What the file says of the article's date: its name, the day of the first annotation in its sidecar
 * (ARTICLE.annotations.yaml), and its modification day (UTC), as the editor reads them.
 */
export async function fileHints(file: string): Promise<ArticleFileHints> {
  const hints: ArticleFileHints = { name: file };
  const annotated = await firstAnnotated(file);
  if (annotated) hints.annotated = annotated;
  try {
    hints.modified = (await stat(file)).mtime.toISOString().slice(0, 10);
  } catch {
    // no modification day: the other hints still apply
  }
  return hints;
}

/** The day of the sidecar's earliest annotation; undefined without a sidecar, or with one that cannot be read. */
async function firstAnnotated(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(sidecarPathFor(file), 'utf8');
  } catch {
    return undefined;
  }
  try {
    return firstAnnotatedDay(SidecarDocument.parse(text).sidecar.annotations);
  } catch {
    return undefined;
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
