// Native binding: the virtio-fs session (vhost-user-fs back-end) without a VM: option checks,
// the socket file's lifecycle (stale file replaced, removed on release), and FUSE round trips
// through the test-only scripted front-end of the addon (virtiofsTestFrontend) against the
// v6-zstd fixture, with the connect / disconnect events and the transport counters.
import { existsSync, lstatSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NativeError } from '../../src/errors.js';
import { RafsImage } from '../../src/native/image.js';
import { VirtiofsSession, virtiofsTestFrontend } from '../../src/native/virtiofs.js';
import { fixture, nativeError, perTest, tempDir } from '../helpers.js';

const track = perTest();
const LIB_RS_INO = 133;
const LIB_RS_SIZE = 16931;

const waitUntil = async (cond: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** A listening session with the v6 fixture at '/', released after the test. */
function serve(dir = tempDir('nydus-virtiofs-')): { s: VirtiofsSession; sock: string; image: RafsImage } {
  const sock = join(dir, 'vfs.sock');
  const s = VirtiofsSession.listen({ socketPath: sock });
  track({ close: () => s.release() });
  const image = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
  s.attach('/', image, { iostatsFiles: true });
  return { s, sock, image };
}

test('listen checks its options with one error shape', () => {
  const cases: Array<[unknown, RegExp]> = [
    [{ socketPath: '' }, /socketPath/],
    [{ socketPath: '/tmp/' + 'x'.repeat(120) }, /socketPath/],
    [{ socketPath: '/tmp/a.sock', flavour: 'ext4' }, /flavour/],
    [{ socketPath: '/tmp/a.sock', queueSize: 1000 }, /queueSize/],
    [{ socketPath: '/tmp/a.sock', queueSize: 2048 }, /queueSize/],
    [undefined, /socketPath/],
  ];
  for (const [opts, re] of cases) {
    const err = nativeError(() => VirtiofsSession.listen(opts as never));
    assert.is(err.code, 'EINVAL');
    assert.match(err.message, re);
  }
  const dir = tempDir('nydus-virtiofs-');
  const err = nativeError(() => VirtiofsSession.listen({ socketPath: join(dir, 'missing', 'x.sock') }));
  assert.is(err.code, 'ENOENT');
});

test('a stale file is replaced by the socket; stop keeps it, release removes it; start after release is EBADF', async () => {
  const dir = tempDir('nydus-virtiofs-');
  const sock = join(dir, 'vfs.sock');
  writeFileSync(sock, 'stale');
  const s = VirtiofsSession.listen({ socketPath: sock, queueSize: 256 });
  assert.is(s.socketPath, sock);
  assert.ok(lstatSync(sock).isSocket());
  assert.is(s.connected(), false);
  s.start(1);
  assert.is(nativeError(() => s.start(1)).code, 'EBUSY');
  assert.is(nativeError(() => s.start(0)).code, 'EINVAL');
  await s.stop();
  assert.ok(existsSync(sock));
  s.start(1);
  await s.release();
  assert.not.ok(existsSync(sock));
  assert.is(nativeError(() => s.start(1)).code, 'EBADF');
  await s.release();
});

test('VFS methods mirror FuseSession: attach, mounts, metrics, detach', async () => {
  const s = VirtiofsSession.listen({ socketPath: join(tempDir('nydus-virtiofs-'), 'vfs.sock') });
  track({ close: () => s.release() });
  const image = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
  assert.is(s.attach('/a', image), 1);
  assert.is(nativeError(() => s.attach('/a', image)).code, 'EEXIST');
  assert.is(nativeError(() => s.attach('/a/below', image)).code, 'ENOTSUP');
  assert.is(nativeError(() => s.attach('/b', image, { index: 0 })).code, 'EINVAL');
  s.attach('/sub/img', image);
  assert.equal(s.mounts(), [{ path: '/a', index: 1 }, { path: '/sub/img', index: 2 }]);
  assert.is(s.metrics('/sub/img').data_read, 0);
  assert.equal(s.inflight(), []);
  await s.detach('/sub/img');
  assert.is(nativeError(() => s.metrics('/sub/img')).code, 'ENOENT');
  const again = await s.detach('/sub/img').then(() => null, (e: unknown) => e);
  assert.ok(again instanceof NativeError && again.code === 'ENOENT');
});

test('a front-end reads a file through the queues; events and counters follow; the next front-end is served', async () => {
  const { s, sock, image } = serve();
  const events: string[] = [];
  s.onConnect(() => events.push('connect'));
  s.onDisconnect((reason) => events.push(`disconnect: ${reason}`));
  s.start(1);
  const expected = await image.read(LIB_RS_INO, 0, LIB_RS_SIZE);
  for (let round = 1; round <= 2; round++) {
    const r = await virtiofsTestFrontend(sock, 'lib.rs');
    assert.equal(r.init, { usedLen: 16 + 64, error: 0 });
    assert.equal(r.lookup, { usedLen: 16 + 128, error: 0 });
    assert.equal(r.read, { usedLen: 16 + LIB_RS_SIZE, error: 0 });
    assert.ok(Buffer.from(r.data, 'hex').equals(expected));
    await waitUntil(() => events.length === 2 * round);
  }
  assert.is(events[0], 'connect');
  assert.match(events[1], /^disconnect: /);
  const miss = await virtiofsTestFrontend(sock, 'nope.rs');
  assert.is(miss.lookup.error, -2);
  assert.is(miss.read, undefined);
  assert.ok(s.initialized());
  const m = s.transportMetrics();
  assert.is(m.connections, 3);
  assert.is(m.requests, 8);
  assert.is(m.chains, 8);
  assert.is(m.badChains.address + m.badChains.too_long + m.badChains.direction, 0);
  assert.ok(m.notifications >= 8);
  assert.is(m.messagesByRequest.SET_MEM_TABLE, 3);
  assert.is(m.messagesByRequest.SET_VRING_KICK, 6);
  assert.is(s.metrics('/').data_read, 2 * LIB_RS_SIZE);
  assert.is(s.fileMetrics('/')[String(LIB_RS_INO)].data_read, 2 * LIB_RS_SIZE);
  await s.stop();
  assert.is(s.connected(), false);
});

test.run();
