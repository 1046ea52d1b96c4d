// Native binding: the FUSE session with real mounts of the shared fixtures: content and tree
// against RafsImage, nested attach/detach with immediate stat, metrics, in-flight slots,
// EROFS, and the closed event after `umount -l`. Needs root and /dev/fuse.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NativeError } from '../../src/errors.js';
import { FuseSession } from '../../src/native/fuse.js';
import { RafsImage } from '../../src/native/image.js';
import { waitFor } from '../daemon-helpers.js';
import { canMountFuse, fixture, perTest, readExpected, tempDir } from '../helpers.js';

const skip = !canMountFuse();
if (skip) console.log('04-fuse: skipped, real FUSE mounts need root and /dev/fuse');
const fuseTest = skip ? test.skip : test;
const track = perTest();

/** Mounts a fresh session, runs `fn`, always unmounts and removes the mountpoint. */
async function withSession(fn: (s: FuseSession, dir: string) => Promise<void> | void, flavour?: 'rafs' | 'passthrough'): Promise<void> {
  const dir = tempDir('nydus-fuse-');
  const s = FuseSession.mount({ mountpoint: dir, flavour });
  try {
    s.start(2);
    await fn(s, dir);
  } finally {
    await s.unmount();
    rmdirSync(dir);
  }
}

function md5(b: Buffer): string {
  return createHash('md5').update(b).digest('hex');
}

function errnoOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  }
  return 'no error';
}

fuseTest('mount: v5 at / serves every file with the md5 of expected.result', async () => {
  const expected = readExpected(fixture.v5.expected);
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs, validate: true }));
  await withSession(async (s, dir) => {
    assert.is(s.attach('/', image), 1);
    assert.equal(s.mounts(), [{ path: '/', index: 1 }]);
    for (const [path, sum] of expected.md5) assert.is(md5(await readFile(join(dir, path))), sum, path);
    assert.ok(s.initialized());
    const init = s.negotiated();
    assert.is(init?.major, 7);
    assert.is(init?.minor, 33);
    assert.is(init?.maxBackground, 65535);
    assert.is(init?.congestionThreshold, 49149);
    assert.is(init?.maxPages, 256);
    assert.is(statSync(dir).ino, 1);
    assert.ok(s.connectionId > 0);
    assert.ok(s.fd >= 0);
    const m = s.metrics('/');
    assert.is(m.fop_hits.length, 15);
    assert.ok(m.fop_hits[4] > 0, 'READ hits');
    assert.ok(m.data_read > 0);
    assert.is(m.block_count_read.length, 8);
    assert.is(m.read_latency_dist.reduce((a, b) => a + b, 0), m.fop_hits[4] + m.fop_errors[4]);
    const be = s.backendMetrics('/');
    assert.ok(be.read_count > 0);
    assert.is(be.read_latency_sizes_dist.length, 8);
    // A close() returns once FLUSH's reply is written, a moment before the worker frees its
    // slot, and RELEASE is sent after close() returns: the slots drain, they need not be empty yet.
    await waitFor(() => s.inflight().length === 0, 'no request in flight', 5000);
  });
});

fuseTest('mount: v6 zstd content equals RafsImage.read', async () => {
  const image = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
  await withSession(async (s, dir) => {
    s.attach('/', image);
    for (const e of image.readdir(image.rootIno)) {
      if (e.name === '.' || e.name === '..') continue;
      const attr = image.getattr(e.ino);
      if ((attr.mode & 0o170000) !== 0o100000) continue;
      const want = attr.size ? await image.read(e.ino, 0, attr.size) : Buffer.alloc(0);
      assert.ok(readFileSync(join(dir, e.name)).equals(want), e.name);
    }
  });
});

fuseTest('attach: path rules (EEXIST, EINVAL, ENOTSUP) and ENOENT on detach / metrics', async () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  await withSession(async (s) => {
    s.attach('/a/b', image);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        assert.instance(err, NativeError);
        return (err as NativeError).code;
      }
      return 'no error';
    };
    assert.is(code(() => s.attach('/a/./b', image)), 'EEXIST');
    assert.is(code(() => s.attach('a/c', image)), 'EINVAL');
    assert.is(code(() => s.attach('/a/b/c', image)), 'ENOTSUP');
    const detachErr = await s.detach('/nothing').then(() => null, (err: unknown) => err);
    assert.instance(detachErr, NativeError);
    assert.is((detachErr as NativeError).code, 'ENOENT');
    assert.is(code(() => s.metrics('/nothing')), 'ENOENT');
    const replaceErr = await s.replace('/nothing', image).then(() => null, (err: unknown) => err);
    assert.instance(replaceErr, NativeError);
    assert.is((replaceErr as NativeError).code, 'ENOENT');
  });
});

fuseTest('detach + re-attach a nested path: stat sees the new image at once', async () => {
  const v5 = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const v6 = track(RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs }));
  await withSession(async (s, dir) => {
    const first = s.attach('/a/b/c', v5);
    assert.is(Math.floor(statSync(join(dir, 'a/b/c/hardlink-test')).ino / 2 ** 56), first);
    await s.detach('/a/b/c');
    assert.equal(readdirSync(join(dir, 'a/b/c')), []);
    const second = s.attach('/a/b/c', v6);
    const names = v6.readdir(v6.rootIno).map((e) => e.name).filter((n) => n !== '.' && n !== '..').sort();
    assert.equal(readdirSync(join(dir, 'a/b/c')).sort(), names);
    assert.is(Math.floor(statSync(join(dir, 'a/b/c')).ino / 2 ** 56), second);
  });
});

fuseTest('300 attach/detach cycles reuse indexes 1..255', async () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  await withSession(async (s) => {
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) {
      seen.add(s.attach('/x', image));
      await s.detach('/x');
    }
    assert.is(seen.size, 255);
    assert.not.ok(seen.has(0));
  });
});

fuseTest('per-file metrics, latest read files and access patterns when enabled', async () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  await withSession((s, dir) => {
    s.attach('/', image, { iostatsFiles: true, accessPattern: true, latestReadFiles: true });
    readFileSync(join(dir, 'hardlink-test/foo'));
    const ino = image.lookupPath('/hardlink-test/foo');
    const files = s.fileMetrics('/');
    assert.ok(files[String(ino)]?.fop_hits[4] > 0);
    assert.equal(s.latestReadFiles('/'), [[ino]]);
    assert.equal(s.latestReadFiles('/'), []);
    const p = s.accessPatterns('/');
    assert.is(p.length, 1);
    assert.is(p[0].ino, ino);
    assert.ok(p[0].first_access_time_secs > 1_600_000_000);
  });
});

fuseTest('writes fail with EROFS', async () => {
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  await withSession((s, dir) => {
    s.attach('/', image);
    assert.is(errnoOf(() => writeFileSync(join(dir, 'new'), 'x')), 'EROFS');
    assert.is(errnoOf(() => mkdirSync(join(dir, 'd'))), 'EROFS');
  }, 'passthrough');
});

fuseTest('umount -l from outside: onClosed fires on the JS thread', async () => {
  const dir = tempDir('nydus-fuse-');
  const s = FuseSession.mount({ mountpoint: dir });
  let timer: NodeJS.Timeout | undefined;
  try {
    s.attach('/', track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs })));
    const closed = new Promise<string>((resolve) => s.onClosed(resolve));
    s.start(2);
    statSync(join(dir, 'hardlink-test'));
    execFileSync('umount', ['-l', dir]);
    // Only turns a hang into a failure; generous for a loaded machine.
    const late = new Promise<string>((_, reject) => (timer = setTimeout(() => reject(new Error('onClosed did not fire within 15 s')), 15_000)));
    const reason = await Promise.race([closed, late]);
    // The worker that sees the connection go names how: POLLERR, or the errno of a read/write.
    assert.match(reason, /^(POLLERR on \/dev\/fuse|read \/dev\/fuse|write \/dev\/fuse)/);
  } finally {
    clearTimeout(timer);
    await s.unmount();
    rmdirSync(dir);
  }
});

test.run();
