/**
 * Which files are articles by default, shared by the extension (its `sourceAnnotator.articles.*`
 * defaults) and the command line, so both see the same corpus.
 */

/** Folders never searched for articles. */
export const EXCLUDED_DIRS: readonly string[] = ['node_modules', '.git', 'dist', 'out', 'build', '.vscode-test'];

export const DEFAULT_INCLUDE = '**/*.{txt,md}';
export const DEFAULT_EXCLUDE = `{${EXCLUDED_DIRS.map((d) => `**/${d}/**`).join(',')},**/*.annotations.yaml}`;

/** Whether a file name is an article's by the default include pattern (`.txt`, `.md`). */
export function isArticleFileName(name: string): boolean {
  return /\.(txt|md)$/i.test(name) && !/\.annotations\.ya?ml$/i.test(name);
}
