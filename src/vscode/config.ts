import * as vscode from 'vscode';
import { CATEGORIES, type Category } from './categories';

export type HighlightStyle = 'soft' | 'background' | 'underline' | 'text';

/** Typed view of the `sourceAnnotator.*` settings; mirrors `contributes.configuration` in package.json. */
export interface SourceAnnotatorConfig {
  highlightEnabled: boolean;
  highlightStyle: HighlightStyle;
  categories: Record<Category, boolean>;
  /** Whether annotated passages are drawn (the annotation decorations read this). */
  annotationsVisible: boolean;
  debounceMs: number;
  maxFileSizeMB: number;
  /** Globs whose files open with the `article` language (structure and quote colouring). */
  articleLanguagePatterns: string[];
}

/**
 * Settings read per resource, kept until any `sourceAnnotator` setting changes. They are read at every
 * key (the debounce) and every repaint, and each `getConfiguration` builds the merged settings afresh:
 * in a 5 MB article that was a third of what the extension allocated while typing.
 */
const cached = new Map<string, Readonly<SourceAnnotatorConfig>>();
/** Resources remembered at most; past it the cache starts again (a workspace's open articles are fewer). */
const CACHED_SCOPES = 256;

/**
 * Drops the cached settings when they change. Registered first in `activate`, so that every other
 * configuration listener, which runs after it, reads the new values.
 */
export function watchConfig(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sourceAnnotator')) cached.clear();
    }),
    // A folder added or removed brings or takes its own settings.
    vscode.workspace.onDidChangeWorkspaceFolders(() => cached.clear()),
  );
}

export function readConfig(scope?: vscode.Uri): Readonly<SourceAnnotatorConfig> {
  const key = scope?.toString() ?? '';
  let config = cached.get(key);
  if (!config) {
    if (cached.size >= CACHED_SCOPES) cached.clear();
    config = Object.freeze(readFreshConfig(scope));
    cached.set(key, config);
  }
  return config;
}

function readFreshConfig(scope?: vscode.Uri): SourceAnnotatorConfig {
  const c = vscode.workspace.getConfiguration('sourceAnnotator', scope);
  const categories = {} as Record<Category, boolean>;
  for (const cat of CATEGORIES) categories[cat] = c.get<boolean>(`highlight.${cat}`, true);
  Object.freeze(categories);
  return {
    highlightEnabled: c.get<boolean>('highlight.enabled', true),
    highlightStyle: c.get<HighlightStyle>('highlight.style', 'soft'),
    categories,
    annotationsVisible: c.get<boolean>('highlight.annotations', true),
    debounceMs: Math.max(0, c.get<number>('analysis.debounceMs', 250)),
    maxFileSizeMB: Math.max(0.1, c.get<number>('analysis.maxFileSizeMB', 10)),
    articleLanguagePatterns: c.get<string[]>('articles.languagePatterns', []).filter((p) => typeof p === 'string' && p.trim() !== ''),
  };
}
