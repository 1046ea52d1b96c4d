// Test isolation guard, preloaded into the uvu process by test/run.mjs (`node --import`): after
// each test file it looks for what the file left running that a later file could meet (child
// processes, mounts and loop devices under this process's temp dirs, intervals, ref'd handles,
// process listeners, env and cwd changes) and reports each file that leaked as one failed test.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

/** How long a leftover may take to go away on its own (a closing handle, an exiting child). */
const GRACE_MS = 5000;

// Shared with test/helpers.ts (tempDir, perTest) by Symbol.for.
const slots = globalThis as unknown as Record<symbol, unknown>;
const madeDirs = (slots[Symbol.for('nydus-test.tempDirs')] ??= new Set<string>()) as Set<string>;
const cleanupErrors = (slots[Symbol.for('nydus-test.cleanupErrors')] ??= []) as unknown[];

// Intervals keep working while unref'd (a backend's token refresh, a proxy health check), and
// getActiveResourcesInfo() lists only ref'd timers: record every interval with where it was made.
const intervals = new Map<NodeJS.Timeout, Error>();
const timers = createRequire(import.meta.url)('node:timers') as typeof import('node:timers');
const originalSetInterval = globalThis.setInterval;
const recordingSetInterval = function (this: unknown, ...args: Parameters<typeof setInterval>) {
  const t = originalSetInterval.apply(this, args);
  intervals.set(t, new Error('interval'));
  return t;
} as typeof setInterval;
globalThis.setInterval = recordingSetInterval;
timers.setInterval = recordingSetInterval;
syncBuiltinESMExports();

interface Snapshot {
  handles: Map<string, number>;
  children: Map<number, string>;
  mounts: string[];
  loops: string[];
  listeners: Map<string, number>;
  env: Map<string, string | undefined>;
  cwd: string;
}

const countBy = (names: string[]) => names.reduce((m, n) => m.set(n, (m.get(n) ?? 0) + 1), new Map<string, number>());

function children(): Map<number, string> {
  const out = new Map<number, string>();
  for (const task of readdirSync('/proc/self/task')) {
    let list = '';
    try {
      list = readFileSync(`/proc/self/task/${task}/children`, 'utf8');
    } catch {
      continue; // the thread ended
    }
    for (const pid of list.split(' ').filter(Boolean).map(Number)) {
      let cmd = '?';
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ') || '(exited, not yet reaped)';
      } catch {
        // gone meanwhile
      }
      out.set(pid, cmd);
    }
  }
  return out;
}

const under = (path: string) => [...madeDirs].some((d) => path === d || path.startsWith(`${d}/`));
const unescape = (field: string) => field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** Mounts (of any type) whose mount point is inside a temp dir this process made. */
function mounts(): string[] {
  return readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean)
    .map((l) => ({ point: unescape(l.split(' ')[4]), type: l.split(' - ')[1]?.split(' ')[0] ?? '?' }))
    .filter((m) => under(m.point))
    .map((m) => `${m.point} (${m.type})`);
}

/** Loop devices whose backing file is inside a temp dir this process made. */
function loops(): string[] {
  const out: string[] = [];
  for (const dev of readdirSync('/sys/block').filter((d) => d.startsWith('loop'))) {
    try {
      const file = readFileSync(`/sys/block/${dev}/loop/backing_file`, 'utf8').trim().replace(/ \(deleted\)$/, '');
      if (under(file)) out.push(`/dev/${dev} -> ${file}`);
    } catch {
      // not attached
    }
  }
  return out;
}

function snapshot(): Snapshot {
  // stdout and stderr are made on first use (a warning, a console.error): make them now, so
  // their handles are in every baseline rather than blamed on the file that first wrote.
  void process.stdout;
  void process.stderr;
  return {
    handles: countBy(process.getActiveResourcesInfo()),
    children: children(),
    mounts: mounts(),
    loops: loops(),
    listeners: new Map(process.eventNames().filter((e): e is string => typeof e === 'string').map((e) => [e, process.listenerCount(e)])),
    env: new Map(Object.entries(process.env)),
    cwd: process.cwd(),
  };
}

/** Where an interval was made: the first frames outside this file. */
function origin(err: Error): string {
  const frames = (err.stack ?? '').split('\n').slice(1).map((l) => l.trim()).filter((l) => !l.includes('leak-guard'));
  return frames.slice(0, 3).map((l) => l.replace(/^at /, '')).join(' <- ');
}

function liveIntervals(): Array<[NodeJS.Timeout, Error]> {
  for (const t of intervals.keys()) if ((t as unknown as { _destroyed: boolean })._destroyed) intervals.delete(t);
  return [...intervals];
}

/** What `now` holds beyond `base`, one line each. */
function leftovers(base: Snapshot, now: Snapshot, knownIntervals: Set<NodeJS.Timeout>): string[] {
  const out: string[] = [];
  for (const [pid, cmd] of now.children) if (!base.children.has(pid)) out.push(`child process ${pid}: ${cmd}`);
  for (const m of now.mounts) if (!base.mounts.includes(m)) out.push(`mount ${m}`);
  for (const l of now.loops) if (!base.loops.includes(l)) out.push(`loop device ${l}`);
  for (const [t, err] of liveIntervals()) if (!knownIntervals.has(t)) out.push(`interval (every ${(t as unknown as { _idleTimeout: number })._idleTimeout} ms${t.hasRef() ? '' : ', unref\'d'}) made at ${origin(err)}`);
  for (const [type, n] of now.handles) {
    const was = base.handles.get(type) ?? 0;
    if (n > was) out.push(`${n - was} × ${type} (ref'd handles/timers beyond the ${was} open before the first file)`);
  }
  for (const [event, n] of now.listeners) {
    const was = base.listeners.get(event) ?? 0;
    if (n > was) out.push(`process '${event}' listeners: ${n} (${was} before)`);
  }
  for (const key of new Set([...base.env.keys(), ...now.env.keys()])) {
    if (base.env.get(key) !== now.env.get(key)) out.push(`process.env.${key} changed`);
  }
  if (now.cwd !== base.cwd) out.push(`cwd changed to ${now.cwd}`);
  return out;
}

/** Stops what a leaking file left, so later files run as if it had cleaned up. */
function reclaim(base: Snapshot, now: Snapshot, knownIntervals: Set<NodeJS.Timeout>): void {
  for (const pid of now.children.keys()) {
    if (base.children.has(pid)) continue;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
  for (const m of now.mounts) if (!base.mounts.includes(m)) execFileSync('umount', ['-l', m.replace(/ \([^)]*\)$/, '')], { stdio: 'ignore' });
  for (const l of now.loops) {
    if (!base.loops.includes(l)) {
      try {
        execFileSync('losetup', ['-d', l.split(' ')[0]], { stdio: 'ignore' });
      } catch {
        // still in use
      }
    }
  }
  for (const [t] of liveIntervals()) if (!knownIntervals.has(t)) clearInterval(t);
  for (const key of new Set([...base.env.keys(), ...now.env.keys()])) {
    const was = base.env.get(key);
    if (was === undefined) delete process.env[key];
    else process.env[key] = was;
  }
  if (now.cwd !== base.cwd) process.chdir(base.cwd);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let base: Snapshot | undefined;
let knownIntervals = new Set<NodeJS.Timeout>();

/** The check run after one file's suites: [errors, passed, skipped, total] as uvu's runners return. */
async function check(file: string): Promise<[string | true, number, number, number]> {
  base ??= snapshot();
  let now = snapshot();
  let found = leftovers(base, now, knownIntervals);
  for (const end = Date.now() + GRACE_MS; found.length > 0 && Date.now() < end; found = leftovers(base, now, knownIntervals)) {
    await sleep(50);
    now = snapshot();
  }
  const errors = cleanupErrors.splice(0).map((e) => `a close in a perTest() cleanup failed: ${(e as Error).message ?? String(e)}`);
  found.push(...errors);
  if (found.length === 0) return [true, 0, 0, 0];
  reclaim(base, now, knownIntervals);
  // Whatever could not be reclaimed (handles, listeners) is not blamed on the next file again.
  base = { ...snapshot(), env: base.env, cwd: base.cwd };
  knownIntervals = new Set(liveIntervals().map(([t]) => t));
  return [`  FAIL  leak guard  "${file} left these running after its tests"\n${found.map((l) => `    ${l}`).join('\n')}\n`, 0, 0, 1];
}

// uvu 0.5's CLI fills UVU_QUEUE with one group per file ([name, ...suite runners]) while
// importing every file, then its exec() iterates the groups. This queue appends the check to each
// group as exec reaches it, and takes the baseline when exec starts (after all imports, before
// any test). Should a uvu update stop going through it, the exit hook below says so and fails.
class GuardedQueue extends Array<unknown[]> {
  override *[Symbol.iterator](): ArrayIterator<unknown[]> {
    base ??= snapshot();
    knownIntervals = new Set(liveIntervals().map(([t]) => t));
    for (let i = 0; i < this.length; i++) {
      const group = this[i];
      const name = String(group[0]);
      group.push(() => check(name));
      yield group;
    }
    // All files ran and exec() is printing its summary. A ref'd handle still open (reported
    // above) would keep this process, and so CI, waiting until the step times out.
    setTimeout(() => {
      console.error(`leak guard: the test process is still alive ${GRACE_MS} ms after the last file (${process.getActiveResourcesInfo().join(', ')}); exiting`);
      process.exit(process.exitCode || 1);
    }, GRACE_MS).unref();
  }
}
(globalThis as unknown as { UVU_QUEUE: unknown[][] }).UVU_QUEUE = new GuardedQueue();
process.on('exit', () => {
  if (base !== undefined) return;
  console.error('leak guard: uvu never iterated the guarded UVU_QUEUE, so no file was checked (did uvu change how it runs files?)');
  process.exitCode = process.exitCode || 1;
});
