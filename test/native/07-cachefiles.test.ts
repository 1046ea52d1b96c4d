// Native binding: the cachefiles on-demand session (daemon spec §6.2-§6.6) without a kernel: a
// socketpair from fakeCachefilesDevice() stands in for /dev/cachefiles and regular temp files
// for the objects' anonymous fds (their READ_COMPLETE ioctl fails with ENOTTY, which the
// session counts and logs with the msg id). The v6-zstd fixture supplies the bootstrap and the
// data blob; its device view is compared with the files read through RafsImage, whether READs or
// the blob prefetch wrote it.
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NativeError } from '../../src/errors.js';
import { CachefilesSession, fakeCachefilesDevice, type CachefilesLogLevel } from '../../src/native/cachefiles.js';
import { addonImageOf, RafsImage } from '../../src/native/image.js';
import { fixture, nativeError, perTest, tempDir } from '../helpers.js';

const track = perTest();
const V6_BLOB = 'be7d77eeb719f70884758d1aa800ed0fb09d701aaec469964e9d54325f0d5fef';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The test plays the kernel on the other end of the fake device. */
class Kernel {
  readonly daemonFd: number;
  private readonly fd: number;

  constructor() {
    const { daemonFd, kernelFd } = fakeCachefilesDevice();
    this.daemonFd = daemonFd;
    this.fd = kernelFd;
  }

  send(msg: Buffer): void {
    writeSync(this.fd, msg);
  }

  /** The next command the session wrote ('' after `ms`). */
  async next(ms = 5000): Promise<string> {
    const buf = Buffer.alloc(8192);
    const deadline = Date.now() + ms;
    for (;;) {
      try {
        const n = readSync(this.fd, buf);
        return buf.subarray(0, n).toString();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN' || Date.now() > deadline) {
          if ((err as NodeJS.ErrnoException).code === 'EAGAIN') return '';
          throw err;
        }
      }
      await sleep(5);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

function header(msgId: number, opcode: number, objectId: number, body: Buffer): Buffer {
  const h = Buffer.alloc(16);
  h.writeUInt32LE(msgId, 0);
  h.writeUInt32LE(opcode, 4);
  h.writeUInt32LE(16 + body.length, 8);
  h.writeUInt32LE(objectId, 12);
  return Buffer.concat([h, body]);
}

function openMsg(msgId: number, objectId: number, volume: string, cookie: string, fd: number): Buffer {
  const v = Buffer.from(`${volume}\0`);
  const c = Buffer.from(cookie);
  const b = Buffer.alloc(16);
  b.writeUInt32LE(v.length, 0);
  b.writeUInt32LE(c.length, 4);
  b.writeUInt32LE(fd, 8);
  return header(msgId, 0, objectId, Buffer.concat([b, v, c]));
}

function readMsg(msgId: number, objectId: number, off: number, len: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeBigUInt64LE(BigInt(off), 0);
  b.writeBigUInt64LE(BigInt(len), 8);
  return header(msgId, 2, objectId, b);
}

/** fscache_hash (daemon spec §6.5), transcribed here independently of the native code. */
function fscacheHash(salt: number, data: Buffer): number {
  const rol = (v: number, s: number) => ((v << s) | (v >>> (32 - s))) >>> 0;
  const g = (v: number) => Math.imul(v, 0x61c88647) >>> 0;
  let x = 0;
  let y = salt >>> 0;
  for (let i = 0; i + 4 <= data.length; i += 4) {
    x = (x ^ data.readUInt32LE(i)) >>> 0;
    y = (y ^ x) >>> 0;
    x = rol(x, 7);
    x = (x + y) >>> 0;
    y = rol(y, 20);
    y = Math.imul(y, 9) >>> 0;
  }
  return g((y ^ g(x)) >>> 0);
}

function fanout(volumeKey: string, cookieKey: string): string {
  const v = Buffer.from(volumeKey);
  const vbuf = Buffer.alloc(Math.ceil((v.length + 2) / 4) * 4);
  vbuf[0] = v.length;
  v.copy(vbuf, 1);
  const c = Buffer.from(cookieKey);
  const cbuf = Buffer.alloc(Math.ceil(c.length / 4) * 4);
  c.copy(cbuf);
  const h = fscacheHash(fscacheHash(0, vbuf), cbuf);
  return `@${(h & 0xff).toString(16).padStart(2, '0')}`;
}

async function waitFor(pred: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(5);
  }
}

/** A session bound on a fake device, released (workers joined, fds closed) after the test. */
function openSession(kernel: Kernel, threads = 2): CachefilesSession {
  const session = CachefilesSession.open({ dir: '/var/cache/fscache', tag: 'tagged', threads, fd: kernel.daemonFd });
  track({ close: () => session.release() });
  return session;
}

/** openSession, with the three bind commands (dir, tag, bind ondemand) already read. */
async function boundSession(kernel: Kernel, threads = 2): Promise<CachefilesSession> {
  const session = openSession(kernel, threads);
  for (let i = 0; i < 3; i++) await kernel.next();
  return session;
}

async function content(image: RafsImage, ino: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of image.stream(ino)) parts.push(b);
  return Buffer.concat(parts);
}

test('open() refuses bad options before going native, and names a missing device', () => {
  assert.is(nativeError(() => CachefilesSession.open({ dir: 'relative' })).code, 'EINVAL');
  assert.is(nativeError(() => CachefilesSession.open({ dir: '/c', threads: 0 })).code, 'EINVAL');
  assert.is(nativeError(() => CachefilesSession.open({ dir: '/c', tag: 'a b' })).code, 'EINVAL');
  assert.is(nativeError(() => CachefilesSession.open({ dir: '/c', restore: true })).code, 'EINVAL');
  const missing = nativeError(() => CachefilesSession.open({ dir: '/c', device: '/nonexistent/cachefiles' }));
  assert.is(missing.code, 'ENOENT');
  assert.match(missing.message, /CONFIG_CACHEFILES/);
});

test('open() binds with dir, tag and bind ondemand; the adopted fd is consumed; restore writes restore', async () => {
  const kernel = new Kernel();
  try {
    const session = openSession(kernel);
    assert.is(await kernel.next(), 'dir /var/cache/fscache');
    assert.is(await kernel.next(), 'tag tagged');
    assert.is(await kernel.next(), 'bind ondemand');
    assert.ok(session.fd >= 0 && session.fd !== kernel.daemonFd);
    assert.throws(() => fstatSync(kernel.daemonFd), /EBADF/);
    await session.release();
    assert.is(session.fd, -1);
    assert.is(nativeError(() => session.start()).code, 'EBADF');
  } finally {
    kernel.close();
  }
  const second = new Kernel();
  try {
    const restored = CachefilesSession.open({ dir: '', restore: true, fd: second.daemonFd });
    track({ close: () => restored.release() });
    assert.is(await second.next(), 'restore');
    assert.is(await second.next(50), '');
  } finally {
    second.close();
  }
});

test('OPEN/READ end to end: bootstrap copied whole, blob READs write the device view, completes carry the msg id', async () => {
  const kernel = new Kernel();
  const dir = tempDir();
  try {
    const session = await boundSession(kernel);
    const logs: Array<[CachefilesLogLevel, string]> = [];
    session.onLog((level, message) => logs.push([level, message]));
    const image = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
    session.registerBootstrap('dom', 'fsid1', fixture.v6.bootstrap);
    session.registerBlob('dom', V6_BLOB, image);
    assert.equal(session.keys(), [`dom/${V6_BLOB}`, 'dom/fsid1']);
    session.start();
    assert.ok(session.running);

    const bootObj = openSync(join(dir, 'boot.obj'), 'w+');
    kernel.send(openMsg(1, 10, 'erofs,dom', 'fsid1', bootObj));
    assert.is(await kernel.next(), 'copen 1,20480');
    await waitFor(() => session.metrics().bootstrapBytes === 20480);
    assert.equal(readFileSync(join(dir, 'boot.obj')), readFileSync(fixture.v6.bootstrap));

    const blobObj = openSync(join(dir, 'blob.obj'), 'w+');
    kernel.send(openMsg(2, 11, 'erofs,dom', V6_BLOB, blobObj));
    assert.is(await kernel.next(), 'copen 2,36864');
    kernel.send(readMsg(3, 11, 100, 10));
    await waitFor(() => session.metrics().readCompletes === 1);
    const lib = await content(image, 133);  // lib.rs: chunk 0 at uncompressed offset 0
    const written = readFileSync(join(dir, 'blob.obj'));
    assert.is(written.length, 20480);  // the whole chunk, rounded up to pages
    assert.equal(written.subarray(0, lib.length), lib);
    assert.ok(written.subarray(lib.length).every((b) => b === 0));
    kernel.send(readMsg(4, 11, 20480, 4096));
    await waitFor(() => session.metrics().readCompletes === 2);
    const sync = await content(image, 136);  // sync_io.rs: chunk 1 at 20480
    const all = readFileSync(join(dir, 'blob.obj'));
    assert.is(all.length, 36864);
    assert.equal(all.subarray(20480, 20480 + sync.length), sync);

    const m = session.metrics();
    assert.is(m.opens, 2);
    assert.is(m.reads, 2);
    assert.is(m.readBytes, 36864);
    assert.is(m.objects, 2);
    assert.is(m.errors.readComplete, 2);  // ENOTTY: a regular file is not an anonymous fd
    await waitFor(() => logs.filter(([, msg]) => /READ_COMPLETE of msg [34] on object 11/.test(msg)).length === 2);
    assert.ok(logs.some(([level, msg]) => level === 'info' && msg.includes(`OPEN data blob dom/${V6_BLOB} as object 11`)));
  } finally {
    kernel.close();
  }
});

test('OPEN of an unknown or unregistered key gets copen -2 and its fd is closed; CLOSE forgets the object', async () => {
  const kernel = new Kernel();
  const dir = tempDir();
  try {
    const session = await boundSession(kernel, 1);
    session.registerBootstrap('', 'solo', fixture.v6.bootstrap);
    assert.ok(session.unregister('solo'));
    assert.not.ok(session.unregister('solo'));
    session.start();
    const obj = openSync(join(dir, 'x.obj'), 'w+');
    kernel.send(openMsg(7, 1, 'erofs,', 'solo', obj));
    assert.is(await kernel.next(), 'copen 7,-2');
    assert.throws(() => fstatSync(obj), /EBADF/);
    kernel.send(header(8, 1, 99, Buffer.alloc(0)));  // CLOSE of nothing
    kernel.send(Buffer.alloc(5));                     // malformed
    await waitFor(() => session.metrics().errors.unknownObject === 1 && session.metrics().errors.malformed === 1);
    assert.is(session.metrics().openRefused, 1);
  } finally {
    kernel.close();
  }
});

test('registerBlob checks the blob against the image; register arguments are validated', () => {
  const kernel = new Kernel();
  try {
    const session = openSession(kernel);
    const v6 = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
    const v5 = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
    assert.is(nativeError(() => session.registerBlob('dom', 'not-there', v6)).code, 'EINVAL');
    assert.is(nativeError(() => session.registerBlob('dom', 'x', v6, 0)).code, 'EINVAL');  // id mismatch
    const v5Blob = v5.superblock().blobs[0].blobId;
    assert.match(nativeError(() => session.registerBlob('dom', v5Blob, v5)).message, /chunk-info array/);
    assert.is(nativeError(() => session.registerBootstrap('a/b', 'f', '/x')).code, 'EINVAL');
    assert.is(nativeError(() => session.registerBootstrap('d', '', '/x')).code, 'EINVAL');
    assert.is(nativeError(() => session.registerBootstrap('d', 'f', 'relative')).code, 'EINVAL');
    assert.equal(session.keys(), []);
  } finally {
    kernel.close();
  }
});

test('registerBlob options: validated in TS and natively; a prefetched blob fills its object without READs', async () => {
  const kernel = new Kernel();
  const dir = tempDir();
  try {
    const session = await boundSession(kernel);
    const image = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
    type Options = Parameters<CachefilesSession['registerBlob']>[4];
    for (const bad of [5, [], { prefetch: 'yes' }, { batchSize: -1 }, { batchSize: 1.5 }, { batchSize: 2 ** 28 + 1 }, { batchSize: '1' }]) {
      const err = nativeError(() => session.registerBlob('dom', V6_BLOB, image, 0, bad as unknown as Options));
      assert.is(err.code, 'EINVAL');
      assert.match(err.message, /for options/);
    }
    // The addon checks the object on its own too (TS is not its only caller).
    const addon = (session as unknown as { native: { registerBlob(...args: unknown[]): void } }).native;
    for (const [bad, name] of [[{ batchSize: 'big' }, 'options.batchSize'], [{ prefetch: 1 }, 'options.prefetch'], [null, 'options'], [[], 'options']] as const) {
      const raw = (() => {
        try {
          addon.registerBlob('dom', V6_BLOB, addonImageOf(image), 0, bad);
        } catch (err) {
          return err as NodeJS.ErrnoException;
        }
        return null;
      })();
      assert.is(raw?.code, 'EINVAL');
      assert.match(raw?.message ?? '', `for ${name} but received`);
    }
    assert.equal(session.keys(), []);

    session.registerBlob('dom', V6_BLOB, image, undefined, { prefetch: true, batchSize: 0 });
    session.registerBlob('plain', V6_BLOB, image, 0, {});
    session.start();
    const obj = openSync(join(dir, 'blob.obj'), 'w+');
    kernel.send(openMsg(1, 20, 'erofs,dom', V6_BLOB, obj));
    assert.is(await kernel.next(), 'copen 1,36864');
    await waitFor(() => session.metrics().prefetches === 1);
    const all = readFileSync(join(dir, 'blob.obj'));
    assert.is(all.length, 36864);
    const lib = await content(image, 133);
    const sync = await content(image, 136);
    assert.equal(all.subarray(0, lib.length), lib);
    assert.equal(all.subarray(20480, 20480 + sync.length), sync);
    let m = session.metrics();
    assert.is(m.prefetchBytes, 36864);
    assert.is(m.readBytes, 0);
    assert.is(m.reads, 0);
    assert.is(m.errors.prefetch, 0);

    // Without prefetch nothing is written until a READ asks.
    const plainObj = openSync(join(dir, 'plain.obj'), 'w+');
    kernel.send(openMsg(2, 21, 'erofs,plain', V6_BLOB, plainObj));
    assert.is(await kernel.next(), 'copen 2,36864');
    kernel.send(readMsg(3, 21, 0, 4096));
    await waitFor(() => session.metrics().readCompletes === 1);
    m = session.metrics();
    assert.is(m.prefetchBytes, 36864);
    assert.is(m.prefetches, 1);
    assert.is(m.readBytes, 20480);
  } finally {
    kernel.close();
  }
});

test('cull writes inuse then cull for the cookie file found under the cache dir', async () => {
  const kernel = new Kernel();
  const dir = tempDir();
  try {
    const session = await boundSession(kernel);
    const fan = join(dir, 'cache', 'Ierofs,dom', fanout('erofs,dom', V6_BLOB));
    mkdirSync(fan, { recursive: true });
    writeFileSync(join(fan, `D${V6_BLOB}`), 'x');
    const cwd = process.cwd();
    await session.cull(dir, V6_BLOB);
    assert.is(await kernel.next(), `inuse D${V6_BLOB}`);
    assert.is(await kernel.next(), `cull D${V6_BLOB}`);
    assert.is(process.cwd(), cwd);
    await session.cull(dir, 'absent');
    assert.is(await kernel.next(50), '');
    const bad = await session.cull(dir, 'a/b').then(() => null, (e: unknown) => e);
    assert.instance(bad, NativeError);
    assert.is((bad as NativeError).code, 'EINVAL');
  } finally {
    kernel.close();
  }
});

test.run();
