#!/usr/bin/env node
// npm run bench:blobcache [-- --quick] [--sizes 64] [--n 1,4,8] [--links loopback,nginx] [--help]
// Issue 13's benchmark: N `nydus fuse` daemons read every file of the same image at once, each
// from the registry itself (direct) or through one `nydus blobcache --shared-sock` service
// (service); registry bytes (its access log) and wall time per N, on loopback and through nginx
// behind a paced relay (a constrained link). Reports, never asserts the targets: exit 0 when they
// are missed, 1 when a cell fails to run or a mount's content differs from the tree, 2 on a
// usage error or when not root, 130 when interrupted. See bench/README.md.
import { fork, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builderFingerprint } from './lib/images.mjs';
import { ensureMixedTree } from './lib/mixed-tree.mjs';
import { alive, Cleanup, cpuSeconds, Interrupted, median, mountType, run, runMain, sleep, stopPidSync, unmountSync, UsageError } from './lib/util.mjs';

const self = fileURLToPath(import.meta.url);
const repo = dirname(dirname(self));
const cli = join(repo, 'bin/run.js');
const MiB = 1 << 20;
const REPO = 'bench/blobcache';
const LINKS = {
  loopback: 'the registry itself on 127.0.0.1',
  nginx: 'the registry behind nginx (reverse proxy, proxy_buffering off, limit_rate per response) behind a pacing relay (the link)',
};
const MODES = ['direct', 'service'];
const READ_LIMIT_S = 600; // a hung mount fails its cell instead of the whole bench

function parseArgs(argv) {
  const o = { sizes: [64], ns: [1, 4, 8], links: Object.keys(LINKS), modes: MODES, runs: 1, rate: 40, totalRate: 10, warm: false };
  const list = (v, what) => {
    const xs = String(v).split(',').map(Number);
    if (!xs.length || xs.some((x) => !Number.isInteger(x) || x < 1)) throw new UsageError(`--${what} wants a comma-separated list of positive whole numbers, got ${v}`);
    return [...new Set(xs)].sort((a, b) => a - b);
  };
  const names = (v, known, what) => {
    const xs = String(v).split(',');
    for (const x of xs) if (!known.includes(x)) throw new UsageError(`unknown ${what} ${x} (one of ${known.join(', ')})`);
    return known.filter((k) => xs.includes(k));
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag] = a.split('=');
    const val = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--quick') Object.assign(o, { sizes: [16], runs: 1 });
    else if (flag === '--sizes') o.sizes = list(val(), 'sizes');
    else if (flag === '--n') o.ns = list(val(), 'n');
    else if (flag === '--links') o.links = names(val(), Object.keys(LINKS), 'link');
    else if (flag === '--modes') o.modes = names(val(), MODES, 'mode');
    else if (flag === '--runs') o.runs = list(val(), 'runs')[0];
    else if (flag === '--rate') o.rate = Number(val());
    else if (flag === '--total-rate') o.totalRate = Number(val());
    else if (a === '--warm') o.warm = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: npm run bench:blobcache [-- --quick] [--sizes MiB,...] [--n 1,4,8] [--links loopback,nginx] [--runs N]

  --sizes LIST      MiB of file data in the image, one image per size (default 64)
  --n LIST          numbers of FUSE daemons reading at once (default 1,4,8)
  --quick           --sizes 16 --runs 1 (~1.5 min)
  --links LIST      loopback (the registry itself), nginx (the registry behind nginx, through a paced link)
  --modes LIST      direct (each daemon on the registry), service (all through one nydus blobcache)
  --runs N          runs per cell; the median is reported (default 1)
  --rate MiB/s        nginx link: per connection (the relay) and per response (nginx limit_rate) (default 40)
  --total-rate MiB/s  nginx link: shared by all connections (the relay; default 10; 0: no total cap)
  --warm              service mode: the entry enables prefetch, so the service warms the whole blob
                      while the daemons read (default: no prefetch, the service fetches what is asked)

needs root (FUSE, drop_caches), /usr/bin/docker-registry, nginx for the nginx link, and a built tree (npm run build).
environment: BENCH_DIR (default /var/tmp/nydus-bench); BENCH_OURS_ARGS extra flags for 'nydus fuse';
             BENCH_NODE_ARGS flags for the node running the daemons and the service (e.g. --cpu-prof --cpu-prof-dir=DIR)
results: stdout (tables, then one JSON line), bench/results/blobcache-latest.json\n`);
      process.exit(0);
    } else throw new UsageError(`unknown argument ${a} (see --help)`);
  }
  if (!(o.rate > 0) || !(o.totalRate >= 0)) throw new UsageError('--rate wants MiB/s > 0, --total-rate MiB/s >= 0');
  return o;
}

const log = (msg) => process.stderr.write(`[blobcache] ${msg}\n`);
const now = () => performance.now();
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

function tail(file, lines = 8) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ---- the reader: one process per mount, started before the clock, told when to go --------

/** `--reader`: walks the mount in name order, reads every regular file whole, hashes it. */
function readerMain() {
  const buf = Buffer.allocUnsafe(MiB);
  process.on('message', ({ root }) => {
    const cpu0 = process.cpuUsage();
    const t0 = now();
    const files = [];
    let dirs = 0;
    const walk = (rel) => {
      for (const e of readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const path = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          dirs++;
          walk(path);
        } else if (e.isFile()) {
          const h = createHash('sha256');
          const fd = openSync(join(root, path), 'r');
          let size = 0;
          try {
            for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; size += n) h.update(buf.subarray(0, n));
          } finally {
            closeSync(fd);
          }
          files.push([path, size, h.digest('hex')]);
        }
      }
    };
    try {
      walk('');
      const c = process.cpuUsage(cpu0);
      process.send({ ms: now() - t0, cpu_s: (c.user + c.system) / 1e6, dirs, files }, () => process.exit(0));
    } catch (e) {
      process.send({ error: e.message }, () => process.exit(0));
    }
  });
  process.send({ ready: true });
}

/** Forks a reader; resolves once it is ready, with go(root) -> its result. */
function startReader(cleanup) {
  return new Promise((resolve, reject) => {
    const child = fork(self, ['--reader'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const release = cleanup.add(`reader pid ${child.pid}`, () => stopPidSync(child.pid, 1000));
    let settle = null;
    child.on('message', (m) => {
      if (m.ready) {
        resolve({
          stop: release,
          go: (root) => new Promise((res) => {
            settle = res;
            child.send({ root });
          }),
        });
      } else settle?.({ ...m, at: now() });
    });
    child.on('exit', (code, sig) => {
      release();
      reject(new Error(`reader exited ${code ?? sig} before it was ready`));
      settle?.({ error: `reader exited ${code ?? sig}`, at: now() });
    });
  });
}

/** Differences between a reader's result and the tree's manifest (empty: the mount is right). */
function verify(result, manifest) {
  if (result.error) return [result.error];
  const want = new Map(manifest.files.map((f) => [f.path, f]));
  const bad = [];
  for (const [path, size, hash] of result.files) {
    const f = want.get(path);
    if (!f) bad.push(`${path}: not in the tree`);
    else if (f.size !== size || f.sha256 !== hash) bad.push(`${path}: ${size} bytes, sha256 ${hash.slice(0, 12)}, expected ${f.size} bytes, ${f.sha256.slice(0, 12)}`);
    want.delete(path);
  }
  for (const path of want.keys()) bad.push(`${path}: missing`);
  if (result.dirs !== manifest.dirs) bad.push(`${result.dirs} directories, expected ${manifest.dirs}`);
  return bad;
}

// ---- processes -----------------------------------------------------------------------------

function dropCaches() {
  spawnSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3');
}

/** Pid of our child whose command line mentions `needle` (a test server), or null. */
function serverPid(needle) {
  for (const e of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const st = readFileSync(`/proc/${e}/stat`, 'utf8');
      if (Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]) === process.pid && readFileSync(`/proc/${e}/cmdline`, 'utf8').includes(needle)) return Number(e);
    } catch { /* gone */ }
  }
  return null;
}

/** Busy and total jiffies of all CPUs (/proc/stat), for the machine's load during a phase. */
function machineCpu() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = f[3] + f[4];
  const total = f.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** HTTP over a Unix socket; { status, body, json }. */
function api(sock, method, path, body) {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? null : JSON.stringify(body);
    const req = request({ socketPath: sock, method, path, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => {
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch { /* not JSON */ }
        resolve({ status: res.statusCode, body: text, json });
      });
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error(`${method} ${path}: no answer in 10 s`)));
    req.end(data ?? undefined);
  });
}

/** Spawns `nydus <args>` in its own process group, logging to `logFile`; stopped by pid on every exit path. */
function spawnNydus(args, logFile, cleanup, mnt) {
  const fd = openSync(logFile, 'w');
  let child;
  try {
    const node = (process.env.BENCH_NODE_ARGS || '').split(/\s+/).filter(Boolean);
    child = spawn(process.execPath, [...node, cli, ...args], { stdio: ['ignore', fd, fd], detached: true, cwd: repo });
  } finally {
    closeSync(fd);
  }
  const release = cleanup.add(`nydus ${args[0]} pid ${child.pid}`, () => {
    stopPidSync(child.pid, 10000);
    if (mnt && mountType(mnt)) unmountSync(mnt);
  });
  return { pid: child.pid, child, logFile, mnt, release };
}

/** SIGTERM every process at once, wait for all (10 s, then SIGKILL), unmount what is left. */
async function stopAll(procs) {
  for (const p of procs) if (alive(p.pid)) try { process.kill(p.pid, 'SIGTERM'); } catch { /* gone */ }
  const end = Date.now() + 10000;
  while (procs.some((p) => alive(p.pid)) && Date.now() < end) await sleep(20);
  const late = procs.filter((p) => alive(p.pid));
  for (const p of procs) p.release(); // SIGKILLs the late ones, unmounts leftovers
  if (late.length) log(`pid ${late.map((p) => p.pid).join(', ')} did not exit within 10 s of SIGTERM; killed`);
}

/** Resolves once `check()` is true; throws when the process dies or after `timeoutMs`. */
async function waitUntil(proc, what, check, timeoutMs = 60000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
      throw new Error(`nydus exited ${proc.child.exitCode ?? proc.child.signalCode} before ${what}; ${proc.logFile}:\n${tail(proc.logFile)}`);
    }
    if (await check()) return;
    if (Date.now() > end) throw new Error(`no ${what} after ${timeoutMs / 1000} s; ${proc.logFile}:\n${tail(proc.logFile)}`);
    await sleep(20);
  }
}

const served = (mnt) => {
  if (!(mountType(mnt) || '').startsWith('fuse')) return false;
  try {
    readdirSync(mnt);
    return true;
  } catch {
    return false;
  }
};

// ---- servers -------------------------------------------------------------------------------

/**
 * nginx as a reverse proxy in front of the registry, `limit_rate` per response. nginx lets
 * rate x (whole seconds elapsed + 1) bytes of a response through before it paces, so this binds
 * only on responses longer than a second's worth; there is no total cap in nginx (see startPacer).
 */
async function startLinkProxy(servers, upstreamPort, rate, dir) {
  const { freePort, spawnLogged, waitForPort } = servers;
  const port = await freePort();
  for (const d of ['logs', 'tmp']) mkdirSync(join(dir, d), { recursive: true });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, 'tmp', t)};`).join(' ');
  const conf = `user root;
master_process off;
worker_processes 1;
error_log ${join(dir, 'logs/error.log')} warn;
events { worker_connections 1024; }
http {
  log_format link '$request_method "$request_uri" $status $body_bytes_sent $request_time';
  access_log ${join(dir, 'logs/access.log')} link;
  ${temp}
  upstream registry { server 127.0.0.1:${upstreamPort}; keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://registry;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_buffering off;
      limit_rate ${Math.floor(rate * MiB)};
    }
  }
}
`;
  const confFile = join(dir, 'nginx.conf');
  writeFileSync(confFile, conf);
  const logFile = join(dir, 'logs/access.log');
  writeFileSync(logFile, '');
  const child = spawnLogged('/usr/sbin/nginx', ['-p', dir, '-c', confFile, '-g', `daemon off; pid ${join(dir, 'nginx.pid')};`], join(dir, 'logs/stderr.log'), dir);
  await waitForPort(port, 10000, child, join(dir, 'logs/stderr.log'));
  return {
    port, pid: child.pid,
    /** Bytes and count of the 2xx GETs nginx sent for `digest`. */
    blobGets: (digest) => {
      const out = { bytes: 0, gets: 0 };
      for (const line of readFileSync(logFile, 'utf8').split('\n')) {
        const m = /^GET "(\S+)" (\d+) (\d+)/.exec(line);
        if (m && m[1].endsWith(digest) && m[2].startsWith('2')) {
          out.bytes += Number(m[3]);
          out.gets++;
        }
      }
      return out;
    },
    stop: () => stopPidSync(child.pid, 3000),
  };
}

/**
 * The constrained link itself: a TCP relay in front of nginx. What flows back to the clients is
 * paced, chunk by chunk as read from nginx, by two FIFO clocks: one shared by every connection
 * (`totalRate`, the link; 0: none) and one per connection (`connRate`). A chunk is delivered
 * when both would have finished sending it (serialisation delay, no burst allowance); the
 * connection reads nothing more from nginx meanwhile. Requests go through unpaced.
 */
function startPacer(targetPort, connRate, totalRate) {
  const sockets = new Set();
  let linkFree = 0; // performance.now() at which the shared link has sent everything queued
  let bytes = 0;
  const server = createServer((client) => {
    const up = connect(targetPort, '127.0.0.1');
    let connFree = 0;
    for (const s of [client, up]) {
      s.setNoDelay(true); // paced writes are small and spaced: Nagle would hold them for the peer's delayed ACK
      sockets.add(s);
      s.on('error', () => { client.destroy(); up.destroy(); });
      s.on('close', () => { sockets.delete(s); client.destroy(); up.destroy(); });
    }
    client.pipe(up);
    up.on('data', (chunk) => {
      const t = now();
      if (totalRate) linkFree = Math.max(linkFree, t) + (chunk.length * 1000) / (totalRate * MiB);
      connFree = Math.max(connFree, t) + (chunk.length * 1000) / (connRate * MiB);
      const due = Math.max(totalRate ? linkFree : 0, connFree) - t;
      bytes += chunk.length;
      up.pause();
      setTimeout(() => {
        client.write(chunk);
        up.resume();
      }, Math.max(0, due));
    });
    up.on('end', () => client.end());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      host: `127.0.0.1:${server.address().port}`,
      bytes: () => bytes,
      close: () => {
        server.close();
        for (const s of sockets) s.destroy();
      },
    }));
  });
}

// ---- images --------------------------------------------------------------------------------

/** RAFS v6 zstd image without the blob-toc tail (its id is the blob's SHA-256), cached per tree and builder. */
function ensureImage(benchDir, tree) {
  const dir = join(benchDir, 'images', `blobcache-${tree.hash}-${builderFingerprint(repo)}`);
  const meta = join(dir, 'image.json');
  if (existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8'));
  log(`image: nydus create ${tree.root} --fs-version 6 --compressor zstd --no-blob-toc`);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const out = JSON.parse(run(process.execPath, [cli, 'create', tree.root, '--bootstrap', join(tmp, 'image.boot'), '--blob-dir', join(tmp, 'blobs'),
    '--fs-version', '6', '--compressor', 'zstd', '--no-blob-toc', '--json'], { cwd: repo }));
  if (sha256(readFileSync(join(tmp, 'blobs', out.blob_id))) !== out.blob_id) throw new Error(`the blob of ${tmp} is not named by its SHA-256`);
  const info = { bootstrap: join(dir, 'image.boot'), blob: join(dir, 'blobs', out.blob_id), blob_id: out.blob_id, blob_bytes: out.blob_size, bootstrap_bytes: out.bootstrap_size, chunks: out.chunk_count };
  writeFileSync(join(tmp, 'image.json'), JSON.stringify(info, null, 2));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return info;
}

// ---- one cell: N daemons in one mode on one link -------------------------------------------

async function runCell(ctx, { link, image, tree, n, mode, label }) {
  const { work, logs, cleanup, mnts } = ctx;
  const dir = join(work, label);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const procs = [];
  const readers = [];
  const r = { n, mode };
  try {
    dropCaches();
    const reg0 = ctx.registryGets(image.blob_id);
    const link0 = link.proxy?.blobGets(image.blob_id);
    const paced0 = link.pacer?.bytes();
    const backend = { type: 'registry', registry: { scheme: 'http', host: link.host, repo: REPO, timeout: 30, connect_timeout: 5 } };
    let service = null;
    let sharedSock = null;
    let addEntry = null;
    if (mode === 'service') {
      const t0 = now();
      const sock = join(dir, 'service.sock');
      sharedSock = join(dir, 'shared.sock');
      mkdirSync(join(dir, 'service-cache'));
      service = spawnNydus(['blobcache', '--apisock', sock, '--state-dir', join(dir, 'service-state'), '--shared-sock', sharedSock], join(logs, `${label}-service.log`), cleanup);
      service.sock = sock;
      procs.push(service);
      await waitUntil(service, 'API and shared socket', async () => existsSync(sharedSock) && (await api(sock, 'GET', '/api/v1/daemon').catch(() => ({}))).status === 200);
      addEntry = async () => {
        const put = await api(sock, 'PUT', '/api/v2/blobs', {
          type: 'bootstrap', id: 'bench', domain_id: 'bench',
          config_v2: {
            version: 2, id: 'bench', backend, metadata_path: image.bootstrap,
            cache: { type: 'blobcache', filecache: { work_dir: join(dir, 'service-cache') }, prefetch: { enable: ctx.warm, threads: 4, batch_size: MiB, bandwidth_limit: 0 } },
          },
        });
        if (put.status !== 204) throw new Error(`PUT /api/v2/blobs answered ${put.status} ${put.body}`);
      };
      // Warming starts with the entry: then it is added at "go", so it gets no head start.
      if (!ctx.warm) await addEntry();
      r.service_start_ms = now() - t0;
    }
    const extra = (process.env.BENCH_OURS_ARGS || '').split(/\s+/).filter(Boolean);
    const t0 = now();
    const daemons = Array.from({ length: n }, (_, i) => {
      const cache = join(dir, `cache${i}`);
      mkdirSync(cache);
      const config = join(dir, `config${i}.json`);
      writeFileSync(config, JSON.stringify({
        version: 2, id: `bench-${i}`,
        backend: mode === 'service' ? { type: 'http-proxy', 'http-proxy': { addr: sharedSock, timeout: 30, connect_timeout: 5 } } : backend,
        cache: { type: 'blobcache', filecache: { work_dir: cache } },
        rafs: { mode: 'direct' },
      }));
      const sock = join(dir, `fuse${i}.sock`);
      if (mountType(mnts[i])) unmountSync(mnts[i]);
      const d = spawnNydus(['fuse', '--bootstrap', image.bootstrap, '--config', config, '--mountpoint', mnts[i], '--apisock', sock, ...extra],
        join(logs, `${label}-fuse${i}.log`), cleanup, mnts[i]);
      procs.push(d);
      return Object.assign(d, { sock });
    });
    const started = Promise.all(Array.from({ length: n }, () => startReader(cleanup).then((rd) => (readers.push(rd), rd))));
    started.catch(() => {}); // awaited below, unless a daemon fails first
    await Promise.all(daemons.map((d) => waitUntil(d, `a served mount at ${d.mnt}`, () => served(d.mnt))));
    r.ready_ms = now() - t0;
    const rds = await started;

    // The timed part: every reader at once, until the last one is done.
    // *_main: the main thread alone (JS, the backend clients, the service's HTTP path); the rest
    // of a daemon's CPU is its native threads (FUSE workers, decompression, libuv pool, GC helpers).
    const main = (pid) => `${pid}/task/${pid}`; // cpuSeconds() reads /proc/<arg>/stat
    const pids = {
      daemons: daemons.map((d) => d.pid), daemons_main: daemons.map((d) => main(d.pid)), service: service ? [service.pid] : [], service_main: service ? [main(service.pid)] : [],
      registry: [ctx.registryPid], nginx: link.proxy ? [link.proxy.pid] : [],
    };
    const cpu = (k) => pids[k].reduce((a, p) => a + (cpuSeconds(p) ?? 0), 0);
    const cpu0 = Object.fromEntries(Object.keys(pids).map((k) => [k, cpu(k)]));
    const m0 = machineCpu();
    const self0 = process.cpuUsage(); // the pacer's work: this process is otherwise idle while the readers run
    const go = now();
    const goUs = Number(process.hrtime.bigint() / 1000n);
    if (service && ctx.warm) await addEntry();
    let timer;
    const results = await Promise.race([
      Promise.all(rds.map((rd, i) => rd.go(mnts[i]))),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the readers were not done after ${READ_LIMIT_S} s`)), READ_LIMIT_S * 1000))),
    ]).finally(() => clearTimeout(timer));
    r.read_ms = Math.max(...results.map((x) => x.at)) - go;
    r.window_us = [goUs, goUs + Math.round(r.read_ms * 1000)]; // CLOCK_MONOTONIC, to cut a --cpu-prof of a daemon to the timed part
    const m1 = machineCpu();
    r.cpu_s = Object.fromEntries(Object.keys(pids).map((k) => [k, +(cpu(k) - cpu0[k]).toFixed(2)]));
    r.cpu_s.readers = +results.reduce((a, x) => a + (x.cpu_s ?? 0), 0).toFixed(2);
    const self = process.cpuUsage(self0);
    r.cpu_s.link = +(r.cpu_s.nginx + (link.pacer ? (self.user + self.system) / 1e6 : 0)).toFixed(2);
    r.machine_busy = +((m1.busy - m0.busy) / (m1.total - m0.total)).toFixed(3); // share of all CPUs, other users included
    r.reader_ms = results.map((x) => Math.round(x.ms ?? -1));

    const bad = results.flatMap((x, i) => verify(x, tree.manifest).map((e) => `mount ${i}: ${e}`));
    if (bad.length) r.error = `${bad.length} differences from the tree: ${bad.slice(0, 3).join('; ')}`;
    r.tree_digest = sha256(JSON.stringify(tree.manifest.files.map((f) => [f.path, f.size, f.sha256])));

    // What each daemon and the service fetched, before they stop.
    const backends = await Promise.all(daemons.map((d) => api(d.sock, 'GET', '/api/v1/metrics/backend').then((x) => x.json).catch(() => null)));
    r.daemon_backend = {
      reads: backends.reduce((a, b) => a + (b?.read_count ?? 0), 0),
      bytes: backends.reduce((a, b) => a + (b?.read_amount_total ?? 0), 0),
      latency_ms: backends.reduce((a, b) => a + (b?.read_cumulative_latency_millis_total ?? 0), 0),
    };
    if (service) {
      const m = await api(service.sock, 'GET', '/api/v1/metrics/blobcache').catch(() => null);
      const s = (Array.isArray(m?.json) ? m.json : []).find((f) => f.blob_id === image.blob_id)?.shared;
      if (s) r.service_reads = { backend_reads: s.backend_reads, backend_bytes: s.backend_bytes, served_reads: s.served_reads, served_bytes: s.served_bytes, cache_hit_bytes: s.cache_hit_bytes };
    }
    await stopAll(procs.splice(0));

    // Registry bytes: 2xx GETs of the blob in its access log (lines land just after the responses).
    const expect = r.service_reads?.backend_bytes ?? r.daemon_backend.bytes;
    const gets = () => {
      const g = ctx.registryGets(image.blob_id);
      return { bytes: g.bytes - reg0.bytes, gets: g.gets - reg0.gets };
    };
    for (let end = Date.now() + 3000; gets().bytes !== expect && Date.now() < end;) await sleep(50);
    Object.assign(r, { registry_bytes: gets().bytes, registry_gets: gets().gets });
    if (r.registry_bytes !== expect) r.warning = `the registry log says ${r.registry_bytes} bytes, the ${mode === 'service' ? 'service' : 'daemons'} ${expect}`;
    if (link.proxy) {
      r.nginx_bytes = link.proxy.blobGets(image.blob_id).bytes - link0.bytes;
      r.link_bytes = link.pacer.bytes() - paced0; // headers included
    }
  } catch (e) {
    if (e instanceof Interrupted) throw e;
    r.error = e.message;
  } finally {
    for (const rd of readers) rd.stop(); // a reader still waiting when the cell failed
    await stopAll(procs);
    rmSync(dir, { recursive: true, force: true });
  }
  return r;
}

// ---- main ----------------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (process.getuid() !== 0) throw new UsageError('the blob cache benchmark mounts FUSE and drops the page cache: run it as root (sudo npm run bench:blobcache)');
  const registryJs = join(repo, 'dist/test/servers/registry.js');
  if (!existsSync(registryJs) || !existsSync(join(repo, 'dist/src/daemon/blobcache-controller.js'))) throw new UsageError('dist/ is missing or predates nydus blobcache: run npm run build first');
  const { startRegistry, pushBlob, REGISTRY_BIN } = await import(pathToFileURL(registryJs).href);
  const servers = await import(pathToFileURL(join(repo, 'dist/test/servers/common.js')).href);
  if (!existsSync(REGISTRY_BIN)) throw new UsageError(`${REGISTRY_BIN} missing (apt-get install docker-registry)`);
  if (!existsSync('/dev/fuse')) throw new UsageError('no /dev/fuse');
  const skipped = {};
  let links = opts.links;
  if (links.includes('nginx') && !existsSync('/usr/sbin/nginx')) {
    skipped.nginx = 'install nginx';
    links = links.filter((l) => l !== 'nginx');
  }

  const benchDir = process.env.BENCH_DIR || '/var/tmp/nydus-bench';
  const work = join(benchDir, 'blobcache-work');
  const logs = join(benchDir, 'logs', 'blobcache');
  const maxN = Math.max(...opts.ns);
  const mnts = Array.from({ length: maxN }, (_, i) => join(benchDir, 'mnt', `blobcache${i}`));
  for (const m of mnts) {
    mkdirSync(m, { recursive: true });
    if (mountType(m)) unmountSync(m); // left by an interrupted run
  }
  const cleanup = new Cleanup();
  cleanup.install();
  rmSync(work, { recursive: true, force: true });
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(join(work, 'tmp'), { recursive: true });
  mkdirSync(logs, { recursive: true });
  cleanup.add(`rm -rf ${work}`, () => rmSync(work, { recursive: true, force: true }));
  process.env.TMPDIR = join(work, 'tmp'); // the test servers' temp dirs

  const images = opts.sizes.map((size) => {
    const tree = ensureMixedTree(benchDir, size, log);
    const image = ensureImage(benchDir, tree);
    log(`image ${size} MiB: blob ${(image.blob_bytes / MiB).toFixed(1)} MiB (${image.chunks} chunks), bootstrap ${(image.bootstrap_bytes / 1024).toFixed(0)} KiB`);
    return { size, tree, image };
  });

  const results = {
    bench: 'blobcache', date: new Date().toISOString(),
    host: { kernel: run('uname', ['-r']).trim(), cpus: cpus().length, cpu: cpus()[0]?.model, mem_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg: loadavg().map((x) => +x.toFixed(2)) },
    options: { ...opts, links, ours_args: process.env.BENCH_OURS_ARGS || '' },
    links: {}, images: images.map(({ size, tree, image }) => ({ size_mib: size, tree: tree.counts, blob_bytes: image.blob_bytes, bootstrap_bytes: image.bootstrap_bytes, chunks: image.chunks })),
    cells: [], skipped,
  };

  const registry = await startRegistry({ auth: 'none' });
  const regDir = dirname(registry.logFile);
  const registryPid = serverPid(regDir);
  const releaseRegistry = cleanup.add(`docker-registry ${registry.url}`, () => registryPid && stopPidSync(registryPid, 3000));
  let proxy = null;
  try {
    for (const { image } of images) await pushBlob(registry.url, REPO, readFileSync(image.blob));
    log(`registry ${registry.url}: pushed ${images.length} blob(s) to ${REPO}`);
    results.links = Object.fromEntries(links.map((l) => [l, l === 'nginx'
      ? `${LINKS.nginx}: ${opts.rate} MiB/s per connection${opts.totalRate ? `, ${opts.totalRate} MiB/s for all together` : ''}, no burst`
      : LINKS[l]]));
    const linkCtx = { loopback: { name: 'loopback', host: registry.host } };
    if (links.includes('nginx')) {
      proxy = await startLinkProxy(servers, registry.port, opts.rate, join(work, 'nginx'));
      cleanup.add(`nginx pid ${proxy.pid}`, () => proxy.stop());
      const pacer = await startPacer(proxy.port, opts.rate, opts.totalRate);
      cleanup.add(`pacer ${pacer.host}`, () => pacer.close());
      linkCtx.nginx = { name: 'nginx', host: pacer.host, proxy, pacer };
      log(`link ${pacer.host} -> nginx 127.0.0.1:${proxy.port} -> registry: ${results.links.nginx}`);
    }
    const ctx = {
      work, logs, cleanup, mnts, registryPid, warm: opts.warm,
      registryGets: (id) => {
        const e = registry.blobGets(`sha256:${id}`).filter((x) => x.uri.startsWith(`/v2/${REPO}/`) && x.status >= 200 && x.status < 300);
        return { bytes: e.reduce((a, x) => a + x.written, 0), gets: e.length };
      },
    };
    for (let run = 0; run < opts.runs; run++) {
      for (const link of links) {
        for (const { size, tree, image } of images) {
          for (const n of opts.ns) {
            for (const mode of opts.modes) {
              const label = `${link}-${size}m-n${n}-${mode}`;
              const r = await runCell(ctx, { link: linkCtx[link], image, tree, n, mode, label });
              results.cells.push({ link, size, run: run + 1, ...r });
              log(`run ${run + 1}/${opts.runs} ${label}: ${r.error ? `FAILED ${r.error.split('\n')[0]}` : `read ${(r.read_ms / 1000).toFixed(2)} s, ` +
                `registry ${(r.registry_bytes / MiB).toFixed(1)} MiB in ${r.registry_gets} GETs, CPU daemons ${r.cpu_s.daemons} s service ${r.cpu_s.service} s readers ${r.cpu_s.readers} s, machine ${(r.machine_busy * 100).toFixed(0)}% busy`}`);
              await sleep(0); // let a pending SIGINT handler run
            }
          }
        }
      }
    }
  } finally {
    proxy?.stop();
    await registry.stop().catch(() => {});
    releaseRegistry();
    cleanup.releaseAll();
  }

  const summary = summarize(results, images, opts);
  printReport(results, summary, images);
  const outDir = join(dirname(self), 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'blobcache-latest.json'), JSON.stringify({ ...results, summary }, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify({ bench: 'blobcache', date: results.date, summary })}\n`);
  log(`results: ${join(outDir, 'blobcache-latest.json')}; logs of the last run's daemons: ${logs}`);
  const failed = results.cells.filter((c) => c.error);
  if (failed.length) throw new Error(`${failed.length} cell(s) failed to run or verify (see the report)`);
}

// ---- summary and report --------------------------------------------------------------------

/** Medians per (link, size, mode, N) and the ratios of issue 13. */
function summarize(results, images, opts) {
  const out = {};
  for (const link of Object.keys(results.links)) {
    for (const { size, image } of images) {
      const key = `${link}/${size}m`;
      const s = { blob_bytes: image.blob_bytes, cells: {}, ratios: {} };
      for (const mode of opts.modes) {
        s.cells[mode] = {};
        for (const n of opts.ns) {
          const ok = results.cells.filter((c) => c.link === link && c.size === size && c.mode === mode && c.n === n && !c.error);
          if (!ok.length) continue;
          const med = (f) => median(ok.map(f));
          s.cells[mode][n] = {
            runs: ok.length, read_ms: Math.round(med((c) => c.read_ms)), read_ms_max: Math.round(Math.max(...ok.map((c) => c.read_ms))),
            ready_ms: Math.round(med((c) => c.ready_ms)), registry_bytes: med((c) => c.registry_bytes), registry_gets: med((c) => c.registry_gets),
            cpu_s: Object.fromEntries(Object.keys(ok[0].cpu_s).map((k) => [k, +med((c) => c.cpu_s[k]).toFixed(2)])),
            machine_busy: +med((c) => c.machine_busy).toFixed(2),
            backend_latency_ms: Math.round(med((c) => c.daemon_backend.latency_ms)), backend_reads: med((c) => c.daemon_backend.reads),
            ...(link === 'nginx' ? { link_bytes: med((c) => c.link_bytes), nginx_bytes: med((c) => c.nginx_bytes) } : {}),
          };
        }
        const c = s.cells[mode];
        const lo = Math.min(...opts.ns);
        const hi = Math.max(...opts.ns);
        if (c[lo] && hi > lo) {
          s.ratios[mode] = {
            bytes_vs_n1: Object.fromEntries(opts.ns.filter((n) => c[n]).map((n) => [n, +(c[n].registry_bytes / c[lo].registry_bytes).toFixed(2)])),
            time_hi_vs_lo: c[hi] ? +(c[hi].read_ms / c[lo].read_ms).toFixed(2) : null,
          };
        }
      }
      const d = s.cells.direct;
      const v = s.cells.service;
      if (d && v) {
        s.ratios.service_vs_direct = Object.fromEntries(opts.ns.filter((n) => d[n] && v[n]).map((n) => [n, {
          time: +(v[n].read_ms / d[n].read_ms).toFixed(2), bytes: +(v[n].registry_bytes / d[n].registry_bytes).toFixed(2),
        }]));
      }
      const sr = s.ratios.service;
      if (sr) {
        const hiBytes = Math.max(...Object.values(sr.bytes_vs_n1));
        s.targets = {
          bytes_constant: { value: hiBytes, target: '<= 1.05 (bytes(N)/bytes(1), service)', status: hiBytes <= 1.05 ? 'PASS' : 'MISS' },
          time_hi_vs_lo: { value: sr.time_hi_vs_lo, target: '<= 1.5 (time(max N)/time(min N), service)', status: sr.time_hi_vs_lo == null ? 'SKIP' : sr.time_hi_vs_lo <= 1.5 ? 'PASS' : 'MISS' },
        };
      }
      out[key] = s;
    }
  }
  return out;
}

function printReport(results, summary, images) {
  const out = [];
  const p = (s = '') => out.push(s);
  const pad = (s, n) => String(s).padStart(n);
  const mib = (b) => (b == null ? '-' : (b / MiB).toFixed(1));
  const sec = (ms) => (ms == null ? '-' : (ms / 1000).toFixed(2));
  const x = (v) => (v == null ? '-' : `${v.toFixed(2)}x`);
  const o = results.options;
  p();
  p(`nydus blob cache bench (issue 13) — N nydus fuse daemons reading every file of one image at once; ${o.runs} run(s) per cell, median`);
  for (const { size, tree, image } of images) {
    const k = tree.counts.bytes_by_kind;
    p(`image ${size} MiB: ${tree.counts.files} files (${tree.counts.small} small 0-16 KiB, ${tree.counts.medium} medium, ${tree.counts.large} large) in ${tree.counts.dirs} dirs, ` +
      `${mib(tree.counts.bytes)} MiB (${mib(k.random)} incompressible, ${mib(k.text)} text, ${mib(k.sparse)} sparse); RAFS v6 zstd blob ${mib(image.blob_bytes)} MiB, ${image.chunks} chunks`);
  }
  p(`host: ${results.host.kernel}, ${results.host.cpus} CPUs, ${results.host.mem_gib} GiB, node ${results.host.node}, load ${results.host.loadavg.join(' ')} at the start`);
  p('modes: direct = each daemon has the registry backend; service = one nydus blobcache --shared-sock, daemons on its socket (http-proxy backend),');
  p(`  its entry ${o.warm ? 'with prefetch, added at "go": the service warms the whole blob meanwhile' : 'without prefetch: the service fetches what the daemons ask for'}`);
  p('each cell: fresh cache dirs (and a fresh service), page cache dropped, N daemons started; time = from "go" to N readers until the last has read');
  p('and SHA-256d every file (one reader process per mount); registry = 2xx blob GET bytes in the registry access log during the cell');
  for (const [key, s] of Object.entries(summary)) {
    const [link] = key.split('/');
    p();
    p(`== ${key}: ${results.links[link]}`);
    p(`  ${'N'.padEnd(4)}${'mode'.padEnd(9)}${pad('time s', 8)}${pad('max', 7)}${pad('start s', 9)}${pad('registry MiB', 14)}${pad('x blob', 8)}${pad('GETs', 7)}` +
      `${pad('ms/read', 9)}${pad('CPU s: daemons', 16)}${pad('(main)', 8)}${pad('service', 9)}${pad('(main)', 8)}${pad('readers', 9)}${pad('registry', 10)}${pad('link', 7)}${pad('busy', 6)}`);
    const ns = o.ns;
    for (const n of ns) {
      for (const mode of o.modes) {
        const c = s.cells[mode]?.[n];
        const fails = results.cells.filter((r) => `${r.link}/${r.size}m` === key && r.n === n && r.mode === mode && r.error);
        if (!c) {
          p(`  ${String(n).padEnd(4)}${mode.padEnd(9)}failed: ${(fails[0]?.error ?? 'no run').split('\n')[0].slice(0, 160)}`);
          continue;
        }
        p(`  ${String(n).padEnd(4)}${mode.padEnd(9)}${pad(sec(c.read_ms), 8)}${pad(sec(c.read_ms_max), 7)}${pad(sec(c.ready_ms), 9)}${pad(mib(c.registry_bytes), 14)}` +
          `${pad(x(c.registry_bytes / s.blob_bytes), 8)}${pad(c.registry_gets, 7)}${pad((c.backend_latency_ms / c.backend_reads).toFixed(1), 9)}${pad(c.cpu_s.daemons.toFixed(2), 16)}${pad(c.cpu_s.daemons_main.toFixed(2), 8)}${pad(c.cpu_s.service.toFixed(2), 9)}${pad(c.cpu_s.service_main.toFixed(2), 8)}` +
          `${pad(c.cpu_s.readers.toFixed(2), 9)}${pad(c.cpu_s.registry.toFixed(2), 10)}${pad(c.cpu_s.link.toFixed(2), 7)}${pad(`${Math.round(c.machine_busy * 100)}%`, 6)}` +
          `${fails.length ? `  (${fails.length} failed runs)` : ''}`);
      }
    }
    for (const [mode, r] of Object.entries(s.ratios)) {
      if (mode === 'service_vs_direct') continue;
      p(`  ${mode.padEnd(8)} bytes(N)/bytes(${ns[0]}): ${Object.entries(r.bytes_vs_n1).map(([n, v]) => `N=${n} ${x(v)}`).join(', ')}; time(${ns.at(-1)})/time(${ns[0]}): ${x(r.time_hi_vs_lo)}`);
    }
    if (s.ratios.service_vs_direct && Object.keys(s.ratios.service_vs_direct).length) {
      p(`  service/direct: ${Object.entries(s.ratios.service_vs_direct).map(([n, v]) => `N=${n} time ${x(v.time)} bytes ${x(v.bytes)}`).join('; ')}`);
    }
    for (const [name, t] of Object.entries(s.targets ?? {})) p(`  target ${name}: ${x(t.value)} (${t.target}) ${t.status}`);
    if (link === 'nginx' && o.totalRate) {
      const use = ns.flatMap((n) => Object.entries(s.cells).filter(([, cells]) => cells[n]).map(([mode, cells]) => {
        const c = cells[n];
        return `N=${n} ${mode} ${Math.round((100 * c.link_bytes) / (o.totalRate * MiB * (c.read_ms / 1000)))}%`;
      }));
      p(`  link use (bytes through the relay / (${o.totalRate} MiB/s x time)): ${use.join(', ')}`);
    }
  }
  const errs = results.cells.filter((c) => c.error || c.warning);
  if (errs.length || Object.keys(results.skipped).length) p();
  for (const c of errs) {
    const [first, ...rest] = (c.error ?? c.warning).split('\n');
    p(`  ${c.error ? 'error' : 'warning'}: run ${c.run} ${c.link} ${c.size} MiB N=${c.n} ${c.mode}: ${first}`);
    for (const l of rest.slice(-6)) p(`    | ${l.slice(0, 200)}`);
  }
  for (const [name, why] of Object.entries(results.skipped)) p(`  skipped: link ${name} (${why})`);
  p('  ms/read = the daemons\' summed backend read latency / their backend reads (direct: registry GETs; service: reads on its socket).');
  p('  CPU s = CPU time used during the timed read by the FUSE daemons (all N; (main) = their main threads: JS), the service (likewise), the reader processes (walk, read, SHA-256),');
  p(`  the registry, and the link (nginx + the relay); busy = share of all ${results.host.cpus} CPUs busy meanwhile, other users of the machine included.`);
  p();
  process.stdout.write(out.join('\n') + '\n');
}

if (process.argv[2] === '--reader') readerMain();
else runMain('bench:blobcache', main);
