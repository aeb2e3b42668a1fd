// Checks what the packaged .vsix ships: the bundles, manifest, media and README, and nothing from the
// development tree (sources, tests, samples, source maps, node_modules).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { listVsix } from '../../scripts/lib/vsix.mjs';
import { vsixPath as defaultVsixPath } from '../../scripts/lib/paths.mjs';

const vsixPath = process.env.SOURCE_ANNOTATOR_VSIX || defaultVsixPath;
const maxBytes = 8 * 1024 * 1024;

describe('packaged .vsix', () => {
  let paths = [];

  before(async () => {
    assert.ok(existsSync(vsixPath), `${vsixPath} does not exist; run \`npm run package\` first`);
    paths = (await listVsix(vsixPath)).map((entry) => entry.path);
  });

  for (const required of ['extension/dist/extension.js', 'extension/dist/cli.js', 'extension/package.json', 'extension/dist/connectionsGraph.js']) {
    it(`contains ${required}`, () => {
      assert.ok(paths.includes(required), `missing ${required}; the archive holds:\n${paths.join('\n')}`);
    });
  }

  it('contains the media folder', () => {
    assert.ok(paths.some((path) => path.startsWith('extension/media/')), `no extension/media/ entries in:\n${paths.join('\n')}`);
  });

  it('contains a README', () => {
    assert.ok(paths.some((path) => /^extension\/readme\.md$/i.test(path)), `no README in:\n${paths.join('\n')}`);
  });

  it('ships the images its README shows, and no other screenshot of the docs', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shown = [...readme.matchAll(/!\[[^\]]*\]\((docs\/images\/[^)\s]+)\)/g)].map((m) => `extension/${m[1]}`).sort();
    assert.ok(shown.length > 0, 'the README shows screenshots');
    const shipped = paths.filter((path) => path.startsWith('extension/docs/images/')).sort();
    assert.deepEqual(shipped, [...new Set(shown)]);
  });

  const forbidden = [
    { label: 'src/', test: (path) => path.startsWith('extension/src/') },
    { label: 'test/', test: (path) => path.startsWith('extension/test/') },
    { label: 'samples/', test: (path) => path.startsWith('extension/samples/') },
    { label: 'node_modules/', test: (path) => path.includes('node_modules/') },
    { label: '*.map', test: (path) => path.endsWith('.map') },
    { label: '*.ts', test: (path) => path.endsWith('.ts') },
  ];
  for (const { label, test } of forbidden) {
    it(`ships nothing matching ${label}`, () => {
      const offenders = paths.filter(test);
      assert.deepEqual(offenders, [], `${label} must not be packaged`);
    });
  }

  it('is at most 8 MB', () => {
    const size = statSync(vsixPath).size;
    assert.ok(size <= maxBytes, `${vsixPath} is ${(size / 1024 / 1024).toFixed(2)} MB`);
  });
});
