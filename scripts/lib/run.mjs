// Child-process helpers: every command echoes itself and rejects with a readable error on failure.
import { spawn } from 'node:child_process';
import { trackChild } from './processGroups.mjs';

/**
 * Runs a command with inherited stdio and resolves when it exits with 0.
 * `quiet` captures the output instead and prints it only when the command fails.
 */
export function run(command, args, options = {}) {
  const { quiet = false, ...spawnOptions } = options;
  if (!quiet) console.log(`$ ${[command, ...args].join(' ')}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...spawnOptions });
    trackChild(child);
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) return resolvePromise(output);
      if (quiet) process.stderr.write(output);
      reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Runs a command and resolves with its exit code instead of rejecting (for status probes such as `dpkg -s`). */
export function probe(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: 'ignore', ...options });
    child.on('error', () => resolvePromise(127));
    child.on('exit', (code) => resolvePromise(code ?? 1));
  });
}

export const npmCommand = process.platform === 'win32' ? 'npm.cmd' : 'npm';
export const npxCommand = process.platform === 'win32' ? 'npx.cmd' : 'npx';
