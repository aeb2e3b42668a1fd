/**
 * Annotated passages are tinted by tag from a small palette of theme colours
 * (`sourceAnnotator.annotation.tag1` … `tag6`), so a tag keeps its colour across articles and sessions.
 */

export const PALETTE_SIZE = 6;

/** 1-based palette slot for an annotation, chosen by its first tag; untagged notes use slot 1. */
export function paletteSlotFor(tags: readonly string[]): number {
  const tag = tags[0];
  if (tag === undefined) return 1;
  // FNV-1a over UTF-16 units: stable across runs and platforms, unlike object identity or Math.random.
  let hash = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) {
    hash ^= tag.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % PALETTE_SIZE) + 1;
}

export function paletteColourId(slot: number): string {
  return `sourceAnnotator.annotation.tag${slot}`;
}
