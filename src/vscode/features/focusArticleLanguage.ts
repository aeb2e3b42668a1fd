import * as vscode from 'vscode';
import { readConfig } from '../config';

export const ARTICLE_LANGUAGE = 'article';

/** Plain-text files matching `sourceAnnotator.articles.languagePatterns` switch to the article language. */
function matchesPatterns(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'plaintext') return false;
  return readConfig(doc.uri).articleLanguagePatterns.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
}

async function adopt(doc: vscode.TextDocument): Promise<void> {
  if (matchesPatterns(doc)) await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
}

/**
 * The `article` language (headline, dateline, byline, quotes, dates and figures coloured by the theme) is
 * opt-in: configured globs, or one click on "Treat This File as an Article". Every other `.txt` stays plain
 * text, so the extension never changes how unrelated text files look.
 */
export function registerArticleLanguage(): vscode.Disposable[] {
  for (const doc of vscode.workspace.textDocuments) void adopt(doc);
  return [
    vscode.workspace.onDidOpenTextDocument((doc) => void adopt(doc)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('sourceAnnotator.articles.languagePatterns')) for (const doc of vscode.workspace.textDocuments) void adopt(doc);
    }),
    vscode.commands.registerCommand('sourceAnnotator.treatAsArticle', async (uri?: unknown) => {
      const doc = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
      if (!doc) return undefined;
      const changed = await vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
      return changed.languageId;
    }),
  ];
}
