import type { NameType } from '../types';

/**
 * BILOU tags over the four name types: O, then Begin/Inside/Last/Unit for each type. Illegal
 * transitions (I after O, B after B, ...) are forbidden in decoding, so every path spells out spans.
 */
export const ENTITY_TYPES: readonly NameType[] = ['PERSON', 'ORG', 'PLACE', 'MISC'];
export type Scheme = 'BIO' | 'BILOU';

const enum Part { B = 0, I = 1, L = 2, U = 3 }

export interface TagSet {
  scheme: Scheme;
  size: number;
  names: string[];
  /** allowed[prev * size + next]; prev === size is the sentence start. */
  allowed: Uint8Array;
  /** Tag for a token at `position` (0-based) in an entity of `length` tokens of `typeIndex`. */
  tagFor(typeIndex: number, position: number, length: number): number;
  /** Entity type index of a tag, -1 for O. */
  typeOf(tag: number): number;
  /** Whether the tag opens an entity. */
  begins(tag: number): boolean;
}

export function makeTagSet(scheme: Scheme): TagSet {
  const parts = scheme === 'BIO' ? [Part.B, Part.I] : [Part.B, Part.I, Part.L, Part.U];
  const partLetters = ['B', 'I', 'L', 'U'];
  const names = ['O'];
  const partOf = [-1];
  const typeOfTag = [-1];
  for (let t = 0; t < ENTITY_TYPES.length; t++) {
    for (const p of parts) {
      names.push(`${partLetters[p]}-${ENTITY_TYPES[t]}`);
      partOf.push(p);
      typeOfTag.push(t);
    }
  }
  const size = names.length;
  const allowed = new Uint8Array((size + 1) * size);
  const opensOrOutside = (tag: number): boolean => tag === 0 || partOf[tag] === Part.B || partOf[tag] === Part.U;
  for (let prev = 0; prev <= size; prev++) {
    for (let next = 0; next < size; next++) {
      let ok: boolean;
      const continues = next !== 0 && (partOf[next] === Part.I || partOf[next] === Part.L);
      if (scheme === 'BIO') {
        ok = !continues || (prev < size && prev !== 0 && typeOfTag[prev] === typeOfTag[next]);
      } else {
        const prevOpen = prev < size && prev !== 0 && (partOf[prev] === Part.B || partOf[prev] === Part.I);
        ok = prevOpen ? continues && typeOfTag[prev] === typeOfTag[next] : opensOrOutside(next);
      }
      allowed[prev * size + next] = ok ? 1 : 0;
    }
  }
  // BILOU paths must not end inside an entity; the decoder checks `canEnd`.
  const stride = parts.length;
  return {
    scheme, size, names, allowed,
    tagFor(typeIndex, position, length) {
      const base = 1 + typeIndex * stride;
      if (scheme === 'BIO') return base + (position === 0 ? Part.B : Part.I);
      if (length === 1) return base + Part.U;
      if (position === 0) return base + Part.B;
      return base + (position === length - 1 ? Part.L : Part.I);
    },
    typeOf: (tag) => typeOfTag[tag],
    begins: (tag) => tag !== 0 && (partOf[tag] === Part.B || partOf[tag] === Part.U),
  };
}

/** Whether a sentence may end on this tag (BILOU forbids ending on B or I). */
export function canEnd(tags: TagSet, tag: number): boolean {
  if (tags.scheme === 'BIO' || tag === 0) return true;
  const name = tags.names[tag];
  return name.startsWith('L-') || name.startsWith('U-');
}
