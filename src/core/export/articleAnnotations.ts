/** The unit every exporter works on: one article and its sidecar. */
import { Sidecar } from '../sidecar/model';

export interface ArticleAnnotations {
  /** How the article is named in exports: a workspace-relative path or a URI. */
  article: string;
  sidecar: Sidecar;
  /** The article's text, when it could be read: the report then gives line and column. */
  text?: string;
}
