#!/usr/bin/env node
// npm run bench:upgrade [-- --upgrades N] [--failovers N] [--help]
// Hot upgrade and failover of a supervised `nydus fuse` daemon, measured from the outside:
// N consecutive `nydus upgrade --json` (the reported gap and total), then N kill -9 of the
// daemon under `nydus failover` (time until the record names a new RUNNING pid, and until a
// read through the mount returns the right bytes), each under a concurrent reader process
// that md5-checks every file and records the latency of every read (the longest one is the
// stall a user sees). Reports, never asserts: exit 0 even with errors (they are counted and
// printed), 1 on a harness error, 2 on a usage error or when not root, 130 when interrupted.
// See bench/README.md.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync, constants as fsc, copyFileSync, fstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alive, Cleanup, Interrupted, median, mountType, run, runMain, sleep, stopPidSync, tryRun, UsageError } from './lib/util.mjs';

const self = fileURLToPath(import.meta.url);
const benchSrc = dirname(self);
const repo = dirname(benchSrc);
const cli = join(repo, 'bin/run.js');
const MiB = 1 << 20;
const ID = 'bench-upgrade';

/** Milliseconds on CLOCK_MONOTONIC: comparable between this process and the reader. */
const now = () => Number(process.hrtime.bigint()) / 1e6;
const md5 = (b) => createHash('md5').update(b).digest('hex');
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10);

function log(msg) {
  process.stderr.write(`[upgrade] ${msg}\n`);
}

function parseArgs(argv) {
  const o = { upgrades: 20, failovers: 10, files: 200, pauseMs: 300, baselineMs: 2000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => Number(a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--upgrades' || a.startsWith('--upgrades=')) o.upgrades = val();
    else if (a === '--failovers' || a.startsWith('--failovers=')) o.failovers = val();
    else if (a === '--files' || a.startsWith('--files=')) o.files = val();
    else if (a === '--pause' || a.startsWith('--pause=')) o.pauseMs = val();
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: npm run bench:upgrade [-- --upgrades N] [--failovers N] [--files N] [--pause MS]

  --upgrades N   consecutive 'nydus upgrade --json' (default 20; 0 skips the phase)
  --failovers N  kill -9 of the daemon under 'nydus failover' (default 10; 0 skips the phase)
  --files N      files of the generated image (default 200, ~5 MiB)
  --pause MS     time between two upgrades / kills, reader running (default 300)

needs root (FUSE, drop_caches) and a built tree (npm run build: the bench runs bin/run.js, i.e. dist/).
environment: BENCH_DIR (default /var/tmp/nydus-bench): work dir (removed at the end) and logs/upgrade-*.log;
             BENCH_OURS_ARGS extra flags for 'nydus fuse'
results: bench/results/upgrade-latest.json\n`);
      process.exit(0);
    } else throw new UsageError(`unknown argument ${a} (see --help)`);
  }
  for (const k of ['upgrades', 'failovers', 'pauseMs']) if (!(Number.isInteger(o[k]) && o[k] >= 0)) throw new UsageError(`--${k === 'pauseMs' ? 'pause' : k} wants a number >= 0`);
  if (!(Number.isInteger(o.files) && o.files >= 10)) throw new UsageError('--files wants a number >= 10');
  return o;
}

// ---------------------------------------------------------------------------------------
// The reader (a child process: `node bench/upgrade.mjs --reader`, driven over IPC). Reads
// every file of the list (md5-checked) and lists every directory, over and over, 1 ms apart;
// records (end time, latency) of each operation. Reads go to the daemon every time: with
// O_DIRECT when the mount takes it (checked by the parent), else the page cache is dropped
// after each round.

function readDirect(path) {
  const fd = openSync(path, fsc.O_RDONLY | fsc.O_DIRECT);
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(4096, Math.ceil(size / 4096) * 4096 + 4096));
    let off = 0;
    for (;;) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
      if (off >= size) break;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}

async function readerMain() {
  let cfg = null;
  let running = true;
  let samples = []; // flat: end, latency, end, latency, ...
  let errors = [];
  let ops = 0;
  let rounds = 0;
  process.on('disconnect', () => process.exit(0));
  const started = new Promise((resolve) => {
    process.on('message', (m) => {
      if (m.type === 'config') {
        cfg = m;
        resolve();
      } else if (m.type === 'flush') {
        process.send({ type: 'flush', seq: m.seq, samples, errors, ops, rounds });
        samples = [];
        errors = [];
        ops = 0;
        rounds = 0;
      } else if (m.type === 'stop') running = false;
    });
  });
  await started;
  const read = cfg.direct ? readDirect : (p) => readFileSync(p);
  const op = (what, fn) => {
    const t0 = now();
    let err = null;
    let out;
    try {
      out = fn();
    } catch (e) {
      err = e.message;
    }
    const t1 = now();
    samples.push(t1, t1 - t0);
    ops++;
    return { out, err, t1 };
  };
  while (running) {
    for (const f of cfg.files) {
      if (!running) break;
      const { out, err, t1 } = op('read', () => read(join(cfg.mnt, f.path)));
      const msg = err ?? (md5(out) !== f.md5 ? `md5 ${md5(out)} (${out.length} bytes), expected ${f.md5} (${f.size} bytes)` : null);
      if (msg) errors.push({ at: t1, op: `read ${f.path}`, error: msg });
      await sleep(1);
    }
    for (const d of cfg.dirs) {
      if (!running) break;
      const { out, err, t1 } = op('readdir', () => readdirSync(join(cfg.mnt, d.path)));
      const msg = err ?? (out.length !== d.entries ? `${out.length} entries, expected ${d.entries}` : null);
      if (msg) errors.push({ at: t1, op: `readdir ${d.path || '.'}`, error: msg });
      await sleep(1);
    }
    if (!cfg.direct) {
      try {
        writeFileSync('/proc/sys/vm/drop_caches', '3');
      } catch { /* not fatal for the reader */ }
    }
    rounds++;
  }
  process.send({ type: 'stopped' });
}

// ---------------------------------------------------------------------------------------
// The parent.

function readRec(stateDir) {
  try {
    return JSON.parse(readFileSync(join(stateDir, `${ID}.json`), 'utf8'));
  } catch {
    return null; // missing, or (never with the atomic rename) half written
  }
}

/** Mount id (first field of mountinfo) of the mount at `dir`, or -1. */
function mountId(dir) {
  const line = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').find((l) => l.split(' ')[4] === dir);
  return line ? Number(line.split(' ')[0]) : -1;
}

function tail(file, lines = 12) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function dropCaches() {
  tryRun('sync', []);
  writeFileSync('/proc/sys/vm/drop_caches', '3');
}

/** Pids of live processes (not this one) whose command line mentions `needle`. */
function pidsMentioning(needle) {
  const out = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e) || Number(e) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(needle) && alive(Number(e))) out.push(Number(e));
    } catch { /* gone */ }
  }
  return out;
}

/** A process we started (or one of our children started): alive and its command line names the work dir. */
function ours(pid, work) {
  try {
    return alive(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(work);
  } catch {
    return false;
  }
}

/** Runs a command without blocking the event loop; { code, signal, stdout, stderr }. */
function runAsync(cmd, args, cleanup) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: repo });
    const release = cleanup.add(`${args[1] ?? cmd} pid ${child.pid}`, () => stopPidSync(child.pid, 5000));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', (e) => {
      release();
      reject(e);
    });
    child.on('close', (code, signal) => {
      release();
      if (['SIGINT', 'SIGTERM', 'SIGHUP'].includes(signal)) reject(new Interrupted(`${cmd} got ${signal}`));
      else resolve({ code, signal, stdout, stderr });
    });
  });
}

async function waitUntil(cond, what, timeoutMs, stepMs = 5) {
  const end = now() + timeoutMs;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (now() > end) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(stepMs);
  }
}

/** A small image: `nfiles` files in 10 directories (mostly 2-24 KiB, every 20th 256 KiB), plus one 64 KiB probe file per failover. */
function buildTree(src, nfiles, nprobes) {
  const files = [];
  const dirs = [{ path: '', entries: 0 }];
  const ndirs = 10;
  for (let d = 0; d < ndirs; d++) {
    mkdirSync(join(src, `d${d}`), { recursive: true });
    dirs.push({ path: `d${d}`, entries: 0 });
  }
  for (let i = 0; i < nfiles; i++) {
    const d = i % ndirs;
    const path = `d${d}/f${String(i).padStart(4, '0')}.bin`;
    const size = i % 20 === 19 ? 256 * 1024 : 2048 + ((i * 7919) % 22) * 1024 + (i % 13);
    const data = randomBytes(size);
    writeFileSync(join(src, path), data);
    files.push({ path, size, md5: md5(data) });
    dirs[d + 1].entries++;
  }
  mkdirSync(join(src, 'probe'));
  const probes = [];
  for (let i = 0; i < nprobes; i++) {
    const path = `probe/p${String(i).padStart(3, '0')}.bin`;
    const data = randomBytes(64 * 1024 + i);
    writeFileSync(join(src, path), data);
    probes.push({ path, size: data.length, md5: md5(data) });
  }
  dirs[0].entries = ndirs + 1;
  return { files, dirs, probes, bytes: files.reduce((a, f) => a + f.size, 0) + probes.reduce((a, f) => a + f.size, 0) };
}

/** The reader child: start, configure, flush (samples of the current phase), stop. */
function startReader(cleanup, logFile) {
  const fd = openSync(logFile, 'w');
  let child;
  try {
    child = spawn(process.execPath, [self, '--reader'], { stdio: ['ignore', fd, fd, 'ipc'], detached: true });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  const release = cleanup.add(`reader pid ${pid}`, () => {
    if (alive(pid)) {
      try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    }
  });
  let seq = 0;
  const waiters = new Map();
  let exited = false;
  child.on('message', (m) => {
    const key = m.type === 'flush' ? `flush${m.seq}` : m.type;
    const w = waiters.get(key);
    if (w) {
      waiters.delete(key);
      w(m);
    }
  });
  child.on('exit', () => {
    exited = true;
    for (const w of waiters.values()) w(null);
    waiters.clear();
  });
  const ask = (msg, key, timeoutMs) => new Promise((resolve, reject) => {
    if (exited) {
      reject(new Error(`the reader (pid ${pid}) has exited; ${logFile}:\n${tail(logFile)}`));
      return;
    }
    const timer = setTimeout(() => {
      waiters.delete(key);
      reject(new Error(`the reader (pid ${pid}) did not answer in ${timeoutMs / 1000} s (a read hangs?)`));
    }, timeoutMs);
    waiters.set(key, (m) => {
      clearTimeout(timer);
      if (m) resolve(m);
      else reject(new Error(`the reader (pid ${pid}) has exited; ${logFile}:\n${tail(logFile)}`));
    });
    child.send(msg);
  });
  return {
    pid,
    configure: (cfg) => child.send({ type: 'config', ...cfg }),
    flush: () => {
      const s = ++seq;
      return ask({ type: 'flush', seq: s }, `flush${s}`, 60000);
    },
    async stop() {
      await ask({ type: 'stop' }, 'stopped', 30000).catch(() => null);
      release();
    },
  };
}

/** Splits reader samples over iteration windows [start_i, start_i+1): the longest op whose end falls in each. */
function perWindow(flush, windows, endOfPhase) {
  const max = windows.map(() => 0);
  const s = flush.samples;
  for (let k = 0; k < s.length; k += 2) {
    const end = s[k];
    for (let i = windows.length - 1; i >= 0; i--) {
      const lo = windows[i].start;
      const hi = i + 1 < windows.length ? windows[i + 1].start : endOfPhase;
      if (end >= lo && end < hi) {
        if (s[k + 1] > max[i]) max[i] = s[k + 1];
        break;
      }
    }
  }
  return max;
}

function latencyStats(flush) {
  const lat = [];
  for (let k = 1; k < flush.samples.length; k += 2) lat.push(flush.samples[k]);
  lat.sort((a, b) => a - b);
  const q = (p) => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] : null);
  return { ops: flush.ops, rounds: flush.rounds, median_ms: r1(q(0.5)), p99_ms: r1(q(0.99)), max_ms: r1(lat.length ? lat[lat.length - 1] : null), errors: flush.errors.length };
}

const summary = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x));
  return { n: v.length, median: r1(median(v)), max: r1(v.length ? Math.max(...v) : null), min: r1(v.length ? Math.min(...v) : null) };
};

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof process.getuid === 'function' && process.getuid() !== 0) throw new UsageError('needs root (FUSE mounts, drop_caches): run it with sudo');
  const benchDir = process.env.BENCH_DIR || '/var/tmp/nydus-bench';
  mkdirSync(join(benchDir, 'logs'), { recursive: true });
  const work = mkdtempSync(join(benchDir, 'upgrade-'));
  const src = join(work, 'src');
  const mnt = join(work, 'mnt');
  const stateDir = join(work, 'state');
  const logs = join(work, 'logs');
  for (const d of [src, mnt, stateDir, logs]) mkdirSync(d, { recursive: true });
  const sock = join(work, 'api.sock');
  const supSock = join(work, 'supervisor.sock');
  const keptLogs = join(benchDir, 'logs');

  const cleanup = new Cleanup();
  cleanup.install();
  cleanup.add(`work dir ${work}`, () => {
    for (const [from, to] of [[join(logs, 'daemon.log'), 'upgrade-daemon.log'], [join(stateDir, `${ID}.log`), 'upgrade-successors.log'],
      [join(logs, 'failover.log'), 'upgrade-failover.log'], [join(logs, 'reader.log'), 'upgrade-reader.log']]) {
      try { copyFileSync(from, join(keptLogs, to)); } catch { /* not written */ }
    }
    if (mountType(mnt)) {
      log(`${mnt} is still mounted; leaving ${work} in place`);
      return;
    }
    rmSync(work, { recursive: true, force: true });
  });

  const results = {
    bench: 'upgrade',
    date: new Date().toISOString(),
    host: { kernel: run('uname', ['-r']).trim(), cpus: cpus().length, cpu: cpus()[0]?.model, mem_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg: loadavg().map((x) => +x.toFixed(2)) },
    options: opts,
    warnings: [],
  };

  // 1. The image.
  const tree = buildTree(src, opts.files, Math.max(opts.failovers, 1));
  const boot = join(work, 'image.boot');
  const blobs = join(work, 'blobs');
  const t0 = now();
  const created = JSON.parse(run(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs, '--json'], { cwd: repo }));
  results.image = { files: tree.files.length, probe_files: tree.probes.length, dirs: tree.dirs.length, bytes: tree.bytes, blob_bytes: created.blob_size, bootstrap_bytes: created.bootstrap_size, build_ms: r1(now() - t0) };
  log(`image: ${tree.files.length} files + ${tree.probes.length} probe files, ${(tree.bytes / MiB).toFixed(1)} MiB (blob ${(created.blob_size / MiB).toFixed(1)} MiB) in ${results.image.build_ms} ms`);

  // 2. The daemon, supervised (--id/--supervisor/--state-dir).
  const extra = (process.env.BENCH_OURS_ARGS || '').split(/\s+/).filter(Boolean);
  const args = [cli, 'fuse', '--bootstrap', boot, '--localfs-dir', blobs, '--mountpoint', mnt, '--apisock', sock, '--id', ID, '--supervisor', supSock, '--state-dir', stateDir, ...extra];
  results.command = `node ${args.join(' ')}`;
  const daemonLog = join(logs, 'daemon.log');
  const fd = openSync(daemonLog, 'w');
  let daemon;
  try {
    daemon = spawn(process.execPath, args, { stdio: ['ignore', fd, fd], detached: true, cwd: repo, env: { ...process.env, NYDUS_STATE_DIR: stateDir } });
  } finally {
    closeSync(fd);
  }
  const firstPid = daemon.pid;
  cleanup.add('nydus fuse daemon(s)', () => {
    // Whatever daemon the record names now (upgrades and recoveries replace the process), plus
    // any process still naming our work dir (a successor of an interrupted upgrade): SIGTERM, which unmounts.
    const pids = new Set([firstPid, readRec(stateDir)?.pid, ...pidsMentioning(`${work}/`)].filter((p) => p && ours(p, work)));
    for (const p of pids) {
      if (!stopPidSync(p, 10000)) log(`pid ${p} did not exit within 10 s of SIGTERM; killed`);
    }
    if (mountType(mnt)) tryRun('umount', ['-l', mnt]);
  });
  const t1 = now();
  await waitUntil(() => {
    if (daemon.exitCode !== null || daemon.signalCode !== null) throw new Error(`nydus fuse exited ${daemon.exitCode ?? daemon.signalCode} before mounting; ${daemonLog}:\n${tail(daemonLog)}`);
    const rec = readRec(stateDir);
    if (!(mountType(mnt) || '').startsWith('fuse') || rec?.state !== 'RUNNING' || rec.pid !== firstPid) return false;
    try {
      readdirSync(mnt);
      return true;
    } catch {
      return false;
    }
  }, `a FUSE mount at ${mnt} and a RUNNING record`, 30000, 10);
  results.mount_ms = r1(now() - t1);
  const mountId0 = mountId(mnt);
  log(`daemon pid ${firstPid} serves ${mnt} (${results.mount_ms} ms)`);

  // 3. The reader: O_DIRECT when the mount serves it correctly, else drop_caches per round.
  let direct = false;
  try {
    const f = tree.files[tree.files.length - 1];
    direct = md5(readDirect(join(mnt, f.path))) === f.md5;
  } catch (e) {
    results.warnings.push(`O_DIRECT reads do not work here (${e.message}); the reader drops the page cache after each round instead`);
  }
  results.reader = { mode: direct ? 'O_DIRECT reads (every read reaches the daemon)' : 'buffered reads, drop_caches after each round', pause_ms: 1 };
  const reader = startReader(cleanup, join(logs, 'reader.log'));
  reader.configure({ mnt, files: tree.files, dirs: tree.dirs, direct });
  log(`reader pid ${reader.pid}: ${results.reader.mode}`);
  await sleep(opts.baselineMs);
  results.baseline = latencyStats(await reader.flush());
  log(`baseline (${opts.baselineMs} ms, nothing happening): ${results.baseline.ops} ops, median ${results.baseline.median_ms} ms, max ${results.baseline.max_ms} ms, ${results.baseline.errors} errors`);

  // 4. Hot upgrades.
  const up = { iterations: [], failed: 0 };
  results.upgrade = up;
  const windows = [];
  for (let i = 0; i < opts.upgrades; i++) {
    const before = readRec(stateDir);
    const start = now();
    windows.push({ start });
    const r = await runAsync(process.execPath, [cli, 'upgrade', ID, '--state-dir', stateDir, '--json'], cleanup);
    const wall = now() - start;
    const it = { i, old_pid: before?.pid, wall_ms: r1(wall) };
    up.iterations.push(it);
    if (r.code !== 0) {
      up.failed++;
      it.error = `exit ${r.code ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n').slice(-6).join(' | ')}`;
      log(`upgrade ${i + 1}/${opts.upgrades}: FAILED ${it.error}`);
    } else {
      try {
        const rep = JSON.parse(r.stdout);
        Object.assign(it, { new_pid: rep.newPid, gap_ms: rep.gapMs, total_ms: rep.totalMs, steps: rep.steps.map((s) => ({ step: s.step, ms: s.ms })) });
        const rec = readRec(stateDir);
        if (rec?.pid !== rep.newPid || rec?.state !== 'RUNNING') it.error = `record after the upgrade: pid ${rec?.pid} state ${rec?.state}, expected pid ${rep.newPid} RUNNING`;
        if (alive(rep.oldPid)) it.error = `old daemon pid ${rep.oldPid} still alive`;
      } catch (e) {
        it.error = `unreadable --json report: ${e.message}: ${r.stdout.slice(0, 200)}`;
      }
      if (mountId(mnt) !== mountId0) it.error = `mount id changed (${mountId0} -> ${mountId(mnt)})`;
      if (it.error) up.failed++;
      log(`upgrade ${i + 1}/${opts.upgrades}: pid ${it.old_pid} -> ${it.new_pid}, gap ${it.gap_ms} ms, total ${it.total_ms} ms, command ${it.wall_ms.toFixed(0)} ms${it.error ? ` ERROR ${it.error}` : ''}`);
    }
    const rec = readRec(stateDir);
    if (!rec || !alive(rec.pid)) {
      results.warnings.push(`upgrade phase stopped after ${i + 1} upgrades: no live daemon in the record`);
      break;
    }
    await sleep(opts.pauseMs);
  }
  if (opts.upgrades > 0) {
    const flush = await reader.flush();
    const end = now();
    const stalls = perWindow(flush, windows, end);
    up.iterations.forEach((it, k) => (it.max_read_ms = r1(stalls[k])));
    up.reader = { ...latencyStats(flush), first_errors: flush.errors.slice(0, 10) };
    up.gap_ms = summary(up.iterations.map((x) => x.gap_ms));
    up.total_ms = summary(up.iterations.map((x) => x.total_ms));
    up.wall_ms = summary(up.iterations.map((x) => x.wall_ms));
    up.max_read_ms = summary(stalls);
  }

  // 5. Failover: nydus failover in the background, kill -9 the daemon N times.
  const fo = { iterations: [], failed: 0, readdir_failures: 0 };
  results.failover = fo;
  if (opts.failovers > 0) {
    const foLog = join(logs, 'failover.log');
    const ffd = openSync(foLog, 'w');
    let sup;
    try {
      sup = spawn(process.execPath, [cli, 'failover', ID, '--state-dir', stateDir], { stdio: ['ignore', ffd, ffd], detached: true, cwd: repo });
    } finally {
      closeSync(ffd);
    }
    const supPid = sup.pid;
    const releaseSup = cleanup.add(`nydus failover pid ${supPid}`, () => stopPidSync(supPid, 10000));
    let supExited = false;
    sup.on('exit', () => (supExited = true));
    await waitUntil(() => {
      if (supExited) throw new Error(`nydus failover exited early; ${foLog}:\n${tail(foLog)}`);
      return readRec(stateDir)?.failover?.supervisorPid === supPid;
    }, 'nydus failover to hold the state', 15000, 20);
    log(`nydus failover pid ${supPid} holds the state of ${ID}`);
    await reader.flush(); // discard: the samples since the upgrades
    const fwin = [];
    const topNames = tree.dirs.slice(1).map((d) => d.path).concat('probe').sort();
    for (let i = 0; i < opts.failovers; i++) {
      const rec0 = readRec(stateDir);
      const before = rec0?.pid;
      const recoveries0 = rec0?.failover?.recoveries ?? 0;
      const it = { i, old_pid: before };
      fo.iterations.push(it);
      if (!before || !ours(before, work)) {
        it.error = `no live daemon of ours in the record (pid ${before})`;
        fo.failed++;
        log(`failover ${i + 1}/${opts.failovers}: ${it.error}`);
        break;
      }
      const probe = tree.probes[i];
      dropCaches(); // and the probe file was never read: its read must reach a daemon
      const start = now();
      fwin.push({ start });
      process.kill(before, 'SIGKILL');
      const probeRead = readFile(join(mnt, probe.path)).then(
        (b) => ({ t: now(), ok: md5(b) === probe.md5, bytes: b.length }),
        (e) => ({ t: now(), ok: false, error: e.message }),
      );
      let probeDone = null;
      probeRead.then((p) => (probeDone = p));
      try {
        const rec = await waitUntil(() => {
          const r = readRec(stateDir);
          return r && r.pid !== before && r.state === 'RUNNING' ? r : null;
        }, `a new RUNNING pid in the record (recovery ${i + 1})`, 30000, 2);
        it.record_ms = r1(now() - start);
        it.new_pid = rec.pid;
        const p = await waitUntil(() => probeDone, `the probe read ${probe.path}`, 30000, 2);
        it.read_ms = r1(p.t - start);
        if (!p.ok) it.error = `probe read ${probe.path}: ${p.error ?? `wrong bytes (${p.bytes} of ${probe.size})`}`;
        const r2 = await waitUntil(() => {
          const r = readRec(stateDir);
          return (r?.failover?.recoveries ?? 0) > recoveries0 ? r : null;
        }, 'nydus failover to count the recovery', 10000, 5).catch(() => null);
        it.supervisor_ms = r2?.failover?.lastRecoveryMs ?? null;
        try {
          const top = readdirSync(mnt).sort();
          const sub = readdirSync(join(mnt, tree.dirs[1 + (i % (tree.dirs.length - 1))].path));
          if (JSON.stringify(top) !== JSON.stringify(topNames) || sub.length !== tree.dirs[1 + (i % (tree.dirs.length - 1))].entries) {
            it.readdir_error = `readdir: ${top.length} entries at the root, ${sub.length} in a subdirectory`;
          }
        } catch (e) {
          it.readdir_error = `readdir: ${e.message}`;
        }
        if (it.readdir_error) fo.readdir_failures++;
        if (alive(before)) it.error = `killed pid ${before} still alive`;
        if (mountId(mnt) !== mountId0) it.error = `mount id changed (${mountId0} -> ${mountId(mnt)})`;
      } catch (e) {
        it.error = e.message;
      }
      if (it.error) fo.failed++;
      log(`failover ${i + 1}/${opts.failovers}: pid ${before} -> ${it.new_pid}: record RUNNING after ${it.record_ms} ms, probe read after ${it.read_ms} ms` +
        ` (supervisor: ${it.supervisor_ms} ms)${it.readdir_error ? ` READDIR ${it.readdir_error}` : ''}${it.error ? ` ERROR ${it.error}` : ''}`);
      if (it.error && !it.new_pid) {
        results.warnings.push(`failover phase stopped after ${i + 1} kills: ${it.error}\n${tail(foLog)}`);
        break;
      }
      await sleep(opts.pauseMs);
    }
    const flush = await reader.flush();
    const stalls = perWindow(flush, fwin, now());
    fo.iterations.forEach((it, k) => (it.max_read_ms = r1(stalls[k])));
    fo.reader = { ...latencyStats(flush), first_errors: flush.errors.slice(0, 10) };
    fo.record_ms = summary(fo.iterations.map((x) => x.record_ms));
    fo.read_ms = summary(fo.iterations.map((x) => x.read_ms));
    fo.supervisor_ms = summary(fo.iterations.map((x) => x.supervisor_ms));
    fo.max_read_ms = summary(stalls);
    fo.supervisor_pid = supPid;
    fo.log_tail = tail(foLog, 4);
    releaseSup(); // SIGTERM: supervision ends, the daemon keeps running
  }
  await reader.stop();
  cleanup.releaseAll();

  printReport(results);
  const outDir = join(benchSrc, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'upgrade-latest.json'), JSON.stringify(results, null, 2) + '\n');
  log(`results: ${join(outDir, 'upgrade-latest.json')}; logs: ${keptLogs}/upgrade-*.log`);
}

function printReport(results) {
  const out = [];
  const p = (s = '') => out.push(s);
  const f = (v) => (v == null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const row = (name, s, errors) => p(`  ${name.padEnd(46)}${String(s?.n ?? '-').padStart(4)}${f(s?.median).padStart(10)}${f(s?.max).padStart(10)}${String(errors).padStart(8)}`);
  const up = results.upgrade;
  const fo = results.failover;
  const img = results.image;
  p();
  p(`nydus hot upgrade and failover — image of ${img.files} files + ${img.probe_files} probe files, ${(img.bytes / MiB).toFixed(1)} MiB; reader: ${results.reader.mode}`);
  p(`host: ${results.host.kernel}, ${results.host.cpus} CPUs, node ${results.host.node}, load ${results.host.loadavg.join(' ')}`);
  p();
  p(`  ${'metric'.padEnd(46)}${'n'.padStart(4)}${'median'.padStart(10)}${'max ms'.padStart(10)}${'errors'.padStart(8)}`);
  row('baseline: read/readdir latency (idle daemon)', { n: results.baseline.ops, median: results.baseline.median_ms, max: results.baseline.max_ms }, results.baseline.errors);
  if (up.gap_ms) {
    row('upgrade: gap (mount not served, gapMs)', up.gap_ms, up.failed);
    row('upgrade: total (totalMs)', up.total_ms, up.failed);
    row('upgrade: `nydus upgrade` command, wall', up.wall_ms, up.failed);
    row('upgrade: longest read per upgrade (stall)', up.max_read_ms, up.reader.errors);
  }
  if (fo.record_ms) {
    row('failover: kill -9 -> record new pid RUNNING', fo.record_ms, fo.failed);
    row('failover: kill -9 -> probe read right bytes', fo.read_ms, fo.failed);
    row('failover: supervisor death->RUNNING (record)', fo.supervisor_ms, fo.failed);
    row('failover: longest read per kill (stall)', fo.max_read_ms, fo.reader.errors);
    row('failover: readdir after each recovery', { n: fo.iterations.length }, fo.readdir_failures);
  }
  p();
  p('  errors: upgrade/failover rows = failed iterations; stall rows = reader errors (md5 or I/O) in the phase (must be 0).');
  if (up.reader) p(`  reader during upgrades: ${up.reader.ops} ops, median ${f(up.reader.median_ms)} ms, p99 ${f(up.reader.p99_ms)} ms, max ${f(up.reader.max_ms)} ms, ${up.reader.errors} errors`);
  if (fo.reader) p(`  reader during failover: ${fo.reader.ops} ops, median ${f(fo.reader.median_ms)} ms, p99 ${f(fo.reader.p99_ms)} ms, max ${f(fo.reader.max_ms)} ms, ${fo.reader.errors} errors`);
  const errs = [...(up.iterations ?? []), ...(fo.iterations ?? [])].filter((x) => x.error || x.readdir_error);
  for (const e of errs.slice(0, 8)) p(`  error: iteration ${e.i + 1}: ${e.error ?? e.readdir_error}`);
  for (const e of [...(up.reader?.first_errors ?? []), ...(fo.reader?.first_errors ?? [])].slice(0, 8)) p(`  reader error: ${e.op}: ${e.error}`);
  for (const w of results.warnings) p(`  warning: ${w.split('\n')[0]}`);
  p();
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[2] === '--reader') {
  readerMain().catch((e) => {
    process.stderr.write(`reader: ${e.stack || e.message}\n`);
    process.exit(1);
  });
} else {
  runMain('bench:upgrade', main);
}
