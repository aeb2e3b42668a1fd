// Entry point VS Code loads as `extensionTestsPath`: runs every bundled `*.test.js` next to it with mocha.
// Adding a test means adding a `*.test.ts` file to this folder; the bundler picks it up by name.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

interface FailureSummary {
  title: string;
  message: string;
}

interface ResultsSummary {
  passed: number;
  failed: number;
  failures: FailureSummary[];
}

/** Set by the harness on the server, which the extension host inherits; lets it read results without the UI. */
const resultsPathVariable = 'SOURCE_ANNOTATOR_TEST_RESULTS';

export function run(): Promise<void> {
  // SOURCE_ANNOTATOR_TEST_GREP runs only the tests whose full title matches (for quick local loops).
  const grep = process.env.SOURCE_ANNOTATOR_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, ...(grep ? { grep } : {}) });
  const testFiles = readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of testFiles) mocha.addFile(join(__dirname, file));

  return new Promise((resolvePromise, reject) => {
    const summary: ResultsSummary = { passed: 0, failed: 0, failures: [] };
    const runner = mocha.run((failures) => {
      writeSummary(summary);
      if (failures > 0) reject(new Error(`${failures} of ${summary.passed + summary.failed} extension-host tests failed`));
      else resolvePromise();
    });
    runner.on('pass', () => summary.passed++);
    runner.on('fail', (test, error: Error) => {
      summary.failed++;
      summary.failures.push({ title: test.fullTitle(), message: error?.message ?? String(error) });
    });
  });
}

function writeSummary(summary: ResultsSummary): void {
  const path = process.env[resultsPathVariable];
  if (path) writeFileSync(path, JSON.stringify(summary, null, 2));
}
