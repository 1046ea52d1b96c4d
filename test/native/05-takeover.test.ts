// Native binding: hot upgrade and failover primitives (daemon spec §5) with the real kernel:
// the §5.2 supervisor socket transfer (both roles, errors), and FuseSession.adopt() of a live
// /dev/fuse connection handed over through it: same mountpoint, same mount id, unchanged
// inode numbers, readdir and reads working; a request queued while nobody serves completes
// after the takeover; a request read but never answered (a dead predecessor) completes only
// after failover('resend'); repeated upgrades under a continuously reading child.
// Needs root and /dev/fuse for the FUSE cases.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, opendirSync, readdirSync, readFileSync, readSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NativeError } from '../../src/errors.js';
import { FuseSession, type NegotiatedInit, type VfsSnapshot } from '../../src/native/fuse.js';
import { RafsImage } from '../../src/native/image.js';
import { closeFd, receiveStateFd, sendStateFd, SupervisorListener } from '../../src/native/supervisor.js';
import { canMountFuse, fixture, perTest, readExpected, tempDir } from '../helpers.js';

const skip = !canMountFuse();
if (skip) console.log('05-takeover: FUSE cases skipped, real FUSE mounts need root and /dev/fuse');
const fuseTest = skip ? test.skip : test;
const track = perTest();

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rejection(p: Promise<unknown>): Promise<NativeError> {
  const err = await p.then(() => null, (e: unknown) => e);
  assert.instance(err, NativeError);
  return err as NativeError;
}

function sameFile(a: number, b: number): boolean {
  const sa = fstatSync(a);
  const sb = fstatSync(b);
  return sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Mount id (first field of /proc/self/mountinfo) of the FUSE mount at `dir`, or undefined. */
function mountIdOf(dir: string): number | undefined {
  let id: number | undefined;
  for (const line of readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
    const f = line.split(' ');
    if (f[4] === dir && line.includes(' - fuse')) id = Number(f[0]);
  }
  return id;
}

/** The state the daemon would save (§5.4), as JSON. */
interface SavedState {
  vfs: VfsSnapshot;
  negotiated: NegotiatedInit;
  conn: number;
  mountpoint: string;
}

function saveState(s: FuseSession): Buffer {
  const negotiated = s.negotiated();
  assert.ok(negotiated, 'INIT done');
  const st: SavedState = { vfs: s.vfsSnapshot(), negotiated: negotiated!, conn: s.connectionId, mountpoint: s.mountpoint };
  return Buffer.from(JSON.stringify(st));
}

/**
 * The successor's restore (§5.5): adopt the fd (consumed on success), failover policy, restore
 * the VFS, attach at the recorded indexes. A failing adopt leaves the fd to us.
 */
function restore(state: Buffer, fd: number, images: Map<string, RafsImage>, policy: 'none' | 'resend' | 'flush' = 'resend'): FuseSession {
  const st = JSON.parse(state.toString()) as SavedState;
  let s: FuseSession;
  try {
    s = FuseSession.adopt({ fd, mountpoint: st.mountpoint, connectionId: st.conn, negotiated: st.negotiated });
  } catch (e) {
    closeFd(fd);
    throw e;
  }
  const fo = s.failover(policy);
  assert.ok(fo.ok, fo.detail);
  s.restoreVfs(st.vfs);
  for (const m of st.vfs.mounts) assert.is(s.attach(m.path, images.get(m.path)!, { index: m.index }), m.index);
  return s;
}

/** Supervisor holds the fd: nydusd sends its state, then stops and releases its session. */
async function saveToSupervisor(s: FuseSession, listener: SupervisorListener, sock: string): Promise<{ state: Buffer; fd: number }> {
  const received = listener.receive(5000);
  await sendStateFd(sock, saveState(s), s.fd);
  const got = await received;
  await s.stop();
  await s.release();
  return got;
}

/** The supervisor serves the takeover; the successor receives and adopts. */
async function takeOver(held: { state: Buffer; fd: number }, listener: SupervisorListener, sock: string, images: Map<string, RafsImage>, policy: 'none' | 'resend' = 'resend'): Promise<FuseSession> {
  const served = listener.send(held.state, held.fd, 5000);
  const got = await receiveStateFd(sock);
  await served;
  assert.ok(got.state.equals(held.state));
  assert.ok(sameFile(got.fd, held.fd));
  return restore(got.state, got.fd, images, policy);
}

/** Exit code and output of a child, or a rejection after `ms`. */
function exited(child: ChildProcess, ms: number): Promise<{ code: number | null; out: Buffer; err: string }> {
  const out: Buffer[] = [];
  let err = '';
  child.stdout?.on('data', (d: Buffer) => out.push(d));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child ${child.spawnargs.join(' ')} still running after ${ms} ms`)), ms);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out: Buffer.concat(out), err });
    });
  });
}

/** SIGKILL to a child (to its whole process group when it leads one) and waits for its exit. */
async function killAndReap(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await gone;
}

/** Last-resort cleanup: lazy unmount when the mount is still there. */
function forceUnmount(dir: string): void {
  if (mountIdOf(dir) === undefined) return;
  try {
    execFileSync('umount', ['-l', dir]);
  } catch {
    // already gone
  }
}

/** One test's rig: a mounted session, a supervisor socket, and whatever the test takes over. */
interface Rig {
  dir: string;
  sock: string;
  listener: SupervisorListener;
  s?: FuseSession;
  next?: FuseSession;
  held?: { state: Buffer; fd: number };
  child?: ChildProcess;
}

/** Runs `fn` on a fresh rig, then releases everything it holds, whatever happened. */
async function withRig(prefix: string, fn: (rig: Rig) => Promise<void>): Promise<void> {
  const dir = tempDir(prefix);
  const work = tempDir('nydus-sup-');
  const sock = join(work, 'supervisor.sock');
  const rig: Rig = { dir, sock, s: FuseSession.mount({ mountpoint: dir }), listener: SupervisorListener.listen(sock) };
  try {
    await fn(rig);
  } finally {
    if (rig.child) await killAndReap(rig.child);
    if (rig.next) await rig.next.unmount();
    if (rig.s) await rig.s.unmount();
    if (rig.held) closeFd(rig.held.fd);
    rig.listener.close();
    forceUnmount(dir);
    rmdirSync(dir);
    rmSync(work, { recursive: true, force: true });
  }
}

// --- the §5.2 transfer alone -----------------------------------------------------------------

test('supervisor socket: 100 KiB state + fd both ways, fd identity, supervisor keeps its fd', async () => {
  const dir = tempDir('nydus-sup-');
  const sock = join(dir, 'supervisor.sock');
  const file = join(dir, 'file');
  writeFileSync(file, 'x');
  const fd = openSync(file, 'r');
  const listener = SupervisorListener.listen(sock);
  try {
    const state = Buffer.alloc(100 * 1024 + 5, 7);
    state.write('head', 0);
    const received = listener.receive(5000);
    await sendStateFd(sock, state, fd);
    const got = await received;
    assert.ok(got.state.equals(state));
    assert.ok(got.fd !== fd && sameFile(got.fd, fd));
    closeSync(fd);
    for (let i = 0; i < 2; i++) {
      const served = listener.send(got.state, got.fd, 5000);
      const back = await receiveStateFd(sock);
      await served;
      assert.ok(back.state.equals(state));
      assert.ok(sameFile(back.fd, got.fd));
      closeFd(back.fd);
    }
    closeFd(got.fd);
    assert.is((() => { try { closeFd(got.fd); return 'closed twice'; } catch (e) { return (e as NativeError).code; } })(), 'EBADF');
  } finally {
    listener.close();
    listener.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('supervisor socket: ENOENT / ECONNREFUSED, EPROTO without fd, ETIMEDOUT, ECANCELED on close, unlink', async () => {
  const dir = tempDir('nydus-sup-');
  const sock = join(dir, 's.sock');
  try {
    assert.is((await rejection(sendStateFd(sock, Buffer.from('x'), 0))).code, 'ENOENT');
    assert.is((await rejection(receiveStateFd(sock))).code, 'ENOENT');
    // A peer that sends bytes but no fd.
    const server = createServer((c) => c.end('no fd here'));
    track({ close: () => new Promise((r) => server.close(r)) });
    await new Promise<void>((r) => server.listen(sock, r));
    const err = await rejection(receiveStateFd(sock));
    assert.is(err.code, 'EPROTO');
    assert.match(err.message, /no fd received/);
    await new Promise<void>((r) => server.close(() => r()));
    const listener = track(SupervisorListener.listen(sock));
    const t0 = Date.now();
    assert.is((await rejection(listener.receive(100))).code, 'ETIMEDOUT');
    assert.ok(Date.now() - t0 >= 90);
    const pending = listener.receive(10_000);
    await sleep(30);
    listener.close();
    assert.is((await rejection(pending)).code, 'ECANCELED');
    assert.throws(() => statSync(sock));
    assert.is((await rejection(listener.receive(10))).code, 'EBADF');
    assert.is((await rejection(sendStateFd(sock, Buffer.from('x'), 0))).code, 'ENOENT');
    assert.match((await rejection(sendStateFd(sock, Buffer.alloc(0), 0))).message, /non-empty/);
    // listen() replaces a stale socket but refuses to remove another kind of file.
    const again = track(SupervisorListener.listen(sock));
    again.close();
    writeFileSync(sock, 'not a socket');
    assert.throws(() => SupervisorListener.listen(sock), (e: unknown) => (e as NativeError).code === 'EEXIST');
    unlinkSync(sock);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// --- takeover with the real kernel -----------------------------------------------------------

fuseTest('takeover: same mountpoint and mount id, unchanged inode numbers, readdir/read work, queued reader completes', async () => {
  const expected = readExpected(fixture.v5.expected);
  const v5 = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const v6 = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
  const images = new Map([['/a/b', v5], ['/c', v6]]);
  await withRig('nydus-takeover-', async (rig) => {
    const { dir, sock, listener } = rig;
    assert.is(rig.s!.attach('/a/b', v5), 1);
    assert.is(rig.s!.attach('/c', v6), 2);
    rig.s!.start(2);
    for (const [path, sum] of expected.md5) assert.is(md5(readFileSync(join(dir, 'a/b', path))), sum, path);
    const mountId = mountIdOf(rig.s!.mountpoint);
    assert.ok(mountId !== undefined);
    const paths = ['', 'a', 'a/b', 'a/b/hardlink-test', 'a/b/hardlink-test/foo', 'c'];
    const inos = paths.map((p) => statSync(join(dir, p)).ino);
    assert.equal(inos.slice(0, 2), [1, 2]);
    const rootList = readdirSync(dir);
    const abList = readdirSync(join(dir, 'a/b')).sort();
    // A directory stream opened before the upgrade and read across it.
    const stream = opendirSync(join(dir, 'a/b'));
    const firstEntry = stream.readSync()?.name;
    assert.ok(firstEntry);
    // A v6 file never touched before: its read must go to the server.
    const v6File = v6.readdir(v6.rootIno).find((e) => e.name !== '.' && e.name !== '..' && (v6.getattr(e.ino).mode & 0o170000) === 0o100000);
    assert.ok(v6File, 'a regular file at the v6 root');
    const v6Want = await v6.read(v6File!.ino, 0, v6.getattr(v6File!.ino).size);

    rig.held = await saveToSupervisor(rig.s!, listener, sock);
    assert.is(rig.s!.fd, -1);
    rig.s = undefined;
    // Nobody serves now: this reader's requests queue in the kernel.
    rig.child = spawn('cat', [join(dir, 'c', v6File!.name)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const done = exited(rig.child, 10_000);
    await sleep(200);
    assert.is(rig.child.exitCode, null, 'the reader waits while nobody serves');

    rig.next = await takeOver(rig.held, listener, sock, images);
    assert.is(rig.next.mountpoint, dir);
    assert.ok(rig.next.initialized());
    rig.next.start(2);
    const r = await done;
    rig.child = undefined;
    assert.is(r.code, 0, r.err);
    assert.ok(r.out.equals(v6Want), 'queued read answered by the successor');

    assert.is(mountIdOf(dir), mountId);
    assert.equal(paths.map((p) => statSync(join(dir, p)).ino), inos);
    assert.equal(readdirSync(dir), rootList);
    assert.equal(readdirSync(join(dir, 'a/b')).sort(), abList);
    const rest: string[] = [firstEntry!];
    for (let e = stream.readSync(); e; e = stream.readSync()) rest.push(e.name);
    stream.closeSync();
    assert.equal(rest.sort(), abList);
    for (const [path, sum] of expected.md5) assert.is(md5(readFileSync(join(dir, 'a/b', path))), sum, path);
    assert.equal(rig.next.mounts(), [{ path: '/a/b', index: 1 }, { path: '/c', index: 2 }]);
    // The successor's own snapshot equals the predecessor's (the next sendfd re-sends the same tree).
    const before = (JSON.parse(rig.held.state.toString()) as SavedState).vfs;
    assert.equal(rig.next.vfsSnapshot(), before);
    assert.is(rig.next.negotiated()?.kernelMajor, 7);
    assert.ok((rig.next.negotiated()?.kernelMinor ?? 0) >= 33);
    // restoreVfs refuses while images are attached.
    assert.throws(() => rig.next!.restoreVfs(before), (e: unknown) => (e as NativeError).code === 'EBUSY');
  });
});

fuseTest('failover: a request read but never answered completes only after failover("resend")', async () => {
  const v5 = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const images = new Map([['/', v5]]);
  const expected = readExpected(fixture.v5.expected);
  await withRig('nydus-failover-', async (rig) => {
    const { dir, sock, listener } = rig;
    rig.s!.attach('/', v5);
    rig.s!.start(2);
    assert.ok(statSync(join(dir, 'hardlink-test')).isDirectory());
    const rootIno = statSync(dir).ino;
    rig.held = await saveToSupervisor(rig.s!, listener, sock);
    rig.s = undefined;

    // A reader whose first request gets read by a "process" that then dies without answering.
    const strand = (file: string): { done: ReturnType<typeof exited>; child: ChildProcess } => {
      const c = spawn('md5sum', [join(dir, file)], { stdio: ['ignore', 'pipe', 'pipe'] });
      const done = exited(c, 15_000);
      const buf = Buffer.alloc((1 << 20) + 8192);
      const wait = new Int32Array(new SharedArrayBuffer(4));
      let n = 0;
      const t0 = Date.now();
      // Only a bound on waiting for md5sum's first request; generous for a loaded machine.
      while (n === 0 && Date.now() - t0 < 15_000) {
        try {
          n = readSync(rig.held!.fd, buf, 0, buf.length, null);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
          Atomics.wait(wait, 0, 0, 5);
        }
      }
      assert.ok(n >= 40, 'read one request from /dev/fuse');
      assert.is(buf.readBigUInt64LE(8) >> 63n, 0n, 'a fresh request has no resend bit');
      return { done, child: c };
    };
    const files = [...expected.md5].filter(([p]) => p.startsWith('/normal-file-test/'));
    let stranded = strand(files[0][0]);
    rig.child = stranded.child;

    // Successor with policy none: the stranded request stays stranded until a resend.
    rig.next = await takeOver(rig.held, listener, sock, images, 'none');
    closeFd(rig.held.fd);
    rig.held = undefined;
    rig.next.start(2);
    await sleep(500);
    assert.is(rig.child.exitCode, null, 'without resend the reader stays blocked');
    const fo = rig.next.failover('resend');
    assert.ok(fo.ok, fo.detail);
    assert.match(fo.detail, /FUSE_NOTIFY_RESEND/);
    let r = await stranded.done;
    rig.child = undefined;
    assert.is(r.code, 0, r.err);
    assert.is(r.out.toString().split(' ')[0], files[0][1]);
    assert.is(statSync(dir).ino, rootIno);
    assert.ok(readdirSync(join(dir, 'hardlink-test')).includes('foo'));

    // The daemon's order: the predecessor is gone, the successor applies 'resend' at adopt, then starts.
    rig.held = await saveToSupervisor(rig.next, listener, sock);
    rig.next = undefined;
    stranded = strand(files[1][0]);
    rig.child = stranded.child;
    rig.next = await takeOver(rig.held, listener, sock, images, 'resend');
    rig.next.start(2);
    r = await stranded.done;
    rig.child = undefined;
    assert.is(r.code, 0, r.err);
    assert.is(r.out.toString().split(' ')[0], files[1][1]);
    assert.equal(readdirSync(join(dir, 'hardlink-test')).sort(), ['foo', 'test.sh']);
    const flush = rig.next.failover('flush');
    assert.type(flush.detail, 'string');
  });
});

fuseTest('hot upgrade x5 under a continuously reading child: no read errors, same mount id', async () => {
  const v5 = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const images = new Map([['/x/y', v5]]);
  const expected = readExpected(fixture.v5.expected);
  await withRig('nydus-upgrade-', async (rig) => {
    const { dir, sock, listener } = rig;
    rig.s!.attach('/x/y', v5);
    rig.s!.start(2);
    const mountId = mountIdOf(rig.s!.mountpoint);
    // md5sum every file and list every directory, forever; drop caches between rounds so reads hit the server.
    const files = [...expected.md5.keys()].map((p) => `'${join(dir, 'x/y', p)}'`).join(' ');
    const script = `while :; do md5sum ${files} || exit 1; ls -laR '${dir}' >/dev/null || exit 2; echo 2 > /proc/sys/vm/drop_caches; done`;
    rig.child = spawn('sh', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    let err = '';
    rig.child.stdout!.on('data', (d: Buffer) => out.push(d));
    rig.child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    for (let i = 0; i < 5; i++) {
      await sleep(150);
      rig.held = await saveToSupervisor(rig.s!, listener, sock);
      rig.s = undefined;
      await sleep(50);  // the reader queues requests meanwhile
      rig.s = await takeOver(rig.held, listener, sock, images);
      closeFd(rig.held.fd);
      rig.held = undefined;
      rig.s!.start(2);
    }
    await sleep(300);
    assert.is(rig.child.exitCode, null, `reader failed: ${err}`);
    rig.child.kill('SIGTERM');
    await new Promise((r) => rig.child!.on('close', r));
    rig.child = undefined;
    assert.is(err, '');
    // Only whole lines: the last one may have been cut by SIGTERM.
    const lines = Buffer.concat(out).toString().split('\n').slice(0, -1).filter((l) => l.length > 0);
    assert.ok(lines.length >= expected.md5.size, 'at least one full round');
    const want = new Map([...expected.md5].map(([p, h]) => [join(dir, 'x/y', p), h]));
    for (const line of lines) {
      const m = /^([0-9a-f]{32}) {2}(.+)$/.exec(line);
      assert.ok(m, `an md5sum line: ${line}`);
      assert.is(m![1], want.get(m![2]), m![2]);
    }
    assert.is(mountIdOf(dir), mountId);
  });
});

fuseTest('adopt: argument checks, a non-/dev/fuse fd is EINVAL; restoreVfs validates', async () => {
  const dir = tempDir('nydus-adopt-');
  const file = join(dir, 'f');
  writeFileSync(file, 'x');
  const fd = openSync(file, 'r');
  try {
    const negotiated: NegotiatedInit = { major: 7, minor: 33, flags: 0, maxReadahead: 0, maxWrite: 4096, maxPages: 0, timeGran: 1, maxBackground: 1, congestionThreshold: 1, kernelMajor: 7, kernelMinor: 41, kernelFlags: 0 };
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as NativeError).code;
      }
      return 'no error';
    };
    assert.is(code(() => FuseSession.adopt({ fd, mountpoint: dir, connectionId: 1, negotiated })), 'EINVAL');
    assert.is(code(() => FuseSession.adopt({ fd: -1, mountpoint: dir, connectionId: 1, negotiated })), 'EINVAL');
    assert.is(code(() => FuseSession.adopt({ fd: 99999, mountpoint: dir, connectionId: 1, negotiated })), 'EBADF');
    assert.is(code(() => FuseSession.adopt({ fd, mountpoint: dir, connectionId: 1, negotiated: { ...negotiated, major: 8 } })), 'EINVAL');
    // A fresh /dev/fuse fd (not mounted) adopts fine; restoreVfs checks the snapshot.
    const dev = openSync('/dev/fuse', 'r+');
    const s = FuseSession.adopt({ fd: dev, mountpoint: dir, connectionId: 12345, negotiated });
    track({ close: () => s.release() });
    assert.is(code(() => fstatSync(dev)), 'EBADF', 'adopt consumed the fd');
    assert.ok(s.fd >= 0 && s.fd !== dev);
    assert.ok(s.initialized());
    assert.is(s.connectionId, 12345);
    assert.is(code(() => s.restoreVfs({ version: 1, nextIndex: 1, pseudoTime: 0, dirs: [{ ino: 3, parent: 1, name: 'a', mountIndex: 0 }], mounts: [] })), 'EINVAL');
    assert.is(code(() => s.restoreVfs({ version: 2 } as unknown as VfsSnapshot)), 'EINVAL');
    s.restoreVfs({ version: 1, nextIndex: 7, pseudoTime: 1000, dirs: [{ ino: 2, parent: 1, name: 'a', mountIndex: 0 }], mounts: [] });
    assert.equal(s.vfsSnapshot(), { version: 1, nextIndex: 7, pseudoTime: 1000, dirs: [{ ino: 2, parent: 1, name: 'a', mountIndex: 0 }], mounts: [] });
    assert.is(s.attach('/a', track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }))), 7);
    assert.is(s.vfsSnapshot().dirs.length, 1);
    const fo = s.failover('none');
    assert.equal(fo, { ok: true, detail: 'failover policy none: nothing done' });
    assert.is(code(() => s.failover('bogus' as 'none')), 'EINVAL');
    await s.release();
    assert.is(s.fd, -1);
    await s.release();
    await s.unmount();  // nothing mounted by it: a no-op
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
