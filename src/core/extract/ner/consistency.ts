import type { Token } from '../../text/tokenize';
import type { TokenSpan } from './spans';

const PERSON = 0;

/**
 * Document-level consistency: a news story names a person in full once ("Pete Hegseth") and by
 * surname afterwards; the tagger sees each sentence alone and may type the bare surname as a place
 * or miss it. Options switch the two repairs on separately so each can be measured.
 */
export interface ConsistencyOptions {
  /** Surnames of multi-word PERSON mentions make other mentions of that word PERSON (and add missed ones). */
  surnames: boolean;
  /** Mentions with the same text take the type with the largest total confidence. */
  majority: boolean;
}

export function harmonize(
  text: string, tokens: Token[], spans: TokenSpan[], scores: number[], options: ConsistencyOptions,
): { spans: TokenSpan[]; scores: number[] } {
  const surface = (s: TokenSpan): string => text.slice(tokens[s.first].start, tokens[s.last - 1].end);
  let out = spans.map((s) => ({ ...s }));
  let outScores = scores.slice();
  if (options.majority) {
    const votes = new Map<string, number[]>();
    out.forEach((s, k) => {
      const v = votes.get(surface(s)) ?? [0, 0, 0, 0];
      v[s.typeIndex] += outScores[k];
      votes.set(surface(s), v);
    });
    for (const s of out) {
      const v = votes.get(surface(s))!;
      let best = s.typeIndex;
      for (let t = 0; t < 4; t++) if (v[t] > v[best]) best = t;
      s.typeIndex = best;
    }
  }
  if (options.surnames) {
    const surnames = new Set<string>();
    for (const s of out) {
      if (s.typeIndex === PERSON && s.last - s.first >= 2 && isWord(tokens[s.last - 1].text)) surnames.add(tokens[s.last - 1].text);
    }
    if (surnames.size) {
      for (const s of out) if (s.last - s.first === 1 && surnames.has(surface(s))) s.typeIndex = PERSON;
      const covered = new Uint8Array(tokens.length);
      for (const s of out) for (let i = s.first; i < s.last; i++) covered[i] = 1;
      const added: { span: TokenSpan; score: number }[] = [];
      for (let i = 0; i < tokens.length; i++) {
        if (!covered[i] && surnames.has(tokens[i].text)) added.push({ span: { first: i, last: i + 1, typeIndex: PERSON }, score: 0.5 });
      }
      if (added.length) {
        const merged = out.map((span, k) => ({ span, score: outScores[k] })).concat(added).sort((a, b) => a.span.first - b.span.first);
        out = merged.map((m) => m.span);
        outScores = merged.map((m) => m.score);
      }
    }
  }
  return { spans: out, scores: outScores };
}

function isWord(token: string): boolean {
  return /^\p{Lu}[\p{L}'\u2019-]+$/u.test(token);
}
