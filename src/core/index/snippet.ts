/** A mention in context, as raw text; the hover card escapes it. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

export const SNIPPET_RADIUS = 60;

/** ±`radius` characters around [start, end), whitespace collapsed, "…" where the context was cut. */
export function snippetAt(text: string, start: number, end: number, radius = SNIPPET_RADIUS): Snippet {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const squash = (s: string) => s.replace(/\s+/gu, ' ');
  return {
    before: (from > 0 ? '…' : '') + squash(text.slice(from, start)).trimStart(),
    match: squash(text.slice(start, end)),
    after: squash(text.slice(end, to)).trimEnd() + (to < text.length ? '…' : ''),
  };
}
