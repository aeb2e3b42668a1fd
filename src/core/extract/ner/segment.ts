import { sentences, tokenize, type Sentence, type Token } from '../../text/tokenize';

/**
 * The shared tokenizer with one refinement for names: a single capital followed by a period ("J."
 * in "J. Russell") is one token, so the initial neither loses its period nor ends the sentence and
 * cuts the name in two.
 */
export function segment(text: string): { tokens: Token[]; sentences: Sentence[] } {
  const raw = tokenize(text);
  // the tokenizer's own list, copied only from the first initial on (most texts have few or none)
  let tokens: Token[] | undefined;
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i];
    const next = raw[i + 1];
    if (next && t.end - t.start === 1 && next.text === '.' && next.start === t.end && isCapital(t.text) && !wordBefore(text, t.start)) {
      tokens ??= raw.slice(0, i);
      tokens.push({ start: t.start, end: next.end, text: text.slice(t.start, next.end) });
      i++;
    } else if (tokens) {
      tokens.push(t);
    }
  }
  tokens ??= raw;
  return { tokens, sentences: sentences(text, tokens) };
}

function isCapital(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** "U.S-A." style runs are left alone: only a letter standing on its own is an initial. */
function wordBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text[start - 1];
  return c !== ' ' && c !== '\n' && c !== '\t' && c !== '\r' && c !== '(' && c !== '"';
}
