import * as vscode from 'vscode';
import { isArticleDocument, type Analysis, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { readConfig } from '../config';

/** How often the share of a long article analysed so far is updated while its analysis runs. */
const PROGRESS_INTERVAL_MS = 1000;

/**
 * Says so in the status bar when the active article was not analysed (not English, or larger than the
 * size limit), so an unhighlighted page is never mistaken for an article without names; and, while the
 * rest of a long article is analysed in the background, how much of it is done.
 */
export class AnalysisNotice implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceAnnotator.notice', vscode.StatusBarAlignment.Left, 9);
  private readonly disposables: vscode.Disposable[];
  private progressTimer: NodeJS.Timeout | undefined;
  /** What the item shows ('' when hidden): it is told again only on a change (each update is a message to the window). */
  private shown = '';

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.item.name = 'Source Annotator: Analysis Notice';
    this.disposables = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      analyzer.onDidAnalyze((doc) => { if (doc === vscode.window.activeTextEditor?.document) this.render(); }),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('sourceAnnotator.highlight')) this.render(); }),
    ];
    this.render();
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const analysed = doc && isArticleDocument(doc) ? this.analysisOf(doc) : undefined;
    const reason = analysed?.skipped;
    const progress = doc && analysed?.large && !reason ? this.analyzer.backgroundProgress(doc) : undefined;
    const percent = progress && progress.done < progress.total ? Math.floor((100 * progress.done) / progress.total) : undefined;
    const next = reason ? `skipped:${reason}` : percent !== undefined ? `progress:${percent}` : '';
    if (next !== this.shown) {
      this.shown = next;
      if (reason) {
        this.item.text = '$(circle-slash) Not analysed';
        this.item.tooltip = `Source Annotator: ${reason}.`;
        this.item.accessibilityInformation = { label: `Source Annotator did not analyse this file: ${reason}` };
        this.item.show();
      } else if (percent !== undefined) {
        this.item.text = `$(sync~spin) Analysing ${percent}%`;
        this.item.tooltip = 'Source Annotator: the text on screen is analysed; the rest of this long article is being analysed in the background.';
        this.item.accessibilityInformation = { label: `Source Annotator is analysing the rest of this article: ${percent} percent done` };
        this.item.show();
      } else {
        this.item.hide();
      }
    }
    const polling = percent !== undefined;
    if (polling && !this.progressTimer) this.progressTimer = setInterval(() => this.render(), PROGRESS_INTERVAL_MS);
    if (!polling && this.progressTimer) {
      clearInterval(this.progressTimer);
      this.progressTimer = undefined;
    }
  }

  /**
   * With highlights on, the analysis the highlighter needs anyway. With them off, the last one made: the
   * notice does not start an extraction (of the text on screen, in a long article) at every settled edit.
   */
  private analysisOf(doc: vscode.TextDocument): Analysis | undefined {
    return readConfig(doc.uri).highlightEnabled ? this.analyzer.analyze(doc) : this.analyzer.latest(doc);
  }

  dispose(): void {
    clearInterval(this.progressTimer);
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
