/**
 * Cheap English detection so that non-English articles are reported instead of tagged with nonsense.
 * It counts how many word tokens are frequent English function words; English prose runs at 35–55%,
 * other Latin-script languages well under 15%, non-Latin scripts near 0. Short texts are given the
 * benefit of the doubt.
 */

const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'as', 'was', 'with', 'be', 'by', 'on', 'not', 'he',
  'this', 'are', 'or', 'his', 'from', 'at', 'which', 'but', 'have', 'an', 'had', 'they', 'you', 'were', 'their',
  'one', 'all', 'we', 'can', 'her', 'has', 'there', 'been', 'if', 'more', 'when', 'will', 'would', 'who', 'so', 'no',
  'she', 'its', 'than', 'said', 'also', 'after', 'into', 'about', 'over', 'our', 'them', 'i', 'what', 'up', 'out',
]);

export interface LanguageVerdict {
  code: string;
  english: boolean;
  reason?: string;
}

const MIN_WORDS_FOR_VERDICT = 40;
const ENGLISH_MIN_RATIO = 0.15;

export function detectLanguage(text: string): LanguageVerdict {
  // Sample the first 20,000 characters: enough for a verdict, bounded time on huge files.
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const words = sample.match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS_FOR_VERDICT) return { code: 'en', english: true };
  let latin = 0;
  let functionWords = 0;
  for (const w of words) {
    if (/^[\p{Script=Latin}]+$/u.test(w)) latin++;
    if (ENGLISH_FUNCTION_WORDS.has(w.toLowerCase())) functionWords++;
  }
  const ratio = functionWords / words.length;
  if (ratio >= ENGLISH_MIN_RATIO) return { code: 'en', english: true };
  const script = latin / words.length > 0.5 ? 'Latin-script' : 'non-Latin-script';
  return {
    code: 'und',
    english: false,
    reason: `English only: this text looks like a ${script} language other than English (${Math.round(ratio * 100)}% English function words)`,
  };
}
