#!/usr/bin/env node
// npm run bench:convert [-- --full | --mixed MIB] [--runs N] [--help]
// Conversion benchmark: the bench tree split into three gzip layers of an OCI image in a
// local docker-registry; `nydus convert` to a nydus image in the same registry. Reports the
// conversion throughput (MiB/s of compressed and uncompressed layer input), the converted
// image's size against the source's compressed size, and the cold start of the converted
// image (fetch its bootstrap, mount lazily, read the startup list) against a `docker pull`
// equivalent of the source (GET every layer, gunzip + untar, read the list) from the same
// registry. Every run starts cold (fresh dirs, page cache dropped). Reports, never asserts.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureMixedTree } from './lib/mixed-tree.mjs';
import { ensureTree, plan, PROFILES } from './lib/tree.mjs';
import { buildBenchtool, childPids, Cleanup, median, mountType, run, runMain, sleep, stopPidSync, unmountSync, UsageError } from './lib/util.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(repo, 'bin/run.js');
const MiB = 1 << 20;
const log = (line) => process.stderr.write(`[bench:convert] ${line}\n`);

function parseArgs(argv) {
  const o = { profile: 'quick', runs: 3, mixed: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.profile = 'quick';
    else if (a === '--full') o.profile = 'full';
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--mixed') o.mixed = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: npm run bench:convert [-- --full | --mixed MIB] [--runs N]\n\n' +
        '  --quick / --full  the bench tree (incompressible file data); --quick is the default\n' +
        '  --mixed MIB       the blob cache bench\'s mixed tree of MIB MiB (random, text-like and sparse files)\n' +
        '  --runs N          conversions and cold starts per peer (default 3; medians are reported)\n\n' +
        'needs root (drop_caches, FUSE) and /usr/bin/docker-registry; BENCH_DIR (default /var/tmp/nydus-bench)\n');
      process.exit(0);
    } else throw new UsageError(`unknown argument ${a}`);
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new UsageError('--runs: a positive integer');
  if (!Number.isInteger(o.mixed) || o.mixed < 0) throw new UsageError('--mixed: a size in MiB');
  return o;
}

const sha256 = (b) => createHash('sha256').update(b).digest('hex');
const fileSha256 = (f) => sha256(readFileSync(f));

function dropCaches() {
  spawnSync('sync');
  writeFileSync('/proc/sys/vm/drop_caches', '3');
}

/**
 * The startup list: 5% of the files under 64 KiB, 5 of up to 4 MiB and 1 larger, picked by a
 * hash of the path. `files`: [{ path, size }].
 */
function startupList(files) {
  const pick = (keep, n) => files.filter(keep).map((f) => ({ path: f.path, h: sha256(`startup:${f.path}`) }))
    .sort((a, b) => (a.h < b.h ? -1 : 1)).slice(0, n).map((f) => f.path);
  const isSmall = (f) => f.size < 64 * 1024;
  const isMedium = (f) => !isSmall(f) && f.size <= 4 * MiB;
  return [...pick(isSmall, Math.ceil(files.filter(isSmall).length * 0.05)), ...pick(isMedium, 5), ...pick((f) => f.size > 4 * MiB, 1)];
}

function readList(root, list) {
  let bytes = 0;
  for (const f of list) bytes += readFileSync(join(root, f)).length;
  return bytes;
}

async function httpGet(url, file) {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  const buf = Buffer.from(await res.arrayBuffer());
  if (file) writeFileSync(file, buf);
  return buf;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (process.getuid() !== 0) throw new UsageError('run as root (drop_caches, FUSE)');
  const registryJs = join(repo, 'dist/test/servers/registry.js');
  const fixtureJs = join(repo, 'dist/test/oci/oci-fixture.js');
  if (!existsSync(registryJs) || !existsSync(fixtureJs)) throw new UsageError('run npm run build:ts first');
  const { startRegistry, pushBlob, REGISTRY_BIN } = await import(pathToFileURL(registryJs).href);
  const { putManifest, getManifest } = await import(pathToFileURL(fixtureJs).href);
  if (!existsSync(REGISTRY_BIN)) throw new UsageError(`${REGISTRY_BIN} missing (apt-get install docker-registry)`);

  const benchDir = process.env.BENCH_DIR || '/var/tmp/nydus-bench';
  const cleanup = new Cleanup();
  cleanup.install();
  const tree = opts.mixed > 0 ? ensureMixedTree(benchDir, opts.mixed, log) : ensureTree(benchDir, opts.profile, buildBenchtool(benchDir), log);
  const treeFiles = opts.mixed > 0 ? tree.manifest.files : plan(PROFILES[opts.profile]).files;
  const treeName = opts.mixed > 0 ? `mixed-${opts.mixed}m` : opts.profile;
  const work = join(benchDir, 'convert-work');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'tmp'), { recursive: true });
  cleanup.add(`rm -rf ${work}`, () => rmSync(work, { recursive: true, force: true }));
  process.env.TMPDIR = join(work, 'tmp');
  const list = startupList(treeFiles);

  // Three layers: the top-level entries dealt round-robin (sorted by name).
  const top = readdirSync(tree.root).sort();
  const layers = [];
  for (let k = 0; k < 3; k++) {
    const names = top.filter((_, i) => i % 3 === k);
    const tar = join(work, `layer${k}.tar`);
    run('tar', ['--sort=name', '--numeric-owner', '--xattrs', '-C', tree.root, '-cf', tar, ...names]);
    const diffId = `sha256:${fileSha256(tar)}`;
    const plainBytes = statSync(tar).size;
    run('gzip', ['-6', '-n', tar]);
    const gz = `${tar}.gz`;
    layers.push({ file: gz, digest: `sha256:${fileSha256(gz)}`, size: statSync(gz).size, diffId, plainBytes });
  }
  const srcBytes = layers.reduce((s, l) => s + l.size, 0);
  const plainBytes = layers.reduce((s, l) => s + l.plainBytes, 0);
  log(`source: 3 gzip layers, ${(srcBytes / MiB).toFixed(1)} MiB (${(plainBytes / MiB).toFixed(1)} MiB of tar)`);

  const registry = await startRegistry({ auth: 'none' });
  const regDir = dirname(registry.logFile);
  cleanup.add(`docker-registry ${registry.url}`, () => {
    for (const pid of childPids(regDir)) stopPidSync(pid, 3000);
    rmSync(regDir, { recursive: true, force: true });
  });
  for (const l of layers) await pushBlob(registry.url, 'bench/src', readFileSync(l.file));
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } }));
  await pushBlob(registry.url, 'bench/src', config);
  const manifest = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${sha256(config)}`, size: config.length },
    layers: layers.map((l) => ({ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: l.digest, size: l.size })),
  }));
  await putManifest(registry.url, 'bench/src', 'v1', 'application/vnd.oci.image.manifest.v1+json', manifest);

  // Conversion: each run into a fresh repository, so every blob is pushed.
  const convertRuns = [];
  let summary = null;
  for (let i = 0; i < opts.runs; i++) {
    dropCaches();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'convert', '--source', `${registry.host}/bench/src:v1`, '--target', `${registry.host}/bench/nydus${i}:v1`, '--json'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`nydus convert failed: ${r.stderr}`);
    summary = JSON.parse(r.stdout);
    convertRuns.push(ms);
    log(`convert run ${i + 1}: ${(ms / 1000).toFixed(2)} s`);
  }
  const convertMs = median(convertRuns);
  const nydusBytes = summary.target_size;

  // Cold start: the converted image lazily vs a full pull of the source.
  const pullRuns = [];
  const lazyRuns = [];
  const mnt = join(work, 'mnt');
  mkdirSync(mnt, { recursive: true });
  for (let i = 0; i < opts.runs; i++) {
    // docker pull equivalent: every layer, gunzip + untar, then the startup list.
    const dir = join(work, `pull${i}`);
    mkdirSync(dir);
    dropCaches();
    let t0 = performance.now();
    for (const l of layers) {
      const gz = await httpGet(`${registry.url}/v2/bench/src/blobs/${l.digest}`);
      const untar = spawnSync('tar', ['-xzf', '-', '-C', dir], { input: gz, maxBuffer: 1 << 30 });
      if (untar.status !== 0) throw new Error(`untar: ${untar.stderr}`);
    }
    readList(dir, list);
    pullRuns.push(performance.now() - t0);
    rmSync(dir, { recursive: true, force: true });

    // nydus: the manifest, the bootstrap layer, a lazy mount with an empty cache, the list.
    const nd = join(work, `nydus${i}`);
    mkdirSync(nd);
    dropCaches();
    t0 = performance.now();
    const m = await getManifest(registry.url, 'bench/nydus0', 'v1');
    const bootLayer = m.json.layers.find((l) => l.annotations?.['containerd.io/snapshot/nydus-bootstrap'] === 'true');
    const tgz = await httpGet(`${registry.url}/v2/bench/nydus0/blobs/${bootLayer.digest}`);
    spawnSync('tar', ['-xzf', '-', '-C', nd], { input: tgz });
    const cfg = join(nd, 'config.json');
    writeFileSync(cfg, JSON.stringify({
      version: 2, backend: { type: 'registry', registry: { scheme: 'http', host: registry.host, repo: 'bench/nydus0' } },
      cache: { type: 'blobcache', filecache: { work_dir: join(nd, 'cache') } }, rafs: { mode: 'direct' },
    }));
    const child = spawn(process.execPath, [cli, 'fuse', '--bootstrap', join(nd, 'image/image.boot'), '--config', cfg, '--mountpoint', mnt], { stdio: 'ignore' });
    const release = cleanup.add(`nydus fuse ${mnt}`, () => { stopPidSync(child.pid); if (mountType(mnt)) unmountSync(mnt); });
    while (mountType(mnt) !== 'fuse.nydus' && mountType(mnt) !== 'fuse') {
      if (child.exitCode !== null) throw new Error('nydus fuse exited');
      await sleep(2);
    }
    readList(mnt, list);
    lazyRuns.push(performance.now() - t0);
    release();
    rmSync(nd, { recursive: true, force: true });
    log(`cold run ${i + 1}: pull ${pullRuns[i].toFixed(0)} ms, nydus lazy ${lazyRuns[i].toFixed(0)} ms`);
  }

  const results = {
    date: new Date().toISOString(),
    tree: treeName,
    runs: opts.runs,
    host: { cpus: cpus().length, node: process.version, loadavg: loadavg().map((x) => +x.toFixed(2)) },
    source: { layers: 3, compressed_bytes: srcBytes, tar_bytes: plainBytes },
    convert: {
      median_ms: +convertMs.toFixed(0),
      runs_ms: convertRuns.map((x) => +x.toFixed(0)),
      mib_per_s_compressed: +(srcBytes / MiB / (convertMs / 1000)).toFixed(1),
      mib_per_s_tar: +(plainBytes / MiB / (convertMs / 1000)).toFixed(1),
    },
    image: { nydus_bytes: nydusBytes, vs_source_compressed: +(nydusBytes / srcBytes).toFixed(4), blobs: summary.platforms[0].blobs.length, bootstrap_layer_bytes: summary.platforms[0].bootstrap_size },
    cold_start: {
      startup_files: list.length,
      pull_ms: +median(pullRuns).toFixed(0),
      nydus_lazy_ms: +median(lazyRuns).toFixed(0),
      ratio: +(median(lazyRuns) / median(pullRuns)).toFixed(3),
    },
  };
  mkdirSync(join(repo, 'bench/results'), { recursive: true });
  writeFileSync(join(repo, 'bench/results', `convert-${treeName}.json`), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `conversion: ${(results.convert.median_ms / 1000).toFixed(2)} s median of ${opts.runs}: ` +
      `${results.convert.mib_per_s_compressed} MiB/s of gzip layers (${results.convert.mib_per_s_tar} MiB/s of tar)\n` +
      `size: nydus image ${(nydusBytes / MiB).toFixed(1)} MiB vs source ${(srcBytes / MiB).toFixed(1)} MiB compressed = ${results.image.vs_source_compressed}x\n` +
      `cold start (${list.length} startup files): pull ${results.cold_start.pull_ms} ms, nydus lazy ${results.cold_start.nydus_lazy_ms} ms = ${results.cold_start.ratio}x\n`,
  );
  cleanup.releaseAll();
}

runMain('bench:convert', main);
