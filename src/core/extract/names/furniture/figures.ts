import { Edit, isName } from './edit';

// Figures that are furniture: timestamps ("[00:04:47]", "0:00 / 6:31"), zone offsets ("GMT+2"), a time zone read
// as a name ("11:15 WAT"), identifiers ("conference ID 5512873"), form numbers ("Form 20-F")

/**
 * A telephone number: one with a country code ("+44 (0)20 7946 0958", "+1 617-555-0198") or in the North American
 * shape ("(877) 555-0142", "617-555-0198"): none of its digit groups is a figure.
 */
const PHONE = /\+\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){2,6}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b/gu;
const PHONE_HINT = /\(\d{3}\)|\d{3}[.-]\d{3}[.-]\d{4}/;
const PHONE_LABEL_BEFORE = /(?:^|[\s|,;·(])(?:Tel|Tel\.|Telephone|Phone|T|Fax|F|Mobile|Mob|M|Cell|Dial-in|Dial|Toll-free|Hotline|Call|WhatsApp|Contact)\s*:?\s*(?:\+?\s*)?$|[|·]\s*$/iu;
/** A contact block's labels ("Tel:", "Fax:", "Mobile:"), which a detector may read as names. */
const CONTACT_LABELS = new Set(['Tel', 'Tel.', 'Fax', 'Phone', 'Mobile', 'Cell', 'Email', 'E-mail', 'Web', 'Website']);
const ZONE_OFFSET = /\b(?:GMT|UTC)\s?[+−-]\s?\d{1,2}(?::?\d{2})?\b/g;
/** A clock time before a date on a date line: "Updated 4:12 PM EDT, Thu October 9, 2025", "11:30 GMT, 3 March 2026". */
const CLOCK_HINT = /\d[:.]\d\d/;
const CLOCK_LEAD = /^\s*(?:(?:Last\s+)?(?:Updated|Published|Posted|Modified|First published|Last modified)(?:\s+on|\s+at)?:?\s+)?(\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?,?\s+(?:on\s+)?)$/u;
const FORM = /\bForm\s+(?:\d{1,2}-[A-Z]{1,2}|[A-Z]{1,2}-\d{1,2}[A-Z]?)\b/g;
const CLOCK_BEFORE = /\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*$/iu;
const ID_BEFORE = /\b(?:ID|PIN|passcode|access code|code|conference|meeting|reference|ref\.?|no\.?|number|extension|ext\.?)\s*(?:ID|number|no\.?|code)?\s*[:#]?\s*$/iu;

export function furnitureFigures(edit: Edit, shouting: boolean): void {
  const text = edit.text;
  for (const s of edit.spans) {
    if (s.type === 'QUANTITY') {
      const before = text[s.start - 1] ?? '';
      const after = text[s.end] ?? '';
      // digits joined by colons: a clock or a media timestamp
      if ((before === ':' && /\d/.test(text[s.start - 2] ?? '')) || (after === ':' && /\d/.test(text[s.end + 1] ?? ''))) { edit.drop(s); continue; }
      if (/^\d{4,}$/.test(s.text) && ID_BEFORE.test(text.slice(Math.max(0, s.start - 24), s.start))) { edit.drop(s); continue; }
    } else if (!shouting && s.end - s.start <= 5 && isName(s) && /^[A-Z]{2,5}$/.test(s.text) && s.type !== 'ORG' && s.type !== 'PLACE' && CLOCK_BEFORE.test(text.slice(Math.max(0, s.start - 16), s.start))) {
      edit.drop(s); // "11:15 WAT": a time zone
    } else if (isName(s) && s.text === 'ID' && /^\s*:?\s*\d/.test(text.slice(s.end, s.end + 4))) {
      edit.drop(s);
    }
  }
  for (const m of text.includes('+') || PHONE_HINT.test(text) ? text.matchAll(PHONE) : []) {
    // in a contact block only: a number opening its line or after a label ("Tel:", "T:", "Dial-in:"); in a
    // sentence ("my phone number is +1-222-2222") its digits stay figures, as Recognizers-Text reads them
    const prefix = text.slice(Math.max(0, m.index - 40, text.lastIndexOf('\n', m.index) + 1), m.index);
    if (prefix.trim() !== '' && !PHONE_LABEL_BEFORE.test(prefix)) continue;
    for (const s of edit.overlapping(m.index, m.index + m[0].length)) {
      if (s.type === 'QUANTITY' || s.type === 'MONEY' || s.type === 'PERCENT') edit.drop(s);
    }
  }
  // a contact label stands before a colon: look only there
  for (let colon = text.indexOf(':'), seen = 0; colon >= 0 && seen < 10000; colon = text.indexOf(':', colon + 1), seen++) {
    let end = colon;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    let start = end;
    while (start > 0 && end - start < 9 && /[A-Za-z.-]/.test(text[start - 1])) start--;
    if (start === end || !CONTACT_LABELS.has(text.slice(start, end)) || /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
    const s = edit.overlapping(start, end).find((o) => isName(o) && o.start === start && o.end === end);
    if (s) edit.drop(s);
  }
  for (const m of text.includes('GMT') || text.includes('UTC') ? text.matchAll(ZONE_OFFSET) : []) {
    const start = m.index, end = start + m[0].length;
    const over = edit.overlapping(start, end);
    const date = over.find((s) => s.type === 'DATE' && s.start < start && s.end > start && s.end < end);
    for (const s of over) if (s.type === 'QUANTITY') edit.drop(s);
    if (date) {
      edit.drop(date);
      edit.span({ ...date, end, text: text.slice(date.start, end) });
    }
  }
  for (const s of edit.spans) {
    if (s.type !== 'DATE') continue;
    // a date line: the date within 60 characters of its line's start, a clock time before it
    const from = Math.max(0, s.start - 60);
    const window = text.slice(from, s.start);
    const nl = window.lastIndexOf('\n');
    if ((nl < 0 && from > 0) || !CLOCK_HINT.test(window)) continue;
    const lineStart = from + nl + 1;
    const clock = CLOCK_LEAD.exec(text.slice(lineStart, s.start));
    if (!clock) continue;
    const start = lineStart + clock.index + clock[0].indexOf(clock[1]);
    if (edit.overlapping(start, s.start).length) continue;
    edit.drop(s);
    edit.span({ ...s, start, text: text.slice(start, s.end) });
  }
  for (const m of text.includes('Form ') ? text.matchAll(FORM) : []) {
    const start = m.index, end = start + m[0].length;
    const over = edit.overlapping(start, end);
    if (over.every((s) => s.type === 'QUANTITY' || (isName(s) && s.start >= start && s.end <= end))) edit.name(start, end, 'MISC');
  }
}
