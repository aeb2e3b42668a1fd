/**
 * A sidecar file held as a `yaml` Document, so that comments, key order, quoting style and keys this
 * build does not know survive every edit. Edits touch only the nodes they change; serializing an
 * unedited document reproduces the file. A document with errors is read-only: the API refuses to
 * edit or serialize it, so a malformed file on disk is never overwritten.
 */
import { Document, isMap, isNode, isScalar, isSeq, LineCounter, Pair, parseDocument, Scalar, ToStringOptions, YAMLMap, YAMLSeq } from 'yaml';
import { Annotation, AnnotationTarget, ArticleMetadata, METADATA_KEYS, Sidecar, SidecarProblem, SIDECAR_VERSION } from './model';
import { idText, validateSidecarDocument } from './validateSidecar';
import { preserveLayout } from './preserveLayout';
import { detectYamlStyle } from './yamlStyle';

/** Sidecars above this size are refused before parsing (about 10,000 annotations). */
export const DEFAULT_MAX_SIDECAR_CHARS = 4 * 1024 * 1024;

export interface ParseSidecarOptions {
  /** Length of the article text; targets ending beyond it are reported as warnings. */
  textLength?: number;
  /** Refuse larger inputs with a single error instead of parsing them. */
  maxChars?: number;
}

/** Thrown when an edit or a write is attempted on a document that has errors. */
export class SidecarReadOnlyError extends Error {
  constructor(readonly problems: SidecarProblem[]) {
    const first = problems.find((problem) => problem.severity === 'error');
    super(`The sidecar has ${problems.filter((p) => p.severity === 'error').length} error(s) and will not be rewritten`
      + (first ? `; first at line ${first.line}, column ${first.column}: ${first.message}` : ''));
    this.name = 'SidecarReadOnlyError';
  }
}

/** Fields of an annotation that `updateAnnotation` can change; `conflict: undefined` removes the marker. */
export type AnnotationPatch = Partial<Omit<Annotation, 'id'>>;

/** Metadata edits; a field set to `undefined` is removed from the file. */
export type MetadataPatch = { [K in keyof ArticleMetadata]?: ArticleMetadata[K] | undefined };

const ANNOTATION_KEY_ORDER = ['id', 'tags', 'note', 'author', 'created', 'modified', 'target', 'conflict'] as const;
const TARGET_KEY_ORDER = ['exact', 'prefix', 'suffix', 'start', 'end', 'textHash'] as const;

export class SidecarDocument {
  private problemList: SidecarProblem[];
  private cached: Sidecar | undefined;
  /** The library's print of the document as read, taken before the first edit (see `preserveLayout`). */
  private pristine: string | undefined;
  private edited = false;

  private constructor(
    private readonly doc: Document | undefined,
    private readonly style: ToStringOptions & { crlf?: boolean },
    problems: SidecarProblem[],
    sidecar: Sidecar | undefined,
    /** The text this document was parsed from. */
    private readonly source?: string,
  ) {
    this.problemList = problems;
    this.cached = sidecar;
  }

  /** Parses sidecar text. Never throws: syntax and schema problems land in `problems`. */
  static parse(text: string, options: ParseSidecarOptions = {}): SidecarDocument {
    const maxChars = options.maxChars ?? DEFAULT_MAX_SIDECAR_CHARS;
    if (text.length > maxChars) {
      const megabytes = (n: number): string => (n / (1024 * 1024)).toFixed(1);
      return new SidecarDocument(undefined, {}, [{
        severity: 'error', line: 1, column: 1,
        message: `Sidecar is too large (${megabytes(text.length)} MB, limit ${megabytes(maxChars)} MB); it was not read`,
      }], undefined);
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
    const problems: SidecarProblem[] = [];
    for (const [severity, list] of [['error', doc.errors], ['warning', doc.warnings]] as const) {
      for (const error of list) {
        const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
        problems.push({ severity, line: position.line, column: position.col, message: yamlErrorMessage(error.message) });
      }
    }
    if (problems.some((problem) => problem.severity === 'error')) {
      return new SidecarDocument(doc, {}, problems, undefined);
    }
    const validation = validateSidecarDocument(doc, lineCounter, options);
    problems.push(...validation.problems);
    const style = { ...detectYamlStyle(text), crlf: text.includes('\r\n') };
    return new SidecarDocument(doc, style, problems, validation.sidecar, text);
  }

  /** A new, empty sidecar (`version: 1`) with optional article metadata. */
  static create(article: ArticleMetadata = {}): SidecarDocument {
    const document = SidecarDocument.parse(`version: ${SIDECAR_VERSION}\narticle:\nannotations:\n`);
    document.setMetadata(article);
    return document;
  }

  /** Syntax errors, schema violations and warnings, in document order within each kind. */
  get problems(): readonly SidecarProblem[] {
    return this.problemList;
  }

  /** True when the document must not be edited or written. */
  get hasErrors(): boolean {
    return this.problemList.some((problem) => problem.severity === 'error');
  }

  /** The sidecar as plain data. Throws `SidecarReadOnlyError` when the document has errors. */
  get sidecar(): Sidecar {
    const doc = this.writable();
    if (!this.cached) this.cached = validateSidecarDocument(doc, new LineCounter()).sidecar;
    return structuredClone(this.cached);
  }

  /** The annotation with this id, as plain data. */
  getAnnotation(id: string): Annotation | undefined {
    return this.sidecar.annotations.find((annotation) => annotation.id === id);
  }

  /** Appends an annotation. Throws if the id is already used. */
  addAnnotation(annotation: Annotation): void {
    const doc = this.beforeEdit();
    if (this.findAnnotationNode(annotation.id)) throw new Error(`Annotation id "${annotation.id}" is already used`);
    annotationList(doc).items.push(this.annotationNode(annotation));
    this.changed();
  }

  /** Changes only the given fields of an annotation. Returns false when the id is unknown. */
  updateAnnotation(id: string, patch: AnnotationPatch): boolean {
    const doc = this.beforeEdit();
    const node = this.findAnnotationNode(id);
    if (!node) return false;
    const current = this.getAnnotation(id);
    for (const key of ANNOTATION_KEY_ORDER) {
      if (key === 'id' || !(key in patch)) continue;
      const value = patch[key];
      if (key === 'target') {
        if (value !== undefined) this.updateTarget(doc, node, value as AnnotationTarget);
      } else if (key === 'tags') {
        if (value !== undefined && !sameList(current?.tags ?? [], value as string[])) this.setTags(doc, node, value as string[]);
      } else if (value === undefined) {
        node.delete(key);
      } else if (key === 'conflict') {
        node.set(key, doc.createNode(value));
      } else if (current?.[key] !== value || !node.has(key)) {
        setInOrder(node, key, value, ANNOTATION_KEY_ORDER);
      }
    }
    this.changed();
    return true;
  }

  /** Removes an annotation. Returns false when the id is unknown. */
  removeAnnotation(id: string): boolean {
    const doc = this.beforeEdit();
    const seq = doc.get('annotations', true);
    if (!isSeq(seq)) return false;
    const index = seq.items.findIndex((item) => isMap(item) && item.get('id') === id);
    if (index < 0) return false;
    seq.items.splice(index, 1);
    this.changed();
    return true;
  }

  /** Sets or removes article metadata fields; untouched fields keep their formatting and comments. */
  setMetadata(patch: MetadataPatch): void {
    const doc = this.beforeEdit();
    let article = doc.get('article', true);
    const hasValues = Object.values(patch).some((value) => value !== undefined);
    if (!isMap(article)) {
      if (!hasValues) return;
      article = new YAMLMap();
      const root = doc.contents as YAMLMap;
      const slot = root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'article');
      if (slot) {
        slot.value = article;
      } else {
        const versionIndex = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'version');
        root.items.splice(versionIndex + 1, 0, doc.createPair('article', article));
      }
    }
    const map = article as YAMLMap;
    for (const key of METADATA_KEYS) {
      if (!(key in patch)) continue;
      const value = patch[key];
      if (value === undefined) map.delete(key);
      else if (map.get(key) !== value) setInOrder(map, key, value, METADATA_KEYS);
    }
    this.changed();
  }

  /** Renames a tag on every annotation (dropping duplicates it creates). Returns how many changed. */
  renameTag(from: string, to: string): number {
    this.writable();
    let count = 0;
    for (const annotation of this.sidecar.annotations) {
      if (!annotation.tags.includes(from)) continue;
      const renamed = annotation.tags.map((tag) => (tag === from ? to : tag))
        .filter((tag, index, all) => all.indexOf(tag) === index);
      this.updateAnnotation(annotation.id, { tags: renamed });
      count++;
    }
    return count;
  }

  /**
   * Makes the document hold exactly `target`'s metadata and annotations with the fewest node edits:
   * removed ids are deleted, changed ones updated field by field, new ones appended in order.
   */
  syncTo(target: Sidecar, options: { from?: SidecarDocument } = {}): void {
    const current = this.sidecar;
    const wanted = new Map(target.annotations.map((annotation) => [annotation.id, annotation]));
    for (const annotation of current.annotations) {
      if (!wanted.has(annotation.id)) this.removeAnnotation(annotation.id);
    }
    const existing = new Map(current.annotations.map((annotation) => [annotation.id, annotation]));
    for (const annotation of target.annotations) {
      const before = existing.get(annotation.id);
      if (!before) {
        // An annotation this file lacks comes from `from` (our copy in a merge) with the keys this build
        // does not know, its comments and its layout; only the fields that differ are then set.
        const source = options.from?.findAnnotationNode(annotation.id)
          ?? (annotation.conflict ? options.from?.findAnnotationNode(annotation.conflict.with) : undefined);
        if (source) this.addAnnotationNode(source, annotation);
        else this.addAnnotation(annotation);
      } else if (JSON.stringify(before) !== JSON.stringify(annotation)) {
        const { id: _id, ...fields } = annotation;
        const patch: AnnotationPatch = { ...fields };
        if (before.author !== undefined && annotation.author === undefined) patch.author = undefined;
        if (before.conflict !== undefined && annotation.conflict === undefined) patch.conflict = undefined;
        this.updateAnnotation(annotation.id, patch);
      }
    }
    const metadataPatch: MetadataPatch = {};
    for (const key of METADATA_KEYS) {
      if (current.article[key] !== target.article[key]) (metadataPatch as Record<string, unknown>)[key] = target.article[key];
    }
    if (Object.keys(metadataPatch).length > 0) this.setMetadata(metadataPatch);
  }

  /** Appends a copy of another document's annotation node, then makes its fields equal `annotation`. */
  private addAnnotationNode(source: YAMLMap, annotation: Annotation): void {
    const doc = this.beforeEdit();
    const copy = source.clone() as YAMLMap;
    const idNode = copy.get('id', true);
    if (isScalar(idNode)) idNode.value = annotation.id;
    else copy.set('id', annotation.id);
    annotationList(doc).items.push(copy);
    this.changed();
    const copied = this.getAnnotation(annotation.id);
    if (copied && JSON.stringify(copied) !== JSON.stringify(annotation)) {
      const { id: _id, ...fields } = annotation;
      const patch: AnnotationPatch = { ...fields };
      if (copied.author !== undefined && annotation.author === undefined) patch.author = undefined;
      if (copied.conflict !== undefined && annotation.conflict === undefined) patch.conflict = undefined;
      this.updateAnnotation(annotation.id, patch);
    }
  }

  /** The file text. Throws `SidecarReadOnlyError` when the document has errors. */
  toString(): string {
    const doc = this.writable();
    // Unedited, the file is given back as it was, byte for byte.
    if (!this.edited && this.source !== undefined) return this.source;
    const { crlf, ...options } = this.style;
    const text = doc.toString(options);
    // Edited, the lines the edit did not change keep the file's own layout and line ends.
    if (this.source !== undefined && this.pristine !== undefined) {
      return preserveLayout(this.pristine, this.source, text, () => JSON.stringify(doc.toJS({ maxAliasCount: -1 })));
    }
    return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
  }

  private writable(): Document {
    if (!this.doc || this.hasErrors) throw new SidecarReadOnlyError(this.problemList);
    return this.doc;
  }

  /** Called by every edit before it changes the document: remembers how the unedited document prints. */
  private beforeEdit(): Document {
    const doc = this.writable();
    if (this.pristine === undefined && this.source !== undefined) {
      const { crlf: _crlf, ...options } = this.style;
      this.pristine = doc.toString(options);
    }
    return doc;
  }

  private changed(): void {
    this.cached = undefined;
    this.edited = true;
    // Edits can only resolve warnings such as stale offsets, so drop them rather than report stale ones.
    this.problemList = this.problemList.filter((problem) => problem.severity === 'error');
  }

  private findAnnotationNode(id: string): YAMLMap | undefined {
    const seq = this.doc?.get('annotations', true);
    if (!isSeq(seq)) return undefined;
    return seq.items.find((item): item is YAMLMap => isMap(item) && idText(item.get('id')) === id);
  }

  private annotationNode(annotation: Annotation): YAMLMap {
    const doc = this.writable();
    const node = new YAMLMap();
    for (const key of ANNOTATION_KEY_ORDER) {
      const value = annotation[key];
      if (value === undefined) continue;
      let valueNode;
      if (key === 'target') {
        valueNode = orderedTarget(annotation.target);
      } else if (key === 'tags') {
        valueNode = tagList(doc, value as string[]);
        valueNode.flow = true;
      } else {
        valueNode = typeof value === 'string' ? styledScalar(key, value) : doc.createNode(value);
      }
      node.items.push(new Pair(new Scalar(key), valueNode));
    }
    return node;
  }

  private setTags(doc: Document, node: YAMLMap, tags: string[]): void {
    const old = node.get('tags', true);
    const fresh = tagList(doc, tags);
    fresh.flow = isSeq(old) ? Boolean(old.flow) || old.items.length === 0 : true;
    if (isSeq(old)) {
      fresh.comment = old.comment;
      fresh.commentBefore = old.commentBefore;
      // Tags that stay keep their own nodes, with the comments written beside or above them.
      const kept = new Map<unknown, unknown>();
      for (const item of old.items) if (isScalar(item) && !kept.has(item.value)) kept.set(item.value, item);
      fresh.items = fresh.items.map((item) => (isScalar(item) && kept.has(item.value) ? kept.get(item.value) : item));
    }
    setInOrder(node, 'tags', fresh, ANNOTATION_KEY_ORDER);
  }

  private updateTarget(doc: Document, node: YAMLMap, target: AnnotationTarget): void {
    const old = node.get('target', true);
    if (!isMap(old)) {
      setInOrder(node, 'target', orderedTarget(target), ANNOTATION_KEY_ORDER);
      return;
    }
    for (const key of TARGET_KEY_ORDER) {
      const current = old.get(key, true);
      if (isScalar(current) && current.value === target[key]) continue;
      setInOrder(old, key, target[key], TARGET_KEY_ORDER);
    }
  }
}

/**
 * Quotes and contexts are machine data in which every space counts; double quotes keep them on one
 * line, immune to editors that strip trailing whitespace and to block-scalar indentation rules.
 */
const VERBATIM_KEYS = new Set(['exact', 'prefix', 'suffix']);

function styledScalar(key: string, value: unknown): Scalar {
  const scalar = new Scalar(value);
  if (VERBATIM_KEYS.has(key) || needsDoubleQuotes(value)) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

/**
 * Text the yaml library would write in a form that reads back differently. A block scalar finds its
 * indentation from its first line with text, so the spaces of a blank-looking line before it are read
 * back as nothing (the library writes " \n\nsecond" without an indentation indicator); a block keeps no
 * carriage return; and inside a flow list ([a, b]) a multi-line item is written unquoted, which does not
 * parse. Such text goes in double quotes, on one line.
 */
function needsDoubleQuotes(value: unknown, inFlowList = false): boolean {
  if (typeof value !== 'string' || !/[\n\r]/.test(value)) return false;
  return inFlowList || value.includes('\r') || /^\n*[ \t]+(\n|$)/.test(value);
}

/** Tags as a list node; any tag is safe in a flow list, since the list may be written as one. */
function tagList(doc: Document, tags: readonly string[]): YAMLSeq {
  const list = doc.createNode(tags) as YAMLSeq;
  for (const item of list.items) if (isScalar(item) && needsDoubleQuotes(item.value, true)) item.type = Scalar.QUOTE_DOUBLE;
  return list;
}

function orderedTarget(target: AnnotationTarget): YAMLMap {
  const map = new YAMLMap();
  for (const key of TARGET_KEY_ORDER) map.items.push(new Pair(new Scalar(key), styledScalar(key, target[key])));
  return map;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** Sets a key, keeping an existing node's style; a new key goes where the schema order puts it. */
function setInOrder(map: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  const existing = map.get(key, true);
  if (existing !== undefined) {
    if (isScalar(existing) && (value === null || typeof value !== 'object')) {
      const isBlock = existing.type === Scalar.BLOCK_LITERAL || existing.type === Scalar.BLOCK_FOLDED;
      if (needsDoubleQuotes(value)) existing.type = Scalar.QUOTE_DOUBLE;
      else if (isBlock && !(typeof value === 'string' && value.includes('\n'))) existing.type = undefined;
      existing.value = value;
    } else {
      map.set(key, isNode(value) ? value : styledScalar(key, value));
    }
    return;
  }
  map.set(key, isNode(value) ? value : styledScalar(key, value));
  const pairs = map.items;
  const added = pairs.pop()!;
  const rank = order.indexOf(key);
  const before = pairs.findIndex((pair) => {
    const other = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    return other > rank;
  });
  pairs.splice(before < 0 ? pairs.length : before, 0, added);
}

/** The document's `annotations` list, created when missing, ready for a block-style append. */
function annotationList(doc: Document): YAMLSeq {
  let seq = doc.get('annotations', true);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set('annotations', seq);
  }
  const list = seq as YAMLSeq;
  // An empty `annotations: []` would otherwise grow as a one-line flow list.
  if (list.items.length === 0) list.flow = false;
  return list;
}

/**
 * The first line of a YAML parser message, without the ":" that introduced the excerpt it printed below it
 * and without the position it repeats ("at line 3, column 1"), which the problem carries already.
 */
function yamlErrorMessage(message: string): string {
  return message.split('\n')[0].replace(/:\s*$/, '').replace(/ at line \d+, column \d+$/, '');
}
