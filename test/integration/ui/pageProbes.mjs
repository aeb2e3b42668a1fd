// Functions evaluated inside the workbench page to locate words and read what is drawn over them.
// They receive plain data and return plain data, so Playwright can serialise both ways.

/**
 * The on-screen rectangle of `word` on editor line `lineNumber` (1-based), or null while that line is not
 * rendered. Lines are matched through the gutter: the `.line-numbers` cell and the `.view-line` share a top.
 */
export function wordRectOnLine({ lineNumber, word, occurrence }) {
  const gutterCell = [...document.querySelectorAll('.monaco-editor .margin-view-overlays .line-numbers')].find(
    (cell) => cell.textContent.trim() === String(lineNumber),
  );
  if (!gutterCell) return null;
  const top = Math.round(gutterCell.getBoundingClientRect().top);
  const line = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].find(
    (candidate) => Math.round(candidate.getBoundingClientRect().top) === top,
  );
  if (!line) return null;
  const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node, start: text.length });
    text += node.textContent;
  }
  // The editor renders spaces as non-breaking spaces.
  const normalized = text.replace(/\u00a0/g, ' ');
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = normalized.indexOf(word, index + 1);
    if (index < 0) return null;
  }
  const locate = (offset) => {
    const holder = nodes.filter((entry) => entry.start <= offset).pop();
    return { node: holder.node, offset: offset - holder.start };
  };
  const range = document.createRange();
  const from = locate(index);
  const to = locate(index + word.length - 1);
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset + 1);
  const rect = range.getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

/**
 * Background and bottom-border colours of every decoration element drawn under the centre of `rect`:
 * overlay decorations (`.view-overlays .cdr`) and inline decoration spans inside the line.
 */
export function decorationColoursAt(rect) {
  const x = rect.left + rect.width / 2;
  const y = rect.top + rect.height / 2;
  const candidates = [
    ...document.querySelectorAll('.monaco-editor .view-overlays .cdr'),
    ...document.querySelectorAll('.monaco-editor .view-lines .view-line span[class*="ced-"]'),
  ];
  return candidates
    .filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.left <= x && x <= box.right && box.top <= y && y <= box.bottom;
    })
    .map((element) => {
      const style = getComputedStyle(element);
      return { className: element.className, background: style.backgroundColor, borderBottom: style.borderBottomColor, borderBottomWidth: style.borderBottomWidth, borderBottomStyle: style.borderBottomStyle };
    });
}
