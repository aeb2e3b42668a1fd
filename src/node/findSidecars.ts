/** Finds sidecar files for CLI arguments that may name articles, sidecars or directories. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SIDECAR_PATTERN, isSidecarPath, sidecarPathFor } from '../core/sidecar/sidecarPath';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'dist', 'out']);

export interface FoundSidecars {
  /** Sidecar paths, sorted within each argument, duplicates removed. */
  sidecars: string[];
  /** Arguments that exist but have no sidecar, or do not exist. */
  missing: string[];
}

/** Resolves each argument: a directory is searched recursively, an article maps to its sidecar. */
export async function findSidecars(inputs: readonly string[], pattern: string = DEFAULT_SIDECAR_PATTERN): Promise<FoundSidecars> {
  const sidecars: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => undefined);
    if (stat?.isDirectory()) {
      sidecars.push(...(await walk(input, pattern)).sort());
    } else if (stat && isSidecarPath(input, pattern)) {
      sidecars.push(input);
    } else {
      const sidecar = sidecarPathFor(input, pattern);
      if (await fs.stat(sidecar).then((s) => s.isFile(), () => false)) sidecars.push(sidecar);
      else missing.push(input);
    }
  }
  return { sidecars: [...new Set(sidecars)], missing };
}

async function walk(directory: string, pattern: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) found.push(...await walk(full, pattern));
    } else if (entry.isFile() && isSidecarPath(entry.name, pattern)) {
      found.push(full);
    }
  }
  return found;
}
