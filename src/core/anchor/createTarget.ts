/** Builds the selectors that let an annotation find its text again after the article changes. */
import { AnnotationTarget } from '../sidecar/model';
import { articleTextHash } from '../sidecar/textHash';

/** How much context is stored on each side of the quote, in UTF-16 units. */
export const DEFAULT_CONTEXT_LENGTH = 32;

/**
 * Selectors for `text.slice(start, end)`: the quote, up to `contextLength` units of context on each
 * side, the offsets and the hash of the whole text. Pass `textHash` when the caller already has it,
 * to avoid rehashing a large article for every annotation.
 */
export function createTarget(text: string, start: number, end: number,
  options: { contextLength?: number; textHash?: string } = {}): AnnotationTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`Cannot anchor [${start}, ${end}) in a text of ${text.length} characters`);
  }
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - contextLength), start),
    suffix: text.slice(end, Math.min(text.length, end + contextLength)),
    start,
    end,
    textHash: options.textHash ?? articleTextHash(text),
  };
}
