/**
 * The corpus the analysis commands (quotes, timeline, connections) work on: every article under the given
 * folders (or the given files), indexed with the shipped tagger and, when a folder has one, its entity
 * registry (`.sources/entities.yaml`, found as `articleCorpus` finds it), so the analyst's merges apply as they do in the editor.
 */
import { extract } from '../core/extract';
import { CorpusIndex } from '../core/index';
import type { ArticleMetadata } from '../core/sidecar/model';
import { findRegistry, listArticles, publishedDay, readSidecarMetadata } from '../node/articleCorpus';
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
  const files = await listArticles(paths, problems);
  const registry = (await findRegistry(paths, problems))?.registry;
  const metadata = new Map<string, ArticleMetadata>();
  for (const file of files) {
    const article = await readSidecarMetadata(file, problems);
    if (article) metadata.set(file, article);
  }
  const nameDetector = await loadDefaultNameDetector();
  const index = new CorpusIndex({
    extract: (text, options) => extract(text, { ...options, nameDetector }),
    registry,
    publishedFor: (uri) => publishedDay(metadata.get(uri)),
  });
  const indexed: string[] = [];
  for (const file of files) {
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
