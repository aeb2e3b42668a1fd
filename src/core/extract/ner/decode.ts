import { TagSet, canEnd } from './tagScheme';

/**
 * First-order Viterbi over one sentence. `emissions` holds n × tags scores; `transitions` holds
 * (tags + 1) × tags scores, the last row being the sentence start. Forbidden transitions never win.
 */
export function viterbi(
  emissions: Float64Array, n: number, transitions: Float32Array | Float64Array, tags: TagSet, out: Int32Array,
  scratch?: { score: Float64Array; back: Int32Array; weight?: Float64Array },
): void {
  const size = tags.size;
  if (n === 0) return;
  // callers that decode many sentences pass buffers sized for the longest one
  const score = scratch && scratch.score.length >= n * size ? scratch.score : new Float64Array(n * size);
  const back = scratch && scratch.back.length >= n * size ? scratch.back : new Int32Array(n * size);
  const allowed = tags.allowed;
  const NEG = -1e30;
  for (let t = 0; t < size; t++) {
    score[t] = allowed[size * size + t] ? transitions[size * size + t] + emissions[t] : NEG;
  }
  const { first, list } = predecessorsOf(tags);
  const weight = scratch?.weight ?? transitionsInListOrder(transitions, tags);
  for (let i = 1; i < n; i++) {
    const prevBase = (i - 1) * size;
    for (let t = 0; t < size; t++) {
      let best = NEG;
      let arg = 0;
      for (let k = first[t]; k < first[t + 1]; k++) {
        const p = list[k];
        const s = score[prevBase + p] + weight[k];
        if (s > best) { best = s; arg = p; }
      }
      score[i * size + t] = best + emissions[i * size + t];
      back[i * size + t] = arg;
    }
  }
  let best = NEG;
  let arg = 0;
  const lastBase = (n - 1) * size;
  for (let t = 0; t < size; t++) {
    if (!canEnd(tags, t)) continue;
    if (score[lastBase + t] > best) { best = score[lastBase + t]; arg = t; }
  }
  for (let i = n - 1; i >= 0; i--) {
    out[i] = arg;
    arg = back[i * size + arg];
  }
}

/** For each tag t, the tags allowed right before it, in increasing order: list[first[t] .. first[t + 1]). */
interface Predecessors { first: Int32Array; list: Int32Array }

const predecessors = new WeakMap<TagSet, Predecessors>();

/**
 * The allowed transitions as lists, so decoding visits only the tags that may precede each tag (an inside
 * tag follows only its own type's tags: 53 of the 81 pairs of BIO), in the order the full scan would.
 */
function predecessorsOf(tags: TagSet): Predecessors {
  let found = predecessors.get(tags);
  if (!found) {
    const size = tags.size;
    const first = new Int32Array(size + 1);
    const list: number[] = [];
    for (let t = 0; t < size; t++) {
      first[t] = list.length;
      for (let p = 0; p < size; p++) if (tags.allowed[p * size + t]) list.push(p);
    }
    first[size] = list.length;
    found = { first, list: Int32Array.from(list) };
    predecessors.set(tags, found);
  }
  return found;
}

/**
 * transitions[p * size + t] for the k-th (p, t) of the predecessor lists, at k: in the order decoding reads
 * them. Callers that decode many sentences with the same transitions make it once (`scratch.weight`).
 */
export function transitionsInListOrder(transitions: Float32Array | Float64Array, tags: TagSet): Float64Array {
  const { first, list } = predecessorsOf(tags);
  const weight = new Float64Array(list.length);
  for (let t = 0; t < tags.size; t++) {
    for (let k = first[t]; k < first[t + 1]; k++) weight[k] = transitions[list[k] * tags.size + t];
  }
  return weight;
}
