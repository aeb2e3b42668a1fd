import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { commandArguments, commandLink } from '../../src/vscode/annotations/commandLink';
import { acceptedTags, typedTags } from '../../src/vscode/annotations/tagCatalog';

describe('annotation hover: command links cannot be broken by ids', () => {
  it('encodes an id that would close the link and open a live one', () => {
    const args = [{ article: 'file:///ws/a.txt', id: 'x)www.evil.example(' }];
    const link = commandLink('Edit', 'sourceAnnotator.editAnnotation', args, 'Edit tags or note');
    const destination = /^\[Edit\]\(command:sourceAnnotator\.editAnnotation\?([^ ()]*) "Edit tags or note"\)$/.exec(link);
    assert.ok(destination, link);
    assert.doesNotMatch(link, /www\.evil\.example\(/);
    assert.deepEqual(JSON.parse(decodeURIComponent(destination[1])), args);
  });

  it('leaves only letters, digits, % and - . _ ~ in the arguments, which decode back, for any id (property)', () => {
    let runs = 0;
    let withDelimiters = 0;
    fc.assert(fc.property(fc.tuple(fc.string({ unit: fc.constantFrom(...'()[]!\'"*<> \\`_~.-%a\n'), maxLength: 30 }), fc.string({ unit: 'binary' })),
      ([special, other]) => {
        runs++;
        const id = special + other;
        if (/[()!'*]/.test(id)) withDelimiters++;
        const encoded = commandArguments([{ id }]);
        assert.match(encoded, /^[A-Za-z0-9%._~-]*$/);
        assert.deepEqual(JSON.parse(decodeURIComponent(encoded)), [{ id }]);
      }), { numRuns: 500 });
    console.log(`      ${runs} random ids, ${withDelimiters} with ( ) ! ' or *: all encoded safely`);
    assert.ok(withDelimiters > 100);
  });
});

describe('tag picker: every typed tag is kept', () => {
  const known = new Set(['framework-claim', 'nato']);

  it('offers existing and new typed tags together ("framework-claim, verify" keeps both)', () => {
    assert.deepEqual(typedTags('framework-claim, verify', known), { tags: ['framework-claim', 'verify'], description: '1 new tag, 1 existing' });
    assert.deepEqual(typedTags('verify', known), { tags: ['verify'], description: 'new tag' });
    assert.deepEqual(typedTags('nato, framework-claim', known), { tags: ['nato', 'framework-claim'], description: '2 existing' });
    assert.deepEqual(typedTags('nato', known), { tags: ['nato'], description: 'existing tag' });
    assert.equal(typedTags(' , ', known), undefined);
  });

  it('accepts the ticked items, or the typed text when nothing is ticked', () => {
    const typed = typedTags('framework-claim, verify', known)!;
    assert.deepEqual(acceptedTags([typed.tags, ['nato']], 'framework-claim, verify'), ['framework-claim', 'verify', 'nato']);
    assert.deepEqual(acceptedTags([], 'nato'), ['nato']);
    assert.deepEqual(acceptedTags([['nato']], 'nat'), ['nato']);
    // An existing tag typed while another is ticked (editing an annotation's tags) is kept as well.
    assert.deepEqual(acceptedTags([typedTags('framework-claim', known)!.tags, ['nato']], 'framework-claim'), ['framework-claim', 'nato']);
  });
});
