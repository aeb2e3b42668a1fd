import { NOT_PERSON_WORDS, PART_LABELS } from './words';
import { Edit, HAS_LOWER, type Line, allCapitals, isName } from './edit';

// Transcripts: speaker labels ("MARISOL VEGA, HOST:", "TAN:", "SOMPHONE KEOVONGSA (through interpreter):") and a
// list of speakers under a "SPEAKERS:" heading ("NGUYEN THI THU HA, SPOKESPERSON, MINISTRY OF FOREIGN AFFAIRS")

/** Role words that open a label before the name ("PRESIDENT MULINO:", "DR. TAN:"). */
const LABEL_ROLES = /^(?:(?:PRESIDENT|PRIME MINISTER|MINISTER|SECRETARY|SENATOR|SEN\.|REPRESENTATIVE|REP\.|GOVERNOR|GOV\.|MAYOR|JUDGE|JUSTICE|AMBASSADOR|AMB\.|GENERAL|GEN\.|ADMIRAL|COLONEL|CAPTAIN|DR\.?|PROF\.?|PROFESSOR|MR\.?|MS\.?|MRS\.?|SIR|DAME|LORD|LADY|CHAIRMAN|CHAIRWOMAN|CHAIR|DEPUTY|SPOKESMAN|SPOKESWOMAN|SPOKESPERSON)\s+)+/u;

/** Capital-letter tokens of a name (with accents, hyphens, apostrophes, initials). */
const CAPS_NAME = /^\p{Lu}[\p{Lu}\p{M}'’.-]*(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,5}$/u;
/** A label at the start of a line: capitals, an optional "(through interpreter)", optional ", ROLE, ORG", a colon, then speech. */
const LABEL_LINE = /^(\p{Lu}[\p{Lu}\p{M}'’. -]{0,60}?)(\s*\([^()\n]{1,40}\))?((?:,\s*[^,:\n()\d]{2,80}){0,3}):(?=\s|$)/u;

/** Head nouns of an organisation named in a label's role part ("PANAMA CANAL AUTHORITY"). */
const ORG_HEADS = /\b(?:AUTHORITY|UNIVERSITY|MINISTRY|DEPARTMENT|COMMISSION|AGENCY|BANK|INSTITUTE|INSTITUTION|COUNCIL|ASSOCIATION|UNION|FOUNDATION|COMPANY|CORPORATION|CORP|GROUP|PARTY|COURT|SCHOOL|COLLEGE|CENTRE|CENTER|OFFICE|FUND|ORGANI[SZ]ATION|NEWS|TIMES|POST|RADIO|TELEVISION|NETWORK|PRESS|AIRLINES?|COMMITTEE|PARLIAMENT|CONGRESS|SENATE|ASSEMBLY|BUREAU|SERVICE|SERVICES|FEDERATION|FORUM|INC|LTD|PLC|LLC|AG|SA|GMBH|CLUB|TRUST|PROGRAMME|PROGRAM)\b/u;
/** Roles ("FORMER DEPUTY ADMINISTRATOR", "DEPUTY MINISTER OF ENERGY AND MINES"): not a name, whatever follows. */
const ROLE_START = /^(?:FORMER\s+|ACTING\s+|INTERIM\s+|SENIOR\s+|CHIEF\s+|DEPUTY\s+|VICE\s+|ASSISTANT\s+|ASSOCIATE\s+|EXECUTIVE\s+|GENERAL\s+|MANAGING\s+|LEAD\s+|HEAD\s+)*(?:PRESIDENT|PRIME MINISTER|MINISTER|SECRETARY|DIRECTOR|ADMINISTRATOR|CHAIR\w*|SPOKES\w+|HOST|ANCHOR|CORRESPONDENT|REPORTER|EDITOR|ECONOMIST|ANALYST|PROFESSOR|FELLOW|RESEARCHER|ADVISER|ADVISOR|OFFICER|MANAGER|AMBASSADOR|MAYOR|GOVERNOR|SENATOR|REPRESENTATIVE|MEMBER|FOUNDER|CO-FOUNDER|CEO|CFO|COO|CTO|PARTNER|LAWYER|ATTORNEY|COUNSEL|COMMISSIONER|COORDINATOR|COMMANDER|GENERAL|JUDGE|HEAD|LEADER|CAPTAIN|AUTHOR|CONSULTANT|EXPERT|SCIENTIST|DOCTOR|NURSE|TEACHER|STUDENT|RESIDENT|FARMER|WORKER|OWNER|VOLUNTEER|COACH|PLAYER|SPECIALIST|STRATEGIST)\b/u;
const COUNTRY_FORMS = /\b(?:PDR|REPUBLIC|KINGDOM|EMIRATES|STATES|FEDERATION|ISLANDS|PRINCIPALITY|SULTANATE)$/u;
const LIST_HEADING = /^\s*(?:SPEAKERS|PARTICIPANTS|PANEL(?:I|LI)STS|GUESTS|PRESENT|ATTENDEES|ON THE PANEL|IN THE STUDIO|CAST)\s*:?\s*$/iu;

interface Speaker { start: number; end: number; surface: string }

const HEAD_CAPITALS = /^\p{Lu}\p{Lu}/u;

export function speakerLabels(edit: Edit, lines: Line[]): void {
  const found: Array<{ name: Speaker; roles: Speaker[] }> = [];
  let inList = false;
  for (const line of lines) {
    if (line.text.length <= 30 && LIST_HEADING.test(line.text)) { inList = true; continue; }
    if (inList) {
      if (!line.text.trim() || HAS_LOWER.test(line.text)) inList = false;
      else {
        const entry = readLabel(line, line.text.replace(/[\s,;.]+$/, '') + ':');
        if (entry) found.push(entry);
        continue;
      }
    }
    // a label opens with two capitals and has its colon near the start
    if (!HEAD_CAPITALS.test(line.text)) continue;
    const colon = line.text.indexOf(':');
    if (colon < 2 || colon > 200) continue;
    const entry = readLabel(line, line.text);
    if (entry) found.push(entry);
  }
  // one label is a heading; a transcript has several
  if (found.length < 2) return;

  // a one-word label is the speaker whose full label ends (or starts) with that word: "TAN:" after "MEI-LING TAN, …:"
  const byWord = new Map<string, string>();
  for (const f of found) {
    if (!/\s/.test(f.name.surface)) continue;
    const words = f.name.surface.toLocaleLowerCase().split(/\s+/);
    const full = edit.mixedCase(f.name.surface);
    for (const w of [words[words.length - 1], words[0]]) if (!byWord.has(w)) byWord.set(w, full);
  }
  const places = new Map<string, string>();
  for (const s of edit.names()) if (s.type === 'PLACE' && !places.has(s.text)) places.set(s.text, s.canonical ?? s.text);
  // a one-word label names a person introduced in full ("TAN:" after "MEI-LING TAN"), in a label or in the text;
  // a word in capitals that names no one ("WATCH:", "EXCLUSIVE:") is a heading
  const personWords = new Set<string>();
  for (const s of edit.names()) if (s.type === 'PERSON') for (const w of s.text.toLocaleLowerCase().split(/\s+/)) personWords.add(w);
  for (const { name, roles } of found) {
    const word = /\s/.test(name.surface) ? undefined : name.surface.toLocaleLowerCase();
    if (word !== undefined && !byWord.has(word) && !personWords.has(word)) continue;
    const canonical = word === undefined ? edit.mixedCase(name.surface) : byWord.get(word) ?? edit.mixedCase(name.surface);
    edit.name(name.start, name.end, 'PERSON', canonical);
    for (const role of roles) readRole(edit, role, places);
  }
}

/** The label at the start of `line` (its text given as `source`, a list entry with a colon added), if it names a person. */
function readLabel(line: Line, source: string): { name: Speaker; roles: Speaker[] } | undefined {
  const m = LABEL_LINE.exec(source);
  // "NAME:" or "NAME, ROLE:" — a label set off by a space before its colon ("ISSUER : …") is a field of a form
  if (!m || (!m[2] && !m[3] && /\s$/.test(m[1])) || /\s$/.test(m[3] ?? '')) return undefined;
  let name = m[1];
  let offset = 0;
  const role = LABEL_ROLES.exec(name);
  if (role) { offset = role[0].length; name = name.slice(offset); }
  name = name.trimEnd();
  if (!name || !CAPS_NAME.test(name)) return undefined;
  const words = name.split(/\s+/);
  if (words.some((w) => PART_LABELS.has(w.replace(/[.'’]+$/, '')))) return undefined;
  if (words.length === 1 && name.replace(/[^\p{L}]/gu, '').length < 2) return undefined;
  const roles: Speaker[] = [];
  if (m[3]) {
    let at = m[1].length + (m[2]?.length ?? 0);
    for (const part of m[3].split(',')) {
      const lead = part.length - part.trimStart().length;
      const surface = part.trim();
      if (surface && at + lead + surface.length <= line.text.length) roles.push({ start: line.start + at + lead, end: line.start + at + lead + surface.length, surface });
      at += part.length + 1;
    }
  }
  return { name: { start: line.start + offset, end: line.start + offset + name.length, surface: name }, roles };
}

/** A role part of a label: an organisation ("PANAMA CANAL AUTHORITY"), a country ("LAO PDR"), or a role (no name). */
function readRole(edit: Edit, role: Speaker, places: ReadonlyMap<string, string>): void {
  const surface = edit.text.slice(role.start, role.end);
  if (surface !== role.surface || !allCapitals(surface)) return;
  for (const s of edit.overlapping(role.start, role.end)) if (isName(s) && s.type !== 'ORG' && s.type !== 'PLACE') edit.drop(s);
  if (ROLE_START.test(surface)) {
    for (const s of edit.overlapping(role.start, role.end)) if (isName(s)) edit.drop(s);
    return;
  }
  if (ORG_HEADS.test(surface)) edit.name(role.start, role.end, 'ORG', edit.mixedCase(surface, true));
  else if (COUNTRY_FORMS.test(surface)) edit.name(role.start, role.end, 'PLACE', edit.mixedCase(surface));
  else {
    const known = places.get(edit.mixedCase(surface));
    if (known) edit.name(role.start, role.end, 'PLACE', known);
  }
}

/** A reporter's question in a briefing: "QUESTION: Anh Le, Tuoi Tre." names the reporter and the outlet. */
const REPORTER_LINE = /^\s*(?:QUESTION|Q|REPORTER|QUESTIONER)\s*:\s*(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:de|da|van|von|der|den|di|del|le|la|al|bin|ter|dos|das)\s+)?\p{Lu}[\p{L}\p{M}'’-]*){1,3}),\s*(\p{Lu}[\p{L}\p{M}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}\p{N}&'’.-]*|of|the|de|and|&)){0,5}?)\s*(?:[.:]\s|[.:]?$)/u;

export function reporterLines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    const c = line.text.charCodeAt(0);
    if (c !== 81 && c !== 82 && c !== 32) continue; // Q, R, space
    const m = REPORTER_LINE.exec(line.text);
    if (!m || NOT_PERSON_WORDS.test(m[1])) continue;
    const personAt = line.start + m[0].indexOf(m[1]);
    edit.name(personAt, personAt + m[1].length, 'PERSON', m[1]);
    const outletAt = line.start + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
    edit.name(outletAt, outletAt + m[2].replace(/\.$/, '').length, 'ORG', m[2].replace(/\.$/, ''));
  }
}
