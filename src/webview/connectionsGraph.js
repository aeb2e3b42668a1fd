// The Connections graph webview (browser code, bundled with cytoscape by scripts/build.mjs). The host posts
// {type: 'graph', nodes, edges}; a click on a node, or Enter on its entry in the list, asks the host to open
// the entity's references. Colours come from the theme's CSS variables, so the graph follows the theme.
import cytoscape from 'cytoscape';

const vscode = acquireVsCodeApi();
const container = document.getElementById('graph');
const list = document.getElementById('entities');
const status = document.getElementById('status');
let cy;

function cssVar(name, fallback) {
  const value = getComputedStyle(document.body).getPropertyValue(name).trim();
  return value || fallback;
}

/** Theme colours come as #rgb, #rrggbb or #rrggbbaa; the graph library reads rgb()/rgba(). */
function toRgb(colour) {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(colour.trim());
  if (!hex) return colour;
  let h = hex[1];
  if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** The highlight colours' defaults (package.json), for a theme that does not pass them to webviews. */
const DEFAULT_COLOURS = {
  light: { person: '#1f77b4', org: '#9467bd', place: '#2ca02c', misc: '#8c564b' },
  dark: { person: '#6cb6ff', org: '#c39bff', place: '#7ee07e', misc: '#d9a38f' },
};

function typeColour(type) {
  const category = { PERSON: 'person', ORG: 'org', PLACE: 'place', MISC: 'misc' }[type] || 'misc';
  const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
  return toRgb(cssVar(`--vscode-sourceAnnotator-${category}-border`, DEFAULT_COLOURS[dark ? 'dark' : 'light'][category]));
}

function open(key) {
  vscode.postMessage({ type: 'open', key });
}

function style() {
  const fg = toRgb(cssVar('--vscode-foreground', '#ccc'));
  const muted = toRgb(cssVar('--vscode-descriptionForeground', '#999'));
  const focus = toRgb(cssVar('--vscode-focusBorder', '#07f'));
  return [
    { selector: 'node', style: { label: 'data(label)', color: fg, 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
      'background-color': (n) => typeColour(n.data('type')), width: 'data(size)', height: 'data(size)' } },
    { selector: 'edge', style: { width: 'data(width)', 'line-color': muted, opacity: 0.6, 'curve-style': 'haystack' } },
    { selector: 'node.selected', style: { 'border-width': 3, 'border-color': focus } },
  ];
}

function render(graph) {
  status.textContent = graph.edges.length
    ? `${graph.nodes.length} entities, ${graph.edges.length} connections (the ${graph.edges.length} strongest of ${graph.total}); click an entity or press Enter on it in the list to see its references.`
    : 'No connections yet: entities must appear together in at least two paragraphs.';
  const maxArticles = Math.max(1, ...graph.nodes.map((n) => n.articles));
  const elements = [
    ...graph.nodes.map((n) => ({ data: { id: n.key, label: n.name, type: n.type, size: 12 + 28 * Math.sqrt(n.articles / maxArticles) } })),
    ...graph.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.aKey, target: e.bKey, width: 1 + 5 * Math.max(0, e.strength) } })),
  ];
  if (cy) cy.destroy();
  cy = cytoscape({ container, elements, style: style(), layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 }, wheelSensitivity: 0.3 });
  cy.on('tap', 'node', (event) => open(event.target.id()));
  list.replaceChildren(...[...graph.nodes].sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name)).map((n) => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.textContent = `${n.name} (${n.degree})`;
    button.title = `${n.name}: ${n.articles} article(s); Enter opens its references`;
    button.addEventListener('click', () => open(n.key));
    button.addEventListener('focus', () => {
      cy.nodes().removeClass('selected');
      cy.getElementById(n.key).addClass('selected');
    });
    item.append(button);
    return item;
  }));
  vscode.postMessage({ type: 'rendered', nodes: cy.nodes().length, edges: cy.edges().length });
}

// Arrow keys move through the entity list.
list.addEventListener('keydown', (event) => {
  const buttons = [...list.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && at < buttons.length - 1) { buttons[at + 1].focus(); event.preventDefault(); }
  if (event.key === 'ArrowUp' && at > 0) { buttons[at - 1].focus(); event.preventDefault(); }
});

window.addEventListener('message', (event) => {
  if (event.data?.type === 'graph') render(event.data);
});
// Theme changes: restyle.
new MutationObserver(() => cy?.style(style())).observe(document.body, { attributes: true, attributeFilter: ['class'] });
vscode.postMessage({ type: 'ready' });
