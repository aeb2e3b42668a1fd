/**
 * Problems: a malformed sidecar gets its errors at their line and column, and its article a warning
 * on line 1 (its annotations are hidden and nothing is written until the file parses). Orphaned
 * annotations are listed on their article, with quick fixes that re-attach them to the selection or to a
 * place where their words may stand now.
 */
import * as vscode from 'vscode';
import { suggestPlaces, type SuggestedPlace } from '../../core/anchor/suggestPlaces';
import type { Annotation } from '../../core/sidecar/model';
import type { AnnotationStore, ArticleEntry } from './annotationStore';
import { quoteLabel } from './viewModel';

export const ORPHAN_CODE = 'orphanAnnotation';
export const BROKEN_SIDECAR_CODE = 'brokenSidecar';

export class AnnotationDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('sourceAnnotator.annotations');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly store: AnnotationStore) {
    this.disposables.push(store.onDidChange((article) => this.update(article)));
    for (const entry of store.all()) this.update(entry.article);
  }

  private update(article: vscode.Uri): void {
    const entry = this.store.get(article);
    if (!entry) {
      this.collection.delete(article);
      return;
    }
    this.collection.set(entry.sidecar, entry.problems.map((problem) => {
      const position = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
      const diagnostic = new vscode.Diagnostic(new vscode.Range(position, position.translate(0, 1)), problem.message,
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'Source Annotator';
      return diagnostic;
    }));
    this.collection.set(entry.article, articleDiagnostics(entry));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function articleDiagnostics(entry: ArticleEntry): vscode.Diagnostic[] {
  const firstLine = new vscode.Range(0, 0, 0, 1);
  if (entry.broken) {
    const name = vscode.workspace.asRelativePath(entry.sidecar);
    const diagnostic = new vscode.Diagnostic(firstLine,
      `The annotations sidecar ${name} has errors: its annotations are hidden and nothing is written to it until it is fixed.`,
      vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Source Annotator';
    diagnostic.code = BROKEN_SIDECAR_CODE;
    diagnostic.relatedInformation = entry.problems.filter((p) => p.severity === 'error').slice(0, 5).map((problem) =>
      new vscode.DiagnosticRelatedInformation(new vscode.Location(entry.sidecar, new vscode.Position(problem.line - 1, problem.column - 1)), problem.message));
    return [diagnostic];
  }
  return entry.orphans().map((annotation) => {
    const tags = annotation.tags.length > 0 ? ` [${annotation.tags.join(', ')}]` : '';
    const quote = `“${quoteLabel(annotation.target.exact, 50)}”`;
    const reason = entry.orphanReasons.get(annotation.id);
    const problem = reason === 'ambiguous' ? `Annotation${tags} on ${quote} is not placed: those words appear more than once and nothing tells which`
      : reason === 'unconfirmed' ? `Annotation${tags} on ${quote} is not placed: the text around those words changed, so they cannot be told from a copy`
        : `Annotation${tags} lost its text ${quote}`;
    const how = reason === 'gone' || reason === undefined ? 'select where it belongs and use “Re-attach to selection”'
      : 'the quick fix “Re-attach to line …” puts it on the words you choose, or select where it belongs and use “Re-attach to selection”';
    const diagnostic = new vscode.Diagnostic(firstLine, `${problem}; ${how}.`,
      vscode.DiagnosticSeverity.Warning);
    diagnostic.source = 'Source Annotator';
    diagnostic.code = { value: ORPHAN_CODE, target: entry.sidecar };
    return diagnostic;
  });
}

/**
 * For each orphan of the article: "Re-attach to selection" wherever text is selected, and "Re-attach to
 * line N" for each place its words may stand now (`suggestPlaces`), offered on its problem and at that
 * place. Nothing is attached until the analyst picks one.
 */
export class ReattachCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  /** The places found for the orphans of one version of one document (the provider runs on every cursor move). */
  private cached: { uri: string; version: number; places: Map<string, SuggestedPlace[]> } | undefined;

  constructor(private readonly store: AnnotationStore) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const entry = this.store.get(doc.uri);
    if (!entry) return [];
    const actions: vscode.CodeAction[] = [];
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    for (const annotation of entry.orphans()) {
      const label = quoteLabel(annotation.target.exact, 40);
      // Diagnostics come back serialized, so they are matched by their text rather than by identity.
      const quote = `“${quoteLabel(annotation.target.exact, 50)}”`;
      const diagnostics = context.diagnostics.filter((d) => d.source === 'Source Annotator' && d.message.includes(quote));
      // on the orphan's problem, every place; elsewhere only its verbatim words under the cursor (the
      // provider runs on every cursor move, and the search for edited words costs the whole text)
      for (const place of this.placesFor(doc, annotation, diagnostics.length > 0)) {
        if (diagnostics.length === 0 && !(from <= place.end && place.start <= to)) continue;
        const line = doc.positionAt(place.start).line + 1;
        const action = new vscode.CodeAction(`Re-attach to line ${line}${place.exact ? '' : ' (edited words)'}: annotation on “${label}”`,
          vscode.CodeActionKind.QuickFix);
        action.command = {
          command: 'sourceAnnotator.reattachAnnotation', title: `Re-attach to line ${line}`,
          arguments: [{ article: doc.uri.toString(), id: annotation.id, start: place.start, end: place.end, expect: doc.getText().slice(place.start, place.end) }],
        };
        action.diagnostics = diagnostics;
        actions.push(action);
      }
      if (range.isEmpty) continue;
      const action = new vscode.CodeAction(`Re-attach to selection: annotation on “${label}”`, vscode.CodeActionKind.QuickFix);
      action.command = {
        command: 'sourceAnnotator.reattachAnnotation', title: 'Re-attach to selection',
        arguments: [{ article: doc.uri.toString(), id: annotation.id }],
      };
      action.diagnostics = diagnostics;
      actions.push(action);
    }
    return actions;
  }

  private placesFor(doc: vscode.TextDocument, annotation: Annotation, edited: boolean): SuggestedPlace[] {
    const uri = doc.uri.toString();
    if (this.cached?.uri !== uri || this.cached.version !== doc.version) this.cached = { uri, version: doc.version, places: new Map() };
    // a reload may give the annotation another target while the document stays the same
    const { exact, prefix, suffix } = annotation.target;
    const key = [annotation.id, exact, prefix, suffix, edited].join('\u0000');
    let places = this.cached.places.get(key);
    if (!places) {
      places = suggestPlaces(annotation.target, doc.getText(), 3, { edited });
      this.cached.places.set(key, places);
    }
    return places;
  }
}
