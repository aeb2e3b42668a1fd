import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { splitIntoBlocks } from '../../src/vscode/perf/textBlocks';

const limits = { min: 200, max: 800 };

function paragraphs(count: number, seed: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`Paragraph ${i} of run ${seed}: ${'words and more words '.repeat(2 + ((i * 7 + seed) % 9))}`);
  return out.join('\n\n');
}

describe('splitIntoBlocks (large-document analysis)', () => {
  it('covers the text exactly, with blocks no longer than the maximum', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), fc.integer({ min: 0, max: 60 }), (noise, count) => {
      const text = paragraphs(count, noise.length) + noise;
      const blocks = splitIntoBlocks(text, limits);
      assert.equal(blocks.map((b) => b.text).join(''), text);
      let offset = 0;
      for (const block of blocks) {
        assert.equal(block.start, offset);
        assert.ok(block.text.length <= limits.max, `block of ${block.text.length} chars`);
        offset += block.text.length;
      }
    }));
  });

  it('cuts at paragraph breaks when there are some', () => {
    const text = paragraphs(80, 3);
    const blocks = splitIntoBlocks(text, limits);
    assert.ok(blocks.length > 3);
    for (const block of blocks.slice(0, -1)) assert.match(block.text, /\n[ \t]*\n$/);
  });

  it('keeps every block away from an edit unchanged, so only the edited block is re-extracted', () => {
    const text = paragraphs(200, 5);
    const before = splitIntoBlocks(text, limits);
    const at = text.indexOf('Paragraph 100 ');
    const edited = `${text.slice(0, at)}Typed words. ${text.slice(at)}`;
    const after = splitIntoBlocks(edited, limits);
    const old = new Set(before.map((b) => b.text));
    const changed = after.filter((b) => !old.has(b.text));
    assert.ok(changed.length >= 1 && changed.length <= 2, `${changed.length} blocks changed`);
    assert.ok(changed.every((b) => b.start <= at + 20 && b.start + b.text.length >= at));
  });
});
