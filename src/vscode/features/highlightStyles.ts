import * as vscode from 'vscode';
import type { Category } from '../categories';
import type { HighlightStyle } from '../config';

/**
 * In the patterned styles each category also has its own underline pattern, so categories stay
 * distinguishable without colour (colour-blind readers, greyscale screenshots); hovers name the category
 * too. Figures get a thick solid line: a double underline in their red read like a spelling error.
 */
export const UNDERLINE_PATTERNS: Record<Category, { style: string; width: number }> = {
  person: { style: 'solid', width: 2 },
  org: { style: 'double', width: 3 },
  place: { style: 'dashed', width: 2 },
  misc: { style: 'dotted', width: 2 },
  date: { style: 'solid', width: 1 },
  figure: { style: 'solid', width: 3 },
};

/** Dates and figures are set in italics on top of their underline: the two groups read apart at a glance. */
const ITALIC: ReadonlySet<Category> = new Set<Category>(['date', 'figure']);

export function decorationFor(cat: Category, style: HighlightStyle): vscode.DecorationRenderOptions {
  const color = (part: string): vscode.ThemeColor => new vscode.ThemeColor(`sourceAnnotator.${cat}.${part}`);
  const pattern = UNDERLINE_PATTERNS[cat];
  const underline = (width: number): vscode.DecorationRenderOptions => ({
    borderStyle: `none none ${pattern.style} none`, borderWidth: `0 0 ${width}px 0`, borderColor: color('border'),
  });
  const shape: vscode.DecorationRenderOptions = ITALIC.has(cat) ? { fontStyle: 'italic' } : {};
  switch (style) {
    case 'soft':
      // A tint and a hairline: in high-contrast themes the tints are transparent and the hairline remains.
      return { ...shape, backgroundColor: color('background'), borderStyle: 'none none solid none', borderWidth: '0 0 1px 0', borderColor: color('border') };
    case 'underline':
      return { ...shape, ...underline(pattern.width) };
    case 'text':
      return { ...shape, color: color('foreground'), ...underline(1) };
    default:
      return { ...shape, backgroundColor: color('background'), ...underline(pattern.width) };
  }
}

/** Highlights outside the focus fade back so the focused entity stands out. */
export const DIMMED_DECORATION: vscode.DecorationRenderOptions = { opacity: '0.45' };

/** The focused entity's mentions: an outline in the editor and a mark in the overview ruler. */
export const FOCUS_DECORATION: vscode.DecorationRenderOptions = {
  outlineColor: new vscode.ThemeColor('sourceAnnotator.focus.border'),
  outlineStyle: 'solid',
  outlineWidth: '2px',
  overviewRulerColor: new vscode.ThemeColor('sourceAnnotator.focus.border'),
  overviewRulerLane: vscode.OverviewRulerLane.Full,
  rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
};
