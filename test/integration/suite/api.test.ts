// The API object `activate()` returns, which other extensions and these tests use to read the analysis.
import { strict as assert } from 'node:assert';
import { activateExtension, openSample, pollUntil } from './helpers';

describe('extension API', () => {
  it('getSpans lists Pete Hegseth as a person', async () => {
    const api = await activateExtension();
    const document = await openSample('Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt');
    const spans = await pollUntil(() => api.getSpans(document.uri.toString()), (value) => value.length > 0);
    const person = spans.find((span) => span.type === 'PERSON' && span.text === 'Pete Hegseth');
    const people = spans.filter((span) => span.type === 'PERSON').map((span) => span.text);
    assert.ok(person, `expected a PERSON span "Pete Hegseth"; people found: ${JSON.stringify(people)}`);
    assert.equal(document.getText().slice(person.start, person.end), 'Pete Hegseth', 'span offsets must cover the text');
  });
});
