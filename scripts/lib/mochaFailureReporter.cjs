// Mocha's spec reporter, plus a list of the failed tests written to the JSON file named by
// SOURCE_ANNOTATOR_MOCHA_FAILURES, so `npm test` can repeat them in its summary: CI logs are often read
// from the tail, far below the failure itself. A failing hook is listed too (mocha reports it as a failed
// test). CommonJS, because mocha loads reporters with require().
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

const { EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

class SpecWithFailureList extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failures = [];
    runner.on(EVENT_TEST_FAIL, (test, error) => {
      failures.push({ title: test.fullTitle(), message: String(error?.message ?? error) });
    });
    runner.once(EVENT_RUN_END, () => {
      const target = process.env.SOURCE_ANNOTATOR_MOCHA_FAILURES;
      if (target) writeFileSync(target, JSON.stringify(failures));
    });
  }
}

module.exports = SpecWithFailureList;
