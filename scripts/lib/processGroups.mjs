// Tracks the detached process groups we start (code-server and its extension hosts) so they are stopped
// on every way out: normal completion, a thrown error, Ctrl+C or a SIGTERM from CI.
const liveGroups = new Set();
const liveChildren = new Set();
let handlersInstalled = false;

/** Foreground children (tsc, mocha, vsce…) are told to stop too when we are, so none outlives the run. */
export function trackChild(child) {
  liveChildren.add(child);
  installHandlers();
  child.on('exit', () => liveChildren.delete(child));
}

export function trackGroup(pid) {
  liveGroups.add(pid);
  installHandlers();
}

export function untrackGroup(pid) {
  liveGroups.delete(pid);
}

/** Sends `signal` to the whole group; a group that is already gone is not an error. */
export function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

function killAllNow() {
  for (const child of liveChildren) child.kill('SIGTERM');
  liveChildren.clear();
  for (const pid of liveGroups) signalGroup(pid, 'SIGKILL');
  liveGroups.clear();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // 'exit' handlers must be synchronous, hence SIGKILL rather than the graceful TERM-then-KILL of stopGroup.
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      killAllNow();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/** Stops a group gracefully: TERM, then KILL if it is still alive after `graceMs`. */
export async function stopGroup(pid, graceMs = 5000) {
  untrackGroup(pid);
  if (!signalGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!signalGroup(pid, 0)) return;
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 100));
  }
  signalGroup(pid, 'SIGKILL');
}
