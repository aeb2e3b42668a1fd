import * as vscode from 'vscode';

/** The languages whose wrapping the extension contributes (Markdown wraps by VS Code's own default). */
const WRAPPED_LANGUAGES = ['plaintext', 'article'] as const;
const SETTING = 'sourceAnnotator.articles.wordWrap';

/**
 * Articles hold one paragraph per line, so the extension contributes `editor.wordWrap: on` for plain text
 * and the article language (package.json `configurationDefaults`). `sourceAnnotator.articles.wordWrap: false`
 * takes that back the only way a default can be overridden: `"editor.wordWrap": "off"` for those languages
 * in the user's settings. Turning it on again removes exactly that override and nothing the user set
 * otherwise (a value other than "off" is theirs and stays).
 */
export async function applyArticleWordWrap(): Promise<void> {
  const wrap = vscode.workspace.getConfiguration().get<boolean>(SETTING, true);
  for (const languageId of WRAPPED_LANGUAGES) {
    const config = vscode.workspace.getConfiguration('editor', { languageId });
    const user = config.inspect<string>('wordWrap')?.globalLanguageValue;
    if (!wrap && user === undefined) await config.update('wordWrap', 'off', vscode.ConfigurationTarget.Global, true);
    if (wrap && user === 'off') await config.update('wordWrap', undefined, vscode.ConfigurationTarget.Global, true);
  }
}

export function registerArticleWordWrap(log: vscode.LogOutputChannel): vscode.Disposable {
  const apply = (): void => {
    applyArticleWordWrap().catch((err: unknown) => log.warn(`Could not change word wrap for articles: ${err instanceof Error ? err.message : String(err)}`));
  };
  if (vscode.workspace.getConfiguration().get<boolean>(SETTING, true) === false) apply();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTING)) apply();
  });
}
