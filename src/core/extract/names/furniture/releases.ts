import { Edit, type Line, WORD, isName } from './edit';
import { ABBREVIATION_END, NAME_WORDS } from './mastheads';
import { MAX_GROUPS, longestForm } from './tickers';

// Boilerplate headings of a release: "About Veridane Therapeutics" names the company the release calls
// "Veridane Therapeutics AG"; its short forms ("Veridane") take that canonical name

export function boilerplateHeadings(edit: Edit, lines: Line[]): void {
  let headings = 0;
  for (const line of lines) {
    const m = line.text.length <= 90 && line.text.includes('About ') ? /^\s*About\s+(\p{Lu}[^\n]{1,70}?)\s*$/u.exec(line.text) : null;
    if (m && ++headings > MAX_GROUPS) break;
    if (!m || /[.!?]$/.test(m[1]) && !ABBREVIATION_END.test(m[1].replace(/\.$/, ''))) continue;
    const name = m[1];
    const orgs = edit.names().filter((s) => s.type === 'ORG');
    const full = orgs.map((s) => longestForm(edit, s)).filter((c) => c === name || c.startsWith(name + ' ') || c.startsWith(name + ','))
      .sort((a, b) => b.length - a.length)[0];
    if (!full) continue;
    const start = line.start + m.index + m[0].indexOf(name);
    edit.name(start, start + name.length, 'ORG', full);
    // the company's short forms: "Veridane", "Veridane Therapeutics"
    for (const s of orgs) {
      const c = s.canonical ?? s.text;
      if (c !== full && (full.startsWith(c + ' ') || full.startsWith(c + ',') || longestForm(edit, s) === full)) edit.canonical(s, full);
    }
  }
}

// A company a release names in full ("Andes Cordillera Lithium Corp.", "Toyoshima Battery Works Co., Ltd.") is the
// same company in its headline and boilerplate without the legal form ("Andes Cordillera Lithium Signs …")

const LEGAL_WORDS = new Set(['Corp', 'Inc', 'Ltd', 'Limited', 'LLC', 'plc', 'PLC', 'AG', 'SA', 'S.A', 'NV', 'N.V', 'ASA', 'GmbH', 'SE', 'AB',
  'Oyj', 'SpA', 'S.p.A', 'Bhd', 'Tbk', 'KK', 'K.K']);

/** "Toyoshima Battery Works Co., Ltd." → "Toyoshima Battery Works"; undefined when the name ends in no legal form. */
function withoutLegalForm(full: string): string | undefined {
  const space = full.lastIndexOf(' ');
  if (space < 0 || !LEGAL_WORDS.has(full.slice(space + 1).replace(/\.$/, ''))) return undefined;
  return full.slice(0, space).replace(/,$/, '').replace(/\s+(?:Co\.,?|Pty)$/, '').replace(/,$/, '');
}

export function companyShortForms(edit: Edit): void {
  const bases = new Map<string, string>();
  for (const s of edit.names()) {
    if (s.type !== 'ORG' || s.end - s.start > 80) continue;
    const full = longestForm(edit, s);
    const base = withoutLegalForm(full);
    if (base === undefined) continue;
    const words = base.split(/\s+/);
    if (words.length < 2 || words.length > 6 || !words.every((w) => NAME_WORDS.test(w)) || bases.size >= MAX_GROUPS) continue;
    if (!bases.has(base)) bases.set(base, full);
  }
  for (const [base, full] of bases) {
    let at = edit.text.indexOf(base);
    for (let tries = 0; at >= 0 && tries < 200; tries++) {
      const end = at + base.length;
      const next = at + 1;
      if (!WORD.test(edit.text[at - 1] ?? '') && !WORD.test(edit.text[end] ?? '') && !LEGAL_AFTER.test(edit.text.slice(end, end + 14))) {
        const over = edit.overlapping(at, end);
        // only names inside the company's words give way ("Cordillera Lithium" read as a place); a longer name stays
        if (over.every((o) => isName(o) && o.start >= at && o.end <= end) && !(over.length === 1 && over[0].type === 'ORG' && over[0].start === at && over[0].end === end)) {
          edit.name(at, end, 'ORG', full);
        }
      }
      at = edit.text.indexOf(base, next);
    }
  }
}

const LEGAL_AFTER = /^,?\s+(?:Co\.|Corp|Inc|Ltd|Limited|LLC|plc|PLC|AG|SA|S\.A|NV|N\.V|ASA|GmbH|SE|AB|Oyj|SpA|Bhd|Tbk|KK|Pty)\b/u;

// A release's forward-looking statements cite the law by its full title: "the Private Securities Litigation Reform
// Act of 1995" is one MISC, its year inside (the guideline keeps the outermost name only)

const ACT_OF_YEAR = /^\s+of\s+(?:1[89]|20)\d\d\b/u;

export function safeHarbourLaws(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (!/forward-looking|safe harbou?r/i.test(line.text)) continue;
    for (const s of edit.overlapping(line.start, line.end)) {
      if (s.type !== 'MISC' || !/\bAct$/.test(s.text)) continue;
      const year = ACT_OF_YEAR.exec(edit.text.slice(s.end, s.end + 12));
      if (!year) continue;
      const end = s.end + year[0].length;
      edit.name(s.start, end, 'MISC');
    }
  }
}
