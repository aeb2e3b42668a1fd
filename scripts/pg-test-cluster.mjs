// A throwaway PostgreSQL 15 cluster for the archive tests and benchmark: Debian's package installed when
// missing (as root), `initdb` in a temporary folder owned by the `postgres` user (the server refuses to
// run as root), the server on a free loopback port, stopped by its pid at the end — also on failure,
// SIGINT or SIGTERM — and the folder removed.
//
//   node scripts/pg-test-cluster.mjs -- <command> [args]   runs the command with SOURCE_ANNOTATOR_TEST_PG set
//   node scripts/pg-test-cluster.mjs                        starts a cluster, prints its URL, stops on Ctrl+C
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PG_VERSION = 15;
const BIN = `/usr/lib/postgresql/${PG_VERSION}/bin`;
const PASSWORD = 'archive-test';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function ensurePostgres(log) {
  if (existsSync(join(BIN, 'initdb')) && existsSync(join(BIN, 'postgres'))) return;
  if (!isRoot()) {
    throw new Error(`PostgreSQL ${PG_VERSION} is not installed (${BIN}); as root: apt-get install -y postgresql-${PG_VERSION}`);
  }
  log(`installing Debian's postgresql-${PG_VERSION}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', `postgresql-${PG_VERSION}`], { stdio: 'inherit', env });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** uid and gid of the `postgres` user when running as root (the server refuses root); undefined otherwise. */
function serverUser() {
  if (!isRoot()) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** `command args` as the server's user: through runuser when root. */
function asServerUser(user, command, args) {
  return user ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitFor(condition, { timeoutMs, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const outcome = await condition();
    if (outcome) return outcome;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a cluster. `durable: false` (the tests) turns off fsync and synchronous commit: a throwaway
 * cluster need not survive a power cut. The benchmark keeps the defaults.
 */
export async function startTestCluster({ durable = false, log = (m) => console.log(m), settings = {} } = {}) {
  ensurePostgres(log);
  const user = serverUser();
  const root = mkdtempSync(join(tmpdir(), 'sa-pg-'));
  const data = join(root, 'data');
  const sockets = join(root, 'sockets');
  const pwfile = join(root, 'pwfile');
  writeFileSync(pwfile, PASSWORD + '\n');
  execFileSync('mkdir', [sockets]);
  if (user) {
    chownSync(root, user.uid, user.gid);
    chownSync(sockets, user.uid, user.gid);
    chownSync(pwfile, user.uid, user.gid);
  }
  chmodSync(root, 0o700);
  let child;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stopSync);
    const pid = postmasterPid(data);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      // fast shutdown: roll back open transactions, then exit
      try { process.kill(pid ?? child.pid, 'SIGINT'); } catch { /* already gone */ }
      const killed = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 20000).unref())]);
      if (!killed) {
        try { process.kill(pid ?? child.pid, 'SIGKILL'); } catch { /* already gone */ }
        await exited;
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  const stopSync = () => {
    const pid = postmasterPid(data);
    try { if (pid) process.kill(pid, 'SIGQUIT'); } catch { /* already gone */ }
    try { rmSync(root, { recursive: true, force: true }); } catch { /* best effort */ }
  };
  process.on('exit', stopSync);
  try {
    const [initCommand, initArgs] = asServerUser(user, join(BIN, 'initdb'), [
      '-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256',
      '-E', 'UTF8', '--no-locale', '--no-sync',
    ]);
    execFileSync(initCommand, initArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    const port = await freePort();
    const options = {
      listen_addresses: '127.0.0.1', port: String(port), unix_socket_directories: sockets,
      max_connections: '60', shared_buffers: '128MB', logging_collector: 'off',
      ...(durable ? {} : { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }),
      ...settings,
    };
    const args = ['-D', data, ...Object.entries(options).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const [command, commandArgs] = asServerUser(user, join(BIN, 'postgres'), args);
    let output = '';
    child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => (output = (output + c).slice(-4000)));
    child.stderr.on('data', (c) => (output = (output + c).slice(-4000)));
    const url = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
    const pg = (await import('pg')).default;
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`PostgreSQL exited at start:\n${output}`);
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.end();
        return true;
      } catch {
        await client.end().catch(() => undefined);
        return false;
      }
    }, { timeoutMs: 60000, what: `PostgreSQL on port ${port}` });
    log(`PostgreSQL ${PG_VERSION} test cluster on 127.0.0.1:${port} (pid ${postmasterPid(data) ?? child.pid}, ${data})`);
    return { url, port, dataDir: data, password: PASSWORD, stop, serverLog: () => output };
  } catch (err) {
    await stop();
    throw err;
  }
}

function postmasterPid(data) {
  try {
    return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work(cluster)` with a cluster up, stopping it afterwards whatever happens (Ctrl+C included). */
export async function withTestCluster(work, options) {
  const cluster = await startTestCluster(options);
  const onSignal = (signal) => {
    void cluster.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work(cluster);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cluster.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dash = process.argv.indexOf('--');
  const command = dash >= 0 ? process.argv.slice(dash + 1) : [];
  if (command.length) {
    const code = await withTestCluster((cluster) => new Promise((resolve) => {
      const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, SOURCE_ANNOTATOR_TEST_PG: cluster.url } });
      child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
      child.on('error', (err) => { console.error(err.message); resolve(127); });
    }));
    process.exitCode = code;
  } else {
    const cluster = await startTestCluster();
    console.log(cluster.url);
    process.once('SIGINT', () => void cluster.stop().then(() => process.exit(0)));
    process.once('SIGTERM', () => void cluster.stop().then(() => process.exit(0)));
  }
}
