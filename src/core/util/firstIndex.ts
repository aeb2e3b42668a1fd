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
