/**
 * Which archive articles are also in the open workspace, so a card does not list them twice. The archive
 * keeps the path each article was ingested from, which is seldom this machine's path for the same file
 * (another analyst's clone, a server's folder): an article counts as the same when its path is, or when its
 * file name and its title both are.
 */
export interface WorkspaceArticle {
  /** The workspace URI (`file:///…`). */
  uri: string;
  headline: string;
}

export function workspaceCopies(articles: Iterable<WorkspaceArticle>): (hit: { file: string; title: string }) => boolean {
  const uris = new Set<string>();
  const byName = new Map<string, Set<string>>();
  for (const article of articles) {
    uris.add(article.uri);
    const name = fileNameOf(article.uri);
    let titles = byName.get(name);
    if (!titles) byName.set(name, (titles = new Set()));
    titles.add(article.headline);
  }
  return (hit) => uris.has(hit.file) || uris.has(fileUri(hit.file)) || (byName.get(fileNameOf(hit.file))?.has(hit.title) ?? false);
}

/** The last segment of a path or URI, percent-decoded. */
function fileNameOf(pathOrUri: string): string {
  const name = pathOrUri.slice(pathOrUri.replace(/\\/gu, '/').lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `file://` URI of an absolute POSIX path, encoded as VS Code encodes it; URIs stay as they are. */
function fileUri(path: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//iu.test(path) || !path.startsWith('/')) return path;
  return `file://${path.split('/').map((segment) => encodeURIComponent(segment)).join('/')}`;
}
