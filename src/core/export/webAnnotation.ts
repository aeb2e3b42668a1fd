/**
 * W3C Web Annotation Data Model (JSON-LD) export and import. A note becomes a `commenting` body,
 * each tag a `tagging` body, and the target carries a TextQuoteSelector and a TextPositionSelector.
 */
import { uniqueAnnotationId } from '../sidecar/annotationId';
import { Annotation, AnnotationTarget } from '../sidecar/model';
import { createTarget } from '../anchor/createTarget';
import { reanchor } from '../anchor/reanchor';
import { ArticleAnnotations } from './articleAnnotations';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix for ids that are not URIs already, so exported ids are valid IRIs. */
const ID_PREFIX = 'urn:source-annotator:annotation:';

export interface WebAnnotation {
  '@context'?: string | unknown[];
  id?: string;
  type: 'Annotation' | string | string[];
  created?: string;
  modified?: string;
  creator?: string | { type?: string; name?: string; nickname?: string };
  body?: WebAnnotationBody | WebAnnotationBody[];
  target: WebAnnotationTarget | string | (WebAnnotationTarget | string)[];
}

export interface WebAnnotationBody {
  type?: string;
  value?: string;
  purpose?: string;
  format?: string;
}

export interface WebAnnotationTarget {
  source: string;
  selector?: WebSelector | WebSelector[];
}

export type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: string; [key: string]: unknown };

/** One annotation in Web Annotation form; `source` is the article's name or URI. */
export function toWebAnnotation(annotation: Annotation, source: string): WebAnnotation {
  const body: WebAnnotationBody[] = [];
  if (annotation.note !== '') body.push({ type: 'TextualBody', value: annotation.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const { exact, prefix, suffix, start, end } = annotation.target;
  const result: WebAnnotation = {
    '@context': WEB_ANNOTATION_CONTEXT,
    id: /^[a-z][a-z0-9+.-]*:/i.test(annotation.id) ? annotation.id : ID_PREFIX + encodeURIComponent(annotation.id),
    type: 'Annotation',
    created: annotation.created,
    modified: annotation.modified,
    body,
    target: {
      source,
      selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }, { type: 'TextPositionSelector', start, end }],
    },
  };
  if (annotation.author !== undefined) result.creator = { type: 'Person', name: annotation.author };
  if (result.created === '') delete result.created;
  if (result.modified === '') delete result.modified;
  return result;
}

/** All annotations of the given articles as a JSON-LD AnnotationCollection with one page. */
export function annotationsToWebAnnotationCollection(items: readonly ArticleAnnotations[], label = 'Source Annotator export'): object {
  const annotations = items.flatMap(({ article, sidecar }) => sidecar.annotations.map((a) => {
    const { '@context': _context, ...rest } = toWebAnnotation(a, article);
    return rest;
  }));
  return {
    '@context': WEB_ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: annotations },
  };
}

export interface ImportedAnnotation {
  /** The target's `source`: which article the annotation belongs to. */
  source: string;
  annotation: Annotation;
}

export interface ImportResult {
  imported: ImportedAnnotation[];
  /** Why some entries were skipped ("item 3: no TextQuoteSelector or TextPositionSelector"). */
  skipped: string[];
}

export interface ImportOptions {
  /** Article text per source; used to fill missing selectors and to re-anchor quotes. */
  textOf?: (source: string) => string | undefined;
  /** Ids already used in the destination sidecar(s); clashing or non-local ids get fresh ones. */
  takenIds?: ReadonlySet<string>;
  now?: Date;
}

/**
 * Reads Web Annotation JSON (a single annotation, an array, an AnnotationPage or an
 * AnnotationCollection with embedded pages) into sidecar annotations grouped by nothing: each
 * result names its source. Entries without a usable text selector are skipped and reported.
 */
export function importWebAnnotations(json: unknown, options: ImportOptions = {}): ImportResult {
  const taken = new Set(options.takenIds ?? []);
  const now = options.now ?? new Date();
  const imported: ImportedAnnotation[] = [];
  const skipped: string[] = [];
  listAnnotations(json).forEach((entry, index) => {
    const label = `item ${index + 1}`;
    if (!entry || typeof entry !== 'object') {
      skipped.push(`${label}: not an object`);
      return;
    }
    const web = entry as WebAnnotation;
    const types = Array.isArray(web.type) ? web.type : [web.type];
    if (!types.includes('Annotation')) {
      skipped.push(`${label}: type is not "Annotation"`);
      return;
    }
    const target = (Array.isArray(web.target) ? web.target : [web.target]).find(
      (candidate): candidate is WebAnnotationTarget => typeof candidate === 'object' && candidate !== null && typeof candidate.source === 'string');
    if (!target) {
      skipped.push(`${label}: no target with a source`);
      return;
    }
    const resolved = resolveTarget(target, options.textOf?.(target.source));
    if (typeof resolved === 'string') {
      skipped.push(`${label}: ${resolved}`);
      return;
    }
    const bodies = (Array.isArray(web.body) ? web.body : web.body ? [web.body] : []).filter((b) => typeof b?.value === 'string');
    const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value!.trim()).filter((t) => t !== '');
    const note = bodies.filter((b) => b.purpose !== 'tagging').map((b) => b.value!).join('\n\n');
    const localId = web.id?.startsWith(ID_PREFIX) ? decodeURIComponent(web.id.slice(ID_PREFIX.length)) : undefined;
    const id = localId && !taken.has(localId) ? localId : uniqueAnnotationId(taken, now);
    taken.add(id);
    const created = web.created ?? now.toISOString();
    const annotation: Annotation = {
      id, tags: [...new Set(tags)], note, created, modified: web.modified ?? created, target: resolved,
    };
    const author = typeof web.creator === 'string' ? web.creator : web.creator?.name ?? web.creator?.nickname;
    if (author) annotation.author = author;
    imported.push({ source: target.source, annotation });
  });
  return { imported, skipped };
}

function listAnnotations(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!json || typeof json !== 'object') return [json];
  const object = json as { type?: unknown; items?: unknown; first?: unknown };
  if (object.type === 'AnnotationPage' && Array.isArray(object.items)) return object.items;
  if (object.type === 'AnnotationCollection') return object.first ? listAnnotations(object.first) : [];
  return [json];
}

function resolveTarget(target: WebAnnotationTarget, text: string | undefined): AnnotationTarget | string {
  const selectors = Array.isArray(target.selector) ? target.selector : target.selector ? [target.selector] : [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof s.exact === 'string' && s.exact !== '') as
    { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = selectors.find((s) => s.type === 'TextPositionSelector'
    && Number.isInteger(s.start) && Number.isInteger(s.end) && (s.start as number) >= 0 && (s.end as number) > (s.start as number)) as
    { start: number; end: number } | undefined;
  if (!quote && !position) return 'no TextQuoteSelector or TextPositionSelector';
  if (text === undefined) {
    if (!quote) return 'only a TextPositionSelector and the article text is not available';
    const start = position?.start ?? 0;
    return { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', start, end: start + quote.exact.length, textHash: '' };
  }
  if (!quote) {
    if (position!.end > text.length) return `TextPositionSelector ends at ${position!.end}, beyond the article (${text.length} characters)`;
    return createTarget(text, position!.start, position!.end);
  }
  const start = position?.start ?? 0;
  const stored = { exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '', start, end: start + quote.exact.length, textHash: '' };
  // Other tools store context of other lengths; tell the re-anchoring what "full context" meant there.
  const contextLength = Math.max(stored.prefix.length, stored.suffix.length);
  const anchored = reanchor(stored, text, { contextLength });
  if (anchored.status === 'orphan') return `quote "${quote.exact.slice(0, 40)}" not found in the article`;
  return createTarget(text, anchored.start, anchored.end);
}
