import { NAME_TOKEN, NOT_PERSON_WORDS } from './words';
import { Edit, type Line } from './edit';

// Photo credits: "Photograph: Ana Ruiz/Reuters", "Photo: Kim Soo-jin/AP", "(Piotr Malinowski / Northern Ledger)"

const CREDIT = /\b(?:Photograph|Photo|Photos|Picture|Image|Illustration|Video|Credit|Photo credit|Graphic|Footage)s?\s*:\s*([^/\n:]{2,60}?)\s*\/\s*([^\n]{2,60}?)\s*[.)]?\s*$/u;
const PAREN_CREDIT = /\(([^()/\n]{3,50}?)\s*\/\s*([^()/\n]{2,50}?)\)\s*$/u;

/** Picture agencies, which a credit may name before the photographer ("AP Photo/Esteban Félix", "EPA-EFE/ELVIS GONZALEZ"). */
const PICTURE_AGENCIES = 'AP|AFP|EPA|EFE|Reuters|Getty Images|Getty|ANP|dpa|DPA|PA|PA Images|Xinhua|ANSA|Anadolu|Shutterstock|Bloomberg|SIPA|Sipa|NurPhoto|Alamy|IMAGO|Imago|ZUMA|Zuma|SOPA Images|Kyodo|Yonhap|TT|NTB|Ritzau|Belga|Keystone|APA|PAP|TASS|Sputnik|Polaris|Redux|Magnum|UPI|Pool|KCNA|Photoshot|Abaca|Abaca Press';
const AGENCY_CREDIT = new RegExp(`(?:^|\\()\\s*((?:${PICTURE_AGENCIES})(?:[-/](?:${PICTURE_AGENCIES}))?)(?:\\s+(?:Photo|Photos|Images|Pool))?\\s*\\/\\s*(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*){1,3})\\s*(?:\\)|$)`, 'u');
const PHOTO_HINT = /Photo|Picture|Image|Illustration|Video/;
const AGENCY_HINT = new RegExp(`(?:^|\\()\\s*(?:${PICTURE_AGENCIES})\\b`);
const CREDIT_HINT = /(?:Photograph|Photo|Picture|Image|Illustration|Video|Credit|Graphic|Footage)s?\s*:/;
/** A credit `creditNames` reads: its label first on the line or after a space, the names after the colon. */
const LABELLED_CREDIT = /(?:^|[ \t])(?:Photograph|Photographs|Photo|Photos|Picture|Pictures|Photo credit|Image|Images|Illustration|Composite|Credit|Video|Footage)[ \t]*:/u;

/** The last character of a line that is not a space ('' for a blank line), without an expression anchored at the end. */
export function lastNonSpace(line: string): string {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return i >= 0 ? line[i] : '';
}
const PHOTO_BY = /\b(?:Photo|Photograph|Picture|Image|Illustration|Video|Photography)s?\s+(?:by|:)\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3})\s+(?:on|for|via|\/)\s+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,3})/u;

/** "Image source, Getty Images" (a credit line of a saved page): the agencies named. */
const IMAGE_SOURCE = /^\s*(?:Image|Video|Photo|Media) source,\s*([^\n]{2,80}?)\s*$/u;

export function photoCredits(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 300) continue;
    const source = line.text.includes(' source,') ? IMAGE_SOURCE.exec(line.text) : null;
    if (source) {
      let at = line.start + source[0].indexOf(source[1]);
      for (const part of source[1].split(/(\s*\/\s*|\s+via\s+)/)) {
        if (/^\p{Lu}/u.test(part) && part.split(/\s+/).length <= 4) edit.name(at, at + part.length, new RegExp(`^(?:${PICTURE_AGENCIES})$`).test(part) || !/\s/.test(part) ? 'ORG' : 'PERSON', part);
        at += part.length;
      }
      continue;
    }
    const slash = line.text.indexOf('/') >= 0;
    const agencyFirst = slash && AGENCY_HINT.test(line.text) ? AGENCY_CREDIT.exec(line.text) : null;
    if (agencyFirst) {
      let at = line.start + agencyFirst.index + agencyFirst[0].indexOf(agencyFirst[1]);
      for (const a of agencyFirst[1].split(/([-/])/)) {
        if (a !== '-' && a !== '/') edit.name(at, at + a.length, 'ORG', a);
        at += a.length;
      }
      const person = agencyFirst[2];
      const personAt = line.start + agencyFirst.index + agencyFirst[0].lastIndexOf(person);
      if (!NOT_PERSON_WORDS.test(person)) edit.name(personAt, personAt + person.length, 'PERSON', edit.mixedCase(person));
      continue;
    }
    const by = (line.text.includes(' by ') || line.text.includes(':')) && PHOTO_HINT.test(line.text) ? PHOTO_BY.exec(line.text) : null;
    if (by && !NOT_PERSON_WORDS.test(by[1])) {
      const personAt = line.start + by.index + by[0].indexOf(by[1]);
      edit.name(personAt, personAt + by[1].length, 'PERSON', edit.mixedCase(by[1]));
      const orgAt = line.start + by.index + by[0].lastIndexOf(by[2]);
      edit.name(orgAt, orgAt + by[2].length, 'ORG', by[2]);
      continue;
    }
    if (!slash) continue;
    // "Photograph: Jane Doe/Getty Images" (a label, a colon, the names) is read by `creditNames` (names/credits.ts)
    // with the detector's names; only what it does not read is read here
    const labelled = CREDIT_HINT.test(line.text) && LABELLED_CREDIT.test(line.text);
    const m = (CREDIT_HINT.test(line.text) && !labelled ? CREDIT.exec(line.text) : null) ??
      (lastNonSpace(line.text) === ')' ? PAREN_CREDIT.exec(line.text) : null);
    if (!m) continue;
    const personAt = line.start + m.index + m[0].indexOf(m[1]);
    const person = m[1].trim();
    const tokens = person.split(/\s+/);
    const isPerson = tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => NAME_TOKEN.test(t)) && !NOT_PERSON_WORDS.test(person);
    const agencyOffset = m[0].lastIndexOf(m[2]);
    const agencyAt = line.start + m.index + agencyOffset;
    const agencies = m[2].split(/\s+via\s+/);
    if (!agencies.every((a) => /^\p{Lu}/u.test(a.trim()))) continue;
    if (isPerson) edit.name(personAt, personAt + person.length, 'PERSON', edit.mixedCase(person));
    else if (/^\p{Lu}/u.test(person) && tokens.length <= 4) edit.name(personAt, personAt + person.length, 'ORG');
    let at = agencyAt;
    for (const a of m[2].split(/(\s+via\s+)/)) {
      if (!/^\s+via\s+$/.test(a)) edit.name(at, at + a.length, 'ORG', a.trim());
      at += a.length;
    }
  }
}
