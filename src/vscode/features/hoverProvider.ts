import * as vscode from 'vscode';
import { commandLink, escapeMarkdown, formatDateValue, formatFigureValue, HoverCommands, hoverCardAt, TYPE_LABELS } from '../../core/hover';
import type { Span } from '../../core/extract';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { indexedSpanAt } from '../index/lookup';
import { isNameType } from '../../core/index/entityKey';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { archiveSection, ArchiveCommands } from '../../core/hover/archiveSection';
import type { EntitySummary } from '../../core/index/corpusStore';
import type { ArchiveService } from '../archive/archiveService';
import { signalOf } from '../archive/archiveResults';
import { workspaceCopies } from '../../core/archive/sameArticle';
import type { WorkspaceCopies } from '../analysis/corroborationFeed';
import { AnalysisStore } from '../../core/analysis/analysisStore';
import { quoteCard } from '../../core/hover/quoteCard';

/** Set by the annotations feature; a date card offers it when the article has no publication date. */
export const SET_PUBLICATION_DATE = 'sourceAnnotator.setPublicationDate';

/**
 * The only commands a hover card may run. The card is trusted for these ids alone, and all article
 * text inside it is escaped by the core card builders, so an article cannot inject links or commands.
 */
export const HOVER_TRUSTED_COMMANDS: readonly string[] = [...Object.values(HoverCommands), SET_PUBLICATION_DATE, ...Object.values(ArchiveCommands)];

/** Hover cards with cross-references: what a mention is, its normalized value, and where else it appears. */
export class SpanHoverProvider implements vscode.HoverProvider {
  /** Archive articles that are copies of the workspace's, until the index changes. */
  private archiveCopies: ((hit: { file: string; title: string }) => boolean) | undefined;

  /** `copies`: republished wire copy, for the corroboration line of date and figure cards. */

  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly workspace: WorkspaceIndex,
    private readonly archive?: ArchiveService,
    private readonly copies?: WorkspaceCopies,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.ProviderResult<vscode.Hover> {
    if (!isArticleDocument(doc) || token.isCancellationRequested) return undefined;
    const hit = indexedSpanAt(this.workspace, this.analyzer, doc, position);
    if (token.isCancellationRequested) return undefined;
    const quote = this.quoteAt(doc, position);
    if (!hit) return quote ? trustedHover(quote.markdown, quote.range) : this.localCard(doc, position);
    const uri = doc.uri.toString();
    const card = hoverCardAt(this.workspace.index, uri, hit.span.start, undefined, { corroboration: this.copies && ((h) => this.copies!.cardLine(h)) });
    if (!card) return quote ? trustedHover(quote.markdown, quote.range) : undefined;
    let markdown = card.markdown;
    if (hit.span.type === 'DATE' && !this.workspace.index.articleInfo(uri)?.reference) {
      markdown += `\n\n${commandLink('Set publication date…', SET_PUBLICATION_DATE, [uri], 'Relative dates in this article resolve against it')}`;
    }
    // a mention inside a quotation: its card, then the quotation's
    if (quote) markdown += `\n\n---\n\n${quote.markdown}`;
    const range = new vscode.Range(doc.positionAt(card.start), doc.positionAt(card.end));
    if (this.archive?.enabled && isNameType(hit.span.type)) return this.withArchive(markdown, hit.span, range, token);
    return trustedHover(markdown, range);
  }

  /** The card with the team archive's part below it, waited for at most the archive's timeout (never when it is down). */
  private async withArchive(markdown: string, span: Span, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const query = { name: span.canonical ?? span.text, type: span.type as EntitySummary['type'] };
    const cancel = signalOf(token);
    try {
      const outcome = await this.archive!.ask((store, signal) => store.entity({ ...query, top: 8, signal }), cancel.signal, `entity\u0000${query.type}\u0000${query.name}`);
      if (token.isCancellationRequested) return undefined;
      const section = outcome ? archiveSection(outcome, { ...query, inWorkspace: (hit) => this.inWorkspace(hit) }) : '';
      return trustedHover(section ? `${markdown}\n\n---\n\n${section}` : markdown, range);
    } finally {
      cancel.dispose();
    }
  }

  /** An archive article that is also one of this workspace's (the card lists it above already); rebuilt after the index changes. */
  private inWorkspace(hit: { file: string; title: string }): boolean {
    if (!this.archiveCopies) {
      const index = this.workspace.index;
      this.archiveCopies = workspaceCopies(index.uris().map((uri) => ({ uri, headline: index.articleInfo(uri)?.headline ?? '' })));
      const subscription = index.onDidChange(() => {
        subscription.dispose();
        this.archiveCopies = undefined;
      });
    }
    return this.archiveCopies(hit);
  }

  /**
   * The card of the quotation under the cursor, when the quote ledger found one there and the article is as
   * indexed (the analyses catch up in the background: until then, no quotation card).
   */
  private quoteAt(doc: vscode.TextDocument, position: vscode.Position): { markdown: string; range: vscode.Range } | undefined {
    const index = this.workspace.index;
    const uri = doc.uri.toString();
    const store = AnalysisStore.of(index);
    if (!index.has(uri) || !store.ready()) return undefined;
    const offset = doc.offsetAt(position);
    const quote = store.quotes(uri).find((q) => q.start <= offset && offset < q.end);
    if (!quote) return undefined;
    const range = new vscode.Range(doc.positionAt(quote.start), doc.positionAt(quote.end));
    if (doc.getText(range) !== quote.text) return undefined;
    const corroboration = this.copies?.quoteCorroboration(quote.text);
    const markdown = quoteCard({ uri, quote, published: index.articleInfo(uri)?.published, corroboration });
    return markdown ? { markdown, range } : undefined;
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

function trustedHover(markdown: string, range: vscode.Range): vscode.Hover {
  const md = new vscode.MarkdownString(markdown, false);
  md.isTrusted = { enabledCommands: [...HOVER_TRUSTED_COMMANDS] };
  md.supportHtml = false;
  return new vscode.Hover(md, range);
}

function describeLocally(span: Span): string {
  const head = `**${TYPE_LABELS[span.type]}** · ${escapeMarkdown(span.canonical ?? span.text)}`;
  if (span.type === 'DATE') return typeof span.value === 'string' ? `${head} → ${escapeMarkdown(formatDateValue(span.value))}` : head;
  const figure = formatFigureValue(span);
  return figure ? `${head} → ${escapeMarkdown(figure)}` : head;
}
