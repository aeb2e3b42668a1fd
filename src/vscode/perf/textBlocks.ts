/**
 * Cuts a long text into blocks of whole paragraphs whose boundaries depend on content, not on absolute
 * offsets: an edit changes the block it falls in (and at most its neighbour), while every other block keeps
 * exactly the same text, so its extraction can be reused from a cache keyed by block text.
 * Pure (no `vscode`), so it is unit-tested directly.
 */

export interface TextBlock {
  /** Offset of the block's first character in the whole text. */
  start: number;
  text: string;
}

export interface BlockLimits {
  /** A block is never cut before it has this many characters (unless the text ends). */
  min: number;
  /** A block is cut at the next line end past this size even without a paragraph break. */
  max: number;
}

export const DEFAULT_BLOCK_LIMITS: BlockLimits = { min: 1024, max: 4096 };

const PARAGRAPH_BREAK = /\n[ \t]*\n/g;

/**
 * Blocks covering `text` exactly (concatenated they give the text back). A paragraph break ends a block
 * once the block is at least `min` long and the paragraph just closed "votes" for a cut (a hash of its
 * last characters), so cut points are the same before and after an unrelated edit.
 */
export function splitIntoBlocks(text: string, limits: BlockLimits = DEFAULT_BLOCK_LIMITS): TextBlock[] {
  const blocks: TextBlock[] = [];
  let blockStart = 0;
  const cut = (end: number): void => {
    if (end <= blockStart) return;
    blocks.push({ start: blockStart, text: text.slice(blockStart, end) });
    blockStart = end;
  };
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let match = PARAGRAPH_BREAK.exec(text); match; match = PARAGRAPH_BREAK.exec(text)) {
    const breakEnd = match.index + match[0].length;
    while (breakEnd - blockStart > limits.max) cut(forcedCut(text, blockStart, limits.max));
    if (breakEnd - blockStart >= limits.min && votesForCut(text, match.index)) cut(breakEnd);
  }
  while (text.length - blockStart > limits.max) cut(forcedCut(text, blockStart, limits.max));
  cut(text.length);
  return blocks;
}

/** Roughly one paragraph break in two ends a block, decided by the text just before the break. */
function votesForCut(text: string, breakIndex: number): boolean {
  let hash = 0;
  for (let i = Math.max(0, breakIndex - 8); i < breakIndex; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return (hash >>> 0) % 2 === 0;
}

/** A cut inside an over-long stretch: the last line end before `max`, else the last space, else `max`. */
function forcedCut(text: string, from: number, max: number): number {
  const limit = from + max;
  const lineEnd = text.lastIndexOf('\n', limit - 1);
  if (lineEnd > from + max / 2) return lineEnd + 1;
  const space = text.lastIndexOf(' ', limit - 1);
  if (space > from + max / 2) return space + 1;
  return limit;
}
