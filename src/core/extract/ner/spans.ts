import type { Sentence, Token } from '../../text/tokenize';
import type { NameMention } from '../types';
import { ENTITY_TYPES, TagSet } from './tagScheme';

/** A tagged entity in token indices, end exclusive. */
export interface TokenSpan {
  first: number;
  last: number;
  typeIndex: number;
}

/** Reads entity spans off a legal tag sequence (one tag per token of the document). */
export function tokenSpans(tags: Int32Array, sentences: Sentence[], tagSet: TagSet): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const s of sentences) {
    let open: TokenSpan | null = null;
    for (let i = s.first; i < s.last; i++) {
      const tag = tags[i];
      const type = tagSet.typeOf(tag);
      if (open && (type !== open.typeIndex || tagSet.begins(tag))) {
        out.push(open);
        open = null;
      }
      if (type < 0) continue;
      if (open) open.last = i + 1;
      else open = { first: i, last: i + 1, typeIndex: type };
    }
    if (open) out.push(open);
  }
  return out;
}

export function toMentions(spans: TokenSpan[], tokens: Token[], scores?: number[]): NameMention[] {
  return spans.map((s, k) => {
    const m: NameMention = { start: tokens[s.first].start, end: tokens[s.last - 1].end, type: ENTITY_TYPES[s.typeIndex] };
    if (scores) m.score = scores[k];
    return m;
  });
}
