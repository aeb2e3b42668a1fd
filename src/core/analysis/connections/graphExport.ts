/**
 * Exports of the connection graph: GEXF 1.3 for Gephi, and a CSV edge list (RFC 4180, as the annotation
 * export writes it) that spreadsheets, Gephi's import and network libraries read.
 */
import { csvCell } from '../../export/csv';
import type { ConnectionGraph } from './connections';

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text fit for an XML attribute: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, '').replace(/[&<>"']/gu, (c) => XML_ESCAPES[c])
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu, '');
}

/** The graph as GEXF 1.3: undirected, nodes with their type and counts, edges weighted by strength. */
export function connectionsToGexf(graph: ConnectionGraph, description = 'Entity connections from Source Annotator'): string {
  const ids = new Map<string, string>();
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    `  <meta><creator>Source Annotator</creator><description>${xmlText(description)}</description></meta>`,
    '  <graph mode="static" defaultedgetype="undirected">',
    '    <attributes class="node">',
    '      <attribute id="type" title="type" type="string"/>',
    '      <attribute id="articles" title="articles" type="integer"/>',
    '      <attribute id="paragraphs" title="paragraphs" type="integer"/>',
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="articles" title="articles" type="integer"/>',
    '      <attribute id="paragraphs" title="paragraphs" type="integer"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const node of graph.nodes.values()) {
    const id = `n${ids.size}`;
    ids.set(node.key, id);
    lines.push(`      <node id="${id}" label="${xmlText(node.name)}"><attvalues>` +
      `<attvalue for="type" value="${xmlText(node.type ?? '')}"/><attvalue for="articles" value="${node.articles}"/>` +
      `<attvalue for="paragraphs" value="${node.paragraphs}"/></attvalues></node>`);
  }
  lines.push('    </nodes>', '    <edges>');
  graph.connections.forEach((c, i) => {
    const source = ids.get(c.aKey);
    const target = ids.get(c.bKey);
    if (!source || !target) return;
    // Gephi wants positive weights: strength in [-1, 1] maps to (0, 2].
    const weight = Math.max(0.0001, c.strength + 1);
    lines.push(`      <edge id="e${i}" source="${source}" target="${target}" weight="${weight.toFixed(4)}"><attvalues>` +
      `<attvalue for="articles" value="${c.articles}"/><attvalue for="paragraphs" value="${c.paragraphs}"/></attvalues></edge>`);
  });
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}

export const EDGE_CSV_COLUMNS = ['source', 'target', 'articles', 'paragraphs', 'strength'] as const;

/** The connections as a CSV edge list, header first, strongest first; CRLF line ends. */
export function connectionsToCsv(graph: ConnectionGraph): string {
  const rows = [EDGE_CSV_COLUMNS.join(',')];
  for (const c of graph.connections) rows.push([csvCell(c.a), csvCell(c.b), c.articles, c.paragraphs, c.strength].join(','));
  return rows.join('\r\n') + '\r\n';
}
