/**
 * How every subcommand finds its corpus, so that `scan`, `entities` and the analysis commands read the same
 * articles, the same registry and the same sidecar metadata as the editor does: the article rules of
 * `core/index/articleRules` (the extension's default include and exclude patterns), the registry of the first
 * folder (or a folder above it) that has one, and the `article:` block of a sidecar that validates.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { EntityRegistry } from '../core/extract/types';
import { EXCLUDED_DIRS, isArticleFileName } from '../core/index/articleRules';
import { DEFAULT_REGISTRY_PATH, RegistryDocument } from '../core/registry/registryDocument';
import type { ArticleMetadata } from '../core/sidecar/model';
import { SidecarDocument } from '../core/sidecar/sidecarDocument';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';

const SKIPPED_DIRS = new Set(EXCLUDED_DIRS);

function reason(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message ?? String(err);
}

/**
 * The articles under each path (a folder is searched recursively; a file is taken as given), each once, in
 * sorted order. A folder or file that cannot be read is reported in `problems` and the rest are still listed.
 */
export async function listArticles(paths: readonly string[], problems: string[]): Promise<string[]> {
  const found = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push(`cannot read ${dir}: ${reason(err)}`);
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleFileName(entry.name)) {
        found.add(path);
      }
    }
  };
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (err) {
      problems.push(`cannot read ${path}: ${reason(err)}`);
      continue;
    }
    if (isDirectory) await walk(path);
    else found.add(path);
  }
  return [...found].sort();
}

/**
 * The entity registry of the first folder that has one, looking in each folder and then the folders above it
 * (as the editor's registry lives at the workspace root). Its problems are reported; undefined when none exists.
 */
export async function findRegistry(paths: readonly string[], problems: string[]): Promise<{ path: string; registry: EntityRegistry } | undefined> {
  for (const start of paths) {
    let at = resolve(start);
    try {
      if (!(await stat(at)).isDirectory()) at = dirname(at);
    } catch {
      continue;
    }
    for (; ; at = dirname(at)) {
      const path = join(at, DEFAULT_REGISTRY_PATH);
      let text: string | undefined;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        const document = RegistryDocument.parse(text);
        for (const p of document.problems) problems.push(`${path}:${p.line}:${p.col}: ${p.severity}: ${p.message}`);
        return { path, registry: document.toEntityRegistry() };
      }
      if (dirname(at) === at) break;
    }
  }
  return undefined;
}

/**
 * The `article:` block of the article's sidecar, as the editor reads it. No sidecar: undefined. A sidecar with
 * errors is reported (line and column) and its metadata not used.
 */
export async function readSidecarMetadata(file: string, problems: string[]): Promise<ArticleMetadata | undefined> {
  const path = sidecarPathFor(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const document = SidecarDocument.parse(text);
  if (document.hasErrors) {
    for (const p of document.problems) if (p.severity === 'error') problems.push(`${path}:${p.line}:${p.column}: ${p.message}`);
    return undefined;
  }
  const article = document.sidecar.article;
  return Object.keys(article).length ? article : undefined;
}

/** The publication day the analyst recorded (`YYYY-MM-DD`), when the metadata has a valid one. */
export function publishedDay(metadata: ArticleMetadata | undefined): string | undefined {
  const day = metadata?.published?.slice(0, 10);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}
