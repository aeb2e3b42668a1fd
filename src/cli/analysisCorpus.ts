/**
 * The corpus the analysis commands (quotes, timeline, connections) work on: every article under the given
 * folders (or the given files), indexed with the shipped tagger and, when a folder has one, its entity
 * registry (`.sources/entities.yaml`), so the analyst's merges apply as they do in the editor.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from '../core/extract';
import { CorpusIndex } from '../core/index';
import { DEFAULT_REGISTRY_PATH, RegistryDocument } from '../core/registry';
import type { EntityRegistry } from '../core/extract/types';
import type { ArticleMetadata } from '../core/sidecar/model';
import { SidecarDocument } from '../core/sidecar/sidecarDocument';
import { sidecarPathFor } from '../core/sidecar/sidecarPath';
import { listArticles } from './commands/scanCommand';
import { loadDefaultNameDetector } from './nameModel';
import { readArticle } from './readArticle';

export interface AnalysisCorpus {
  index: CorpusIndex;
  /** The articles indexed, in the order given (each folder's files sorted). */
  files: string[];
  /** Problems met on the way (unreadable folders or files, registry errors), one line each. */
  problems: string[];
  /** The analyst's article metadata from each article's sidecar, when it has one. */
  metadata: Map<string, ArticleMetadata>;
}

/** Indexes every article under `paths` (folders or files). One bad file or folder never stops the rest. */
export async function loadAnalysisCorpus(paths: readonly string[]): Promise<AnalysisCorpus> {
  const problems: string[] = [];
  const files: string[] = [];
  let registry: EntityRegistry | undefined;
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (err) {
      problems.push(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      continue;
    }
    if (!isDirectory) { files.push(path); continue; }
    try {
      files.push(...(await listArticles(path)));
    } catch (err) {
      problems.push(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (!registry) registry = await loadRegistry(join(path, DEFAULT_REGISTRY_PATH), problems);
  }
  const metadata = new Map<string, ArticleMetadata>();
  for (const file of files) {
    const article = await readSidecarMetadata(file, problems);
    if (article) metadata.set(file, article);
  }
  const nameDetector = await loadDefaultNameDetector();
  const index = new CorpusIndex({
    extract: (text, options) => extract(text, { ...options, nameDetector }),
    registry,
    publishedFor: (uri) => metadata.get(uri)?.published?.slice(0, 10),
  });
  const indexed: string[] = [];
  for (const file of files) {
    if (index.has(file)) continue;
    try {
      const article = await readArticle(file);
      if (article.warning) problems.push(`${file}: ${article.warning}`);
      index.update(file, article.text);
      indexed.push(file);
    } catch (err) {
      problems.push(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return { index, files: indexed, problems, metadata };
}

/** The `article:` block of the article's sidecar; a sidecar with errors is reported and its metadata not used. */
async function readSidecarMetadata(file: string, problems: string[]): Promise<ArticleMetadata | undefined> {
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

async function loadRegistry(path: string, problems: string[]): Promise<EntityRegistry | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const document = RegistryDocument.parse(text);
  for (const problem of document.problems) problems.push(`${path}:${problem.line}:${problem.col}: ${problem.severity}: ${problem.message}`);
  return document.toEntityRegistry();
}
