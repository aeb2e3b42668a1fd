/**
 * The one way the entity registry is changed on disk: read it, apply the edit, check the result, and
 * replace the file only if it still holds what was read (compare-and-swap). Registry edits name their
 * entities (canonical name and type), so when another writer replaced the file in between, the edit is
 * simply applied again to what is there now: both writers' entities are kept. A file with errors is
 * never replaced, and an unreadable file is an error, never "no registry yet".
 */
import { FileChangedError, MAX_WRITE_ATTEMPTS, type TextFilePort } from '../util/compareAndSwap';
import { RegistryDocument } from './registryDocument';
import type { RegistryProblem } from './validateRegistry';

/** The registry on disk has errors (or the edit would produce some): nothing was written. */
export class RegistryBrokenError extends Error {
  constructor(readonly file: string, readonly problems: readonly RegistryProblem[], readonly onDisk: boolean) {
    const first = problems.find((problem) => problem.severity === 'error');
    const where = first ? ` (line ${first.line}, column ${first.col}: ${first.message})` : '';
    super(onDisk ? `${file} has errors${where}; fix them first, nothing was written`
      : `Refused to write ${file}: the result would not be a valid registry${where}`);
    this.name = 'RegistryBrokenError';
  }
}

export interface UpdateRegistryResult<R> {
  result: R;
  /** The registry as now on disk. */
  document: RegistryDocument;
  text: string;
  written: boolean;
  /** Reads of the file: 1 unless another writer got in between. */
  attempts: number;
}

/**
 * Applies `apply` to the registry in `file` and writes it with compare-and-swap. `apply` runs once per
 * attempt on a freshly read document, so it must not depend on having run before. A missing file
 * starts from the empty registry.
 */
export async function updateRegistry<R>(file: TextFilePort, apply: (doc: RegistryDocument) => R,
  options: { maxAttempts?: number } = {}): Promise<UpdateRegistryResult<R>> {
  const maxAttempts = options.maxAttempts ?? MAX_WRITE_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const disk = await file.read();
    const document = disk === undefined ? RegistryDocument.empty() : RegistryDocument.parse(disk);
    if (document.hasErrors) throw new RegistryBrokenError(file.name, document.problems, true);
    const result = apply(document);
    const text = document.toString();
    if (text === disk) return { result, document, text, written: false, attempts: attempt };
    const check = RegistryDocument.parse(text);
    if (check.hasErrors) throw new RegistryBrokenError(file.name, check.problems, false);
    try {
      await file.write(text, disk);
      return { result, document: check, text, written: true, attempts: attempt };
    } catch (error) {
      if (!(error instanceof FileChangedError) || attempt >= maxAttempts) throw error;
    }
  }
}
