/**
 * Reads the registry's YAML nodes into the `EntityRegistry` the extractor and the index use, reporting
 * every entry it has to skip with a 1-based line and column so the adapter can show diagnostics.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { EntityRegistry, NameType, RegistryEntity } from '../extract/types';
import { NAME_TYPES } from '../extract/types';

export interface RegistryProblem {
  message: string;
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
  severity: 'error' | 'warning';
}

export function problemAt(lineCounter: LineCounter, node: Node | null | undefined, message: string, severity: RegistryProblem['severity'] = 'warning'): RegistryProblem {
  const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
  return { message, line, col, severity };
}

export function readRegistry(doc: Document, lineCounter: LineCounter): { registry: EntityRegistry; problems: RegistryProblem[] } {
  const problems: RegistryProblem[] = [];
  const registry: EntityRegistry = { entities: [], ignore: [] };
  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && root.value === null)) return { registry, problems };
  if (!isMap(root)) {
    problems.push(problemAt(lineCounter, root as Node, 'The registry must be a mapping with `entities:` and `ignore:`', 'error'));
    return { registry, problems };
  }
  const entities = root.get('entities', true) as Node | undefined;
  if (entities !== undefined && entities !== null && !isSeq(entities) && !(isScalar(entities) && entities.value === null)) {
    problems.push(problemAt(lineCounter, entities, '`entities` must be a list'));
  }
  if (isSeq(entities)) {
    for (const item of entities.items) {
      const entity = readEntity(item as Node, lineCounter, problems);
      if (entity) registry.entities.push(entity);
    }
  }
  const ignore = root.get('ignore', true) as Node | undefined;
  if (isSeq(ignore)) {
    for (const item of ignore.items) {
      const surface = scalarText(item as Node);
      if (surface) registry.ignore!.push(surface);
      else problems.push(problemAt(lineCounter, item as Node, '`ignore` entries must be non-empty strings'));
    }
  } else if (ignore !== undefined && ignore !== null && !(isScalar(ignore) && ignore.value === null)) {
    problems.push(problemAt(lineCounter, ignore, '`ignore` must be a list'));
  }
  return { registry, problems };
}

function readEntity(node: Node, lineCounter: LineCounter, problems: RegistryProblem[]): RegistryEntity | undefined {
  if (!isMap(node)) {
    problems.push(problemAt(lineCounter, node, 'An entity must be a mapping with `canonical` and `type`'));
    return undefined;
  }
  const canonical = scalarText(node.get('canonical', true) as Node | undefined);
  if (!canonical) {
    problems.push(problemAt(lineCounter, node, 'Entity without a `canonical` name: skipped'));
    return undefined;
  }
  const typeNode = node.get('type', true) as Node | undefined;
  const type = scalarText(typeNode)?.toUpperCase();
  if (!type || !(NAME_TYPES as readonly string[]).includes(type)) {
    problems.push(problemAt(lineCounter, typeNode ?? node, `Entity "${canonical}": \`type\` must be one of ${NAME_TYPES.join(', ')}`));
    return undefined;
  }
  const entity: RegistryEntity = { canonical, type: type as NameType };
  const aliases = stringList(node.get('aliases', true) as Node | undefined, 'aliases', canonical, lineCounter, problems);
  if (aliases.length) entity.aliases = aliases;
  const description = scalarText(node.get('description', true) as Node | undefined);
  if (description) entity.description = description;
  const links = stringList(node.get('links', true) as Node | undefined, 'links', canonical, lineCounter, problems);
  if (links.length) entity.links = links;
  return entity;
}

function stringList(node: Node | undefined, field: string, canonical: string, lineCounter: LineCounter, problems: RegistryProblem[]): string[] {
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  if (!isSeq(node)) {
    problems.push(problemAt(lineCounter, node, `Entity "${canonical}": \`${field}\` must be a list`));
    return [];
  }
  const out: string[] = [];
  for (const item of node.items) {
    const text = scalarText(item as Node);
    if (text) out.push(text);
    else problems.push(problemAt(lineCounter, item as Node, `Entity "${canonical}": \`${field}\` entries must be non-empty strings`));
  }
  return out;
}

/** A scalar's text; numbers and booleans count (an alias like `1999` is still a name). */
function scalarText(node: Node | undefined | null): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(node.source ?? value);
  return undefined;
}
