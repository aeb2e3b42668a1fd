/**
 * Checks a parsed sidecar document against schema version 1 and converts it to plain data.
 * Every problem carries a 1-based line and column so the editor can show it as a diagnostic and
 * the CLI can print `file:line:col`.
 */
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import {
  Annotation, AnnotationTarget, ArticleMetadata, Credibility, RELIABILITY_GRADES, Reliability,
  Sidecar, SidecarProblem, SIDECAR_VERSION,
} from './model';

/** What the validator needs to know beyond the document itself. */
export interface ValidateOptions {
  /** Length (UTF-16 units) of the article text, to flag targets that run past its end. */
  textLength?: number;
}

export interface ValidationResult {
  problems: SidecarProblem[];
  /** The sidecar as plain data; fields with problems fall back to empty values. */
  sidecar: Sidecar;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
/** Empty means "not known" (e.g. imported without the article text). */
const TEXT_HASH = /^(fnv1a64:[0-9a-f]{16})?$/;

class ProblemCollector {
  readonly problems: SidecarProblem[] = [];
  constructor(readonly lineCounter: LineCounter) {}

  at(node: Node | Pair | null | undefined, fallback: Node | null | undefined, severity: SidecarProblem['severity'],
    path: string, message: string): void {
    const ranged = (node && 'range' in node && node.range) ? node : (fallback && fallback.range ? fallback : undefined);
    const offset = ranged?.range?.[0] ?? 0;
    const { line, col } = this.lineCounter.linePos(offset);
    this.problems.push({ severity, line, column: col, message, path: path || undefined });
  }
}

function keyNode(map: YAMLMap, key: string): Node | undefined {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair?.key as Node | undefined;
}

function describe(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const value = node.value;
    if (value === null) return 'null';
    if (typeof value === 'string') return `the string "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
    return `${typeof value} ${String(value)}`;
  }
  return 'an unsupported node';
}

function isNullish(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** The document being validated, to resolve aliases against (validation is synchronous). */
let aliasDocument: Document | undefined;

/** A node, or for an alias (`tags: *t`) the node its anchor names. */
function deref<T>(node: T): T {
  return isAlias(node) && aliasDocument ? (node.resolve(aliasDocument) as T ?? node) : node;
}

/** Validates the document and extracts the sidecar. */
export function validateSidecarDocument(doc: Document, lineCounter: LineCounter, options: ValidateOptions = {}): ValidationResult {
  const outer = aliasDocument;
  aliasDocument = doc;
  try {
    return validate(doc, lineCounter, options);
  } finally {
    aliasDocument = outer;
  }
}

function validate(doc: Document, lineCounter: LineCounter, options: ValidateOptions): ValidationResult {
  const report = new ProblemCollector(lineCounter);
  const sidecar: Sidecar = { version: SIDECAR_VERSION, article: {}, annotations: [] };
  const root = doc.contents;
  if (!isMap(root)) {
    report.at(root, null, 'error', '', `A sidecar must be a mapping with "version" and "annotations", not ${describe(root)}`);
    return { problems: report.problems, sidecar };
  }

  const version = deref(root.get('version', true));
  if (version === undefined) {
    // A hand-written sidecar often starts at "annotations:"; there is only one version to read it as.
    report.at(root, null, 'warning', 'version', `No "version"; read as "version: ${SIDECAR_VERSION}"`);
  } else if (!isScalar(version) || version.value !== SIDECAR_VERSION) {
    report.at(version as Node, root, 'error', 'version',
      `Unsupported sidecar version: ${describe(version)}; this build reads version ${SIDECAR_VERSION}`);
  }

  const article = deref(root.get('article', true));
  if (!isNullish(article)) {
    if (!isMap(article)) {
      report.at(article as Node, keyNode(root, 'article'), 'error', 'article', `"article" must be a mapping, not ${describe(article)}`);
    } else {
      sidecar.article = readMetadata(article, report);
    }
  }

  const annotations = deref(root.get('annotations', true));
  if (!isNullish(annotations)) {
    if (!isSeq(annotations)) {
      report.at(annotations as Node, keyNode(root, 'annotations'), 'error', 'annotations',
        `"annotations" must be a list, not ${describe(annotations)}`);
    } else {
      sidecar.annotations = readAnnotations(annotations, report, options);
    }
  }
  return { problems: report.problems, sidecar };
}

function readString(map: YAMLMap, key: string, path: string, report: ProblemCollector,
  required: boolean, pattern?: { regex: RegExp; what: string }): string | undefined {
  const node = deref(map.get(key, true)) as Node | undefined;
  if (node === undefined || isNullish(node)) {
    if (required) report.at(node ?? map, map, 'error', path, `Missing "${key}"`);
    return undefined;
  }
  if (!isScalar(node) || typeof node.value !== 'string') {
    report.at(node, map, 'error', path, `"${key}" must be a string, not ${describe(node)}`);
    return undefined;
  }
  if (pattern && !pattern.regex.test(node.value)) {
    report.at(node, map, 'error', path, `"${key}" must be ${pattern.what}, not "${node.value}"`);
    return undefined;
  }
  return node.value;
}

/** An annotation id: any string; a number written without quotes (`id: 7`) is read as its digits. */
function readId(map: YAMLMap, path: string, report: ProblemCollector): string | undefined {
  const node = deref(map.get('id', true)) as Node | undefined;
  if (isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value)) return idText(node.value);
  return readString(map, 'id', path, report, true);
}

/** The text of a numeric id as it is compared and written back: `7`, not `7.0`. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

function readInteger(map: YAMLMap, key: string, path: string, report: ProblemCollector, required: boolean,
  min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const node = deref(map.get(key, true)) as Node | undefined;
  if (node === undefined || isNullish(node)) {
    if (required) report.at(node ?? map, map, 'error', path, `Missing "${key}"`);
    return undefined;
  }
  const value = isScalar(node) ? node.value : undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer ≥ ${min}` : `an integer from ${min} to ${max}`;
    report.at(node, map, 'error', path, `"${key}" must be ${range}, not ${describe(node)}`);
    return undefined;
  }
  return value;
}

function readMetadata(map: YAMLMap, report: ProblemCollector): ArticleMetadata {
  const metadata: ArticleMetadata = {};
  const published = readString(map, 'published', 'article.published', report, false,
    { regex: ISO_TIMESTAMP, what: 'an ISO date (YYYY-MM-DD)' });
  if (published !== undefined) metadata.published = published;
  for (const key of ['source', 'url', 'author'] as const) {
    const value = readString(map, key, `article.${key}`, report, false);
    if (value !== undefined) metadata[key] = value;
  }
  const reliability = readString(map, 'reliability', 'article.reliability', report, false,
    { regex: /^[A-F]$/, what: `one of ${RELIABILITY_GRADES.join(', ')} (Admiralty reliability)` });
  if (reliability !== undefined) metadata.reliability = reliability as Reliability;
  const credibility = readInteger(map, 'credibility', 'article.credibility', report, false, 1, 6);
  if (credibility !== undefined) metadata.credibility = credibility as Credibility;
  return metadata;
}

function readAnnotations(seq: YAMLSeq, report: ProblemCollector, options: ValidateOptions): Annotation[] {
  const annotations: Annotation[] = [];
  const firstLineOfId = new Map<string, number>();
  seq.items.forEach((entry, index) => {
    const item = deref(entry);
    const path = `annotations.${index}`;
    if (!isMap(item)) {
      report.at(item as Node, seq, 'error', path, `Annotation #${index + 1} must be a mapping, not ${describe(item)}`);
      return;
    }
    const id = readId(item, `${path}.id`, report);
    if (id !== undefined) {
      const idNode = item.get('id', true) as Node;
      const earlier = firstLineOfId.get(id);
      if (id.trim() === '') {
        report.at(idNode, item, 'error', `${path}.id`, 'Annotation "id" must not be empty');
      } else if (earlier !== undefined) {
        report.at(idNode, item, 'error', `${path}.id`, `Duplicate annotation id "${id}" (first used on line ${earlier})`);
      } else {
        firstLineOfId.set(id, report.lineCounter.linePos(idNode.range?.[0] ?? 0).line);
      }
    }
    const tags = readTags(item, `${path}.tags`, report);
    const note = readString(item, 'note', `${path}.note`, report, false) ?? '';
    const author = readString(item, 'author', `${path}.author`, report, false);
    const timestamp = { regex: ISO_TIMESTAMP, what: 'an ISO 8601 timestamp' };
    const created = readString(item, 'created', `${path}.created`, report, false, timestamp) ?? '';
    const modified = readString(item, 'modified', `${path}.modified`, report, false, timestamp) ?? created;
    const target = readTarget(item, `${path}.target`, report, options);
    const conflict = readConflict(item, `${path}.conflict`, report);
    if (id === undefined || target === undefined) return;
    const annotation: Annotation = { id, tags, note, created, modified, target };
    if (author !== undefined) annotation.author = author;
    if (conflict !== undefined) annotation.conflict = conflict;
    annotations.push(annotation);
  });
  return annotations;
}

function readTags(map: YAMLMap, path: string, report: ProblemCollector): string[] {
  const node = deref(map.get('tags', true));
  if (isNullish(node)) return [];
  if (!isSeq(node)) {
    report.at(node as Node, map, 'error', path, `"tags" must be a list of strings, not ${describe(node)}`);
    return [];
  }
  const tags: string[] = [];
  node.items.forEach((entry, index) => {
    const tag = deref(entry);
    if (isScalar(tag) && typeof tag.value === 'string' && tag.value.trim() !== '') tags.push(tag.value);
    else report.at(tag as Node, node, 'error', `${path}.${index}`, `Tag #${index + 1} must be a non-empty string, not ${describe(tag)}`);
  });
  return tags;
}

function readTarget(map: YAMLMap, path: string, report: ProblemCollector, options: ValidateOptions): AnnotationTarget | undefined {
  const node = deref(map.get('target', true));
  if (node === undefined || isNullish(node)) {
    report.at(node as Node | undefined, map, 'error', path, 'Missing "target" (exact, prefix, suffix, start, end, textHash)');
    return undefined;
  }
  if (!isMap(node)) {
    report.at(node as Node, map, 'error', path, `"target" must be a mapping, not ${describe(node)}`);
    return undefined;
  }
  const exact = readString(node, 'exact', `${path}.exact`, report, true);
  if (exact === '') report.at(node.get('exact', true) as Node, node, 'error', `${path}.exact`, '"exact" must not be empty');
  const prefix = readString(node, 'prefix', `${path}.prefix`, report, false) ?? '';
  const suffix = readString(node, 'suffix', `${path}.suffix`, report, false) ?? '';
  // Without offsets (a quote-only target written by hand or by another tool) the quote is found by its
  // text and context when re-anchoring; the placeholder offsets are never taken as its place.
  const unplaced = node.get('start', true) === undefined && node.get('end', true) === undefined && exact !== undefined && exact !== '';
  if (unplaced) {
    report.at(node, map, 'warning', `${path}.start`, 'No "start"/"end": the quote is looked for by its text and context');
  }
  const start = unplaced ? 0 : readInteger(node, 'start', `${path}.start`, report, true, 0);
  const end = unplaced ? exact!.length : readInteger(node, 'end', `${path}.end`, report, true, 0);
  const textHash = readString(node, 'textHash', `${path}.textHash`, report, false,
    { regex: TEXT_HASH, what: '"fnv1a64:" followed by 16 hex digits' }) ?? '';
  if (start !== undefined && end !== undefined) {
    const endNode = node.get('end', true) as Node;
    if (end < start) {
      report.at(endNode, node, 'error', `${path}.end`, `"end" (${end}) is before "start" (${start})`);
      return undefined;
    }
    if (exact !== undefined && exact !== '' && end - start !== exact.length) {
      report.at(endNode, node, 'warning', `${path}.end`,
        `"start".."end" spans ${end - start} characters but "exact" has ${exact.length}; the quote wins when re-anchoring`);
    }
    if (options.textLength !== undefined && end > options.textLength) {
      report.at(endNode, node, 'warning', `${path}.end`,
        `"end" (${end}) is beyond the end of the article (${options.textLength} characters); the annotation needs re-anchoring`);
    }
  }
  if (exact === undefined || exact === '' || start === undefined || end === undefined) return undefined;
  const target: AnnotationTarget = { exact, prefix, suffix, start, end, textHash };
  if (node.get('prefix', true) === undefined && node.get('suffix', true) === undefined) target.contextUnknown = true;
  if (unplaced) target.offsetsUnknown = true;
  return target;
}

function readConflict(map: YAMLMap, path: string, report: ProblemCollector): Annotation['conflict'] {
  const node = deref(map.get('conflict', true));
  if (node === undefined || isNullish(node)) return undefined;
  if (!isMap(node)) {
    report.at(node as Node, map, 'error', path, `"conflict" must be a mapping with "with" and "detected", not ${describe(node)}`);
    return undefined;
  }
  const withId = readString(node, 'with', `${path}.with`, report, true);
  const detected = readString(node, 'detected', `${path}.detected`, report, false) ?? '';
  return withId === undefined ? undefined : { with: withId, detected };
}
