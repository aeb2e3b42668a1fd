import type { EntityRegistry, Span } from '../types';
import { escapeRegExp } from './coreference';

/** Every occurrence in the text of a registry entity's canonical name or aliases, as forced spans. */
export function registrySpans(text: string, registry: EntityRegistry | undefined): Span[] {
  if (!registry || registry.entities.length === 0) return [];
  const byForm = new Map<string, { canonical: string; type: Span['type'] }>();
  for (const e of registry.entities) {
    for (const form of [e.canonical, ...(e.aliases ?? [])]) {
      if (form && form.trim() && !byForm.has(form)) byForm.set(form, { canonical: e.canonical, type: e.type });
    }
  }
  if (byForm.size === 0) return [];
  const alternatives = [...byForm.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const out: Span[] = [];
  for (const m of text.matchAll(re)) {
    const f = byForm.get(m[0]);
    if (!f) continue;
    const start = m.index ?? 0;
    out.push({ start, end: start + m[0].length, type: f.type, text: m[0], value: null, canonical: f.canonical });
  }
  return out;
}

/** Maps a surface form or canonical name to the registry's canonical entry, if any. */
export function registryLookup(registry: EntityRegistry | undefined): (surface: string) => { canonical: string; type: Span['type'] } | undefined {
  if (!registry) return () => undefined;
  const map = new Map<string, { canonical: string; type: Span['type'] }>();
  for (const e of registry.entities) {
    for (const form of [e.canonical, ...(e.aliases ?? [])]) map.set(form, { canonical: e.canonical, type: e.type });
  }
  return (surface) => map.get(surface);
}
