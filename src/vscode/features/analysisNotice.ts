import * as vscode from 'vscode';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';

/**
 * Says so in the status bar when the active article was not analysed (not English, or larger than the
 * size limit), so an unhighlighted page is never mistaken for an article without names.
 */
export class AnalysisNotice implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.notice', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.item.name = 'Source Annotator: Analysis Notice';
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      analyzer.onDidAnalyze((doc) => { if (doc === vscode.window.activeTextEditor?.document) this.render(); }),
    ];
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const reason = doc && isArticleDocument(doc) ? this.analyzer.analyze(doc).skipped : undefined;
    if (!reason) {
      this.item.hide();
      return;
    }
    this.item.text = '$(circle-slash) Not analysed';
    this.item.tooltip = `Source Annotator: ${reason}.`;
    this.item.accessibilityInformation = { label: `Source Annotator did not analyse this file: ${reason}` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
