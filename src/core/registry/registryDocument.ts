/**
 * The analyst's entity registry (`.sources/entities.yaml`), edited through the `yaml` Document API so that
 * comments, ordering and formatting the analyst wrote survive every edit. The adapter reads and writes
 * the file; this class only turns text into a document, applies edits, and prints it back.
 *
 *   entities:
 *     - canonical: Pete Hegseth
 *       type: PERSON
 *       aliases: [Hegseth]
 *       description: US Secretary of War
 *       links: [https://example.org/hegseth]
 *   ignore: [Thursday Night]
 */
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { EntityRegistry, NameType } from '../extract/types';
import { LOSSLESS_DOUBLE_QUOTES } from '../util/yamlQuoting';
import { normalizeName } from '../index/entityKey';
import { readRegistry, type RegistryProblem } from './validateRegistry';

export const DEFAULT_REGISTRY_PATH = '.sources/entities.yaml';

/** Names an entity in the registry; `type` disambiguates when two entities share a canonical name. */
export interface EntityRef {
  canonical: string;
  type?: NameType;
}

export class RegistryEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryEditError';
  }
}

export class RegistryDocument {
  private constructor(private readonly doc: Document, readonly problems: RegistryProblem[]) {}

  /** Never throws: YAML errors and schema problems come back in `problems` with line and column. */
  static parse(text: string): RegistryDocument {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
    const problems: RegistryProblem[] = doc.errors.map((error) => {
      const position = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
      return { message: error.message.split('\n')[0], line: position.line, col: position.col, severity: 'error' };
    });
    if (problems.length === 0) problems.push(...readRegistry(doc, lineCounter).problems);
    return new RegistryDocument(doc, problems);
  }

  static empty(): RegistryDocument {
    return RegistryDocument.parse('# Entities curated by the analyst; they override automatic detection.\nentities: []\nignore: []\n');
  }

  get hasErrors(): boolean {
    return this.problems.some((p) => p.severity === 'error');
  }

  /** The registry for `extract` and `CorpusIndex.setRegistry`; invalid entries are left out. */
  toEntityRegistry(): EntityRegistry {
    if (this.hasErrors) return { entities: [], ignore: [] };
    return readRegistry(this.doc, new LineCounter()).registry;
  }

  toString(): string {
    return this.doc.toString({ lineWidth: 0, ...LOSSLESS_DOUBLE_QUOTES });
  }

  /** Adds a surface form to an entity. Returns false when it was already there. */
  addAlias(ref: EntityRef, alias: string): boolean {
    const entity = this.requireEntity(ref);
    if (String(entity.get('canonical')) === alias.trim()) return false;
    return this.addToList(entity, 'aliases', alias.trim());
  }

  /** Removes a surface form from an entity. Returns false when it was not there. */
  removeAlias(ref: EntityRef, alias: string): boolean {
    const list = this.requireEntity(ref).get('aliases', true);
    if (!isSeq(list)) return false;
    const before = list.items.length;
    list.items = list.items.filter((item) => scalarString(item) !== alias);
    return list.items.length < before;
  }

  /** Deletes an entity entry. */
  removeEntity(ref: EntityRef): void {
    const entities = this.entities();
    entities.items.splice(entities.items.indexOf(this.requireEntity(ref)), 1);
  }

  /**
   * Folds `source` into `target`: its canonical name, aliases and links become the target's, a missing
   * description is taken over, and the source entry disappears. `split` undoes it.
   */
  merge(target: EntityRef, source: EntityRef): void {
    const into = this.requireEntity(target);
    const from = this.requireEntity(source);
    if (into === from) throw new RegistryEditError(`Cannot merge "${target.canonical}" into itself`);
    for (const alias of [String(from.get('canonical')), ...this.listOf(from, 'aliases')]) {
      if (String(into.get('canonical')) !== alias) this.addToList(into, 'aliases', alias);
    }
    for (const link of this.listOf(from, 'links')) this.addToList(into, 'links', link);
    const description = from.get('description');
    if (description && !into.get('description')) into.set('description', this.doc.createNode(description));
    const entities = this.entities();
    entities.items.splice(entities.items.indexOf(from), 1);
  }

  /** Moves `aliases` out of an entity into a new one named `into` (undoes a merge). */
  split(ref: EntityRef, aliases: string[], into: EntityRef): void {
    const entity = this.requireEntity(ref);
    const moving = aliases.filter((a) => a !== into.canonical);
    const list = entity.get('aliases', true);
    if (isSeq(list)) {
      list.items = list.items.filter((item) => {
        const alias = scalarString(item);
        return alias !== into.canonical && !aliases.includes(alias ?? '');
      });
    }
    const fields: Record<string, unknown> = { canonical: into.canonical, type: into.type ?? entity.get('type') };
    if (moving.length) fields.aliases = moving;
    this.entities().add(this.doc.createNode(fields));
  }

  /** Marks a surface form as never an entity. Returns false when it was already ignored. */
  ignore(surface: string): boolean {
    const list = this.ensureRootList('ignore');
    if (list.items.some((item) => scalarString(item) === surface)) return false;
    list.add(this.doc.createNode(surface));
    return true;
  }

  /**
   * Declares that `surface` is an entity of `type`: an existing entity with that name or alias is
   * re-typed, otherwise a new entry is added. The surface stops being ignored.
   */
  markEntity(surface: string, type: NameType): void {
    const ignore = this.doc.get('ignore', true);
    if (isSeq(ignore)) ignore.items = ignore.items.filter((item) => scalarString(item) !== surface);
    const existing = this.findEntity({ canonical: surface, type }) ?? this.findEntity({ canonical: surface }) ?? this.findByAlias(surface);
    if (existing) existing.set('type', this.doc.createNode(type));
    else this.entities().add(this.doc.createNode({ canonical: surface, type }));
  }

  changeType(ref: EntityRef, type: NameType): void {
    this.requireEntity(ref).set('type', this.doc.createNode(type));
  }

  /** Sets (or, with an empty string, removes) an entity's description. */
  setDescription(ref: EntityRef, description: string): void {
    const entity = this.requireEntity(ref);
    if (description.trim()) entity.set('description', this.doc.createNode(description.trim()));
    else entity.delete('description');
  }

  addLink(ref: EntityRef, url: string): boolean {
    return this.addToList(this.requireEntity(ref), 'links', url);
  }

  // ---------------------------------------------------------------- internals

  private entities(): YAMLSeq {
    return this.ensureRootList('entities');
  }

  private ensureRootList(field: 'entities' | 'ignore'): YAMLSeq {
    if (this.hasErrors) throw new RegistryEditError('The registry has YAML errors; fix them before editing');
    if (!isMap(this.doc.contents)) {
      if (this.doc.contents !== null && !(isScalar(this.doc.contents) && this.doc.contents.value === null)) {
        throw new RegistryEditError('The registry must be a mapping with `entities:` and `ignore:`');
      }
      this.doc.contents = this.doc.createNode({}) as unknown as typeof this.doc.contents;
    }
    const root = this.doc.contents as YAMLMap;
    const existing = root.get(field, true);
    if (isSeq(existing)) {
      // An empty `[]` grows into a block list: one entry per line reads and diffs better.
      if (existing.items.length === 0) existing.flow = false;
      return existing;
    }
    const list = this.doc.createNode([]) as YAMLSeq;
    root.set(field, list);
    return list;
  }

  private entityMaps(): YAMLMap[] {
    return this.entities().items.filter((item): item is YAMLMap => isMap(item));
  }

  private findEntity(ref: EntityRef): YAMLMap | undefined {
    const entities = this.entityMaps();
    const exact = entities.filter((e) => scalarString(e.get('canonical', true)) === ref.canonical);
    const matches = exact.length ? exact : entities.filter((e) => sameName(scalarString(e.get('canonical', true)), ref.canonical));
    return (ref.type ? matches.find((e) => String(e.get('type')).toUpperCase() === ref.type) : undefined) ?? matches[0];
  }

  private findByAlias(surface: string): YAMLMap | undefined {
    return this.entityMaps().find((e) => this.listOf(e, 'aliases').some((a) => sameName(a, surface)));
  }

  private requireEntity(ref: EntityRef): YAMLMap {
    const entity = this.findEntity(ref);
    if (!entity) throw new RegistryEditError(`No entity "${ref.canonical}" in the registry`);
    return entity;
  }

  private listOf(entity: YAMLMap, field: string): string[] {
    const list = entity.get(field, true);
    return isSeq(list) ? list.items.map(scalarString).filter((s): s is string => !!s) : [];
  }

  private addToList(entity: YAMLMap, field: string, value: string): boolean {
    const list = entity.get(field, true);
    if (isSeq(list)) {
      if (list.items.some((item) => scalarString(item) === value)) return false;
      list.add(this.doc.createNode(value));
      return true;
    }
    entity.set(field, this.doc.createNode([value]));
    return true;
  }
}

function scalarString(node: unknown): string | undefined {
  if (!isScalar(node as Node)) return undefined;
  const value = (node as { value: unknown }).value;
  return value === null || value === undefined ? undefined : String(value);
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && normalizeName(a) === normalizeName(b);
}

/** Builds the registry view straight from text, for callers that only read it. */
export function parseRegistry(text: string): { registry: EntityRegistry; problems: RegistryProblem[] } {
  const document = RegistryDocument.parse(text);
  return { registry: document.toEntityRegistry(), problems: document.problems };
}
