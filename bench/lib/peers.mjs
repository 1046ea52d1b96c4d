// The peers: each mounts the same tree read-only and returns the directory to measure.
//   native      the source directory itself (reference line)
//   erofs       the kernel's EROFS on our RAFS v6 bootstrap + blob through loop devices
//   erofs_file  the same, file-backed (Linux 6.12+): mount(2) of the bootstrap file, device=BLOB file
//   squashfuse  squashfuse (high-level libfuse) on a squashfs of the tree
//   squashfuse_ll  squashfuse's low-level variant, when installed (extra line)
//   ours        `nydus fuse --bootstrap B --localfs-dir D --mountpoint M`
//   ours_zstd   `nydus fuse --bootstrap B --config C` on a zstd image: localfs + blob cache, warmed
//               whole (every file read once) right after mounting, so its data is in B.blob.data
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alive, mountType, run, rssKiB, sleep, stopPidSync, tryRun, unmountSync, which } from './util.mjs';

function tail(file, lines = 8) {
  try {
    return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join(' | ');
  } catch {
    return '';
  }
}

/** Wait until `dir` is a FUSE mount that answers readdir, or the child dies, or time runs out. */
async function waitForFuse(dir, child, logFile, timeoutMs = 30000) {
  const t0 = Date.now();
  let mounted = false;
  while (Date.now() - t0 < timeoutMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited ${child.exitCode ?? child.signalCode} before mounting${tail(logFile) ? `: ${tail(logFile)}` : ''}`);
    }
    if (!mounted) mounted = (mountType(dir) || '').startsWith('fuse');
    if (mounted) {
      try {
        readdirSync(dir);
        return;
      } catch { /* not served yet */ }
    }
    await sleep(2);
  }
  throw new Error(`no FUSE mount at ${dir} after ${timeoutMs / 1000} s${tail(logFile) ? `: ${tail(logFile)}` : ''}`);
}

function prepareMountpoint(dir) {
  mkdirSync(dir, { recursive: true });
  if (mountType(dir)) unmountSync(dir); // stale mount of an earlier, interrupted bench run
}

function spawnDaemon(cmd, args, logFile, opts = {}) {
  const fd = openSync(logFile, 'w');
  try {
    // own process group: a Ctrl-C reaches the bench, whose cleanup stops the daemon in order
    return spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: true, ...opts });
  } finally {
    closeSync(fd);
  }
}

export function makePeers(ctx) {
  const { benchDir, repo, tree, image, zstdImage, squashfs, benchtool, cleanup, log } = ctx;
  const mnt = (name) => join(benchDir, 'mnt', name);
  const logs = join(benchDir, 'logs');
  mkdirSync(logs, { recursive: true });
  const peers = [];

  peers.push({
    name: 'native',
    note: 'source directory on the host filesystem (reference)',
    check: () => null,
    mount: async () => ({ root: tree.root }),
  });

  peers.push({
    name: 'erofs',
    note: 'kernel EROFS, bootstrap + blob on read-only loop devices',
    check: () => {
      if (!which('losetup')) return 'install mount (losetup)';
      if (!image) return 'no nydus image';
      return null;
    },
    mount: async () => {
      const dir = mnt('erofs');
      prepareMountpoint(dir);
      const loops = [];
      const attach = (file) => {
        const dev = run('losetup', ['-f', '--show', '-r', file]).trim();
        loops.push(dev);
        cleanup.add(`losetup -d ${dev}`, () => tryRun('losetup', ['-d', dev]));
        return dev;
      };
      const meta = attach(image.bootstrap);
      const devices = image.blobs.map(attach);
      run('mount', ['-t', 'erofs', '-o', ['ro', ...devices.map((d) => `device=${d}`)].join(','), meta, dir]);
      const release = cleanup.add(`umount ${dir}`, () => unmountSync(dir));
      return { root: dir, loops, unmount: release };
    },
  });

  peers.push({
    name: 'erofs_file',
    note: 'kernel EROFS, file-backed: mount(2) of the bootstrap file with device=<blob file>',
    check: () => {
      if (!image) return 'no nydus image';
      if (!/^\s*(nodev\s+)?erofs$/m.test(readFileSync('/proc/filesystems', 'utf8'))) return 'no erofs in /proc/filesystems';
      return null;
    },
    mount: async () => {
      const dir = mnt('erofs_file');
      prepareMountpoint(dir);
      // util-linux mount(8) puts a regular-file source on a loop device: call mount(2) itself.
      // Without CONFIG_EROFS_FS_BACKED_BY_FILE the kernel refuses (ENOTBLK) and the peer is skipped.
      run(benchtool, ['mount', image.bootstrap, dir, 'erofs', image.blobs.map((b) => `device=${b}`).join(',')]);
      const release = cleanup.add(`umount ${dir}`, () => unmountSync(dir));
      return { root: dir, unmount: release };
    },
  });

  for (const bin of ['squashfuse', 'squashfuse_ll']) {
    peers.push({
      name: bin,
      note: `${bin} -f on a zstd squashfs of the tree`,
      extra: bin === 'squashfuse_ll',
      check: () => {
        if (!which(bin)) return bin === 'squashfuse' ? 'install squashfuse' : `${bin} not installed`;
        if (!squashfs) return 'install squashfs-tools (mksquashfs)';
        if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
        return null;
      },
      mount: async () => {
        const dir = mnt(bin);
        prepareMountpoint(dir);
        const logFile = join(logs, `${bin}.log`);
        const t0 = performance.now();
        const child = spawnDaemon(which(bin), ['-f', squashfs.path, dir], logFile);
        const pid = child.pid;
        const stop = cleanup.add(`${bin} pid ${pid}`, () => {
          if (mountType(dir)) tryRun('fusermount3', ['-u', dir]) || unmountSync(dir);
          const end = Date.now() + 5000;
          while (alive(pid) && Date.now() < end) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          stopPidSync(pid, 5000);
          unmountSync(dir);
        });
        await waitForFuse(dir, child, logFile);
        return { root: dir, pid, mountMs: performance.now() - t0, rssIdleKiB: rssKiB(pid), unmount: stop };
      },
    });
  }

  /** Starts `nydus fuse ARGS --mountpoint M` (plus BENCH_OURS_ARGS) as the peer `name`. */
  async function startOurs(name, args) {
    const dir = mnt(name);
    prepareMountpoint(dir);
    const logFile = join(logs, `${name}.log`);
    const extra = (process.env.BENCH_OURS_ARGS || '').split(/\s+/).filter(Boolean);
    const argv = [join(repo, 'bin/run.js'), 'fuse', ...args, '--mountpoint', dir, ...extra];
    const t0 = performance.now();
    const child = spawnDaemon(process.execPath, argv, logFile, { cwd: repo });
    const pid = child.pid;
    const stop = cleanup.add(`nydus fuse pid ${pid}`, () => {
      const clean = stopPidSync(pid, 10000);
      if (mountType(dir)) unmountSync(dir);
      if (!clean) log(`${name}: pid ${pid} did not exit within 10 s of SIGTERM; killed`);
    });
    try {
      await waitForFuse(dir, child, logFile);
    } catch (e) {
      stop();
      if (/command fuse not found/i.test(e.message) && existsSync(join(repo, 'dist/src/commands/fuse.js'))) {
        e.message += ' [dist/src/commands/fuse.js exists: oclif.manifest.json needs regenerating]';
      }
      throw e;
    }
    const mountMs = performance.now() - t0;
    return { root: dir, pid, mountMs, rssIdleKiB: rssKiB(pid), logFile, command: `node ${argv.join(' ')}`, unmount: stop };
  }

  const fuseCheck = (img) => () => {
    if (!img) return 'no nydus image';
    if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
    return null;
  };

  peers.push({
    name: 'ours',
    note: 'nydus fuse --bootstrap B --localfs-dir D, uncompressed blob (this repository)',
    check: fuseCheck(image),
    mount: () => startOurs('ours', ['--bootstrap', image.bootstrap, '--localfs-dir', image.blobDir]),
  });

  peers.push({
    name: 'ours_zstd',
    note: 'nydus fuse --bootstrap B --config C, zstd blob, localfs + blob cache read whole once (data in B.blob.data)',
    check: fuseCheck(zstdImage),
    mount: async () => {
      const workDir = join(benchDir, 'cache', 'ours_zstd');
      rmSync(workDir, { recursive: true, force: true });
      mkdirSync(workDir, { recursive: true });
      const config = join(benchDir, 'ours_zstd.json');
      writeFileSync(config, JSON.stringify({
        version: 2,
        backend: { type: 'localfs', localfs: { dir: zstdImage.blobDir } },
        cache: { type: 'blobcache', filecache: { work_dir: workDir } },
        rafs: { mode: 'direct' },
      }));
      const m = await startOurs('ours_zstd', ['--bootstrap', zstdImage.bootstrap, '--config', config]);
      // fill the blob cache: every file read once (the cold figures drop the page cache, not B.blob.data)
      const t0 = performance.now();
      const r = JSON.parse(run(benchtool, ['seqread', m.root, tree.lists.files, String(1 << 20), '0']));
      if (r.errors) throw new Error(`warming the blob cache: ${r.errors} read errors`);
      const data = readdirSync(workDir).filter((f) => f.endsWith('.blob.data'));
      if (data.length !== zstdImage.blobs.length) throw new Error(`warming the blob cache: ${data.length} *.blob.data in ${workDir}, want ${zstdImage.blobs.length}`);
      log(`ours_zstd: blob cache warmed (${(r.bytes / 2 ** 20).toFixed(0)} MiB read in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      return m;
    },
  });

  return peers;
}
