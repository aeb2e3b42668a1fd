// Installs code-server (VS Code for the browser) once per machine and links it into the clone.
// The install takes ~90 s and ~300 MB, so it lives in the user cache and every clone links to it;
// a marker written last tells a finished install from one that was interrupted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync, lstatSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repoRoot, userCacheDir } from './paths.mjs';
import { npmCommand, run } from './run.mjs';

/** code-server 4.100.3 is VS Code 1.100.3, the newest release that runs on Node 20. */
export const codeServerVersion = '4.100.3';
const folderName = `code-server-${codeServerVersion}`;
const completeMarker = '.install-complete';

export const localInstallDir = join(repoRoot, '.vscode-test', folderName);
export const sharedInstallDir = join(userCacheDir(), folderName);

export function codeServerBinary(installDir = localInstallDir) {
  return join(installDir, 'node_modules', '.bin', 'code-server');
}

function isComplete(dir) {
  return existsSync(join(dir, completeMarker)) && existsSync(codeServerBinary(dir));
}

/** Returns the path of a ready code-server binary, installing or linking it first when needed. */
export async function ensureCodeServer() {
  if (isComplete(localInstallDir)) return codeServerBinary(localInstallDir);
  if (!isComplete(sharedInstallDir)) {
    const target = canWrite(dirname(sharedInstallDir)) ? sharedInstallDir : localInstallDir;
    await install(target);
    if (target === localInstallDir) return codeServerBinary(localInstallDir);
  }
  linkLocalToShared();
  console.log(`code-server ${codeServerVersion}: linked ${localInstallDir} -> ${sharedInstallDir}`);
  return codeServerBinary(localInstallDir);
}

function canWrite(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    const probeFile = join(dir, `.write-probe-${process.pid}`);
    writeFileSync(probeFile, '');
    rmSync(probeFile);
    return true;
  } catch {
    return false;
  }
}

function linkLocalToShared() {
  mkdirSync(dirname(localInstallDir), { recursive: true });
  if (isSymlink(localInstallDir) && readlinkSync(localInstallDir) === sharedInstallDir) return;
  rmSync(localInstallDir, { recursive: true, force: true });
  symlinkSync(sharedInstallDir, localInstallDir, 'dir');
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

async function install(dir) {
  console.log(`installing code-server ${codeServerVersion} into ${dir} (about 90 s, once per machine)`);
  const started = Date.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Our own package.json keeps npm from walking up into an enclosing project.
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'code-server-host', private: true }, null, 2));
  seedRipgrepCache();
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without unsafe_perm; node-pty's runs `npx node-gyp`.
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
  };
  await run(npmCommand, ['install', '--no-audit', '--no-fund', `code-server@${codeServerVersion}`], { cwd: dir, env });
  if (!existsSync(codeServerBinary(dir))) throw new Error(`code-server install in ${dir} produced no binary`);
  writeFileSync(join(dir, completeMarker), `${new Date().toISOString()}\n`);
  console.log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * @vscode/ripgrep's postinstall downloads `rg` from GitHub, which is unreachable here; it first looks in a
 * cache under the temp dir, so we place Debian's `rg` there in the archive layout it expects.
 */
function seedRipgrepCache() {
  const rgPath = findExecutable('rg');
  if (!rgPath) throw new Error('ripgrep (`rg`) is not installed; install the Debian package `ripgrep`');
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[process.arch];
  if (!arch) throw new Error(`no ripgrep cache layout known for ${process.arch}`);
  const cacheDir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(cacheDir, `ripgrep-v13.0.0-10-${arch}-unknown-linux-musl.tar.gz`);
  if (existsSync(archive)) return;
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('tar', ['-chzf', archive, '-C', dirname(rgPath), 'rg']);
}

function findExecutable(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}
