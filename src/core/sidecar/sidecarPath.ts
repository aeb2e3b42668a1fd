/**
 * Where an article's sidecar lives. The pattern is a setting; `{file}` stands for the article's file
 * name, so the default `{file}.annotations.yaml` puts `path/article.txt.annotations.yaml` next to
 * `path/article.txt`. Paths use `/` or `\` separators and are treated as plain strings.
 */

export const DEFAULT_SIDECAR_PATTERN = '{file}.annotations.yaml';

function splitDirectory(path: string): { dir: string; file: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { dir: path.slice(0, cut + 1), file: path.slice(cut + 1) };
}

function assertPattern(pattern: string): { before: string; after: string } {
  const at = pattern.indexOf('{file}');
  if (at < 0 || pattern.indexOf('{file}', at + 1) >= 0 || /[/\\]/.test(pattern)) {
    throw new Error(`Sidecar pattern "${pattern}" must contain "{file}" exactly once and no path separator`);
  }
  return { before: pattern.slice(0, at), after: pattern.slice(at + '{file}'.length) };
}

/** The sidecar path for an article path. */
export function sidecarPathFor(articlePath: string, pattern: string = DEFAULT_SIDECAR_PATTERN): string {
  const { before, after } = assertPattern(pattern);
  const { dir, file } = splitDirectory(articlePath);
  return `${dir}${before}${file}${after}`;
}

/** The article path a sidecar belongs to, or `undefined` when the name does not fit the pattern. */
export function articlePathFor(sidecarPath: string, pattern: string = DEFAULT_SIDECAR_PATTERN): string | undefined {
  const { before, after } = assertPattern(pattern);
  const { dir, file } = splitDirectory(sidecarPath);
  if (file.length <= before.length + after.length || !file.startsWith(before) || !file.endsWith(after)) return undefined;
  return `${dir}${file.slice(before.length, file.length - after.length)}`;
}

/** Whether a file name or path looks like a sidecar under the pattern. */
export function isSidecarPath(path: string, pattern: string = DEFAULT_SIDECAR_PATTERN): boolean {
  return articlePathFor(path, pattern) !== undefined;
}
