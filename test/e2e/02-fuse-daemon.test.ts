// e2e: `nydus fuse` with the real kernel FUSE. Fixture trees and contents through the mount,
// the v6 metadata against the kernel's EROFS mount of the same bootstrap, concurrent readers,
// the HTTP API driving mounts (300 attach/detach cycles, nested remount visible at once),
// EIO for a corrupt chunk with digest validation, bad input refused before anything is
// mounted, and the shutdown paths (SIGTERM, umount -l, exit API).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RafsImage } from '../../src/native/image.js';
import { compareNames, S_IFMT, S_IFREG, walk } from '../../src/inspect/walk.js';
import { describeHostTree, makeTree } from '../builder/tree-fixture.js';
import { mountErofs } from '../erofs-helpers.js';
import { api, isFuseMounted, isRoot, startDaemon, unmountAndRemove, waitForState, type Daemon } from '../daemon-helpers.js';
import { cli, fixture, readExpected, tempDir } from '../helpers.js';

type Node = { type: string; name: string; target?: string; contents?: Node[] };

/** `tree -J`'s shape of a host directory (what expected.result holds). */
function hostTree(dir: string, name = ''): Node {
  const st = lstatSync(dir);
  if (st.isSymbolicLink()) return { type: 'link', name, target: readlinkSync(dir), contents: [] };
  if (!st.isDirectory()) return { type: 'file', name };
  const names = readdirSync(dir).sort(compareNames);
  return { type: 'directory', name, contents: names.map((n) => hostTree(join(dir, n), n)) };
}

function md5(path: string): string {
  return createHash('md5').update(readFileSync(path)).digest('hex');
}

function v1LocalfsConfig(dir: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ device: { backend: { type: 'localfs', config: { dir } }, cache: { type: 'blobcache', config: { work_dir: dir } } }, mode: 'direct', digest_validate: false, ...extra });
}

const skip = !isRoot;
const work = tempDir('nydus-fuse-e2e-');
let n = 0;
function mountpoint(): string {
  const d = join(work, `mnt${n++}`);
  mkdirSync(d);
  return d;
}

test.after(async () => {
  await unmountAndRemove(work);
});

test('v5 fixture: the mounted tree and every file md5 equal expected.result', async () => {
  if (skip) return console.log('  skipped: needs root');
  const mnt = mountpoint();
  const d = await startDaemon(['--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs], mnt);
  try {
    const expected = readExpected(fixture.v5.expected);
    const tree = hostTree(mnt);
    assert.equal(tree, (expected.tree as Node[])[0]);
    assert.ok(expected.md5.size > 10);
    for (const [path, sum] of expected.md5) assert.is(md5(join(mnt, path)), sum, path);
  } finally {
    assert.is(await d.stop(), 0);
  }
  assert.not.ok(isFuseMounted(mnt), 'SIGTERM unmounts');
});

test('v6 image from nydus create: metadata and contents equal the kernel EROFS mount; concurrent readers agree', async () => {
  if (skip) return console.log('  skipped: needs root');
  const src = join(work, 'tree');
  await makeTree(src, { smallFiles: 300, bigFileBytes: 6 << 20 });
  const boot = join(work, 'v6.boot');
  const blobs = join(work, 'v6-blobs');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs, '--compressor', 'none']);
  const blobFile = join(blobs, readdirSync(blobs)[0]);
  const emnt = mountpoint();
  const cleanup = await mountErofs(boot, [blobFile], emnt);
  const mnt = mountpoint();
  let d: Daemon | undefined;
  try {
    d = await startDaemon(['--bootstrap', boot, '--localfs-dir', blobs, '--thread-num', '4'], mnt);
    const ours = describeHostTree(mnt, { content: true });
    const kernel = describeHostTree(emnt, { content: true });
    assert.equal([...ours.keys()], [...kernel.keys()]);
    for (const [path, meta] of kernel) assert.equal(ours.get(path), meta, path);
    // Concurrent readers on every worker: many files read at once from several processes.
    const files = [...kernel.entries()].filter(([, m]) => m.type === 'file').map(([p]) => p.slice(1));
    const sums = async (root: string) => {
      const parts = [0, 1, 2, 3].map((k) => files.filter((_, i) => i % 4 === k));
      const outs = await Promise.all(parts.map((p) => execa('sha256sum', p, { cwd: root })));
      return outs.map((o) => o.stdout).join('\n');
    };
    const want = await sums(emnt);
    const got = await Promise.all([sums(mnt), sums(mnt), Promise.all(files.slice(0, 200).map((f) => readFile(join(mnt, f))))]);
    assert.is(got[0], want);
    assert.is(got[1], want);
  } finally {
    await d?.stop();
    await cleanup();
  }
});

test('v6-zstd fixture: contents through the mount equal the reader', async () => {
  if (skip) return console.log('  skipped: needs root');
  const mnt = mountpoint();
  const d = await startDaemon(['--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs], mnt);
  const image = RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs });
  try {
    let count = 0;
    const reads: Array<Promise<void>> = [];
    walk(image, (e) => {
      if ((e.attr.mode & S_IFMT) !== S_IFREG) return;
      count++;
      reads.push(
        image.read(e.ino, 0, e.attr.size).then((want) => {
          assert.ok(readFileSync(join(mnt, e.path)).equals(want), e.path);
        }),
      );
    });
    await Promise.all(reads);
    assert.ok(count >= 2);
  } finally {
    image.close();
    await d.stop();
  }
});

test('API: daemon info, metrics after reads, 300 attach/detach cycles, nested remount visible at once', async () => {
  if (skip) return console.log('  skipped: needs root');
  const mnt = mountpoint();
  const sock = join(work, 'api-a.sock');
  const d = await startDaemon(['--thread-num', '2'], mnt, sock);
  try {
    const info = await api(sock, 'GET', '/api/v1/daemon');
    assert.is(info.status, 200);
    const body = info.json as { state: string; backend_collection: object; version: { git_commit: string } };
    assert.is(body.state, 'RUNNING');
    assert.equal(body.backend_collection, {});
    const version = await execa(process.execPath, [cli, '--version']);
    assert.match(version.stdout, `Git Commit: \t${body.version.git_commit}`);

    const config = v1LocalfsConfig(fixture.v5.blobs, { iostats_files: true, access_pattern: true, latest_read_files: true });
    const cmd = { source: fixture.v5.bootstrap, fs_type: 'rafs', config };
    const r = await api(sock, 'POST', '/api/v1/mount?mountpoint=%2Fimg', cmd);
    assert.is(r.status, 204, r.body);
    const expected = readExpected(fixture.v5.expected);
    const [firstPath, firstSum] = [...expected.md5][0];
    assert.is(md5(join(mnt, 'img', firstPath)), firstSum);
    const size = statSync(join(mnt, 'img', firstPath)).size;
    const m = (await api(sock, 'GET', '/api/v1/metrics?id=/img')).json as { id: string; data_read: number; fop_hits: number[]; files_account_enabled: boolean };
    assert.is(m.id, '/img');
    assert.is(m.files_account_enabled, true);
    assert.ok(m.data_read >= size && m.fop_hits[4] >= 1, JSON.stringify(m));
    const dup = await api(sock, 'POST', '/api/v1/mount?mountpoint=/img', cmd);
    assert.is(dup.status, 500);
    assert.match(dup.body, 'already exists');
    assert.is((await api(sock, 'GET', '/api/v1/metrics/pattern?id=poison')).status, 404);
    const sb = (await api(sock, 'GET', '/api/v1/daemon/backend?mountpoint=/img')).json as { version: number; sb_size: number; chunk_size: number; root_inode: number };
    assert.equal([sb.version, sb.sb_size, sb.chunk_size, sb.root_inode], [0x500, 8192, 1048576, 1]);
    assert.is((await api(sock, 'GET', '/api/v1/metrics/blobcache?id=/img')).status, 404, 'no blob cache exists yet');
    assert.is((await api(sock, 'DELETE', '/api/v1/mount?mountpoint=/img')).status, 204);

    // 300 cycles: indexes are recycled; each mount serves the right bytes.
    const small = [...expected.md5].find(([p]) => !p.endsWith('.tar'))!;
    for (let i = 0; i < 300; i++) {
      const mp = `/mount-${i}`;
      const a = await api(sock, 'POST', `/api/v1/mount?mountpoint=${encodeURIComponent(mp)}`, cmd);
      assert.is(a.status, 204, `mount ${i}: ${a.body}`);
      assert.is(md5(join(mnt, mp, small[0])), small[1], `cycle ${i}`);
      const u = await api(sock, 'DELETE', `/api/v1/mount?mountpoint=${encodeURIComponent(mp)}`);
      assert.is(u.status, 204, `umount ${i}: ${u.body}`);
    }

    // Nested mountpoint: mount, stat, umount, mount again, stat immediately.
    for (let round = 0; round < 3; round++) {
      assert.is((await api(sock, 'POST', '/api/v1/mount?mountpoint=/a/b/c', cmd)).status, 204);
      assert.ok(statSync(join(mnt, 'a/b/c', firstPath)).isFile(), `round ${round}`);
      assert.is(md5(join(mnt, 'a/b/c', firstPath)), firstSum);
      assert.is((await api(sock, 'DELETE', '/api/v1/mount?mountpoint=/a/b/c')).status, 204);
      assert.ok(statSync(join(mnt, 'a/b/c')).isDirectory(), 'the pseudo directory stays');
      assert.not.ok(existsSync(join(mnt, 'a/b/c', firstPath)), 'detached contents are gone at once');
    }
    const info2 = (await api(sock, 'GET', '/api/v1/daemon')).json as { backend_collection: object };
    assert.equal(info2.backend_collection, {});
  } finally {
    assert.is(await d.stop(), 0);
  }
  assert.not.ok(existsSync(sock), 'the API socket is removed at shutdown');
});

test('digest_validate: a flipped byte gives EIO for that file only', async () => {
  if (skip) return console.log('  skipped: needs root');
  const blobs = join(work, 'corrupt-blobs');
  mkdirSync(blobs);
  for (const f of readdirSync(fixture.v5.blobs)) copyFileSync(join(fixture.v5.blobs, f), join(blobs, f));
  // The v5 fixture stores chunks raw: flip one byte in the chunk at blob offset 1 MiB (layer.tar's second chunk).
  const blob = join(blobs, readdirSync(blobs)[0]);
  const fd = openSync(blob, 'r+');
  const b = Buffer.alloc(1);
  const { readSync } = await import('node:fs');
  readSync(fd, b, 0, 1, 1048576 + 100);
  b[0] ^= 0xff;
  writeSync(fd, b, 0, 1, 1048576 + 100);
  closeSync(fd);
  const cfg = join(work, 'validate.json');
  writeFileSync(cfg, v1LocalfsConfig(blobs, { digest_validate: true }));
  const mnt = mountpoint();
  const d = await startDaemon(['--bootstrap', fixture.v5.bootstrap, '--config', cfg], mnt);
  try {
    const expected = readExpected(fixture.v5.expected);
    let eio = 0;
    for (const [path, sum] of expected.md5) {
      try {
        const data = readFileSync(join(mnt, path));
        assert.is(createHash('md5').update(data).digest('hex'), sum, `${path} must be intact or fail`);
      } catch (err) {
        assert.is((err as NodeJS.ErrnoException).code, 'EIO', path);
        assert.match(path, 'layer.tar');
        eio++;
      }
    }
    assert.ok(eio >= 1, 'the corrupt file fails');
  } finally {
    await d.stop();
  }
});

test('bad config, bad bootstrap, missing mountpoint: exit 1 with a clear message, nothing mounted', async () => {
  if (skip) return console.log('  skipped: needs root');
  const mnt = mountpoint();
  const bad = join(work, 'bad.json');
  writeFileSync(bad, '{"device": {"backend": {"type": "nosuch"}}, "mode": "direct"}');
  const run = (args: string[]) => execa(process.execPath, [cli, 'fuse', ...args], { reject: false });
  const r1 = await run(['--bootstrap', fixture.v5.bootstrap, '--config', bad, '--mountpoint', mnt]);
  assert.is(r1.exitCode, 1);
  assert.match(r1.stderr, 'backend');
  const junk = join(work, 'junk.boot');
  writeFileSync(junk, Buffer.alloc(16384, 7));
  const r2 = await run(['--bootstrap', junk, '--localfs-dir', fixture.v5.blobs, '--mountpoint', mnt]);
  assert.is(r2.exitCode, 1);
  assert.match(r2.stderr, 'junk.boot');
  const r3 = await run(['--bootstrap', fixture.v5.bootstrap, '--mountpoint', mnt]);
  assert.is(r3.exitCode, 1);
  assert.match(r3.stderr, 'both --config and --localfs-dir are missing');
  const r4 = await run(['--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs, '--mountpoint', join(work, 'nope')]);
  assert.is(r4.exitCode, 1);
  const r5 = await run(['--mountpoint', mnt, '--id', 'x']);
  assert.is(r5.exitCode, 2, 'usage error: --id requires --supervisor');
  const r6 = await run(['--mountpoint', mnt, '--thread-num', '0']);
  assert.is(r6.exitCode, 2);
  assert.not.ok(isFuseMounted(mnt));
});

/** The daemon's exit code, or null when it is still running after `ms`. */
async function exitWithin(d: Daemon, ms: number): Promise<number | undefined | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([d.proc.then((r) => r.exitCode), new Promise<null>((res) => (timer = setTimeout(() => res(null), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

test('umount -l makes the daemon exit; exit API leaves without unmounting', async () => {
  if (skip) return console.log('  skipped: needs root');
  const mnt = mountpoint();
  const d = await startDaemon(['--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs], mnt);
  try {
    await execa('umount', ['-l', mnt]);
    // daemon.md §3.4 and §8: after `umount -l` the process must exit within 10 s.
    const code = await exitWithin(d, 10_000);
    assert.ok(code !== null, 'exits within 10 s after umount -l');
    assert.is(code, 0);
  } finally {
    await d.stop();
  }

  const mnt2 = mountpoint();
  const sock = join(work, 'api-exit.sock');
  const d2 = await startDaemon(['--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs], mnt2, sock);
  try {
    const e = await api(sock, 'PUT', '/api/v1/daemon/exit');
    assert.is(e.status, 204);
    // Only turns a hang into a failure; generous for a loaded machine.
    const code = await exitWithin(d2, 30_000);
    assert.ok(code !== null, 'exits after the exit request');
    assert.is(code, 0);
    assert.not.ok(existsSync(sock));
  } finally {
    await d2.stop();
  }
});

test("nydus-snapshotter's command lines (daemon.md §1.13) and nydusd's no-subcommand form", async () => {
  if (skip) return console.log('  skipped: needs root');
  const cfg = join(work, 'snap-config.json');
  writeFileSync(cfg, v1LocalfsConfig(fixture.v5.blobs));
  const logDir = join(work, 'logs');
  // dedicated daemon, flags in the snapshotter's order
  const mnt = mountpoint();
  const sock = join(work, 'snap-api.sock');
  // The snapshotter passes no --state-dir: keep the --id record out of the shared /run/nydus.
  const d = await startDaemon(
    ['--id', 'snap1', '--config', cfg, '--bootstrap', fixture.v5.bootstrap, '--log-level', 'info', '--supervisor', join(work, 'sup.sock'), '--log-file', join(logDir, 'nydusd'), '--failover-policy', 'resend'],
    mnt,
    sock,
    { NYDUS_STATE_DIR: join(work, 'state') },
  );
  try {
    const info = (await api(sock, 'GET', '/api/v1/daemon')).json as { id: string; supervisor: string; backend_collection: Record<string, { config: { backend: { type: string } } }> };
    assert.is(info.id, 'snap1');
    assert.is(info.supervisor, join(work, 'sup.sock'));
    assert.is(info.backend_collection['/'].config.backend.type, 'localfs');
    assert.is((await api(sock, 'GET', '/api/v1/metrics/inflight')).status, 204);
    assert.is((await api(sock, 'PUT', '/api/v1/config?id=%2F', { registry_auth: 'dGVzdDp0ZXN0' })).status, 204);
    assert.equal((await api(sock, 'GET', '/api/v1/config?id=/')).json, { registry_auth: 'dGVzdDp0ZXN0' });
    assert.match(readFileSync(join(logDir, 'nydusd.log'), 'utf8'), 'INFO');
  } finally {
    assert.is(await d.stop(), 0);
  }
  // shared daemon (nothing mounted at start; --thread-num first), started in nydusd's no-subcommand form
  const mnt2 = mountpoint();
  const sock2 = join(work, 'snap-shared.sock');
  const proc = execa(process.execPath, [cli, '--thread-num', '4', '--mountpoint', mnt2, '--apisock', sock2, '--log-level', 'error'], { reject: false });
  try {
    await waitForState(sock2, 'RUNNING');
    const r = await api(sock2, 'POST', '/api/v1/mount?mountpoint=%2Fsid1', { fs_type: 'rafs', source: fixture.v5.bootstrap, config: v1LocalfsConfig(fixture.v5.blobs) });
    assert.is(r.status, 204, r.body);
    assert.ok(readdirSync(join(mnt2, 'sid1')).length > 0);
  } finally {
    proc.kill('SIGTERM');
    assert.is((await proc).exitCode, 0);
  }
  assert.not.ok(isFuseMounted(mnt2));
});

test('nydusd --version format', async () => {
  const r = await execa(process.execPath, [cli, 'fuse', '--version'], { stripFinalNewline: false });
  assert.match(r.stdout, /^nydusd \rVersion: \tv\d+\.\d+\.\d+\nGit Commit: \t\S+\nBuild Time: \t\S+\nProfile: \t\S+\nRustc: \t\t.+\n\n$/);
  const top = await execa(process.execPath, [cli, '-V'], { stripFinalNewline: false });
  assert.is(top.stdout, r.stdout);
});

test.run();
