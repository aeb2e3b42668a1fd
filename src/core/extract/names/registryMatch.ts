import type { EntityRegistry, Span } from '../types';
import { escapeRegExp } from './coreference';

type RegistryEntry = { canonical: string; type: Span['type'] };

interface CompiledRegistry {
  /** Each form with the first entity that names it, and all forms in one pattern, longest first. */
  firstByForm: Map<string, RegistryEntry>;
  pattern: RegExp | undefined;
  /** Each form with the last entity that names it (what a detected name is mapped to). */
  lastByForm: Map<string, RegistryEntry>;
}

/**
 * Registries are replaced, never changed in place, and one is used for every block of a long article:
 * its forms and pattern are built once per registry, not once per extraction.
 */
const compiledRegistries = new WeakMap<EntityRegistry, CompiledRegistry>();

function compile(registry: EntityRegistry): CompiledRegistry {
  const known = compiledRegistries.get(registry);
  if (known) return known;
  const firstByForm = new Map<string, RegistryEntry>();
  const lastByForm = new Map<string, RegistryEntry>();
  for (const e of registry.entities) {
    for (const form of [e.canonical, ...(e.aliases ?? [])]) {
      const entry = { canonical: e.canonical, type: e.type };
      lastByForm.set(form, entry);
      if (form && form.trim() && !firstByForm.has(form)) firstByForm.set(form, entry);
    }
  }
  const alternatives = [...firstByForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = alternatives.length > 0 ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : undefined;
  const compiled = { firstByForm, pattern, lastByForm };
  compiledRegistries.set(registry, compiled);
  return compiled;
}

/** Every occurrence in the text of a registry entity's canonical name or aliases, as forced spans. */
export function registrySpans(text: string, registry: EntityRegistry | undefined): Span[] {
  if (!registry || registry.entities.length === 0) return [];
  const { firstByForm, pattern } = compile(registry);
  if (!pattern) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    const f = firstByForm.get(m[0]);
    if (!f) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, type: f.type, text: m[0], value: null, canonical: f.canonical });
  }
  return out;
}

/** Maps a surface form or canonical name to the registry's canonical entry, if any. */
export function registryLookup(registry: EntityRegistry | undefined): (surface: string) => RegistryEntry | undefined {
  if (!registry) return () => undefined;
  const { lastByForm } = compile(registry);
  return (surface) => lastByForm.get(surface);
}
