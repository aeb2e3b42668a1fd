import * as vscode from 'vscode';
import { CATEGORIES, type Category } from './categories';

export type HighlightStyle = 'background' | 'underline' | 'text';

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

export function readConfig(scope?: vscode.ConfigurationScope): SourceAnnotatorConfig {
  const c = vscode.workspace.getConfiguration('sourceAnnotator', scope);
  const categories = {} as Record<Category, boolean>;
  for (const cat of CATEGORIES) categories[cat] = c.get<boolean>(`highlight.${cat}`, true);
  return {
    highlightEnabled: c.get<boolean>('highlight.enabled', true),
    highlightStyle: c.get<HighlightStyle>('highlight.style', 'background'),
    categories,
    annotationsVisible: c.get<boolean>('highlight.annotations', true),
    debounceMs: Math.max(0, c.get<number>('analysis.debounceMs', 250)),
    maxFileSizeMB: Math.max(0.1, c.get<number>('analysis.maxFileSizeMB', 10)),
    articleLanguagePatterns: c.get<string[]>('articles.languagePatterns', []).filter((p) => typeof p === 'string' && p.trim() !== ''),
  };
}
