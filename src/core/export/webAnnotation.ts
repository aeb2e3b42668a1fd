/**
 * W3C Web Annotation Data Model (JSON-LD) export and import. A note becomes a `commenting` body,
 * each tag a `tagging` body, and the target carries a TextQuoteSelector and a TextPositionSelector.
 * The export passes the MUST assertions of the W3C's own test schemas (checked by
 * `test/unit/webAnnotationW3c.test.ts`); the import validates and normalizes every entry and reports
 * what it cannot use instead of letting one bad entry stop the rest.
 */
import { uniqueAnnotationId } from '../sidecar/annotationId';
import { Annotation, AnnotationTarget, ArticleMetadata } from '../sidecar/model';
import { SidecarDocument } from '../sidecar/sidecarDocument';
import { fnv1a64Hex } from '../sidecar/textHash';
import { createTarget } from '../anchor/createTarget';
import { reanchor } from '../anchor/reanchor';
import { ArticleAnnotations } from './articleAnnotations';
import { QUOTATION_ID_PREFIX, saidBy, type ExportQuote } from './quotations';

export const WEB_ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Prefix of exported annotation ids: the sidecar id, percent-encoded, so any id makes a valid IRI. */
export const ANNOTATION_ID_PREFIX = 'urn:source-annotator:annotation:';
const ID_PREFIX = ANNOTATION_ID_PREFIX;
/** Terms of our own, for the article's metadata on each target (the W3C vocabulary has none for it). */
const VOCABULARY = 'urn:source-annotator:vocab#';
const EXTENSION_CONTEXT = {
  sa: VOCABULARY,
  articleUrl: { '@id': 'sa:articleUrl', '@type': '@id' },
  articlePublished: 'sa:articlePublished',
  articleOutlet: 'sa:articleOutlet',
  articleAuthor: 'sa:articleAuthor',
  reliability: 'sa:reliability',
  credibility: 'sa:credibility',
};
/** The `@context` of everything exported: the W3C context first, then our terms. */
export const EXPORT_CONTEXT = [WEB_ANNOTATION_CONTEXT, EXTENSION_CONTEXT];

export interface WebAnnotation {
  '@context'?: string | unknown[];
  id?: string;
  type: 'Annotation' | string | string[];
  motivation?: string;
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
  language?: string;
}

export interface WebAnnotationTarget {
  source: string;
  selector?: WebSelector | WebSelector[];
  articleUrl?: string;
  articlePublished?: string;
  articleOutlet?: string;
  articleAuthor?: string;
  reliability?: string;
  credibility?: number;
}

export type WebSelector =
  | { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string }
  | { type: 'TextPositionSelector'; start: number; end: number }
  | { type: string; [key: string]: unknown };

/**
 * Percent-encodes an id for an IRI. `encodeURIComponent` leaves `! ' ( ) *`, which are legal in IRIs
 * but end a Markdown link or a quoted string; they are encoded too.
 */
export function encodeIdForIri(id: string): string {
  return encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The sidecar id of an exported IRI; with a malformed %-escape the text is kept exactly as written. */
export function decodeIdFromIri(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** A sidecar timestamp as a full xsd:dateTime: a date alone becomes midnight UTC. */
export function fullDateTime(value: string): string | undefined {
  if (value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return `${value}:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return `${value}Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?[+-]\d{4}$/.test(value)) return `${value.slice(0, -2)}:${value.slice(-2)}`;
  return value;
}

export interface ToWebAnnotationOptions {
  /** The article's metadata, carried on the target (URL, publication, Admiralty grades). */
  article?: ArticleMetadata;
}

/** One annotation in Web Annotation form; `source` is the article's IRI. */
export function toWebAnnotation(annotation: Annotation, source: string, options: ToWebAnnotationOptions = {}): WebAnnotation {
  const body: WebAnnotationBody[] = [];
  if (annotation.note !== '') body.push({ type: 'TextualBody', value: annotation.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging', format: 'text/plain' });
  const { exact, prefix, suffix, start, end } = annotation.target;
  const target: WebAnnotationTarget = {
    source: absoluteIri(source),
    selector: [{ type: 'TextQuoteSelector', exact, prefix, suffix }, { type: 'TextPositionSelector', start, end }],
    ...articleProperties(options.article ?? {}),
  };
  const result: WebAnnotation = {
    '@context': EXPORT_CONTEXT,
    id: ID_PREFIX + encodeIdForIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.note !== '' ? 'commenting' : annotation.tags.length > 0 ? 'tagging' : 'highlighting',
    target,
  };
  const created = fullDateTime(annotation.created);
  const modified = fullDateTime(annotation.modified);
  if (created !== undefined) result.created = created;
  if (modified !== undefined) result.modified = modified;
  if (annotation.author !== undefined && annotation.author !== '') result.creator = { type: 'Person', name: annotation.author };
  // An annotation with neither note nor tags highlights its target: no body at all, never `body: []`.
  if (body.length > 0) result.body = body;
  // Key order as a reader expects it: the body before the target.
  const { target: _target, ...head } = result;
  return { ...head, target };
}

function articleProperties(article: ArticleMetadata): Partial<WebAnnotationTarget> {
  const properties: Partial<WebAnnotationTarget> = {};
  if (article.url !== undefined && isAbsoluteIri(article.url)) properties.articleUrl = article.url;
  if (article.published !== undefined) properties.articlePublished = article.published;
  if (article.source !== undefined) properties.articleOutlet = article.source;
  if (article.author !== undefined) properties.articleAuthor = article.author;
  if (article.reliability !== undefined) properties.reliability = article.reliability;
  if (article.credibility !== undefined) properties.credibility = article.credibility;
  return properties;
}

function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(value);
}

/** An absolute IRI for an article named by a path: `file:` URIs and other IRIs pass through. */
function absoluteIri(source: string): string {
  if (isAbsoluteIri(source) && !/^[a-z]:[\\/]/i.test(source)) return source;
  return `urn:source-annotator:article:${source.replace(/\\/g, '/').split('/').map(encodeIdForIri).join('/')}`;
}

/**
 * A quotation of the article (from the quote ledger) as an annotation of its own: motivation "quoting", a
 * body that names the speaker, made by the software, not by the analyst. Its id derives from the article
 * and the offsets, so an unchanged article exports the same ids.
 */
export function quotationToWebAnnotation(quote: ExportQuote, source: string, text?: string): WebAnnotation {
  const iri = absoluteIri(source);
  const selector: WebSelector[] = [];
  const exact = text === undefined ? quote.text : text.slice(quote.start, quote.end);
  const quoteSelector: WebSelector = { type: 'TextQuoteSelector', exact };
  if (text !== undefined) {
    quoteSelector.prefix = text.slice(Math.max(0, quote.start - 32), quote.start);
    quoteSelector.suffix = text.slice(quote.end, quote.end + 32);
  }
  selector.push(quoteSelector, { type: 'TextPositionSelector', start: quote.start, end: quote.end });
  return {
    '@context': EXPORT_CONTEXT,
    id: `${QUOTATION_ID_PREFIX}${fnv1a64Hex(`${iri}\u0000${quote.start}\u0000${quote.end}`)}`,
    type: 'Annotation',
    motivation: 'quoting',
    creator: { type: 'Software', name: 'Source Annotator' },
    body: [{ type: 'TextualBody', value: saidBy(quote, text), purpose: 'describing', format: 'text/plain', language: 'en' }],
    target: { source: iri, selector },
  };
}

/** All annotations of the given articles, then their quotations, as a JSON-LD AnnotationCollection with one embedded page. */
export function annotationsToWebAnnotationCollection(items: readonly ArticleAnnotations[], label = 'Source Annotator export'): object {
  const annotations = items.flatMap(({ article, uri, sidecar }) => sidecar.annotations.map((a) =>
    toWebAnnotation(a, uri ?? article, { article: sidecar.article })));
  for (const { article, uri, quotes, text } of items) for (const q of quotes ?? []) annotations.push(quotationToWebAnnotation(q, uri ?? article, text));
  // The same annotations give the same ids, so two exports of an unchanged workspace are identical.
  const digest = fnv1a64Hex(annotations.map((annotation) => `${annotation.id}\u0000${(annotation.target as WebAnnotationTarget).source}`).join('\n'));
  const id = `urn:source-annotator:collection:${digest}`;
  return {
    '@context': EXPORT_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: annotations.length,
    first: {
      id: `${id}:page:1`,
      type: 'AnnotationPage',
      partOf: { id, label, total: annotations.length },
      startIndex: 0,
      items: annotations,
    },
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
  /** Values that were changed to fit the sidecar format ("item 2: created 1700000000 read as 2023-11-14T22:13:20Z"). */
  normalized: string[];
}

export interface ImportOptions {
  /** Article text per source; used to fill missing selectors and to re-anchor quotes. */
  textOf?: (source: string) => string | undefined;
  /** Ids already used in the destination sidecar(s); clashing ids get fresh ones. */
  takenIds?: ReadonlySet<string>;
  now?: Date;
}

/**
 * Reads Web Annotation JSON (a single annotation, an array, an AnnotationPage or an
 * AnnotationCollection with embedded pages) into sidecar annotations grouped by nothing: each
 * result names its source. Ids are kept (ours are decoded back from their IRI, foreign ones kept as
 * they are) unless they clash. Entries that cannot be made valid are skipped and reported; the rest
 * are imported.
 */
export function importWebAnnotations(json: unknown, options: ImportOptions = {}): ImportResult {
  const taken = new Set(options.takenIds ?? []);
  const now = options.now ?? new Date();
  const imported: ImportedAnnotation[] = [];
  const skipped: string[] = [];
  const normalized: string[] = [];
  listAnnotations(json).forEach((entry, index) => {
    const label = `item ${index + 1}`;
    // quotations we exported are found again in the article, not the analyst's annotations
    if (isExportedQuotation(entry)) return;
    try {
      const result = importOne(entry, label, options, taken, now, normalized);
      if (typeof result === 'string') skipped.push(`${label}: ${result}`);
      else imported.push(result);
    } catch (error) {
      skipped.push(`${label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  return { imported, skipped, normalized };
}

function importOne(entry: unknown, label: string, options: ImportOptions, taken: Set<string>, now: Date,
  normalized: string[]): ImportedAnnotation | string {
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return 'not an object';
  const web = entry as Record<string, unknown>;
  const types = (Array.isArray(web.type) ? web.type : [web.type]).map(literal);
  if (!types.includes('Annotation')) return 'type is not "Annotation"';
  const targets = Array.isArray(web.target) ? web.target : [web.target];
  const target = targets.find((candidate): candidate is WebAnnotationTarget =>
    typeof candidate === 'object' && candidate !== null && typeof literal((candidate as { source?: unknown }).source) === 'string');
  if (!target) return 'no target with a source';
  const source = literal(target.source) as string;
  const resolved = resolveTarget(target, options.textOf?.(source));
  if (typeof resolved === 'string') return resolved;

  const bodies = (Array.isArray(web.body) ? web.body : web.body !== undefined && web.body !== null ? [web.body] : [])
    .filter((body): body is Record<string, unknown> => typeof body === 'object' && body !== null)
    .map((body) => ({ value: literal(body.value), purpose: literal(body.purpose) }))
    .filter((body): body is { value: string | number; purpose: unknown } => typeof body.value === 'string' || typeof body.value === 'number')
    .map((body) => ({ value: String(body.value), purpose: body.purpose }));
  const bodyValue = literal(web.bodyValue);
  if (typeof bodyValue === 'string') bodies.push({ value: bodyValue, purpose: 'commenting' });
  const tags = bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value.trim()).filter((t) => t !== '');
  const note = bodies.filter((b) => b.purpose !== 'tagging').map((b) => b.value).join('\n\n');

  const id = importedId(web.id, label, taken, now, normalized);
  taken.add(id);
  const created = importedTime(web.created, 'created', label, normalized);
  if (created === null) return `"created" is ${JSON.stringify(web.created)}, which is not a date or time`;
  const modified = importedTime(web.modified, 'modified', label, normalized);
  if (modified === null) return `"modified" is ${JSON.stringify(web.modified)}, which is not a date or time`;
  const createdValue = created ?? modified ?? now.toISOString();
  const annotation: Annotation = {
    id, tags: [...new Set(tags)], note, created: createdValue, modified: modified ?? createdValue, target: resolved,
  };
  const author = creatorName(web.creator);
  if (author) annotation.author = author;
  // The sidecar validator has the last word: an annotation it would refuse is skipped here, with its
  // reason, rather than making the whole article's sidecar unwritable.
  const problem = sidecarProblem(annotation);
  if (problem !== undefined) return problem;
  return { source, annotation };
}

/** Why the sidecar validator would refuse this annotation, or `undefined` when it accepts it. */
function sidecarProblem(annotation: Annotation): string | undefined {
  try {
    const document = SidecarDocument.create();
    document.addAnnotation(annotation);
    const error = SidecarDocument.parse(document.toString()).problems.find((p) => p.severity === 'error');
    return error === undefined ? undefined : `not a valid sidecar annotation: ${error.message}`;
  } catch (error) {
    return `not a valid sidecar annotation: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A JSON-LD value object (`{"@value": …}`) as its value; anything else as it is. */
function literal(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && '@value' in value) return (value as { '@value': unknown })['@value'];
  return value;
}

function creatorName(creator: unknown): string | undefined {
  const first = Array.isArray(creator) ? creator[0] : creator;
  const value = literal(first);
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object') {
    for (const key of ['name', 'nickname']) {
      const name = literal((value as Record<string, unknown>)[key]);
      if (typeof name === 'string' && name.trim() !== '') return name.trim();
    }
  }
  return undefined;
}

function importedId(raw: unknown, label: string, taken: ReadonlySet<string>, now: Date, normalized: string[]): string {
  const value = literal(Array.isArray(raw) ? raw[0] : raw);
  let id: string | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) {
    id = String(value);
    normalized.push(`${label}: numeric id ${value} read as "${id}"`);
  } else if (typeof value === 'string' && value.trim() !== '') {
    id = value.startsWith(ID_PREFIX) ? decodeIdFromIri(value.slice(ID_PREFIX.length)) : value;
    if (id.trim() === '') id = undefined;
  }
  if (id !== undefined && !taken.has(id)) return id;
  const fresh = uniqueAnnotationId(taken, now);
  if (id !== undefined) normalized.push(`${label}: id "${id}" is already used; imported as "${fresh}"`);
  return fresh;
}

const FULL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A timestamp as the sidecar stores it (ISO 8601 date-time). `undefined` when absent, `null` when
 * present but unreadable. Epoch seconds or milliseconds (numbers or digit strings), a date alone and
 * other parseable dates with a four-digit year become ISO date-times.
 */
function importedTime(raw: unknown, field: string, label: string, normalized: string[]): string | undefined | null {
  const value = literal(Array.isArray(raw) ? raw[0] : raw);
  if (value === undefined || value === null || value === '') return undefined;
  let result: string | null = null;
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}(\.\d+)?$/.test(value.trim()))) {
    const number = Number(value);
    // Ten digits or fewer are seconds (until the year 2286); more are milliseconds.
    const millis = Math.abs(number) < 1e11 ? number * 1000 : number;
    const date = new Date(millis);
    result = Number.isFinite(number) && !Number.isNaN(date.getTime()) ? date.toISOString().replace('.000Z', 'Z') : null;
  } else if (typeof value === 'string') {
    const text = value.trim();
    if (FULL_ISO.test(text) && !Number.isNaN(Date.parse(text))) return text;
    if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))) result = `${text}T00:00:00Z`;
    else if (/\b\d{4}\b/.test(text) && !Number.isNaN(Date.parse(text))) result = new Date(Date.parse(text)).toISOString().replace('.000Z', 'Z');
  }
  if (result !== null) normalized.push(`${label}: ${field} ${JSON.stringify(value)} read as ${result}`);
  return result;
}

function isExportedQuotation(entry: unknown): boolean {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.startsWith(QUOTATION_ID_PREFIX);
}

function listAnnotations(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!json || typeof json !== 'object') return [json];
  const object = json as { type?: unknown; items?: unknown; first?: unknown };
  const types = Array.isArray(object.type) ? object.type : [object.type];
  if (types.includes('AnnotationPage') && Array.isArray(object.items)) return object.items;
  if (types.includes('AnnotationCollection')) return object.first && typeof object.first === 'object' ? listAnnotations(object.first) : [];
  return [json];
}

function resolveTarget(target: WebAnnotationTarget, text: string | undefined): AnnotationTarget | string {
  const selectors = (Array.isArray(target.selector) ? target.selector : target.selector ? [target.selector] : [])
    .filter((s): s is Record<string, unknown> & { type: string } => typeof s === 'object' && s !== null) as (Record<string, unknown> & { type: string })[];
  const quoteSelector = selectors.find((s) => s.type === 'TextQuoteSelector' && typeof literal(s.exact) === 'string' && literal(s.exact) !== '');
  const quote = quoteSelector && {
    exact: literal(quoteSelector.exact) as string,
    prefix: typeof literal(quoteSelector.prefix) === 'string' ? literal(quoteSelector.prefix) as string : '',
    suffix: typeof literal(quoteSelector.suffix) === 'string' ? literal(quoteSelector.suffix) as string : '',
  };
  const position = selectors.map((s) => s.type === 'TextPositionSelector' ? { start: Number(literal(s.start)), end: Number(literal(s.end)) } : undefined)
    .find((p): p is { start: number; end: number } => p !== undefined && Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.end > p.start);
  if (!quote && !position) return 'no TextQuoteSelector or TextPositionSelector';
  if (text === undefined) {
    if (!quote) return 'only a TextPositionSelector and the article text is not available';
    const start = position?.start ?? 0;
    return { ...quote, start, end: start + quote.exact.length, textHash: '' };
  }
  if (!quote) {
    if (position!.end > text.length) return `TextPositionSelector ends at ${position!.end}, beyond the article (${text.length} characters)`;
    return createTarget(text, position!.start, position!.end);
  }
  // The two selectors agree on one place: the quote stands at the stated position with its stored context
  // on both sides, verbatim. That names the place even when the quote is repeated elsewhere in the article.
  if (position && position.end - position.start === quote.exact.length && text.slice(position.start, position.end) === quote.exact
    && text.slice(Math.max(0, position.start - quote.prefix.length), position.start) === quote.prefix
    && text.slice(position.end, position.end + quote.suffix.length) === quote.suffix) {
    return createTarget(text, position.start, position.end);
  }
  const start = position?.start ?? 0;
  const stored = { ...quote, start, end: start + quote.exact.length, textHash: '' };
  // Other tools store context of other lengths; tell the re-anchoring what "full context" meant there.
  const contextLength = Math.max(stored.prefix.length, stored.suffix.length);
  const anchored = reanchor(stored, text, { contextLength });
  if (anchored.status === 'orphan') {
    if (anchored.reason === 'unconfirmed') {
      return `quote "${quote.exact.slice(0, 40)}" is in the article, but not with the context its selectors give, so it may be another copy`;
    }
    return anchored.reason === 'ambiguous'
      ? `quote "${quote.exact.slice(0, 40)}" stands more than once in the article and its selectors do not say which`
      : `quote "${quote.exact.slice(0, 40)}" not found in the article`;
  }
  return createTarget(text, anchored.start, anchored.end);
}
