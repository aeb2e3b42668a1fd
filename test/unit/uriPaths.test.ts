import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { isInside, isInsideAny } from '../../src/core/util/uriPaths';

describe('folder containment of URIs, for deleted folders', () => {
  it('finds a file under any of the deleted folders, and nothing beside them', () => {
    const gone = new Set(['file:///ws/articles/2025', 'file:///ws/.sources']);
    assert.equal(isInsideAny('file:///ws/articles/2025/11/a.txt', gone), true);
    assert.equal(isInsideAny('file:///ws/.sources/entities.yaml', gone), true);
    assert.equal(isInsideAny('file:///ws/articles/2025', gone), false, 'the folder itself is not inside itself');
    assert.equal(isInsideAny('file:///ws/articles/20251/a.txt', gone), false, 'a sibling sharing a prefix');
    assert.equal(isInsideAny('file:///ws/articles/a.txt', gone), false);
    assert.equal(isInsideAny('file:///ws/a.txt', new Set()), false);
  });

  it('answers as checking every folder one by one does', () => {
    const segment = fc.constantFrom('a', 'b', 'ab', 'a b', 'b%20c', '.x');
    const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `file:///${parts.join('/')}`);
    let inside = 0;
    let outside = 0;
    fc.assert(fc.property(path, fc.array(path, { maxLength: 6 }), (uri, folders) => {
      const expected = folders.some((folder) => isInside(uri, folder));
      if (expected) inside++;
      else outside++;
      return isInsideAny(uri, new Set(folders)) === expected;
    }), { numRuns: 2000 });
    console.log(`      ${inside} inside, ${outside} outside`);
    assert.ok(inside > 100 && outside > 100);
  });
});
