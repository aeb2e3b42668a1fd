/**
 * Rename Tag across the workspace. Before anything is written the analyst sees which sidecars will
 * change and how many annotations in each; sidecars with errors are skipped and named.
 */
import * as vscode from 'vscode';
import { plural } from '../../core/util/plural';
import { SidecarBrokenError, type AnnotationStore } from './annotationStore';
import { registerGuarded } from './commandGuard';
import { tagUsage } from './tagCatalog';

export interface RenameTagArgs {
  from?: string;
  to?: string;
  /** Skip the preview (tests, scripts). */
  confirm?: boolean;
}

export function registerRenameTag(store: AnnotationStore): vscode.Disposable {
  return registerGuarded('sourceAnnotator.renameTag', async (args?: RenameTagArgs): Promise<number> => {
    await store.whenLoaded();
    const usage = tagUsage(store.all().map((entry) => entry.annotations));
    let from = args?.from;
    if (from === undefined) {
      const picked = await vscode.window.showQuickPick(usage.map(({ tag, count }) => ({ label: tag, description: `${count}` })), { title: 'Rename which tag?' });
      if (!picked) return 0;
      from = picked.label;
    }
    let to = args?.to;
    if (to === undefined) {
      to = await vscode.window.showInputBox({ title: `Rename tag “${from}”`, value: from, validateInput: (v) => (v.trim() === '' ? 'A tag cannot be empty' : undefined) });
      if (to === undefined) return 0;
    }
    to = to.trim();
    const source = from;
    if (to === '' || to === source) return 0;
    const touched = store.all().filter((entry) => entry.annotations.some((annotation) => annotation.tags.includes(source)));
    const broken = store.all().filter((entry) => entry.broken);
    if (touched.length === 0) {
      void vscode.window.showInformationMessage(`Source Annotator: no annotation is tagged “${source}”.`);
      return 0;
    }
    if (args?.confirm !== false) {
      const lines = touched.map((entry) => {
        const count = entry.annotations.filter((annotation) => annotation.tags.includes(source)).length;
        return `${vscode.workspace.asRelativePath(entry.sidecar)} (${count})`;
      });
      const answer = await vscode.window.showWarningMessage(
        `Rename tag “${source}” to “${to}” in ${plural(touched.length, 'sidecar')}?`,
        { modal: true, detail: lines.join('\n') + (broken.length > 0 ? `\n\nSkipped (errors): ${broken.map((e) => vscode.workspace.asRelativePath(e.sidecar)).join(', ')}` : '') },
        'Rename',
      );
      if (answer !== 'Rename') return 0;
    }
    let changed = 0;
    const failures: string[] = [];
    for (const entry of touched) {
      try {
        changed += await store.mutate(entry.article, (doc) => doc.renameTag(source, to!));
      } catch (error) {
        failures.push(`${vscode.workspace.asRelativePath(entry.sidecar)}: ${error instanceof SidecarBrokenError ? 'has errors' : String(error)}`);
      }
    }
    if (failures.length > 0) void vscode.window.showWarningMessage(`Source Annotator: tag not renamed in ${failures.join('; ')}`);
    else void vscode.window.showInformationMessage(`Source Annotator: renamed “${source}” to “${to}” on ${plural(changed, 'annotation')}.`);
    return changed;
  });
}
