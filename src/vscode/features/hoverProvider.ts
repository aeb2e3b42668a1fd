import * as vscode from 'vscode';
import type { Span } from '../../core/extract';
import { TYPE_LABELS } from '../categories';
import { isArticleDocument, type DocumentAnalyzer } from '../analysis/documentAnalyzer';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** The hover card for a highlighted mention: what it is and its normalized value. */
export class SpanHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analyzer: DocumentAnalyzer, private readonly workspace: WorkspaceIndex) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    if (!isArticleDocument(doc) || token.isCancellationRequested) return undefined;
    const span = this.analyzer.spanAt(doc, position);
    if (!span) return undefined;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = false;
    md.supportHtml = false;
    md.appendMarkdown(`**${TYPE_LABELS[span.type]}**: `);
    md.appendText(describeSpan(span));
    if (span.reason) {
      md.appendMarkdown('\n\n');
      md.appendText(span.reason);
    }
    return new vscode.Hover(md, new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
  }
}

export function describeSpan(span: Span): string {
  switch (span.type) {
    case 'PERSON': case 'ORG': case 'PLACE': case 'MISC':
      return span.canonical && span.canonical !== span.text ? `${span.canonical} (“${span.text}”)` : span.canonical ?? span.text;
    case 'DATE':
      return span.value === null ? `“${span.text}” — date not resolved` : `“${span.text}” → ${span.value}`;
    case 'MONEY':
      return span.value === null ? `“${span.text}” — no exact amount` : `“${span.text}” → ${formatMoney(String(span.value))}`;
    case 'PERCENT':
      return `“${span.text}” → ${span.value}%`;
    case 'QUANTITY':
      return `“${span.text}” → ${span.value}${span.unit ? ` ${span.unit}` : ''}`;
  }
}

function formatMoney(value: string): string {
  const [currency, amount] = value.split(' ');
  const n = Number(amount);
  return Number.isFinite(n) ? `${currency} ${n.toLocaleString('en-US')} (${value})` : value;
}
