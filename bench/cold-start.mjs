#!/usr/bin/env node
// npm run bench:cold [-- --full] [--runs N] [--peers a,b] [--help]
// Cold-start benchmark: time and bytes fetched to read a container's "startup file list"
// from a registry, lazily through `nydus fuse` (with and without prefetch, and again on a
// warm blob cache) against a plain OCI pull (download the whole gzip layer, unpack it, read
// the files). Every run starts cold: fresh cache/unpack directory, page cache dropped.
// Reports, never asserts: exit 0 even when a peer fails, 1 on a harness error, 2 on a usage
// error or when not root, 130 when interrupted. See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { builderFingerprint } from './lib/images.mjs';
import { ensureTree, plan, PROFILES } from './lib/tree.mjs';
import { alive, buildBenchtool, childPids, Cleanup, Interrupted, median, mountType, run, runMain, sleep, stopPidSync, unmountSync, UsageError, which } from './lib/util.mjs';

const benchSrc = dirname(fileURLToPath(import.meta.url));
const repo = dirname(benchSrc);
const MiB = 1 << 20;
const REPO = 'bench/cold-start';

/** The startup list: a share of the small files, a few medium and large ones. */
const STARTUP = {
  quick: { smallFraction: 0.05, medium: 5, large: 1 },
  full: { smallFraction: 0.05, medium: 10, large: 2 },
};

const PEERS = {
  'oci-pull': 'GET the gzip layer from the registry, gunzip + untar (tar -xzf -) into a fresh dir, read the list',
  'nydus-lazy': 'GET the bootstrap, nydus fuse (registry backend, empty blobcache, no prefetch), read the list',
  'nydus-lazy-plain': 'as nydus-lazy, on the image built without --prefetch-files (startup files scattered over the blob)',
  'nydus-prefetch': 'as nydus-lazy, with rafs.prefetch enabled and --prefetch-files <the list>',
  'nydus-warm': 'nydus fuse again on the bootstrap and blobcache left by nydus-lazy (same run)',
  'nydus-v6-http': 'as nydus-lazy with a RAFS v6 zstd image served by nginx through the http-proxy backend',
};

function parseArgs(argv) {
  const o = { profile: 'quick', runs: 3, peers: null, batchSize: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (name) => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--quick') o.profile = 'quick';
    else if (a === '--full') o.profile = 'full';
    else if (a === '--runs' || a.startsWith('--runs=')) o.runs = Number(val());
    else if (a === '--peers' || a.startsWith('--peers=')) o.peers = String(val()).split(',');
    else if (a === '--batch-size' || a.startsWith('--batch-size=')) o.batchSize = Number(val());
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: npm run bench:cold [-- --full] [--runs N] [--peers ${Object.keys(PEERS).join(',')}]

  --quick          small tree (${PROFILES.quick.small.count + PROFILES.quick.medium.count + PROFILES.quick.large.count} files, >= ${PROFILES.quick.minTotal / MiB} MiB); the default
  --full           the full tree (${PROFILES.full.small.count + PROFILES.full.medium.count + PROFILES.full.large.count} files, >= ${PROFILES.full.minTotal / MiB} MiB)
  --runs N         cold runs per peer (default 3; median and max are reported)
  --peers LIST     only these peers (nydus-warm needs nydus-lazy)
  --batch-size N   rafs.batch_size of the nydus configs (read amplification; default: the config default, 1 MiB)

needs root (drop_caches, FUSE), /usr/bin/docker-registry, and nginx for nydus-v6-http.
environment: BENCH_DIR (default /var/tmp/nydus-bench); BENCH_OURS_ARGS extra flags for 'nydus fuse';
  BENCH_NODE_ARGS extra node flags for the daemon (e.g. --cpu-prof --cpu-prof-dir=DIR)
results: bench/results/cold-start-latest.json\n`);
      process.exit(0);
    } else throw new UsageError(`unknown argument ${a} (see --help)`);
  }
  if (!(o.runs >= 1)) throw new UsageError('--runs wants a positive number');
  if (o.peers) {
    for (const p of o.peers) if (!PEERS[p]) throw new UsageError(`unknown peer ${p} (one of ${Object.keys(PEERS).join(', ')})`);
    if (o.peers.includes('nydus-warm') && !o.peers.includes('nydus-lazy')) throw new UsageError('nydus-warm restarts on the cache of nydus-lazy: add nydus-lazy');
  }
  if (o.batchSize !== null && !(o.batchSize >= 0)) throw new UsageError('--batch-size wants a number of bytes');
  return o;
}

function log(msg) {
  process.stderr.write(`[cold] ${msg}\n`);
}

const short = (msg, n = 400) => (msg.length > n ? `${msg.slice(0, n)}...` : msg).replace(/\s+/g, ' ');
const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const ms = (t0) => performance.now() - t0;

function tail(file, lines = 12) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Images of the tree, cached next to the warm bench's: RAFS v5 (registry) and RAFS v6 (nginx),
 * both built with `--prefetch-files` the startup list (laid out first in the blob, in list
 * order, and in the prefetch table), the plain RAFS v5 image without it, the OCI layer.
 */
function ensureImages(benchDir, tree, { wantV6, wantPlain, startup }) {
  const dir = join(benchDir, 'images', `cold-${tree.hash}-${builderFingerprint(repo)}`);
  mkdirSync(dir, { recursive: true });
  const build = (name, fn) => {
    const meta = join(dir, `${name}.json`);
    if (existsSync(meta)) {
      log(`image ${name}: reusing ${join(dir, name)}`);
      return JSON.parse(readFileSync(meta, 'utf8'));
    }
    const tmp = join(dir, `${name}.tmp`);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(join(dir, name), { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const t0 = performance.now();
    const info = fn(tmp);
    info.build_seconds = +(ms(t0) / 1000).toFixed(1);
    renameSync(tmp, join(dir, name));
    for (const k of Object.keys(info)) if (typeof info[k] === 'string' && info[k].startsWith(tmp)) info[k] = join(dir, name) + info[k].slice(tmp.length);
    writeFileSync(meta, JSON.stringify(info, null, 2));
    return info;
  };
  const rafs = (version, flags) => (tmp) => {
    log(`image rafs-v${version}: nydus create ${flags.join(' ')}`);
    const out = JSON.parse(run(process.execPath, [join(repo, 'bin/run.js'), 'create', tree.root, '--bootstrap', join(tmp, 'image.boot'),
      '--blob-dir', join(tmp, 'blobs'), ...flags, '--json'], { cwd: repo }));
    return { bootstrap: join(tmp, 'image.boot'), blob: join(tmp, 'blobs', out.blob_id), blob_id: out.blob_id, blob_bytes: out.blob_size,
      bootstrap_bytes: out.bootstrap_size, flags: flags.join(' ') };
  };
  const images = {};
  const listText = startup.files.map((f) => `/${f.path}`).join('\n') + '\n';
  const listHash = sha256(listText).slice(0, 12);
  const listFile = join(dir, `startup-${listHash}.txt`);
  writeFileSync(listFile, listText);
  const v5 = ['--fs-version', '5', '--compressor', 'lz4_block', '--digester', 'sha256'];
  images.v5 = build(`rafs-v5-startup-${listHash}`, rafs(5, [...v5, '--prefetch-files', listFile]));
  if (wantPlain) images.v5plain = build('rafs-v5', rafs(5, v5));
  if (wantV6) images.v6 = build(`rafs-v6-startup-${listHash}`, rafs(6, ['--fs-version', '6', '--compressor', 'zstd', '--prefetch-files', listFile]));
  images.layer = build('oci-layer', (tmp) => {
    log(`image oci-layer: tar -C ${tree.root} -czf layer.tar.gz .`);
    const file = join(tmp, 'layer.tar.gz');
    run('tar', ['-C', tree.root, '-czf', file, '.']);
    return { file, digest: sha256(readFileSync(file)), bytes: statSync(file).size };
  });
  for (const [k, v] of Object.entries(images)) {
    for (const f of [v.blob, v.bootstrap, v.file].filter(Boolean)) if (!existsSync(f)) throw new Error(`image ${k}: ${f} missing (remove ${dir} to rebuild)`);
  }
  return { dir, ...images };
}

/** The deterministic startup list: files of the plan ordered by a hash of their path. */
function startupList(profile, tree) {
  const p = plan(PROFILES[profile]);
  const s = STARTUP[profile];
  const byHash = (kind) => p.files.filter((f) => f.kind === kind).map((f) => ({ ...f, h: sha256(`startup:${f.path}`) })).sort((a, b) => (a.h < b.h ? -1 : 1));
  const small = byHash('small');
  const files = [
    ...small.slice(0, Math.ceil(small.length * s.smallFraction)),
    ...byHash('medium').slice(0, s.medium),
    ...byHash('large').slice(0, s.large),
  ].map(({ path, size, kind }) => ({ path, size, kind }));
  for (const f of files) f.sha256 = sha256(readFileSync(join(tree.root, f.path)));
  const count = (kind) => files.filter((f) => f.kind === kind).length;
  const bytes = (kind) => files.filter((f) => !kind || f.kind === kind).reduce((a, f) => a + f.size, 0);
  return {
    files,
    summary: {
      files: files.length, bytes: bytes(), small: count('small'), small_bytes: bytes('small'), medium: count('medium'), medium_bytes: bytes('medium'),
      large: count('large'), large_bytes: bytes('large'), rule: `${s.smallFraction * 100}% of the small files, ${s.medium} medium, ${s.large} large, picked by sha256("startup:"+path)`,
    },
  };
}

function dropCaches() {
  spawnSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3');
}


/** GET url into a file; { bytes }. */
function httpToFile(url, file) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
        return;
      }
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      const out = createWriteStream(file);
      res.pipe(out);
      out.on('finish', () => resolve({ bytes }));
      out.on('error', reject);
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** GET url and stream it into `tar -xzf - -C dir`; { bytes }. */
function httpToTar(url, dir, cleanup) {
  return new Promise((resolve, reject) => {
    const tar = spawn('tar', ['-xzf', '-', '-C', dir], { stdio: ['pipe', 'ignore', 'pipe'] });
    const release = cleanup.add(`tar pid ${tar.pid}`, () => stopPidSync(tar.pid, 2000));
    let err = '';
    let bytes = 0;
    tar.stderr.on('data', (c) => (err += c));
    tar.stdin.on('error', () => { /* tar died: reported by 'close' */ });
    tar.on('close', (code, sig) => {
      release();
      if (code === 0) resolve({ bytes });
      else reject(new Error(`tar -xzf exited ${code ?? sig}: ${err.trim()}`));
    });
    const req = request(url, { agent: false }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        tar.kill();
        reject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
        return;
      }
      res.on('data', (c) => (bytes += c.length));
      res.pipe(tar.stdin);
    });
    req.on('error', (e) => {
      tar.kill();
      reject(e);
    });
    req.end();
  });
}

/** GET over the daemon's API socket; the parsed JSON body. */
function apiGet(sock, path) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: sock, method: 'GET', path }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${body}`));
        else {
          try {
            resolve(JSON.parse(body));
          } catch (e) {
            reject(new Error(`GET ${path}: ${e.message}`));
          }
        }
      });
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error(`GET ${path}: no answer in 10 s`)));
    req.end();
  });
}

async function apiRetry(sock, path, timeoutMs = 5000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await apiGet(sock, path);
    } catch (e) {
      if (Date.now() > end) throw e;
      await sleep(20);
    }
  }
}

/** Wait until `dir` is a FUSE mount that answers readdir (like lib/peers.mjs). */
async function waitForFuse(dir, child, logFile, timeoutMs = 30000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nydus fuse exited ${child.exitCode ?? child.signalCode} before mounting; ${logFile}:\n${tail(logFile)}`);
    }
    if ((mountType(dir) || '').startsWith('fuse')) {
      try {
        readdirSync(dir);
        return;
      } catch { /* not served yet */ }
    }
    await sleep(2);
  }
  throw new Error(`no FUSE mount at ${dir} after ${timeoutMs / 1000} s; ${logFile}:\n${tail(logFile)}`);
}

/** Start `nydus fuse`; resolves once the mount is served. */
async function startDaemon({ bootstrap, config, mnt, sock, logFile, prefetchList, cleanup }) {
  mkdirSync(mnt, { recursive: true });
  if (mountType(mnt)) unmountSync(mnt);
  const extra = (process.env.BENCH_OURS_ARGS || '').split(/\s+/).filter(Boolean);
  const nodeArgs = (process.env.BENCH_NODE_ARGS || '').split(/\s+/).filter(Boolean);
  const args = [...nodeArgs, join(repo, 'bin/run.js'), 'fuse', '--bootstrap', bootstrap, '--config', config, '--mountpoint', mnt, '--apisock', sock,
    ...(prefetchList ? ['--prefetch-files', prefetchList] : []), ...extra];
  const fd = openSync(logFile, 'w');
  const t0 = performance.now();
  let child;
  try {
    child = spawn(process.execPath, args, { stdio: ['ignore', fd, fd], detached: true, cwd: repo });
  } finally {
    closeSync(fd);
  }
  const pid = child.pid;
  const stop = cleanup.add(`nydus fuse pid ${pid}`, () => {
    const clean = stopPidSync(pid, 10000);
    if (mountType(mnt)) unmountSync(mnt);
    if (!clean) log(`nydus fuse pid ${pid} did not exit within 10 s of SIGTERM; killed (log ${logFile})`);
  });
  try {
    await waitForFuse(mnt, child, logFile);
  } catch (e) {
    stop();
    throw e;
  }
  return { pid, child, mountMs: ms(t0), stop, command: `node ${args.join(' ')}` };
}

/** Reads every file of the list fully, in order (timed by the caller); the buffers (checked afterwards) and ms per kind of file. */
function readList(root, files) {
  const byKind = { small: 0, medium: 0, large: 0 };
  const bufs = files.map((f) => {
    const t0 = performance.now();
    const b = readFileSync(join(root, f.path));
    byKind[f.kind] += ms(t0);
    return b;
  });
  return { bufs, byKind };
}

function verify(files, bufs) {
  const bad = [];
  files.forEach((f, i) => {
    if (bufs[i].length !== f.size || sha256(bufs[i]) !== f.sha256) bad.push(`${f.path} (${bufs[i].length} of ${f.size} bytes)`);
  });
  return bad;
}

const ok2xx = (entries) => entries.filter((e) => e.status >= 200 && e.status < 300);
const sumWritten = (entries) => ok2xx(entries).reduce((a, e) => a + e.written, 0);

/** Bytes and count of the 2xx GETs of blob `id` in nginx's access log. */
function nginxGets(nginx, id) {
  const out = { bytes: 0, gets: 0 };
  for (const line of nginx.accessLog()) {
    const m = /^GET "[^"]*\/([0-9a-f]{64})" (\d+) (\d+)/.exec(line);
    if (m && m[1] === id && m[2].startsWith('2')) {
      out.bytes += Number(m[3]);
      out.gets++;
    }
  }
  return out;
}

/** Poll `f` until it returns `want` or is stable for a while (log lines land after the response). */
async function settle(f, want, timeoutMs = 3000) {
  const end = Date.now() + timeoutMs;
  let v = f();
  while (v !== want && Date.now() < end) {
    await sleep(50);
    v = f();
  }
  return v;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (process.getuid() !== 0) throw new UsageError('the cold-start benchmark drops the page cache and mounts FUSE: run it as root (sudo npm run bench:cold)');
  const registryJs = join(repo, 'dist/test/servers/registry.js');
  const nginxJs = join(repo, 'dist/test/servers/nginx.js');
  if (!existsSync(registryJs)) throw new UsageError(`${registryJs} missing: run npm run build:ts first`);
  const { startRegistry, pushBlob, REGISTRY_BIN } = await import(pathToFileURL(registryJs).href);
  const { startNginx, NGINX_BIN } = await import(pathToFileURL(nginxJs).href);
  if (!existsSync(REGISTRY_BIN)) throw new UsageError(`${REGISTRY_BIN} missing (apt-get install docker-registry)`);
  if (!existsSync('/dev/fuse')) throw new UsageError('no /dev/fuse');

  let peers = Object.keys(PEERS).filter((p) => !opts.peers || opts.peers.includes(p));
  const skipped = {};
  if (peers.includes('nydus-v6-http') && !existsSync(NGINX_BIN)) {
    skipped['nydus-v6-http'] = `install nginx (${NGINX_BIN})`;
    log(`skipped: nydus-v6-http (${skipped['nydus-v6-http']})`);
    peers = peers.filter((p) => p !== 'nydus-v6-http');
  }

  const benchDir = process.env.BENCH_DIR || '/var/tmp/nydus-bench';
  mkdirSync(benchDir, { recursive: true });
  const cleanup = new Cleanup();
  cleanup.install();

  const tree = ensureTree(benchDir, opts.profile, buildBenchtool(benchDir), log);
  const startup = startupList(opts.profile, tree);
  const images = ensureImages(benchDir, tree, { wantV6: peers.includes('nydus-v6-http'), wantPlain: peers.includes('nydus-lazy-plain'), startup });
  const su = startup.summary;
  log(`startup list: ${su.files} files, ${(su.bytes / MiB).toFixed(2)} MiB (${su.small} small ${(su.small_bytes / MiB).toFixed(2)} MiB, ` +
    `${su.medium} medium ${(su.medium_bytes / MiB).toFixed(2)} MiB, ${su.large} large ${(su.large_bytes / MiB).toFixed(2)} MiB) of ${tree.counts.files} files, ${(tree.counts.bytes / MiB).toFixed(0)} MiB`);

  // Work area: servers' temp dirs (TMPDIR), per-run caches and unpack dirs, prefetch list, configs.
  const work = join(benchDir, 'cold-work');
  const mnt = join(benchDir, 'mnt', 'cold');
  const logs = join(benchDir, 'logs');
  mkdirSync(logs, { recursive: true });
  mkdirSync(mnt, { recursive: true });
  if (mountType(mnt)) unmountSync(mnt); // left by an interrupted run
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'tmp'), { recursive: true });
  cleanup.add(`rm -rf ${work}`, () => rmSync(work, { recursive: true, force: true }));
  process.env.TMPDIR = join(work, 'tmp');
  const listFile = join(work, 'startup.txt');
  writeFileSync(listFile, startup.files.map((f) => `/${f.path}`).join('\n') + '\n');

  const results = {
    date: new Date().toISOString(),
    profile: opts.profile,
    runs: opts.runs,
    host: { kernel: run('uname', ['-r']).trim(), cpus: cpus().length, cpu: cpus()[0]?.model, mem_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg: loadavg().map((x) => +x.toFixed(2)) },
    tree: { hash: tree.hash, root: tree.root, ...tree.counts },
    startup: { ...su, list: startup.files.map((f) => f.path) },
    images: {
      v5: { ...images.v5 },
      ...(images.v5plain ? { v5plain: { ...images.v5plain } } : {}),
      ...(images.v6 ? { v6: { ...images.v6 } } : {}),
      layer: { ...images.layer },
    },
    config: { batch_size: opts.batchSize ?? 'default (1 MiB)', ours_args: process.env.BENCH_OURS_ARGS || '' },
    peers: {},
    warnings: [],
  };

  log('registry: starting docker-registry (no auth) and pushing the RAFS v5 blob, its bootstrap and the OCI layer');
  const registry = await startRegistry({ auth: 'none' });
  const regDir = dirname(registry.logFile);
  const releaseRegistry = cleanup.add(`docker-registry ${registry.url}`, () => {
    for (const pid of childPids(regDir)) stopPidSync(pid, 3000);
  });
  let nginx = null;
  let releaseNginx = () => {};
  try {
    const push = async (file) => (await pushBlob(registry.url, REPO, readFileSync(file))).replace(/^sha256:/, '');
    const t0 = performance.now();
    const blobDigest = await push(images.v5.blob);
    if (blobDigest !== images.v5.blob_id) throw new Error(`the v5 blob was pushed as ${blobDigest}, its id is ${images.v5.blob_id}`);
    const bootDigest = await push(images.v5.bootstrap);
    const plainDigest = images.v5plain ? await push(images.v5plain.blob) : null;
    const plainBootDigest = images.v5plain ? await push(images.v5plain.bootstrap) : null;
    const layerDigest = await push(images.layer.file);
    if (layerDigest !== images.layer.digest) throw new Error(`the layer was pushed as ${layerDigest}, expected ${images.layer.digest}`);
    log(`registry: ${registry.url}, pushed ${((images.v5.blob_bytes + (images.v5plain?.blob_bytes ?? 0) + images.layer.bytes) / MiB).toFixed(0)} MiB in ${(ms(t0) / 1000).toFixed(1)} s`);
    const blobUrl = (d) => `${registry.url}/v2/${REPO}/blobs/sha256:${d}`;
    const regBytes = (d) => sumWritten(registry.blobGets(`sha256:${d}`));
    const regGets = (d) => {
      const e = registry.blobGets(`sha256:${d}`);
      return { bytes: sumWritten(e), gets: ok2xx(e).length };
    };

    let v6srv = null;
    if (peers.includes('nydus-v6-http')) {
      v6srv = join(work, 'v6srv');
      mkdirSync(v6srv);
      symlinkSync(images.v6.blob, join(v6srv, images.v6.blob_id));
      symlinkSync(images.v6.bootstrap, join(v6srv, 'bootstrap'));
      nginx = await startNginx({ mode: 'blobs', dir: v6srv, prefix: 'blobs' });
      const ngDir = dirname(dirname(nginx.logFile));
      releaseNginx = cleanup.add(`nginx ${nginx.url}`, () => {
        for (const pid of childPids(ngDir)) stopPidSync(pid, 3000);
      });
      log(`nginx: ${nginx.url} serving the RAFS v6 blob and bootstrap`);
    }

    const nydusConfig = (file, cacheDir, backend, prefetch) => {
      writeFileSync(file, JSON.stringify({
        version: 2,
        id: 'cold-start',
        backend,
        cache: { type: 'blobcache', filecache: { work_dir: cacheDir } },
        rafs: { mode: 'direct', ...(opts.batchSize !== null ? { batch_size: opts.batchSize } : {}), ...(prefetch ? { prefetch: { enable: true, prefetch_all: false } } : {}) },
      }, null, 2));
      return file;
    };
    const registryBackend = { type: 'registry', registry: { scheme: 'http', host: registry.host, repo: REPO, timeout: 30, connect_timeout: 5 } };
    const proxyBackend = nginx && { type: 'http-proxy', 'http-proxy': { addr: nginx.url, path: '/blobs', timeout: 30, connect_timeout: 5 } };

    for (const p of peers) results.peers[p] = { note: PEERS[p], runs: [], errors: [] };
    const files = startup.files;

    /** One cold nydus run; `from` carries the bootstrap/cache of an earlier run (warm). */
    const nydusRun = async (name, i, { backend, serverGets, bootUrl, prefetch, from }) => {
      const dir = join(work, `run${i}`, name);
      mkdirSync(dir, { recursive: true });
      const cacheDir = from ? from.cacheDir : join(dir, 'cache');
      mkdirSync(cacheDir, { recursive: true });
      const config = nydusConfig(join(dir, 'config.json'), cacheDir, backend, prefetch);
      const logFile = join(logs, `cold-${name}-run${i + 1}.log`);
      const server0 = serverGets();
      dropCaches();
      const t0 = performance.now();
      let bootstrap = from?.bootstrap;
      let bootstrapBytes = 0;
      let bootstrapMs = 0;
      if (!bootstrap) {
        bootstrap = join(dir, 'image.boot');
        bootstrapBytes = (await httpToFile(bootUrl, bootstrap)).bytes;
        bootstrapMs = ms(t0);
      }
      const sock = join(dir, 'api.sock');
      const d = await startDaemon({ bootstrap, config, mnt, sock, logFile, prefetchList: prefetch ? listFile : null, cleanup });
      const mountMs = ms(t0);
      try {
        const { bufs, byKind } = readList(mnt, files);
        const totalMs = ms(t0);
        const bm = await apiRetry(sock, '/api/v1/metrics/backend');
        const backend0 = bm.read_amount_total;
        const r = {
          total_ms: totalMs, bootstrap_ms: from ? null : bootstrapMs, mount_ms: d.mountMs, read_ms: totalMs - mountMs,
          read_small_ms: byKind.small, read_medium_ms: byKind.medium, read_large_ms: byKind.large,
          bootstrap_bytes: bootstrapBytes, data_bytes: backend0, bytes: bootstrapBytes + backend0, backend_requests: bm.read_count,
          backend_latency_ms: bm.read_cumulative_latency_millis_total,
        };
        if (prefetch) {
          const end = Date.now() + 60000;
          let m;
          for (;;) {
            m = await apiGet(sock, '/api/v1/metrics/blobcache');
            if (m.prefetch_end_time_secs > 0 || Date.now() > end) break;
            await sleep(10);
          }
          const am = await apiGet(sock, '/api/v1/metrics/backend');
          const after = am.read_amount_total;
          r.backend_requests_after_prefetch = am.read_count;
          Object.assign(r, {
            prefetch_done_ms: m.prefetch_end_time_secs > 0 ? ms(t0) : null,
            prefetch_data_amount: m.prefetch_data_amount, prefetch_requests: m.prefetch_requests_count,
            data_bytes_after_prefetch: after, bytes_after_prefetch: bootstrapBytes + after,
          });
          if (!(m.prefetch_end_time_secs > 0)) r.error = 'prefetch did not finish within 60 s';
        }
        const dataNow = r.data_bytes_after_prefetch ?? r.data_bytes;
        r.server_data_bytes = await settle(() => serverGets().bytes - server0.bytes, dataNow);
        r.server_gets = serverGets().gets - server0.gets;
        if (r.server_data_bytes !== dataNow) {
          results.warnings.push(`${name} run ${i + 1}: backend metrics say ${dataNow} bytes, the server log ${r.server_data_bytes}`);
        }
        const bad = verify(files, bufs);
        if (bad.length) r.error = `${bad.length} files differ from the tree: ${bad.slice(0, 3).join(', ')}`;
        r.log = logFile;
        return { r, cacheDir, bootstrap, command: d.command };
      } finally {
        d.stop();
      }
    };

    const broken = new Set();
    for (let i = 0; i < opts.runs; i++) {
      let lazy = null;
      for (const name of peers) {
        const res = results.peers[name];
        if (broken.has(name)) continue;
        try {
          let r;
          if (name === 'oci-pull') {
            const dir = join(work, `run${i}`, 'oci', 'rootfs');
            mkdirSync(dir, { recursive: true });
            const server0 = regBytes(layerDigest);
            dropCaches();
            const t0 = performance.now();
            const { bytes } = await httpToTar(blobUrl(layerDigest), dir, cleanup);
            const pullMs = ms(t0);
            const { bufs, byKind } = readList(dir, files);
            const totalMs = ms(t0);
            r = { total_ms: totalMs, pull_ms: pullMs, read_ms: totalMs - pullMs, read_small_ms: byKind.small, read_medium_ms: byKind.medium, read_large_ms: byKind.large, bytes, server_data_bytes: await settle(() => regBytes(layerDigest) - server0, bytes) };
            if (r.server_data_bytes !== bytes) results.warnings.push(`oci-pull run ${i + 1}: received ${bytes} bytes, the registry log says ${r.server_data_bytes}`);
            const bad = verify(files, bufs);
            if (bad.length) r.error = `${bad.length} files differ from the tree: ${bad.slice(0, 3).join(', ')}`;
          } else if (name === 'nydus-lazy') {
            lazy = await nydusRun(name, i, { backend: registryBackend, serverGets: () => regGets(blobDigest), bootUrl: blobUrl(bootDigest) });
            r = lazy.r;
            res.command = lazy.command;
          } else if (name === 'nydus-lazy-plain') {
            const x = await nydusRun(name, i, { backend: registryBackend, serverGets: () => regGets(plainDigest), bootUrl: blobUrl(plainBootDigest) });
            r = x.r;
            res.command = x.command;
          } else if (name === 'nydus-prefetch') {
            const x = await nydusRun(name, i, { backend: registryBackend, serverGets: () => regGets(blobDigest), bootUrl: blobUrl(bootDigest), prefetch: true });
            r = x.r;
            res.command = x.command;
          } else if (name === 'nydus-warm') {
            if (!lazy) throw new Error(`nydus-lazy failed in run ${i + 1}: no cache to restart on`);
            const x = await nydusRun(name, i, { backend: registryBackend, serverGets: () => regGets(blobDigest), from: lazy });
            r = x.r;
            res.command = x.command;
          } else if (name === 'nydus-v6-http') {
            const x = await nydusRun(name, i, { backend: proxyBackend, serverGets: () => nginxGets(nginx, images.v6.blob_id), bootUrl: `${nginx.url}/blobs/bootstrap` });
            r = x.r;
            res.command = x.command;
          }
          res.runs.push(r);
          if (r.error) res.errors.push(`run ${i + 1}: ${r.error}`);
          log(`run ${i + 1}/${opts.runs} ${name}: ${r.total_ms.toFixed(0)} ms, ${(r.bytes / MiB).toFixed(2)} MiB` +
            `${r.mount_ms !== undefined ? ` (mount ${r.mount_ms.toFixed(0)} ms)` : ''}` +
            `${r.bytes_after_prefetch !== undefined ? `, ${(r.bytes_after_prefetch / MiB).toFixed(2)} MiB once prefetch finished` : ''}${r.error ? ` ERROR ${r.error}` : ''}`);
        } catch (e) {
          if (e instanceof Interrupted) throw e;
          res.errors.push(`run ${i + 1}: ${e.message}`);
          log(`run ${i + 1}/${opts.runs} ${name}: FAILED ${e.message}`);
          if (/before mounting|no FUSE mount/.test(e.message)) broken.add(name); // a daemon that cannot mount will not next time
        }
        await sleep(0); // let a pending SIGINT handler run
      }
      rmSync(join(work, `run${i}`), { recursive: true, force: true });
    }
  } finally {
    await nginx?.stop().catch(() => {});
    releaseNginx();
    await registry.stop().catch(() => {});
    releaseRegistry();
    cleanup.releaseAll();
  }

  // Summaries and the report.
  const stat = (rs, k) => {
    const v = rs.map((r) => r[k]).filter((x) => Number.isFinite(x));
    return v.length ? { median: median(v), max: Math.max(...v), min: Math.min(...v) } : null;
  };
  for (const res of Object.values(results.peers)) {
    const ok = res.runs.filter((r) => !r.error);
    res.ok_runs = ok.length;
    for (const k of ['total_ms', 'mount_ms', 'bootstrap_ms', 'read_ms', 'read_small_ms', 'read_medium_ms', 'read_large_ms', 'pull_ms', 'bytes', 'data_bytes', 'server_data_bytes', 'server_gets', 'backend_requests', 'backend_latency_ms', 'bytes_after_prefetch', 'prefetch_done_ms']) {
      const s = stat(ok, k);
      if (s) res[k] = s;
    }
  }
  const oci = results.peers['oci-pull'];
  for (const [name, res] of Object.entries(results.peers)) {
    if (!oci?.total_ms || !res.total_ms) continue;
    res.vs_oci = { time: res.total_ms.median / oci.total_ms.median, bytes: res.bytes.median / oci.bytes.median };
    if (res.bytes_after_prefetch) res.vs_oci.bytes_after_prefetch = res.bytes_after_prefetch.median / oci.bytes.median;
  }
  results.skipped = skipped;
  results.host.loadavg_end = loadavg().map((x) => +x.toFixed(2));
  printReport(results);
  const outDir = join(benchSrc, 'results');
  mkdirSync(outDir, { recursive: true });
  const text = JSON.stringify(results, null, 2) + '\n';
  writeFileSync(join(outDir, 'cold-start-latest.json'), text);
  writeFileSync(join(outDir, `cold-start-latest-${opts.profile}.json`), text);
  log(`results: ${join(outDir, 'cold-start-latest.json')} (and cold-start-latest-${opts.profile}.json)`);
}

function printReport(results) {
  const out = [];
  const p = (s = '') => out.push(s);
  const mib = (b) => (b == null ? '-' : `${(b / MiB).toFixed(2)} MiB`);
  const msf = (v) => (v == null ? '-' : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  const x = (v) => (v == null ? '-' : `${v.toFixed(v < 0.1 ? 3 : 2)}x`);
  const pad = (s, n) => String(s).padStart(n);
  const padr = (s, n) => String(s).padEnd(n);
  const t = results.tree;
  const s = results.startup;
  p();
  p(`nydus cold-start bench — profile ${results.profile}: tree of ${t.files.toLocaleString('en-US')} files, ${(t.bytes / MiB).toFixed(0)} MiB; ` +
    `${results.runs} cold runs per peer (fresh cache, page cache dropped), median / max`);
  p(`startup list: ${s.files} files, ${mib(s.bytes)} (${s.small} small ${mib(s.small_bytes)}, ${s.medium} medium ${mib(s.medium_bytes)}, ${s.large} large ${mib(s.large_bytes)})`);
  p(`images: OCI layer ${mib(results.images.layer.bytes)} (tar.gz); RAFS v5 lz4_block blob ${mib(results.images.v5.blob_bytes)} + bootstrap ${mib(results.images.v5.bootstrap_bytes)}` +
    `${results.images.v6 ? `; RAFS v6 zstd blob ${mib(results.images.v6.blob_bytes)} + bootstrap ${mib(results.images.v6.bootstrap_bytes)}` : ''}; rafs.batch_size ${results.config.batch_size}`);
  p(`  built with --prefetch-files <the startup list> (laid out first, in list order)${results.images.v5plain ? '; nydus-lazy-plain: the RAFS v5 image built without it' : ''}`);
  p(`host: ${results.host.kernel}, ${results.host.cpus} CPUs, ${results.host.mem_gib} GiB, node ${results.host.node}, load ${results.host.loadavg.join(' ')} at the start, ` +
    `${results.host.loadavg_end.join(' ')} at the end; registry and nginx on 127.0.0.1`);
  p();
  p(`  ${padr('peer', 16)}${pad('time ms', 10)}${pad('max', 8)}${pad('ready ms', 10)}${pad('read ms', 9)}${pad('bytes fetched', 15)}${pad('x oci time', 12)}${pad('x oci bytes', 13)}`);
  for (const [name, r] of Object.entries(results.peers)) {
    if (!r.total_ms) {
      p(`  ${padr(name, 16)}failed: ${short((r.errors[0] ?? 'no run').split('\n')[0], 200)}`);
      continue;
    }
    const mount = r.mount_ms?.median ?? r.pull_ms?.median;
    p(`  ${padr(name, 16)}${pad(msf(r.total_ms.median), 10)}${pad(msf(r.total_ms.max), 8)}${pad(msf(mount), 10)}${pad(msf(r.read_ms?.median), 9)}` +
      `${pad(mib(r.bytes.median), 15)}${pad(name === 'oci-pull' ? '1.00x' : x(r.vs_oci?.time), 12)}${pad(name === 'oci-pull' ? '1.00x' : x(r.vs_oci?.bytes), 13)}` +
      `${r.ok_runs < r.runs.length || r.errors.length ? `  (${r.errors.length} errors)` : ''}`);
  }
  p();
  p('  time = all of it; ready = oci-pull: download + gunzip + untar; nydus: process start until the mount answers readdir');
  p('  (after the bootstrap GET, which is in the time but not in ready); read = reading the list (each file fully).');
  p(`  read ms by kind of file (small / medium / large): ${Object.entries(results.peers).filter(([, r]) => r.read_small_ms)
    .map(([n, r]) => `${n} ${msf(r.read_small_ms.median)} / ${msf(r.read_medium_ms.median)} / ${msf(r.read_large_ms.median)}`).join('; ')}`);
  for (const [name, r] of Object.entries(results.peers)) {
    if (!r.total_ms || !name.startsWith('nydus')) continue;
    const boot = r.bootstrap_ms ? `bootstrap GET ${msf(r.bootstrap_ms.median)} ms (${mib(r.runs[0].bootstrap_bytes)}), ` : 'bootstrap local (from nydus-lazy), ';
    p(`  ${padr(name, 16)}${boot}data ${mib(r.data_bytes.median)} in ${r.backend_requests?.median ?? '-'} backend reads ` +
      `(${msf(r.backend_latency_ms?.median)} ms summed latency) ` +
      `(server log: ${mib(r.server_data_bytes?.median)} in ${r.server_gets?.median ?? '-'} GETs)`);
    if (r.bytes_after_prefetch) {
      p(`  ${padr('', 16)}prefetch finished at ${msf(r.prefetch_done_ms?.median)} ms; then ${mib(r.bytes_after_prefetch.median)} fetched (${x(r.vs_oci?.bytes_after_prefetch)} oci bytes)`);
    }
  }
  for (const [name, why] of Object.entries(results.skipped)) p(`  skipped: ${name} (${why})`);
  const errs = Object.entries(results.peers).flatMap(([n, r]) => r.errors.map((e) => `${n} ${e}`));
  if (errs.length || results.warnings.length) {
    p();
    for (const e of errs) {
      const [first, ...rest] = e.split('\n');
      p(`  error: ${first}`);
      for (const l of rest.slice(-6)) p(`    | ${l.slice(0, 200)}`);
    }
    for (const w of results.warnings) p(`  warning: ${w}`);
  }
  p();
  process.stdout.write(out.join('\n') + '\n');
}

runMain('bench:cold', main);
