import * as vscode from 'vscode';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../categories';
import { readConfig } from '../config';

/** Everything the reader can switch on and off: the six categories and annotated passages. */
export type HighlightToggle = Category | 'annotations';
export const HIGHLIGHT_TOGGLES: readonly HighlightToggle[] = [...CATEGORIES, 'annotations'];

const TOGGLE_LABELS: Record<HighlightToggle, string> = { ...CATEGORY_LABELS, annotations: 'Annotations' };

function settingOf(toggle: HighlightToggle): string {
  return `highlight.${toggle}`;
}

/** Writes where the setting is already decided (folder, workspace), else in the user settings. */
async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('sourceAnnotator');
  const where = config.inspect(key);
  const target = where?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : where?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

function isShown(toggle: HighlightToggle): boolean {
  const config = readConfig(vscode.window.activeTextEditor?.document.uri);
  return toggle === 'annotations' ? config.annotationsVisible : config.categories[toggle];
}

/** Shows exactly the `shown` toggles (and turns highlights on if any is shown). */
export async function showOnly(shown: readonly HighlightToggle[]): Promise<void> {
  for (const toggle of HIGHLIGHT_TOGGLES) {
    const want = shown.includes(toggle);
    if (isShown(toggle) !== want) await updateSetting(settingOf(toggle), want);
  }
  if (shown.length > 0 && !readConfig().highlightEnabled) await updateSetting('highlight.enabled', true);
}

/**
 * The status-bar entry "Highlights" opening a checkbox menu, plus commands for every toggle so a
 * keybinding or a test can flip one without the menu.
 */
export function registerHighlightControls(): vscode.Disposable[] {
  const item = vscode.window.createStatusBarItem('sourceAnnotator.highlights', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Source Annotator Highlights';
  item.command = 'sourceAnnotator.highlight.menu';
  const render = (): void => {
    const config = readConfig(vscode.window.activeTextEditor?.document.uri);
    const shown = HIGHLIGHT_TOGGLES.filter(isShown);
    item.text = config.highlightEnabled ? `$(symbol-color) ${shown.length}/${HIGHLIGHT_TOGGLES.length}` : '$(eye-closed) Highlights off';
    item.tooltip = config.highlightEnabled
      ? `Source Annotator highlights: ${shown.map((t) => TOGGLE_LABELS[t]).join(', ') || 'none'}. Click to choose.`
      : 'Source Annotator highlights are off. Click to choose what to show.';
    item.accessibilityInformation = { label: item.tooltip };
  };
  render();
  item.show();

  const menu = async (args?: unknown): Promise<HighlightToggle[] | undefined> => {
    const preset = (args as { shown?: unknown } | undefined)?.shown;
    if (Array.isArray(preset)) {
      const shown = HIGHLIGHT_TOGGLES.filter((t) => preset.includes(t));
      await showOnly(shown);
      return shown;
    }
    const items = HIGHLIGHT_TOGGLES.map((toggle) => ({ label: TOGGLE_LABELS[toggle], toggle, picked: isShown(toggle) }));
    const picked = await vscode.window.showQuickPick(items, {
      canPickMany: true, title: 'Source Annotator: highlights to show', placeHolder: 'Tick what to highlight; Enter applies',
    });
    if (!picked) return undefined;
    const shown = picked.map((p) => p.toggle);
    await showOnly(shown);
    return shown;
  };

  return [
    item,
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('sourceAnnotator.highlight')) render(); }),
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.commands.registerCommand('sourceAnnotator.highlight.menu', menu),
    vscode.commands.registerCommand('sourceAnnotator.highlight.toggleCategory', async (args?: unknown) => {
      const wanted = (args as { category?: unknown } | undefined)?.category;
      let toggle = HIGHLIGHT_TOGGLES.find((t) => t === wanted);
      if (!toggle) {
        const pick = await vscode.window.showQuickPick(
          HIGHLIGHT_TOGGLES.map((t) => ({ label: TOGGLE_LABELS[t], description: isShown(t) ? 'shown' : 'hidden', toggle: t })),
          { title: 'Source Annotator: toggle one kind of highlight' },
        );
        toggle = pick?.toggle;
      }
      if (toggle) await updateSetting(settingOf(toggle), !isShown(toggle));
      return toggle;
    }),
    ...HIGHLIGHT_TOGGLES.map((toggle) => vscode.commands.registerCommand(`sourceAnnotator.highlight.toggle.${toggle}`,
      () => updateSetting(settingOf(toggle), !isShown(toggle)))),
  ];
}
