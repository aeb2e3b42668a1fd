import { readFile } from 'node:fs/promises';
import { decodeArticle, type DecodedArticle } from '../core/text/decodeArticle';

/** Reads a file as the editor would see it (see `decodeArticle`). */
export async function readArticle(file: string): Promise<DecodedArticle> {
  return decodeArticle(await readFile(file));
}
