/**
 * Which stored targets to rewrite when an article is saved or changed on disk: only annotations whose
 * live range or article hash no longer matches what the sidecar says, so unchanged sidecars are not
 * touched. Orphans keep their old target, so their quote and context stay available for re-attaching.
 */
import { createTarget } from './createTarget';
import type { Annotation, AnnotationTarget } from '../sidecar/model';
import type { AnchorMap } from './liveAnchors';

export function targetUpdates(annotations: readonly Annotation[], anchors: AnchorMap, text: string, textHash: string):
  Map<string, AnnotationTarget> {
  const updates = new Map<string, AnnotationTarget>();
  for (const annotation of annotations) {
    const anchor = anchors.get(annotation.id);
    if (!anchor || anchor.end > text.length || anchor.start >= anchor.end) continue;
    const fresh = createTarget(text, anchor.start, anchor.end, { textHash });
    const old = annotation.target;
    if (old.textHash === fresh.textHash && old.start === fresh.start && old.end === fresh.end && old.exact === fresh.exact
      && old.prefix === fresh.prefix && old.suffix === fresh.suffix) continue;
    updates.set(annotation.id, fresh);
  }
  return updates;
}
