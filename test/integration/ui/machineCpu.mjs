// Where the machine's CPU time went during a measured window, by the part of the session that used it.
// The extension host's stalls are measured while the browser, the server and the kernel compete for the
// same cores; on a small machine the browser alone can take more than one. Linux only (/proc).
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';

const GROUPS = [
  ['extension host', (cmd) => cmd.includes('--type=extensionHost')],
  ['browser renderer', (cmd) => cmd.includes('--type=renderer')],
  ['browser, other processes', (cmd) => /chrom/i.test(cmd)],
  ['code-server and its helpers', (cmd) => cmd.includes('code-server')],
  ['kernel threads', (cmd) => cmd === ''],
  ['everything else (the test driver too)', () => true],
];

let ticksPerSecond;
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU seconds used so far by each group's live processes; undefined where /proc is missing. */
export function cpuSnapshot() {
  if (process.platform !== 'linux') return undefined;
  const seconds = new Map(GROUPS.map(([name]) => [name, 0]));
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    let stat;
    let cmd;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which may itself hold spaces and parentheses: utime and stime are 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const used = (Number(fields[11]) + Number(fields[12])) / clockTicks();
    const [name] = GROUPS.find(([, matches]) => matches(cmd));
    seconds.set(name, seconds.get(name) + used);
  }
  return { at: performance.now(), seconds };
}

/**
 * Each group's share of one core between two snapshots, in percent (a total of 200 is two busy cores),
 * most first, with the machine's core count; undefined without snapshots.
 */
export function cpuShares(before, after) {
  if (!before || !after) return undefined;
  const wallSeconds = (after.at - before.at) / 1000;
  const shares = [...after.seconds].map(([name, used]) => ({ name, percent: Math.round((100 * (used - (before.seconds.get(name) ?? 0))) / wallSeconds) }));
  return { cores: cpus().length, wallSeconds, shares: shares.filter((s) => s.percent > 0).sort((a, b) => b.percent - a.percent) };
}

/** Several windows' shares as one, weighted by each window's length. */
export function combinedShares(windows) {
  const measured = windows.filter(Boolean);
  if (measured.length === 0) return undefined;
  const wallSeconds = measured.reduce((sum, w) => sum + w.wallSeconds, 0);
  const used = new Map();
  for (const w of measured) for (const s of w.shares) used.set(s.name, (used.get(s.name) ?? 0) + s.percent * w.wallSeconds);
  const shares = [...used].map(([name, total]) => ({ name, percent: Math.round(total / wallSeconds) })).sort((a, b) => b.percent - a.percent);
  return { cores: measured[0].cores, wallSeconds, shares };
}

/** "browser renderer 128%, extension host 13%, …" of `cores` cores. */
export function describeShares(cpu) {
  if (!cpu) return 'not measured (no /proc)';
  const total = cpu.shares.reduce((sum, s) => sum + s.percent, 0);
  return `${total}% of ${cpu.cores * 100}% (${cpu.cores} cores): ${cpu.shares.map((s) => `${s.name} ${s.percent}%`).join(', ')}`;
}
