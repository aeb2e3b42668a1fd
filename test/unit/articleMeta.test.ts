import { strict as assert } from 'node:assert';
import { articleMetadata } from '../../src/core/text/articleMeta';

describe('article metadata: title, outlet, byline', () => {
  it('skips page furniture, bracketed notes and section labels to the headline', () => {
    assert.equal(articleMetadata('Play all audios:\n\nAllies Pledge More Support for Ukraine\n\nThe ministers met on Thursday.\n').title,
      'Allies Pledge More Support for Ukraine');
    assert.equal(articleMetadata('IE 11 is not supported. For an optimal experience visit our site on another browser.\nWorld\n\n' +
      'Ministers agree on a new spending goal\n\nBody text follows here.\n').title, 'Ministers agree on a new spending goal');
    assert.equal(articleMetadata('[Editor\'s note: this story was updated to correct a name.]\nSkip to content\nNews › World › Europe\n' +
      'Leaders meet in Rome as talks resume\n').title, 'Leaders meet in Rome as talks resume');
  });

  it('falls back to the start of the first sentence when no line reads as a headline, and never takes a later section head', () => {
    const text = 'U.S. Defense Secretary Pete Hegseth is not expected to attend a key meeting of defence ministers in Brussels next month, officials said.\n' +
      'A later paragraph.\nStrengths of the Alliance\nMore text.\n';
    assert.equal(articleMetadata(text).title, 'U.S. Defense Secretary Pete Hegseth is not expected to attend a key meeting of defence ministers in…');
    const wrapped = 'Ministers of the alliance cannot entirely hedge their concerns, the secretary warned during his visit\nto Brussels on Thursday.\n';
    assert.match(articleMetadata(wrapped).title, /^Ministers of the alliance cannot entirely hedge their concerns, the secretary warned/);
  });

  it('reads the outlet from a dateline, a "Title | Outlet" suffix or a source line, and the byline from a "By" line', () => {
    const a = articleMetadata('Allies agree on spending | The Daily Courier\nBy Jane Doe and John Roe\n\nBRUSSELS (Reuters) - Allies agreed.\n');
    assert.deepEqual(a, { title: 'Allies agree on spending', outlet: 'The Daily Courier', byline: 'Jane Doe and John Roe' });
    const b = articleMetadata('Allies agree on spending\n\nBRUSSELS (Reuters) - Allies agreed on Thursday.\n');
    assert.deepEqual(b, { title: 'Allies agree on spending', outlet: 'Reuters' });
    assert.equal(articleMetadata('Allies agree on spending\nSource: Example Wire\n').outlet, 'Example Wire');
    assert.equal(articleMetadata('By the end of the week, ministers had agreed.\n').byline, undefined);
  });

  it('looks at no more than the start of a one-line megabyte', function () {
    this.timeout(20000);
    const meta = articleMetadata('word '.repeat(400000));
    assert.ok(meta.title.length <= 101);
  });
});
