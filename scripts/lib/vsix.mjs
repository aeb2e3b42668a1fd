// Reads packaged .vsix files (zip archives) with the system `unzip`, so tests see exactly what ships.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './run.mjs';

/** Every entry in the archive with its uncompressed size, from `unzip -Z -l` ("zipinfo" long listing). */
export async function listVsix(vsixPath) {
  const listing = await run('unzip', ['-Z', '-l', vsixPath], { quiet: true });
  const entries = [];
  for (const line of listing.split('\n')) {
    // -rw-r--r--  2.0 unx     1234 b-      567 defN 24-Jan-01 00:00 extension/package.json
    const match = /^[-dl][rwxsStT-]{9}\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\d+\s+\S+\s+\S+\s+\S+\s+(.+)$/.exec(line);
    if (match) entries.push({ path: match[2], size: Number(match[1]) });
  }
  if (entries.length === 0) throw new Error(`no entries read from ${vsixPath}:\n${listing}`);
  return entries;
}

/** Unpacks the archive into a new temp dir; the extension itself is under `<dir>/extension`. */
export async function extractVsix(vsixPath) {
  const dir = mkdtempSync(join(tmpdir(), 'source-annotator-vsix-'));
  await run('unzip', ['-q', vsixPath, '-d', dir], { quiet: true });
  return { dir, extensionDir: join(dir, 'extension'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
