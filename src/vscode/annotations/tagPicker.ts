/**
 * The multi-select quick pick for tags: the workspace's tags, most used first, with the typed text
 * offered (and pre-selected) as one item holding every typed tag, new or existing, so typing
 * "framework-claim, verify" and pressing Enter saves both.
 */
import * as vscode from 'vscode';
import { plural } from '../../core/util/plural';
import { acceptedTags, typedTags, type TagUsage } from './tagCatalog';

interface TagItem extends vscode.QuickPickItem {
  tags: string[];
}

export function pickTags(usage: readonly TagUsage[], options: { title: string; selected?: readonly string[] }): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const pick = vscode.window.createQuickPick<TagItem>();
    pick.title = options.title;
    pick.placeholder = 'Pick tags or type new ones (comma-separated), then press Enter';
    pick.canSelectMany = true;
    pick.matchOnDescription = false;
    const existing: TagItem[] = usage.map(({ tag, count }) => ({
      label: tag, description: plural(count, 'annotation'), tags: [tag],
    }));
    const known = new Set(usage.map(({ tag }) => tag));
    let created: TagItem | undefined;
    pick.items = existing;
    pick.selectedItems = existing.filter((item) => options.selected?.includes(item.label));
    pick.onDidChangeValue((value) => {
      // Every typed tag, existing ones included, goes in the one pre-selected item.
      const typed = typedTags(value, known);
      const keep = pick.selectedItems.filter((item) => item !== created);
      created = typed ? { label: typed.tags.join(', '), description: typed.description, tags: typed.tags, alwaysShow: true } : undefined;
      pick.items = created ? [created, ...existing] : existing;
      pick.selectedItems = created ? [created, ...keep] : keep;
    });
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      resolve(acceptedTags(pick.selectedItems.map((item) => item.tags), pick.value));
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
