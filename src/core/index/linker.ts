/**
 * Decides which entity a name mention belongs to. The analyst's registry always wins: an alias or
 * canonical listed there pins the mention to that entity (and its type); ignored surfaces get no entity.
 * Otherwise the key is the normalized canonical alone (`UNTYPED_PREFIX` + name): the type one mention got
 * does not split an entity, the corpus index decides the type from all the mentions.
 */
import type { EntityRegistry, NameType, RegistryEntity } from '../extract/types';
import { entityKey, normalizeName, UNTYPED_PREFIX, type EntityKey } from './entityKey';

export class EntityLinker {
  private readonly byName = new Map<string, RegistryEntity[]>();
  private readonly byKey = new Map<EntityKey, RegistryEntity>();
  private readonly ignored: ReadonlySet<string>;
  /** Linking runs for every name mention in the corpus; the same few thousand names recur. */
  private readonly keyMemo = new Map<string, EntityKey>();

  constructor(readonly registry: EntityRegistry = { entities: [] }) {
    this.ignored = new Set(registry.ignore ?? []);
    for (const entity of registry.entities) {
      this.byKey.set(entityKey(entity.type, entity.canonical), entity);
      for (const name of [entity.canonical, ...(entity.aliases ?? [])]) {
        const normalized = normalizeName(name);
        const list = this.byName.get(normalized);
        if (list) list.push(entity);
        else this.byName.set(normalized, [entity]);
      }
    }
  }

  /** The entity key of a name mention, or undefined when the analyst marked the surface as ignored. */
  keyFor(type: NameType, surface: string, canonical: string | undefined): EntityKey | undefined {
    if (this.ignored.has(surface)) return undefined;
    const memoKey = `${type}\u0000${surface}\u0000${canonical ?? ''}`;
    let key = this.keyMemo.get(memoKey);
    if (key === undefined) {
      const pinned = this.byName.size ? this.registryEntityFor(type, canonical) ?? this.registryEntityFor(type, surface) : undefined;
      key = pinned ? entityKey(pinned.type, pinned.canonical) : UNTYPED_PREFIX + normalizeName(canonical ?? surface);
      if (this.keyMemo.size > 200_000) this.keyMemo.clear();
      this.keyMemo.set(memoKey, key);
    }
    return key;
  }

  /** The registry entry behind a key, when the analyst curated it. */
  registryEntity(key: EntityKey): RegistryEntity | undefined {
    return this.byKey.get(key);
  }

  isIgnored(surface: string): boolean {
    return this.ignored.has(surface);
  }

  private registryEntityFor(type: NameType, name: string | undefined): RegistryEntity | undefined {
    if (name === undefined) return undefined;
    const candidates = this.byName.get(normalizeName(name));
    if (!candidates) return undefined;
    return candidates.find((e) => e.type === type) ?? candidates[0];
  }
}
