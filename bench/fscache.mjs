#!/usr/bin/env node
// npm run bench:fscache [-- --mib 96] [--runs 3] [--help]
// Issue 14's figures: in one QEMU guest (the VM tests' kernel, test/vm/harness.ts), sequential
// read throughput of every file of one image through `nydus fscache` (kernel EROFS over
// cachefiles on-demand), through `nydus fuse`, and through the kernel's plain EROFS of the same
// bootstrap and blob on loop devices, the page cache dropped before each pass (cold: the first
// read, data from the registry on the host; warm: data already cached on the guest's disk; hot:
// page cache kept). Ratios against plain EROFS and FUSE in the same run. Reports, never asserts:
// exit 0 when a target is missed, 1 on a harness failure, 2 on a usage error or when not root.
// Needs `npm run build` (dist/) and the VM packages (sh scripts/setup-debian.sh vm).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, runMain, UsageError } from './lib/util.mjs';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (p) => pathToFileURL(join(repo, 'dist', p)).href;
const REPO = 'bench/fscache';

function parseArgs(argv) {
  const o = { mib: 96, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write('npm run bench:fscache [-- --mib N (image data, default 96)] [--runs N (warm/hot passes, default 3)]\n');
      process.exit(0);
    } else if (a === '--mib') o.mib = Number(argv[++i]);
    else if (a === '--runs') o.runs = Number(argv[++i]);
    else throw new UsageError(`unknown argument ${a} (see --help)`);
  }
  if (!(Number.isInteger(o.mib) && o.mib >= 8)) throw new UsageError('--mib wants a number >= 8');
  if (!(Number.isInteger(o.runs) && o.runs >= 1)) throw new UsageError('--runs wants a number >= 1');
  return o;
}

/** A tree of large files (seq read figures) and some small ones, deterministic. */
function makeTree(dir, mib) {
  execFileSync('mkdir', ['-p', join(dir, 'big'), join(dir, 'small')]);
  const big = 4;
  for (let i = 0; i < big; i++) {
    const buf = Buffer.alloc(((mib - 4) << 20) / big);
    let x = 0x9e3779b9 ^ i;
    for (let j = 0; j < buf.length; j += 4) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      buf.writeUInt32LE(x >>> 0, j);
    }
    writeFileSync(join(dir, 'big', `f${i}.bin`), buf);
  }
  for (let i = 0; i < 256; i++) writeFileSync(join(dir, 'small', `s${i}.txt`), `small file ${i}\n`.repeat(1000));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (process.getuid?.() !== 0) throw new UsageError('needs root (QEMU, mounts in the guest): run it with sudo');
  const { guestKernel, makeExt4Image, runGuest } = await import(dist('test/vm/harness.js'));
  const { startRegistry, pushBlob } = await import(dist('test/servers/registry.js'));
  const work = mkdtempSync('/tmp/nydus-bench-fscache-');
  const registry = await startRegistry({});
  try {
    process.stderr.write('bench:fscache: guest kernel...\n');
    await guestKernel();
    const src = join(work, 'tree');
    makeTree(src, o.mib);
    const boot = join(work, 'image.boot');
    const blobs = join(work, 'blobs');
    // Uncompressed, so the plain EROFS peer mounts the very same blob as its device.
    execFileSync(process.execPath, [join(repo, 'bin/run.js'), 'create', src, '--bootstrap', boot, '--blob-dir', blobs, '--no-blob-toc', '--compressor', 'none'], { stdio: 'ignore' });
    const blobFile = join(blobs, readdirSync(blobs)[0]);
    await pushBlob(registry.url, REPO, readFileSync(blobFile));
    const disk = join(work, 'disk.img');
    makeExt4Image(disk, o.mib * 4 + 256);
    const spec = {
      repo,
      runs: o.runs,
      cacheDevice: '/dev/vda',
      bootstrap: boot,
      blobFile,
      backend: { host: `10.0.2.2:${registry.host.split(':')[1]}`, repo: REPO, scheme: 'http', timeout: 30, connect_timeout: 10, retry_limit: 2 },
    };
    const specFile = join(work, 'spec.json');
    writeFileSync(specFile, JSON.stringify(spec));
    process.stderr.write(`bench:fscache: guest run (${o.mib} MiB image, ${o.runs} passes per warm/hot cell)...\n`);
    const load = loadavg()[0];
    const r = await runGuest({ script: `${process.execPath} ${join(repo, 'bench/lib/fscache-guest.mjs')} ${specFile}`, drives: [disk], net: true, memoryMiB: 1536, timeoutMs: 30 * 60_000 });
    if (r.exitCode !== 0 || !r.output.includes('@@bench-done')) throw new Error(`the guest run failed (exit ${r.exitCode}):\n${r.output.split('\n').slice(-30).join('\n')}`);
    const rows = r.output
      .split('\n')
      .map((l) => /^@@bench (.*)$/.exec(l.trim()))
      .filter(Boolean)
      .map((m) => JSON.parse(m[1]));
    const cell = (peer, pass) => median(rows.filter((x) => x.peer === peer && x.pass === pass).map((x) => x.mibps));
    const fmt = (v) => (v === null ? '-' : v.toFixed(1));
    const ratio = (a, b) => (a === null || b === null ? '-' : `${(a / b).toFixed(2)}x`);
    const bytes = rows[0]?.bytes ?? 0;
    process.stdout.write(`\nfscache bench: ${(bytes / (1 << 20)).toFixed(1)} MiB in ${rows.length ? 'every file' : '-'} of one image, read sequentially in 1 MiB reads inside a QEMU TCG guest (2 vCPUs);\n`);
    process.stdout.write(`medians of ${o.runs} passes (cold: 1 pass); host load average at the start ${load.toFixed(2)}\n\n`);
    process.stdout.write('peer      cold MiB/s  warm MiB/s  hot MiB/s\n');
    for (const peer of ['plain', 'fscache', 'fuse']) {
      process.stdout.write(`${peer.padEnd(9)} ${fmt(cell(peer, 'cold')).padStart(10)}  ${fmt(cell(peer, 'warm')).padStart(10)}  ${fmt(cell(peer, 'hot')).padStart(9)}\n`);
    }
    const warmRatio = ratio(cell('fscache', 'warm'), cell('plain', 'warm'));
    process.stdout.write(`\nwarm fscache / plain EROFS: ${warmRatio} (target >= 0.90x)\n`);
    process.stdout.write(`warm FUSE / plain EROFS:    ${ratio(cell('fuse', 'warm'), cell('plain', 'warm'))}\n`);
    process.stdout.write(`warm fscache / warm FUSE:   ${ratio(cell('fscache', 'warm'), cell('fuse', 'warm'))}\n`);
    process.stdout.write(`cold fscache / cold FUSE:   ${ratio(cell('fscache', 'cold'), cell('fuse', 'cold'))}\n`);
    process.stdout.write(`hot fscache / plain EROFS:  ${ratio(cell('fscache', 'hot'), cell('plain', 'hot'))}\n`);
    writeFileSync(join(repo, 'bench/results/fscache-latest.json'), JSON.stringify({ at: new Date().toISOString(), options: o, load, rows }, null, 2));
  } finally {
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

runMain('bench:fscache', main);
