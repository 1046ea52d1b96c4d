#!/usr/bin/env node
// npm run bench [-- --quick] [--runs N] [--peers a,b] [--modes warm,cold] [--help]
// Side-by-side benchmark of `nydus fuse` against the kernel's EROFS, squashfuse and the
// native disk on one generated tree, with a warm and with a dropped page cache. Reports, never
// asserts: exit 0 even when targets are missed, nonzero only on a harness error. See bench/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNydusImage, ensureSquashfs } from './lib/images.mjs';
import { makePeers } from './lib/peers.mjs';
import { printReport } from './lib/report.mjs';
import { ensureTree, PROFILES } from './lib/tree.mjs';
import { alive, buildBenchtool, Cleanup, cpuSeconds, Interrupted, median, rssKiB, run, runMain, sleep, UsageError, which } from './lib/util.mjs';

const short = (msg, n = 300) => (msg.length > n ? `${msg.slice(0, n)}...` : msg).replace(/\s+/g, ' ');
import { makeWorkloads } from './lib/workloads.mjs';

const benchSrc = dirname(fileURLToPath(import.meta.url));
const repo = dirname(benchSrc);

const TIMING = {
  full: { runs: 3, minSeconds: 2, randSeconds: 10, randJobs: 2 },
  quick: { runs: 3, minSeconds: 1, randSeconds: 3, randJobs: 2 },
};

function parseArgs(argv) {
  const o = { profile: 'full', runs: null, peers: null, workloads: null, modes: ['warm', 'cold'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.profile = 'quick';
    else if (a === '--full') o.profile = 'full';
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a.startsWith('--runs=')) o.runs = Number(a.slice(7));
    else if (a === '--peers') o.peers = argv[++i].split(',');
    else if (a.startsWith('--peers=')) o.peers = a.slice(8).split(',');
    else if (a === '--workloads') o.workloads = argv[++i].split(',');
    else if (a.startsWith('--workloads=')) o.workloads = a.slice(12).split(',');
    else if (a === '--modes') o.modes = argv[++i].split(',');
    else if (a.startsWith('--modes=')) o.modes = a.slice(8).split(',');
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`usage: npm run bench [-- --quick] [--runs N] [--peers native,erofs,erofs_file,squashfuse,squashfuse_ll,ours,ours_zstd]

  --quick      small tree (${PROFILES.quick.small.count + PROFILES.quick.medium.count + PROFILES.quick.large.count} files, >= ${PROFILES.quick.minTotal >> 20} MiB) and shorter runs, for development
  --runs N     timed runs per workload and peer (default 3; the median is reported)
  --peers LIST only these peers
  --workloads LIST  only these workloads (seqread,randread,randread8,stat,readdir,xattr,smallread)
  --modes LIST only these cache states (warm,cold; default both)

environment: BENCH_DIR (default /var/tmp/nydus-bench) holds the tree, images, mounts, logs;
             BENCH_OURS_ARGS extra flags for 'nydus fuse' (e.g. "--fuse-threads 8")
results: bench/results/latest.json\n`);
      process.exit(0);
    } else throw new UsageError(`unknown argument ${a} (see --help)`);
  }
  if (o.runs !== null && !(o.runs >= 1)) throw new UsageError('--runs wants a positive number');
  if (!o.modes.length || o.modes.some((m) => m !== 'warm' && m !== 'cold')) throw new UsageError('--modes wants warm, cold or warm,cold');
  return o;
}

/** Busy and total CPU ticks of the whole machine (every user), from /proc/stat. */
function cpuTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0); // user..steal (guest time is inside user)
  return { busy: total - f[3] - f[4], total }; // minus idle, iowait
}

/** The machine's load over an interval: call the returned function at its end. */
function loadMeter() {
  const c0 = cpuTicks();
  const l0 = loadavg()[0];
  return () => {
    const c1 = cpuTicks();
    return { cpu_busy: +((c1.busy - c0.busy) / Math.max(1, c1.total - c0.total)).toFixed(3), loadavg1_start: +l0.toFixed(2), loadavg1_end: +loadavg()[0].toFixed(2) };
  };
}

/** Empties the page, dentry and inode caches (the blob files and B.blob.data stay on disk). */
function dropCaches() {
  run('sync', []);
  writeFileSync('/proc/sys/vm/drop_caches', '3');
}

function log(msg) {
  process.stderr.write(`[bench] ${msg}\n`);
}

async function main() {
  const runStart = performance.now(); // the whole run, tree and images included
  const opts = parseArgs(process.argv.slice(2));
  if (process.getuid() !== 0) throw new Error('the benchmark mounts filesystems and loop devices: run it as root');
  const benchDir = process.env.BENCH_DIR || '/var/tmp/nydus-bench';
  mkdirSync(benchDir, { recursive: true });
  const timing = { ...TIMING[opts.profile], ...(opts.runs ? { runs: opts.runs } : {}) };
  const profile = { name: opts.profile, timing };
  const cleanup = new Cleanup();
  cleanup.install();

  const tools = { fio: which('fio'), mksquashfs: which('mksquashfs'), squashfuse: which('squashfuse'), fusermount3: which('fusermount3') };
  const skipped = {};
  const benchtool = buildBenchtool(benchDir);
  const tree = ensureTree(benchDir, opts.profile, benchtool, log);

  const runLoad = loadMeter();
  let image = null;
  try {
    image = ensureNydusImage(benchDir, repo, tree, log);
  } catch (e) {
    log(`image: nydus create failed: ${e.message}`);
    skipped.image = e.message;
  }
  let zstdImage = null;
  try {
    zstdImage = ensureNydusImage(benchDir, repo, tree, log, 'zstd');
  } catch (e) {
    log(`image: nydus create --compressor zstd failed: ${e.message}`);
    skipped.zstdImage = e.message;
  }
  let squashfs = null;
  try {
    squashfs = ensureSquashfs(benchDir, tree, tools.mksquashfs, log);
  } catch (e) {
    log(`squashfs: mksquashfs failed: ${e.message}`);
  }

  const results = {
    date: new Date().toISOString(),
    profile: opts.profile,
    timing,
    host: { kernel: run('uname', ['-r']).trim(), cpus: cpus().length, cpu: cpus()[0]?.model, mem_gib: +(totalmem() / 2 ** 30).toFixed(1), node: process.version, loadavg: loadavg().map((x) => +x.toFixed(2)) },
    tools: Object.fromEntries(Object.entries(tools).map(([k, v]) => [k, v ?? 'missing'])),
    tree: { hash: tree.hash, root: tree.root, ...tree.counts },
    modes: opts.modes,
    image: image && { bootstrap: image.bootstrap, blobs: image.blobs, build_seconds: image.buildSeconds },
    zstd_image: zstdImage && { bootstrap: zstdImage.bootstrap, blobs: zstdImage.blobs, build_seconds: zstdImage.buildSeconds },
    peers: {},
    workloads: {},
  };

  try {
    let peers = makePeers({ benchDir, repo, tree, image, zstdImage, squashfs, benchtool, cleanup, log });
    if (opts.peers) peers = peers.filter((p) => opts.peers.includes(p.name));
    const mounted = [];
    for (const peer of peers) {
      const why = peer.check();
      if (why) {
        const reason = peer.name === 'ours' ? `nydus fuse not available (${why})` : `${peer.name} (${why})`;
        log(`skipped: ${reason}`);
        results.peers[peer.name] = { status: 'skipped', reason, note: peer.note };
        continue;
      }
      try {
        const m = await peer.mount();
        mounted.push({ peer, m });
        results.peers[peer.name] = { status: 'mounted', note: peer.note, root: m.root };
        if (m.pid) Object.assign(results.peers[peer.name], { pid: m.pid, mount_ms: +m.mountMs.toFixed(1), rss_idle_kib: m.rssIdleKiB });
        if (m.command) results.peers[peer.name].command = m.command;
        log(`mounted: ${peer.name} at ${m.root}${m.pid ? ` (pid ${m.pid}, ${m.mountMs.toFixed(0)} ms to a served mount, RSS ${m.rssIdleKiB} KiB)` : ''}`);
      } catch (e) {
        const reason = peer.name === 'ours' ? `nydus fuse not available (${short(e.message)})` : `${peer.name} (${short(e.message)})`;
        log(`skipped: ${reason}`);
        results.peers[peer.name] = { status: 'skipped', reason, note: peer.note };
      }
    }

    let workloads = makeWorkloads({ tree, benchtool, fio: tools.fio, profile, benchDir });
    if (opts.workloads) workloads = workloads.filter((w) => opts.workloads.includes(w.name));
    const broken = new Map(); // peer name -> error that ended its measurements
    const fail = (r, peer, m, wname, e) => {
      if (e instanceof Interrupted) throw e;
      r.failed = short(e.message);
      if (m.pid && !alive(m.pid)) broken.set(peer.name, `daemon died during ${wname}: ${r.failed}`);
    };
    /** `timing.runs` rounds of workload `w` on every peer, peers interleaved; a cold round drops the caches before each peer. */
    const timed = async (w, mode, res) => {
      const load = loadMeter();
      const out = (res[mode] = { peers: {} });
      for (const { peer } of mounted) out.peers[peer.name] = { runs: [], median: null, errors: 0, ...(res.failed?.[peer.name] ? { failed: res.failed[peer.name] } : {}) };
      for (let i = 0; i < timing.runs; i++) {
        for (const { peer, m } of mounted) {
          const r = out.peers[peer.name];
          if (r.failed) continue;
          if (broken.has(peer.name)) { r.failed = broken.get(peer.name); continue; }
          try {
            if (mode === 'cold') dropCaches();
            const cpu0 = m.pid ? cpuSeconds(m.pid) : null;
            const x = mode === 'cold' ? w.cold(m.root) : w.measure(m.root);
            if (cpu0 !== null) (r.daemon_cpu_s ??= []).push(+(cpuSeconds(m.pid) - cpu0).toFixed(2));
            r.runs.push(x.value);
            r.errors += Number(x.errors) || 0;
            (r.details ??= []).push(x.detail);
          } catch (e) {
            fail(r, peer, m, w.name, e);
          }
          await sleep(0); // let a pending SIGINT handler run
        }
        log(`workload ${w.name} (${mode}): run ${i + 1}/${timing.runs} done`);
      }
      for (const r of Object.values(out.peers)) r.median = median(r.runs);
      out.load = load();
    };
    for (const w of workloads) {
      log(`workload ${w.name}: warming ${mounted.length} peers`);
      const res = { title: w.title, unit: w.unit, targets: w.targets, check: {}, failed: {}, warnings: [] };
      results.workloads[w.name] = res;
      for (const { peer, m } of mounted) {
        if (broken.has(peer.name)) { res.failed[peer.name] = broken.get(peer.name); continue; }
        try {
          res.check[peer.name] = w.warm(m.root);
        } catch (e) {
          const r = {};
          fail(r, peer, m, w.name, e);
          res.failed[peer.name] = r.failed;
        }
      }
      const ref = res.check.native;
      for (const [name, c] of Object.entries(res.check)) {
        if (c.errors) res.warnings.push(`${name}: ${c.errors} errors in the warm-up pass`);
        if (ref && name !== 'native') {
          for (const k of Object.keys(ref)) {
            if (k !== 'errors' && ref[k] !== c[k]) res.warnings.push(`${name}: ${k} = ${c[k]}, native has ${ref[k]}`);
          }
        }
      }
      for (const mode of opts.modes) await timed(w, mode, res);
    }

    for (const { peer, m } of mounted) {
      if (!m.pid) continue;
      const info = results.peers[peer.name];
      info.rss_after_kib = rssKiB(m.pid);
      if (broken.has(peer.name)) info.failed = broken.get(peer.name);
    }
  } finally {
    cleanup.releaseAll();
  }

  results.load = runLoad();
  results.seconds = +((performance.now() - runStart) / 1000).toFixed(1);
  const report = printReport(results);
  results.targets = report.targets;
  const outDir = join(benchSrc, 'results');
  mkdirSync(outDir, { recursive: true });
  const text = JSON.stringify(results, null, 2) + '\n';
  writeFileSync(join(outDir, 'latest.json'), text);
  writeFileSync(join(outDir, `latest-${opts.profile}.json`), text);
  log(`results: ${join(outDir, 'latest.json')} (and latest-${opts.profile}.json)`);
}

runMain('bench', main);
