/**
 * Three-way merge by annotation id, for when the sidecar changed on disk while the editor held
 * unsaved edits. Nothing an analyst wrote is dropped: when both sides changed the same annotation
 * differently, theirs keeps the id and ours is kept beside it under a new id with a `conflict` marker.
 */
import { uniqueAnnotationId } from './annotationId';
import { Annotation, ArticleMetadata, METADATA_KEYS, Sidecar } from './model';
import { SidecarDocument } from './sidecarDocument';

export type MergeConflictKind =
  /** Both changed (or both added) the annotation differently; both versions are kept. */
  | 'both-modified'
  /** We changed it, they deleted it; our version is kept. */
  | 'modified-deleted'
  /** We deleted it, they changed it; their version is kept. */
  | 'deleted-modified'
  /** Both changed the same metadata field differently; theirs is kept. */
  | 'metadata';

export interface MergeConflict {
  kind: MergeConflictKind;
  /** The annotation id (theirs) or the metadata field name. */
  id: string;
  /** For `both-modified`: the new id under which our version was kept. */
  oursId?: string;
  message: string;
}

export interface MergeResult {
  merged: Sidecar;
  conflicts: MergeConflict[];
}

export interface MergeOptions {
  /** Timestamp for conflict markers and the clock for new ids; injectable for tests. */
  now?: Date;
  random?: () => number;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges `ours` (the in-memory state that started from `base`) with `theirs` (what is on disk now).
 * The order follows theirs, with annotations only we added appended in our order.
 */
export function mergeSidecars(base: Sidecar, ours: Sidecar, theirs: Sidecar, options: MergeOptions = {}): MergeResult {
  const now = options.now ?? new Date();
  const byId = (sidecar: Sidecar): Map<string, Annotation> => new Map(sidecar.annotations.map((a) => [a.id, a]));
  const baseById = byId(base);
  const oursById = byId(ours);
  const theirsById = byId(theirs);
  const taken = new Set([...baseById.keys(), ...oursById.keys(), ...theirsById.keys()]);
  const conflicts: MergeConflict[] = [];
  const merged: Annotation[] = [];
  const appendedOurs: Annotation[] = [];

  const order = [...theirs.annotations.map((a) => a.id), ...ours.annotations.map((a) => a.id).filter((id) => !theirsById.has(id))];
  for (const id of new Set([...order, ...baseById.keys()])) {
    const b = baseById.get(id);
    const o = oursById.get(id);
    const t = theirsById.get(id);
    if (same(o, b)) {
      if (t) merged.push(t);
    } else if (same(t, b) || same(o, t)) {
      if (o) merged.push(o);
    } else if (o && t) {
      merged.push(t);
      const oursId = uniqueAnnotationId(taken, now, options.random);
      taken.add(oursId);
      appendedOurs.push({ ...o, id: oursId, conflict: { with: id, detected: now.toISOString() } });
      conflicts.push({ kind: 'both-modified', id, oursId,
        message: `Annotation "${id}" was changed both here and on disk; the disk version keeps the id, ours is kept as "${oursId}"` });
    } else if (o) {
      merged.push(o);
      conflicts.push({ kind: 'modified-deleted', id, message: `Annotation "${id}" was deleted on disk but changed here; our version is kept` });
    } else if (t) {
      merged.push(t);
      conflicts.push({ kind: 'deleted-modified', id, message: `Annotation "${id}" was deleted here but changed on disk; the disk version is kept` });
    }
  }

  const article: ArticleMetadata = {};
  for (const key of METADATA_KEYS) {
    const [b, o, t] = [base.article[key], ours.article[key], theirs.article[key]];
    const value = o === b ? t : t === b || t === o ? o : t;
    if (o !== b && t !== b && o !== t) {
      conflicts.push({ kind: 'metadata', id: key, message: `Article "${key}" was changed both here and on disk; the disk value is kept` });
    }
    if (value !== undefined) (article as Record<string, unknown>)[key] = value;
  }

  return { merged: { version: theirs.version, article, annotations: [...merged, ...appendedOurs] }, conflicts };
}

export interface MergeTextResult {
  /** The merged file text: theirs, edited only where the merge differs from it. */
  text: string;
  merged: Sidecar;
  conflicts: MergeConflict[];
}

/**
 * Merges onto the text that is on disk now, so its comments and formatting stay and the write
 * that follows changes only merged annotations. Given our side as a document, annotations taken from
 * it keep the keys this build does not know. Throws `SidecarReadOnlyError` when theirs has errors:
 * a malformed file on disk is left for the analyst to fix.
 */
export function mergeOntoText(base: Sidecar, ours: Sidecar | SidecarDocument, theirsText: string, options: MergeOptions = {}): MergeTextResult {
  const document = SidecarDocument.parse(theirsText);
  const oursDocument = ours instanceof SidecarDocument ? ours : undefined;
  const { merged, conflicts } = mergeSidecars(base, oursDocument ? oursDocument.sidecar : ours as Sidecar, document.sidecar, options);
  // Annotations kept from our side keep their unknown keys and comments: their nodes are copied over.
  document.syncTo(merged, { from: oursDocument });
  return { text: document.toString(), merged, conflicts };
}
