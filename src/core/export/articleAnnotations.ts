/** The unit every exporter works on: one article and its sidecar. */
import { Sidecar } from '../sidecar/model';
import type { ExportQuote } from './quotations';

export interface ArticleAnnotations {
  /** How the article is named in exports: a workspace-relative path or a URI. */
  article: string;
  /**
   * The article as an absolute IRI (a `file:` URI on disk). The W3C export needs one for `target.source`;
   * without it the export names the article by a `urn:` built from `article`.
   */
  uri?: string;
  sidecar: Sidecar;
  /** The article's text, when it could be read: the report then gives line and column. */
  text?: string;
  /** The article's quotations with their speakers, exported in a section (rows, annotations) of their own. */
  quotes?: readonly ExportQuote[];
}
