/** Stable annotation ids: short, sortable by creation time, and unlikely to collide across analysts. */

/** Makes a new id such as `a-m1x2k3p4-7fq2`; `random` is injectable for deterministic tests. */
export function newAnnotationId(now: Date = new Date(), random: () => number = Math.random): string {
  const time = now.getTime().toString(36);
  let tail = '';
  for (let i = 0; i < 6; i++) tail += Math.floor(random() * 36).toString(36);
  return `a-${time}-${tail}`;
}

/** A new id that is not in `taken`. */
export function uniqueAnnotationId(taken: ReadonlySet<string>, now?: Date, random?: () => number): string {
  const id = newAnnotationId(now, random);
  if (!taken.has(id)) return id;
  // A fixed clock and a stubbed random repeat themselves; a counter still guarantees uniqueness.
  for (let n = 2; ; n++) {
    if (!taken.has(`${id}-${n}`)) return `${id}-${n}`;
  }
}
