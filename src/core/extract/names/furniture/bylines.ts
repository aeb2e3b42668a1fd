import { Edit, type Line } from './edit';
import { NAME_TOKEN, NOT_PERSON_WORDS, PART_LABELS } from './words';

// Bylines: "By CHIDINMA OKAFOR, West Africa correspondent, in Lagos", "By JOANNA WIŚNIEWSKA and PARK JI-HOON"

const BYLINE = /^\s*(?:By|BY)\s+([^,|\n]{3,120}?)\s*(?=,|\||\s+[-–—]\s|\s+(?:in|at)\s+\p{Lu}|$)/u;

export function bylines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 200 || !/^\s*B[yY]\s/.test(line.text)) continue;
    const m = BYLINE.exec(line.text);
    if (!m) continue;
    const names = m[1];
    const base = line.start + line.text.indexOf(names, 2);
    let at = 0;
    for (const part of names.split(/(\s+and\s+|\s*&\s*|\s*;\s*)/u)) {
      const here = at;
      at += part.length;
      if (/^\s*(?:and|&|;)\s*$/u.test(part)) continue;
      const tokens = part.trim().split(/\s+/);
      if (tokens.length < 2 || tokens.length > 4 || !tokens.every((t) => NAME_TOKEN.test(t)) || NOT_PERSON_WORDS.test(part)) continue;
      const start = base + here + (part.length - part.trimStart().length);
      const surface = part.trim();
      edit.name(start, start + surface.length, 'PERSON', edit.mixedCase(surface));
    }
  }
}

// Datelines: "BASEL, Switzerland and BOSTON, Nov. 18, 2025 /PRNewswire/ --", "NAIROBI, Kenya (Reuters) -"

const NEWSWIRE = /\/\s*(\p{L}[\p{L}\p{N} .&'-]{1,38}\p{L})\s*\/\s*(?:--|—|–|-)/u;
const AGENCY = /\((Reuters|AP|AFP|Bloomberg|dpa|DPA|Xinhua|PTI|ANI|EFE|ANSA|Kyodo|Yonhap|IANS|UPI|Anadolu|TASS|Bernama|Antara|KUNA|WAM|SPA|APA|CNA)\)\s*(?:--|—|–|-)/u;
/** A newswire in parentheses: "TORONTO, Oct. 9, 2025 (GLOBE NEWSWIRE) --", "NEW YORK--(BUSINESS WIRE)--". */
const PAREN_WIRE = /\(\s*(\p{Lu}[\p{L} ]{0,30}?(?:WIRE|Wire|NEWSWIRE|Newswire|PRESSWIRE|Presswire))\s*\)\s*(?:--|—|–|-)/u;
const CAPS_PLACE = /\p{Lu}[\p{Lu}\p{M}'’.-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]+){0,3}/gu;

export function datelines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    // a dateline opens the first paragraph: its head is enough
    const t = line.text;
    if (!(t.includes('--') || t.includes('—') || t.includes('–') || t.includes(') -') || t.includes('/ -'))) continue;
    const wire = NEWSWIRE.exec(line.text) ?? PAREN_WIRE.exec(line.text);
    const agency = wire ? null : AGENCY.exec(line.text);
    const m = wire ?? agency;
    if (!m) continue;
    const innerStart = line.start + m.index + m[0].indexOf(m[1]);
    edit.name(innerStart, innerStart + m[1].length, 'ORG', edit.mixedCase(m[1].trim(), true), true);
    // the places before the date (or before the agency): the capitals of the dateline
    const head = line.text.slice(0, m.index);
    const date = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b\d{4}-\d{2}-\d{2}/.exec(head);
    const places = date ? head.slice(0, date.index) : head;
    for (const p of places.matchAll(CAPS_PLACE)) {
      const surface = p[0].replace(/[.'’-]+$/u, '');
      if (surface.replace(/[^\p{L}]/gu, '').length < 3) continue;
      const before = places[p.index - 1];
      const after = places[p.index + p[0].length];
      if ((before && !/[\s,;(]/.test(before)) || (after && !/[\s,;)]/.test(after))) continue;
      if (PART_LABELS.has(surface)) continue;
      edit.name(line.start + p.index, line.start + p.index + surface.length, 'PLACE', edit.mixedCase(surface));
    }
  }
}
