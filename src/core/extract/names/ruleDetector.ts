import type { NameDetector, NameMention, NameType } from '../types';
import { sentences, tokenize, type Token } from '../../text/tokenize';
import { TITLE_WORDS } from './titles';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const STARTS_UPPER = /^\p{Lu}/u;
const LETTER = /\p{L}/u;

/**
 * The rule-based name detector: capitalised token runs, typed by cues (organization suffixes, acronyms,
 * place prepositions, nationality suffixes). It is the baseline the trained tagger is measured against
 * and the fallback when no model is available.
 */

const ORG_HEADS = new Set([
  'Council', 'Agency', 'Ministry', 'Department', 'Party', 'Union', 'Organization', 'Organisation', 'Committee',
  'Commission', 'Bank', 'University', 'Institute', 'Association', 'Alliance', 'Corporation', 'Corp', 'Inc', 'Ltd',
  'Group', 'Company', 'Co', 'Foundation', 'Fund', 'Office', 'Court', 'Parliament', 'Senate', 'Congress', 'Assembly',
  'Army', 'Navy', 'Force', 'Forces', 'Police', 'Service', 'Times', 'News', 'Post', 'Journal', 'Press', 'Club', 'Board',
  'Authority', 'Federation', 'Network', 'Reuters', 'Command', 'Center', 'Centre', 'School', 'College', 'Airlines',
]);
const PLACE_PREPOSITIONS = new Set(['in', 'to', 'from', 'at', 'near', 'across', 'into', 'visited', 'towards', 'toward']);
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'Or', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That',
  'These', 'Those', 'There', 'Here', 'When', 'While', 'After', 'Before', 'As', 'If', 'For', 'With', 'By', 'From', 'Of',
  'To', 'Its', 'His', 'Her', 'Their', 'Our', 'My', 'Some', 'Many', 'Most', 'All', 'Both', 'Each', 'One', 'Two', 'No',
  'Not', 'So', 'Yet', 'Still', 'Also', 'Even', 'However', 'Meanwhile', 'Although', 'Though', 'Since', 'What', 'Who',
  'Why', 'How', 'Where', 'Which', 'Such', 'Other', 'Another', 'More', 'Than', 'Then', 'Now', 'Today', 'Yesterday',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March', 'April',
  'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'Last', 'Next', 'Earlier', 'Later',
]);
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'von', 'van', 'al', 'bin']);

function isCapitalised(t: Token): boolean {
  return STARTS_UPPER.test(t.text) && LETTER.test(t.text);
}

export class RuleNameDetector implements NameDetector {
  readonly id = 'rules';

  detect(text: string): NameMention[] {
    const tokens = tokenize(text);
    const out: NameMention[] = [];
    for (const s of sentences(text, tokens)) {
      let i = s.first;
      while (i < s.last) {
        const t = tokens[i];
        const sentenceStart = i === s.first || /^["“‘(]$/.test(tokens[i - 1]?.text ?? '');
        if (!isCapitalised(t) || (sentenceStart && SENTENCE_OPENERS.has(t.text)) || TITLE_WORDS.has(t.text) && !isCapitalised(tokens[i + 1] ?? t)) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < s.last) {
          const n = tokens[j];
          if (isCapitalised(n) && !SENTENCE_OPENERS.has(n.text)) j++;
          else if (CONNECTORS.has(n.text) && j + 1 < s.last && isCapitalised(tokens[j + 1]) && j > i) j += 2;
          else break;
        }
        const words = tokens.slice(i, j);
        if (!(words.length === 1 && SENTENCE_OPENERS.has(words[0].text))) {
          out.push({ start: words[0].start, end: words[words.length - 1].end, type: this.classify(words, tokens[i - 1]) });
        }
        i = j;
      }
    }
    return out;
  }

  private classify(words: Token[], previous: Token | undefined): NameType {
    const last = words[words.length - 1].text;
    if (ORG_HEADS.has(last)) return 'ORG';
    if (words.length === 1) {
      const w = words[0].text;
      if (/^[A-Z]{2,6}$/.test(w.replace(/\./g, '')) && w.replace(/\./g, '').length <= 4 && /\./.test(w)) return 'PLACE';
      if (/^[A-Z]{2,6}$/.test(w)) return 'ORG';
      if (/(?:an|ean|ian|ish|ese|i)s?$/.test(w) && w.length > 4) return 'MISC';
      if (previous && PLACE_PREPOSITIONS.has(previous.text)) return 'PLACE';
      return 'PERSON';
    }
    if (previous && PLACE_PREPOSITIONS.has(previous.text)) return 'PLACE';
    return words.length <= 3 ? 'PERSON' : 'ORG';
  }
}
