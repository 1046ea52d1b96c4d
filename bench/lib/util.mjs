// Shell helpers and the cleanup registry of the benchmark harness.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Thrown when a tool died of the user's Ctrl-C (or SIGTERM/SIGHUP): stop, clean up, exit. */
export class Interrupted extends Error {}

/** A bad command line: the bench exits 2 with the message. */
export class UsageError extends Error {}

/** Run a command, return its stdout; throw with its stderr on failure. */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (['SIGINT', 'SIGTERM', 'SIGHUP'].includes(r.signal)) throw new Interrupted(`${cmd} got ${r.signal}`);
  if (r.status !== 0) {
    const msg = (r.stderr || r.stdout || '').trim().split('\n').slice(-5).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}: ${msg}`);
  }
  return r.stdout;
}

/** Run a command, return true when it exits 0 (output discarded). */
export function tryRun(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Absolute path of an executable on PATH, or null. */
export function which(name) {
  for (const dir of (process.env.PATH || '/usr/local/bin:/usr/bin:/bin').split(':').concat(['/usr/sbin', '/sbin'])) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Synchronous sleep, for cleanup in signal and exit handlers. */
export function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export function alive(pid) {
  try {
    process.kill(pid, 0);
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(st); // a zombie is as good as gone
  } catch {
    return false;
  }
}

/** The filesystem type mounted at `dir` (last mount wins), or null. */
export function mountType(dir) {
  let type = null;
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const f = line.split(' ');
    if (f.length < 10) continue;
    const mp = f[4].replace(/\\(\d{3})/g, (_, o) => String.fromCharCode(parseInt(o, 8)));
    if (mp !== dir) continue;
    const sep = f.indexOf('-', 6);
    type = sep > 0 ? f[sep + 1] : null;
  }
  return type;
}

/** VmRSS of a process and its descendants, in KiB (null when gone). */
export function rssKiB(pid) {
  const one = (p) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return null;
    }
  };
  const own = one(pid);
  if (own === null) return null;
  let total = own;
  const seen = new Set([pid]);
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    let kids = [];
    try {
      for (const t of execFileSync('ls', [`/proc/${p}/task`], { encoding: 'utf8' }).split('\n').filter(Boolean)) {
        kids = kids.concat(readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
      }
    } catch { /* gone */ }
    for (const k of kids) {
      if (seen.has(k)) continue;
      seen.add(k);
      total += one(k) ?? 0;
      stack.push(k);
    }
  }
  return total;
}

export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/**
 * Cleanup registry: every mount, loop device and child process the bench creates is
 * registered here and released in reverse order, synchronously, on every exit path
 * (normal end, error, SIGINT/SIGTERM/SIGHUP).
 */
export class Cleanup {
  #items = [];
  #installed = false;

  add(label, fn) {
    const item = { label, fn, done: false };
    this.#items.push(item);
    return () => this.#release(item);
  }

  #release(item) {
    if (item.done) return;
    item.done = true;
    try {
      item.fn();
    } catch (e) {
      process.stderr.write(`cleanup: ${item.label}: ${e.message}\n`);
    }
  }

  releaseAll() {
    for (const item of this.#items.slice().reverse()) this.#release(item);
    this.#items = [];
  }

  install() {
    if (this.#installed) return;
    this.#installed = true;
    const onSignal = (sig) => {
      process.stderr.write(`\nbench: ${sig}, cleaning up\n`);
      this.releaseAll();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, onSignal);
    process.on('exit', () => this.releaseAll());
  }
}

/** Unmount `dir` if something is mounted there: plain umount, then lazy. */
export function unmountSync(dir) {
  for (let i = 0; i < 3 && mountType(dir); i++) {
    if (!tryRun('umount', [dir])) sleepSync(200);
  }
  if (mountType(dir)) tryRun('umount', ['-l', dir]);
}

/** SIGTERM a child by pid, wait up to `ms`, then SIGKILL. */
export function stopPidSync(pid, ms = 10000) {
  if (!alive(pid)) return true;
  try { process.kill(pid, 'SIGTERM'); } catch { return true; }
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!alive(pid)) return true;
    sleepSync(50);
  }
  try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  return false;
}

/** User + system CPU seconds a process (all its threads) has used so far, or null. */
export function cpuSeconds(pid) {
  try {
    const st = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

/** Compiles bench/native/benchtool.c into BENCH_DIR/bin, keyed by the source's hash (older builds removed). */
export function buildBenchtool(benchDir) {
  const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'native', 'benchtool.c');
  const hash = createHash('sha256').update(readFileSync(src)).digest('hex').slice(0, 12);
  const bin = join(benchDir, 'bin', `benchtool-${hash}`);
  if (existsSync(bin)) return bin;
  rmSync(join(benchDir, 'bin'), { recursive: true, force: true });
  const cc = which('cc') || which('gcc') || which('clang');
  if (!cc) throw new Error('no C compiler for bench/native/benchtool.c (install gcc)');
  mkdirSync(dirname(bin), { recursive: true });
  run(cc, ['-O2', '-Wall', '-o', `${bin}.tmp`, src, '-lpthread']);
  renameSync(`${bin}.tmp`, bin);
  return bin;
}

/** Runs a bench's main and exits: 0 done, 2 usage error, 130 interrupted, 1 harness error. */
export function runMain(name, main) {
  main().then(
    () => process.exit(0),
    (e) => {
      if (e instanceof UsageError) {
        process.stderr.write(`${name}: ${e.message}\n`);
        process.exit(2);
      }
      if (e instanceof Interrupted) {
        process.stderr.write(`${name}: interrupted (${e.message})\n`);
        process.exit(130);
      }
      process.stderr.write(`${name}: harness error: ${e.stack || e.message}\n`);
      process.exit(1);
    },
  );
}

/** Children of this process whose command line mentions `needle` (test servers we started). */
export function childPids(needle) {
  const out = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const st = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(needle)) out.push(Number(e));
    } catch { /* gone */ }
  }
  return out;
}
