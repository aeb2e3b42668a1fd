import * as vscode from 'vscode';
import { commandLink, escapeMarkdown, formatDateValue, formatFigureValue, HoverCommands, hoverCardAt, TYPE_LABELS } from '../../core/hover';
import type { Span } from '../../core/extract';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { indexedSpanAt } from '../index/lookup';
import { isNameType } from '../../core/index/entityKey';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import type { WorkspaceCopies } from '../analysis/corroborationFeed';

/** Set by the annotations feature; a date card offers it when the article has no publication date. */
export const SET_PUBLICATION_DATE = 'sourceAnnotator.setPublicationDate';

/**
 * The only commands a hover card may run. The card is trusted for these ids alone, and all article
 * text inside it is escaped by the core card builders, so an article cannot inject links or commands.
 */
export const HOVER_TRUSTED_COMMANDS: readonly string[] = [...Object.values(HoverCommands), SET_PUBLICATION_DATE];

/** Hover cards with cross-references: what a mention is, its normalized value, and where else it appears. */
export class SpanHoverProvider implements vscode.HoverProvider {
  /** `copies`: republished wire copy, for the corroboration line of date and figure cards. */
  constructor(private readonly analyzer: DocumentAnalyzer, private readonly workspace: WorkspaceIndex, private readonly copies?: WorkspaceCopies) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    if (!isArticleDocument(doc) || token.isCancellationRequested) return undefined;
    const hit = indexedSpanAt(this.workspace, this.analyzer, doc, position);
    if (token.isCancellationRequested) return undefined;
    if (!hit) return this.localCard(doc, position);
    const uri = doc.uri.toString();
    const card = hoverCardAt(this.workspace.index, uri, hit.span.start, undefined, { corroboration: this.copies && ((h) => this.copies!.cardLine(h)) });
    if (!card) return undefined;
    let markdown = card.markdown;
    if (hit.span.type === 'DATE' && !this.workspace.index.articleInfo(uri)?.reference) {
      markdown += `\n\n${commandLink('Set publication date…', SET_PUBLICATION_DATE, [uri], 'Relative dates in this article resolve against it')}`;
    }
    const md = new vscode.MarkdownString(markdown, false);
    md.isTrusted = { enabledCommands: [...HOVER_TRUSTED_COMMANDS] };
    md.supportHtml = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(card.start), doc.positionAt(card.end)));
  }

  /** What the mention is, without cross-references: for an edited article the index has not caught up with. */
  private localCard(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const found = this.analyzer.spanAt(doc, position);
    if (!found) return undefined;
    // a name shows the type the workspace decided for it, as its highlight does (none: it is no entity)
    const decided = isNameType(found.type) ? this.workspace.index.nameTypeOf(found.type, found.text, found.canonical) : undefined;
    if (decided === null) return undefined;
    const span = decided ? { ...found, type: decided } : found;
    const md = new vscode.MarkdownString(`${describeLocally(span)}\n\n_Cross-references appear once the article is saved._`, false);
    md.supportHtml = false;
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
  }
}

function describeLocally(span: Span): string {
  const head = `**${TYPE_LABELS[span.type]}** · ${escapeMarkdown(span.canonical ?? span.text)}`;
  if (span.type === 'DATE') return typeof span.value === 'string' ? `${head} → ${escapeMarkdown(formatDateValue(span.value))}` : head;
  const figure = formatFigureValue(span);
  return figure ? `${head} → ${escapeMarkdown(figure)}` : head;
}
