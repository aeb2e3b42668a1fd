/**
 * Guesses how an existing sidecar was formatted so that re-serializing it through the `yaml`
 * Document API reproduces untouched lines byte for byte, which keeps git diffs to the edited nodes.
 */
import { ToStringOptions } from 'yaml';
import { LOSSLESS_DOUBLE_QUOTES } from '../util/yamlQuoting';

/** Serialization options that match the source text's indentation and list style. */
export function detectYamlStyle(source: string): ToStringOptions {
  const lines = source.split(/\r?\n/);
  let indent = 2;
  let indentSeq = true;
  let sawIndent = false;
  let sawSeq = false;
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (!/^\s*[^#\s-][^#]*:\s*(#.*)?$/.test(line)) continue;
    const keyIndent = line.length - line.trimStart().length;
    const next = lines.slice(i + 1).find((candidate) => candidate.trim() !== '' && !candidate.trim().startsWith('#'));
    if (next === undefined) continue;
    const nextIndent = next.length - next.trimStart().length;
    const isItem = next.trimStart().startsWith('- ') || next.trim() === '-';
    if (isItem && !sawSeq) {
      sawSeq = true;
      indentSeq = nextIndent > keyIndent;
    } else if (!isItem && !sawIndent && nextIndent > keyIndent) {
      sawIndent = true;
      indent = nextIndent - keyIndent;
    }
    if (sawSeq && sawIndent) break;
  }
  return {
    indent,
    indentSeq,
    // Long quotes and notes stay on one line so an edit never reflows its neighbours.
    lineWidth: 0,
    ...LOSSLESS_DOUBLE_QUOTES,
    flowCollectionPadding: /\[ \S/.test(source),
  };
}
