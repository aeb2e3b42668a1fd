/**
 * The multi-select quick pick for tags: the workspace's tags, most used first, with the typed text
 * offered (and pre-selected) as a new tag, so typing a name and pressing Enter is enough.
 */
import * as vscode from 'vscode';
import { parseTagInput, type TagUsage } from './tagCatalog';

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
      label: tag, description: `${count} annotation${count === 1 ? '' : 's'}`, tags: [tag],
    }));
    const known = new Set(usage.map(({ tag }) => tag));
    let created: TagItem | undefined;
    pick.items = existing;
    pick.selectedItems = existing.filter((item) => options.selected?.includes(item.label));
    pick.onDidChangeValue((value) => {
      const fresh = parseTagInput(value).filter((tag) => !known.has(tag));
      const keep = pick.selectedItems.filter((item) => item !== created);
      created = fresh.length > 0
        ? { label: fresh.join(', '), description: fresh.length === 1 ? 'new tag' : 'new tags', tags: fresh, alwaysShow: true }
        : undefined;
      pick.items = created ? [created, ...existing] : existing;
      pick.selectedItems = created ? [created, ...keep] : keep;
    });
    let done = false;
    pick.onDidAccept(() => {
      done = true;
      const chosen = pick.selectedItems.flatMap((item) => item.tags);
      const typed = chosen.length === 0 ? parseTagInput(pick.value) : [];
      resolve([...new Set([...chosen, ...typed])]);
      pick.hide();
    });
    pick.onDidHide(() => {
      if (!done) resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}
