import * as vscode from 'vscode';
import type { HighlightStyle } from '../config';

const STYLES: readonly { style: HighlightStyle; label: string; detail: string }[] = [
  { style: 'soft', label: 'Soft', detail: 'A light tint and a hairline underline; dates and figures in italics (the default)' },
  { style: 'background', label: 'Tint and patterned underline', detail: 'Each kind has its own underline pattern, readable without colour' },
  { style: 'underline', label: 'Patterned underline only', detail: 'No tint' },
  { style: 'text', label: 'Coloured text', detail: 'No tint, a thin underline' },
];

/**
 * `Source Annotator: Choose Highlight Style…`: the `sourceAnnotator.highlight.style` setting from a list, with
 * each style previewed in the open editors while the list is browsed; Escape restores the style before.
 * `{ style }` as argument sets it without asking.
 */
export function registerHighlightStylePicker(): vscode.Disposable {
  return vscode.commands.registerCommand('sourceAnnotator.chooseHighlightStyle', async (args?: { style?: HighlightStyle }) => {
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('sourceAnnotator');
    const set = (style: HighlightStyle | undefined): Thenable<void> => config().update('highlight.style', style, vscode.ConfigurationTarget.Global);
    if (args?.style && STYLES.some((s) => s.style === args.style)) {
      await set(args.style);
      return args.style;
    }
    const before = config().inspect<HighlightStyle>('highlight.style')?.globalValue;
    const current = config().get<HighlightStyle>('highlight.style', 'soft');
    const items = STYLES.map((s) => ({ ...s, description: s.style === current ? 'current' : undefined }));
    const pick = vscode.window.createQuickPick<(typeof items)[number]>();
    pick.title = 'Highlight style';
    pick.placeholder = 'How names, dates and figures are marked in articles';
    pick.items = items;
    pick.activeItems = items.filter((i) => i.style === current);
    let previewed = false;
    pick.onDidChangeActive(([item]) => {
      if (!item || !previewed && item.style === current) return;
      previewed = true;
      void set(item.style);
    });
    const chosen = await new Promise<HighlightStyle | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.style ?? pick.activeItems[0]?.style));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    await set(chosen ?? before);
    return chosen;
  });
}
