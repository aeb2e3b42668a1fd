// `npm test`: the whole gate, in order — type check, lint, unit tests, build, package, .vsix contents, and
// the two real-VS Code runs (extension-host mocha suite, UI end-to-end). Every step is timed, later steps
// that depend on a failed one are skipped, and the summary decides the exit code.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureCodeServer } from './lib/codeServerInstall.mjs';
import { ensureDebianPackages, ensureNodeModules } from './lib/deps.mjs';
import { repoRoot, vsixPath } from './lib/paths.mjs';
import { run } from './lib/run.mjs';
import { extractVsix } from './lib/vsix.mjs';

// The modules above use only Node built-ins; these need node_modules, which a fresh clone gets first.
await ensureNodeModules();
const { runExtensionHostSuite } = await import('./lib/extensionHostRun.mjs');
const { buildIntegrationSuite } = await import('./lib/integrationBundle.mjs');

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const node = (script, ...args) => run(process.execPath, [script, ...args], { cwd: repoRoot });
/** A step's error that carries the failed tests, so the summary can list them. */
class TestsFailed extends Error {
  constructor(message, failures) {
    super(message);
    this.failures = failures;
  }
}

/** Runs mocha with the spec reporter; on failure the error lists the failed tests by title. */
async function mocha(args) {
  const scratch = mkdtempSync(join(tmpdir(), 'sa-mocha-'));
  const failuresFile = join(scratch, 'failures.json');
  try {
    await run(bin('mocha'), ['--reporter', join(repoRoot, 'scripts/lib/mochaFailureReporter.cjs'), ...args], {
      cwd: repoRoot,
      env: { ...process.env, SOURCE_ANNOTATOR_MOCHA_FAILURES: failuresFile },
    });
  } catch (error) {
    const failures = existsSync(failuresFile) ? JSON.parse(readFileSync(failuresFile, 'utf8')) : [];
    throw new TestsFailed(error.message, failures);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const mochaFiles = (dir, suffix) =>
  readdirSync(join(repoRoot, dir))
    .filter((name) => name.endsWith(suffix))
    .map((name) => join(dir, name));

/** Shared benchmark/corpus data next to the clone; CI must have it, local runs may go without. */
const sharedDir = join(repoRoot, '..', 'shared');

let codeServerBinary;

const steps = [
  {
    name: 'shared data (../shared)',
    action: async () => {
      if (existsSync(sharedDir)) return;
      if (['true', '1'].includes(String(process.env.CI).toLowerCase())) throw new Error(`CI=true but ${sharedDir} is missing; evaluation tests cannot run`);
      console.log(`${sharedDir} is missing; tests that read it will say so (not an error outside CI)`);
    },
  },
  { name: 'Debian packages', critical: true, action: () => ensureDebianPackages() },
  { name: 'type check (tsc)', action: () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: repoRoot }) },
  { name: 'lint (eslint)', action: () => run(bin('eslint'), ['src', 'test', 'scripts'], { cwd: repoRoot }) },
  { name: 'unit tests (mocha)', action: () => mocha([]) },
  { name: 'grammar tests', action: () => run('npm', ['run', '--silent', 'test:grammar'], { cwd: repoRoot }) },
  { name: 'build', action: () => node('scripts/build.mjs') },
  { name: 'package (.vsix)', action: () => node('scripts/package.mjs') },
  {
    name: 'vsix contents',
    needs: ['package (.vsix)'],
    action: () => mocha(['--no-config', ...mochaFiles('test/package', '.test.mjs')]),
  },
  { name: 'code-server', action: async () => (codeServerBinary = await ensureCodeServer()) },
  {
    name: 'integration: extension host',
    needs: ['package (.vsix)', 'code-server'],
    action: async () => {
      const testsEntry = await buildIntegrationSuite();
      const unpacked = await extractVsix(vsixPath);
      try {
        const { exitCode, results } = await runExtensionHostSuite({ binary: codeServerBinary, extensionDir: unpacked.extensionDir, testsEntry });
        if (results) console.log(`extension host: ${results.passed} passed, ${results.failed} failed`);
        for (const failure of results?.failures ?? []) console.log(`  ✗ ${failure.title}: ${failure.message}`);
        if (exitCode !== 0) {
          throw new TestsFailed(`extension-host suite exited with ${exitCode}${results ? '' : ' before writing results (load error?)'}`, results?.failures ?? []);
        }
      } finally {
        unpacked.dispose();
      }
    },
  },
  {
    name: 'integration: UI end-to-end',
    needs: ['package (.vsix)', 'code-server'],
    action: () => mocha(['--no-config', '--timeout', '240000', ...mochaFiles('test/integration/ui', '.test.mjs')]),
  },
  {
    // the archive against a throwaway PostgreSQL 15 cluster (scripts/pg-test-cluster.mjs); nothing else needs it
    name: 'archive',
    needs: ['build', 'package (.vsix)', 'code-server'],
    action: async () => {
      const { withTestCluster } = await import('./pg-test-cluster.mjs');
      await withTestCluster(async (cluster) => {
        process.env.SOURCE_ANNOTATOR_TEST_PG = cluster.url;
        try {
          await mocha(['--no-config', '--node-option', 'import=tsx', '--timeout', '300000', ...mochaFiles('test/archive', '.test.ts')]);
        } finally {
          delete process.env.SOURCE_ANNOTATOR_TEST_PG;
        }
        await editorOnLiveArchive(cluster.url);
      });
    },
  },
];

// `npm test -- --only <regex>` runs the matching steps and what they need (for quick local loops).
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? new RegExp(process.argv[onlyIndex + 1] ?? '.', 'i') : undefined;
const selected = new Set(steps.filter((step) => !only || only.test(step.name)).map((step) => step.name));
for (let grew = true; grew;) {
  grew = false;
  for (const step of steps) {
    if (!selected.has(step.name)) continue;
    for (const need of step.needs ?? []) if (!selected.has(need)) { selected.add(need); grew = true; }
  }
}
if (only) for (const name of ['build', 'Debian packages']) if ([...selected].some((n) => n.startsWith('integration') || n.startsWith('package'))) selected.add(name);

const outcomes = new Map();
const started = Date.now();
for (const step of steps) {
  if (!selected.has(step.name)) {
    outcomes.set(step.name, { status: 'filtered', seconds: 0 });
    continue;
  }
  const blockedBy = (step.needs ?? []).filter((name) => outcomes.get(name)?.status !== 'passed');
  if (blockedBy.length > 0) {
    outcomes.set(step.name, { status: 'skipped', seconds: 0, detail: `needs ${blockedBy.join(', ')}` });
    continue;
  }
  console.log(`\n━━ ${step.name}`);
  const stepStart = Date.now();
  try {
    await step.action();
    outcomes.set(step.name, { status: 'passed', seconds: (Date.now() - stepStart) / 1000 });
  } catch (error) {
    outcomes.set(step.name, {
      status: 'FAILED',
      seconds: (Date.now() - stepStart) / 1000,
      detail: error.message.split('\n')[0],
      failures: error.failures ?? [],
    });
    console.error(`✗ ${step.name}: ${error.message}`);
    if (step.critical) break;
  }
}

/** A failure message on one summary line: whitespace collapsed, long messages cut. */
const oneLine = (message) => {
  const flat = String(message).replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 239)}…` : flat;
};

console.log('\n━━ summary');
for (const step of steps) {
  const outcome = outcomes.get(step.name) ?? { status: 'not run', seconds: 0 };
  const time = outcome.seconds ? `${outcome.seconds.toFixed(1)} s` : '';
  console.log(`${outcome.status.padEnd(8)} ${step.name.padEnd(30)} ${time.padStart(8)}${outcome.detail ? `  ${outcome.detail}` : ''}`);
  for (const failure of outcome.failures ?? []) console.log(`           ✗ ${failure.title}: ${oneLine(failure.message)}`);
}
const allPassed = steps.every((step) => ['passed', 'filtered'].includes(outcomes.get(step.name)?.status));
console.log(`\n${allPassed ? 'ALL PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (${relative(process.cwd(), repoRoot) || '.'})`);
process.exitCode = allPassed ? 0 : 1;

/**
 * The packaged extension in real VS Code against the live test cluster: the samples ingested into a new
 * database with `archive ingest`, then the extension-host tests that exist only when
 * SOURCE_ANNOTATOR_TEST_ARCHIVE is set (test/integration/suite/archiveLive.test.ts). The connection carries
 * no password, as the setting never does; the extension host gets it as PGPASSWORD.
 */
async function editorOnLiveArchive(clusterUrl) {
  const { default: pg } = await import('pg');
  const database = `editor_live_${process.pid}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${database}`;
  const password = decodeURIComponent(url.password);
  await run(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'archive', 'ingest', '--db', url.toString(), join(repoRoot, 'samples')], { cwd: repoRoot });
  url.password = '';
  const testsEntry = await buildIntegrationSuite();
  const unpacked = await extractVsix(vsixPath);
  try {
    const { exitCode, results } = await runExtensionHostSuite({
      binary: codeServerBinary, extensionDir: unpacked.extensionDir, testsEntry,
      env: { SOURCE_ANNOTATOR_TEST_ARCHIVE: url.toString(), PGPASSWORD: password, SOURCE_ANNOTATOR_TEST_GREP: 'team archive on a live server' },
    });
    if (results) console.log(`editor on the live archive: ${results.passed} passed, ${results.failed} failed`);
    for (const failure of results?.failures ?? []) console.log(`  ✗ ${failure.title}: ${failure.message}`);
    if (exitCode !== 0) throw new TestsFailed(`editor on the live archive exited with ${exitCode}`, results?.failures ?? []);
    if (!results || results.passed < 3) throw new Error(`editor on the live archive ran ${results?.passed ?? 0} tests, expected 3`);
  } finally {
    unpacked.dispose();
  }
}
