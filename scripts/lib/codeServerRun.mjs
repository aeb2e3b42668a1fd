// Starts an isolated code-server for one test or demo run, following the host recipe: its own config,
// user-data and extensions dirs, no auth, no marketplace, and a kernel-chosen port read back from the log.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stopGroup, trackGroup } from './processGroups.mjs';
import { run } from './run.mjs';

const baseSettings = {
  'workbench.startupEditor': 'none',
  'workbench.reduceMotion': 'on',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
};

/** Settings that leave workspace trust on but never ask, so an opened folder stays untrusted (Restricted Mode). */
export const restrictedModeSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.banner': 'never',
};

/**
 * Creates a fresh run directory with its own config and user settings.
 * `trusted: false` enables workspace trust (the folder opens in Restricted Mode); otherwise trust is off.
 */
export function createRunDir({ prefix = 'source-annotator-run-', settings = {}, trusted = true, root } = {}) {
  const dir = root ?? mkdtempSync(join(tmpdir(), prefix));
  const userDir = join(dir, 'ud', 'User');
  mkdirSync(userDir, { recursive: true });
  mkdirSync(join(dir, 'ext'), { recursive: true });
  // Our own config, or code-server reads ~/.config/code-server/config.yaml and may demand a password.
  writeFileSync(join(dir, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const trustSettings = trusted ? { 'security.workspace.trust.enabled': false } : restrictedModeSettings;
  writeFileSync(join(userDir, 'settings.json'), JSON.stringify({ ...baseSettings, ...trustSettings, ...settings }, null, 2));
  return { dir, trusted, userDataDir: join(dir, 'ud'), extensionsDir: join(dir, 'ext'), configPath: join(dir, 'config.yaml') };
}

function commonArgs(runDir) {
  return ['--config', runDir.configPath, '--user-data-dir', runDir.userDataDir, '--extensions-dir', runDir.extensionsDir];
}

export async function installExtension(binary, runDir, vsix) {
  await run(binary, [...commonArgs(runDir), '--install-extension', vsix, '--force'], { quiet: true });
}

/**
 * Starts code-server detached in its own process group and resolves once it listens.
 * The returned `stop()` ends the whole group (server plus extension hosts, which otherwise outlive clients);
 * `exited` settles when the server process ends by itself or is stopped.
 */
export async function startCodeServer(binary, runDir, { folder, port = 0, env = {}, startTimeoutMs = 60000, echo = false }) {
  const args = [
    ...commonArgs(runDir),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(runDir.trusted ? ['--disable-workspace-trust'] : []),
    folder,
  ];
  const logPath = join(runDir.dir, 'code-server.log');
  const log = createWriteStream(logPath);
  const child = spawn(binary, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env },
  });
  trackGroup(child.pid);
  const stop = () => stopGroup(child.pid);
  const exited = new Promise((resolvePromise) => child.on('exit', (code, signal) => resolvePromise(signal ?? code)));

  let output = '';
  const url = await new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not report its port within ${startTimeoutMs} ms; log: ${logPath}`)), startTimeoutMs);
    const onData = (chunk) => {
      log.write(chunk);
      if (echo) process.stdout.write(chunk);
      output += chunk;
      const match = /HTTP server listening on (http:\/\/[^\s/]+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited before listening (${signal ?? `exit ${code}`}); log: ${logPath}\n${output.slice(-2000)}`));
    });
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, pid: child.pid, logPath, stop, exited };
}

/** A workbench URL that opens `folder` and hands the workbench a payload (recipe §3 and §5). */
export function workbenchUrl(serverUrl, folder, payload) {
  const params = new URLSearchParams({ folder });
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${serverUrl}/?${params.toString()}`;
}

/**
 * A file on the server side as the workbench served from `serverUrl` names it: its remote authority is the
 * host and port the browser connects to. (The workbench also accepts the authority `remote` in a URL
 * payload and opens the file, but everything the extension host sends back about that file names it with
 * the real authority, so the workbench loads a second model of it. The extension host knows one document
 * per path: when the second model goes, it drops the editor's document, and every provider of every
 * extension then fails on it with "Unable to retrieve document".)
 */
export function remoteUri(serverUrl, absolutePath) {
  return `vscode-remote://${new URL(serverUrl).host}${pathToFileURL(absolutePath).pathname}`;
}
