/**
 * The first index in [0, length) at which `reached` holds, or `length` when it never does: a binary search
 * over a sorted list, where `reached` is false for a prefix of the indexes and true for the rest ("the first
 * span ending after the offset", "the first line starting after it"). The last index before a point is
 * `firstIndex(...) - 1`.
 */
export function firstIndex(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (reached(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The index of the first range of `sorted` (in order, not overlapping, so their ends are in order too) ending after `offset`. */
export function firstEndingAfter(sorted: readonly { end: number }[], offset: number): number {
  return firstIndex(sorted.length, (i) => sorted[i].end > offset);
}

/** Whether a range of `sorted` (in order, not overlapping) overlaps [start, end). */
export function overlapsSorted(sorted: readonly { start: number; end: number }[], start: number, end: number): boolean {
  const k = firstEndingAfter(sorted, start);
  return k < sorted.length && sorted[k].start < end;
}
