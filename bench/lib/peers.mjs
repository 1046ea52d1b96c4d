// The peers: each mounts the same tree read-only and returns the directory to measure.
//   native      the source directory itself (reference line)
//   erofs       the kernel's EROFS on our RAFS v6 bootstrap + blob through loop devices
//   squashfuse  squashfuse (high-level libfuse) on a squashfs of the tree
//   squashfuse_ll  squashfuse's low-level variant, when installed (extra line)
//   ours        `nydus fuse --bootstrap B --localfs-dir D --mountpoint M`
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
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
  const { benchDir, repo, tree, image, squashfs, cleanup, log } = ctx;
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

  peers.push({
    name: 'ours',
    note: 'nydus fuse --bootstrap B --localfs-dir D (this repository)',
    check: () => {
      if (!image) return 'no nydus image';
      if (!existsSync('/dev/fuse')) return 'no /dev/fuse';
      return null;
    },
    mount: async () => {
      const dir = mnt('ours');
      prepareMountpoint(dir);
      const logFile = join(logs, 'ours.log');
      const extra = (process.env.BENCH_OURS_ARGS || '').split(/\s+/).filter(Boolean);
      const args = [join(repo, 'bin/run.js'), 'fuse', '--bootstrap', image.bootstrap, '--localfs-dir', image.blobDir, '--mountpoint', dir, ...extra];
      const t0 = performance.now();
      const child = spawnDaemon(process.execPath, args, logFile, { cwd: repo });
      const pid = child.pid;
      const stop = cleanup.add(`nydus fuse pid ${pid}`, () => {
        const clean = stopPidSync(pid, 10000);
        if (mountType(dir)) unmountSync(dir);
        if (!clean) log(`ours: pid ${pid} did not exit within 10 s of SIGTERM; killed`);
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
      return { root: dir, pid, mountMs, rssIdleKiB: rssKiB(pid), logFile, command: `node ${args.join(' ')}`, unmount: stop };
    },
  });

  return peers;
}
