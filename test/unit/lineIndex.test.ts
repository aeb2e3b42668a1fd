import { strict as assert } from 'node:assert';
import { LineIndex } from '../../src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets to lines and characters across \\n, \\r\\n and \\r line ends', () => {
    const text = 'ab\ncd\r\nef\rgh';
    const index = new LineIndex(text);
    const expected = [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [1, 3], [2, 0], [2, 1], [2, 2], [3, 0], [3, 1], [3, 2]];
    expected.forEach(([line, character], offset) => assert.deepEqual(index.position(offset), { line, character }, `offset ${offset}`));
  });
});
