/**
 * What the analysis views say about an article as a source: headline, outlet, publication date. Today these
 * come from the index (headline = first line, publication date = dateline or front matter) and the analyst's
 * sidecar metadata (`source`, `published`), which wins. This one function is where article metadata
 * extracted from the text (title, outlet, byline) will plug in.
 */
import type { CorpusIndex } from '../index';
import type { ArticleMetadata } from '../sidecar/model';

export interface ArticleSource {
  uri: string;
  headline: string;
  /** YYYY-MM-DD, when known. */
  published?: string;
  outlet?: string;
}

export function articleSource(index: CorpusIndex, uri: string, metadata?: ArticleMetadata): ArticleSource {
  const info = index.articleInfo(uri);
  const source: ArticleSource = { uri, headline: info?.headline ?? '' };
  const published = metadata?.published?.slice(0, 10) ?? info?.published;
  if (published) source.published = published;
  const outlet = metadata?.source?.trim();
  if (outlet) source.outlet = outlet;
  return source;
}
