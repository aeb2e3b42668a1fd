import { readFile } from 'node:fs/promises';

export interface ArticleText {
  text: string;
  /** Set when the bytes were not valid UTF-8 and were decoded with replacement characters. */
  warning?: string;
  binary?: boolean;
}

/** Reads a file as the editor would see it: UTF-8 with an optional BOM; binary files are flagged, not decoded. */
export async function readArticle(file: string): Promise<ArticleText> {
  const bytes = await readFile(file);
  return decodeArticle(bytes);
}

export function decodeArticle(bytes: Uint8Array): ArticleText {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { text: '', binary: true, warning: 'binary file (contains NUL bytes): not analysed' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return {
      text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes),
      warning: 'not valid UTF-8: undecodable bytes were replaced with U+FFFD',
    };
  }
}
