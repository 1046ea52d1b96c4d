// Guest side of `npm run bench:fscache` (bench/fscache.mjs): runs inside the QEMU guest, chrooted
// into the host's root, as `node bench/lib/fscache-guest.mjs SPEC.json`. Reads every file of one
// image through three mounts in the same guest, the page cache dropped before each pass:
//   plain   the kernel's EROFS on loop devices (bootstrap + uncompressed blob on the cache disk);
//   fscache `nydus fscache` + `mount -t erofs -o fsid=` (cold: the first pass, data from the
//           registry; warm: data in the cachefiles objects on the cache disk);
//   fuse    `nydus fuse` with the registry backend and a blob cache on the same disk.
// Prints one `@@bench {json}` line per pass.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { ApiClient } = await import(join(spec.repo, 'dist/src/daemon/api/client.js'));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const report = (v) => process.stdout.write(`@@bench ${JSON.stringify(v)}\n`);

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout.trim();
}

function files(root, rel = '') {
  const out = [];
  for (const name of readdirSync(join(root, rel)).sort()) {
    const r = rel ? `${rel}/${name}` : name;
    const st = statSync(join(root, r), { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...files(root, r));
    else if (st.isFile()) out.push(r);
  }
  return out;
}

/** Reads every regular file once (1 MiB reads); MiB/s over the bytes read. */
function readAll(mnt, list, dropCaches) {
  if (dropCaches) sh('sh', ['-c', 'sync; echo 3 > /proc/sys/vm/drop_caches']);
  const buf = Buffer.allocUnsafe(1 << 20);
  let bytes = 0;
  const t = process.hrtime.bigint();
  for (const f of list) {
    const fd = openSync(join(mnt, f), 'r');
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      bytes += n;
    }
    closeSync(fd);
  }
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  return { bytes, seconds: s, mibps: bytes / (1 << 20) / s };
}

async function waitFor(cond, what, ms = 90_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if (await cond()) return;
    } catch {
      // not yet
    }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const d of ['/run/disk', '/run/nydus', '/run/mnt/plain', '/run/mnt/fscache', '/run/mnt/fuse']) mkdirSync(d, { recursive: true });
sh('mount', ['-t', 'ext4', spec.cacheDevice, '/run/disk']);
for (const d of ['/run/disk/fscache', '/run/disk/plain', '/run/disk/fuse-cache', '/run/disk/work']) mkdirSync(d, { recursive: true });
const runs = spec.runs;
const cli = join(spec.repo, 'bin/run.js');
let list;

// plain EROFS: the bootstrap and the blob copied onto the cache disk, on loop devices.
copyFileSync(spec.bootstrap, '/run/disk/plain/image.boot');
copyFileSync(spec.blobFile, '/run/disk/plain/blob');
const loopBoot = sh('losetup', ['-f', '--show', '-r', '/run/disk/plain/image.boot']);
const loopBlob = sh('losetup', ['-f', '--show', '-r', '/run/disk/plain/blob']);
sh('mount', ['-t', 'erofs', '-o', `ro,device=${loopBlob}`, loopBoot, '/run/mnt/plain']);
list = files('/run/mnt/plain');
for (let i = 0; i < runs; i++) report({ peer: 'plain', pass: 'warm', ...readAll('/run/mnt/plain', list, true) });
for (let i = 0; i < runs; i++) report({ peer: 'plain', pass: 'hot', ...readAll('/run/mnt/plain', list, false) });
sh('umount', ['/run/mnt/plain']);

// fscache
const sock = '/run/nydus/fscache.sock';
const fsc = spawn(process.execPath, [cli, 'fscache', '--fscache', '/run/disk/fscache', '--apisock', sock, '--log-file', '/run/nydus/fscache.log'], { stdio: 'ignore', env: { ...process.env, NYDUS_STATE_DIR: '/run/nydus' } });
const client = new ApiClient(sock);
await waitFor(async () => (await client.info()).state === 'RUNNING', 'nydus fscache RUNNING');
await client.putBlob({
  type: 'bootstrap',
  id: 'bench',
  domain_id: 'bench',
  config: { id: 'bench', backend_type: 'registry', backend_config: spec.backend, cache_type: 'fscache', cache_config: { work_dir: '/run/disk/work' }, metadata_path: spec.bootstrap },
});
sh('mount', ['-t', 'erofs', '-o', 'fsid=bench', 'erofs', '/run/mnt/fscache']);
report({ peer: 'fscache', pass: 'cold', ...readAll('/run/mnt/fscache', list, true) });
for (let i = 0; i < runs; i++) report({ peer: 'fscache', pass: 'warm', ...readAll('/run/mnt/fscache', list, true) });
for (let i = 0; i < runs; i++) report({ peer: 'fscache', pass: 'hot', ...readAll('/run/mnt/fscache', list, false) });
sh('umount', ['/run/mnt/fscache']);
fsc.kill('SIGTERM');
await new Promise((r) => fsc.once('exit', r));

// FUSE
const cfg = '/run/nydus/fuse.json';
writeFileSync(cfg, JSON.stringify({ device: { backend: { type: 'registry', config: spec.backend }, cache: { type: 'blobcache', config: { work_dir: '/run/disk/fuse-cache' } } }, mode: 'direct', digest_validate: false, iostats_files: false }));
const fuse = spawn(process.execPath, [cli, 'fuse', '--config', cfg, '--bootstrap', spec.bootstrap, '--mountpoint', '/run/mnt/fuse', '--apisock', '/run/nydus/fuse.sock', '--log-file', '/run/nydus/fuse.log'], { stdio: 'ignore', env: { ...process.env, NYDUS_STATE_DIR: '/run/nydus' } });
const fclient = new ApiClient('/run/nydus/fuse.sock');
await waitFor(async () => (await fclient.info()).state === 'RUNNING', 'nydus fuse RUNNING');
report({ peer: 'fuse', pass: 'cold', ...readAll('/run/mnt/fuse', list, true) });
for (let i = 0; i < runs; i++) report({ peer: 'fuse', pass: 'warm', ...readAll('/run/mnt/fuse', list, true) });
for (let i = 0; i < runs; i++) report({ peer: 'fuse', pass: 'hot', ...readAll('/run/mnt/fuse', list, false) });
fuse.kill('SIGTERM');
await new Promise((r) => fuse.once('exit', r));
process.stdout.write('@@bench-done\n');
process.exit(0);
