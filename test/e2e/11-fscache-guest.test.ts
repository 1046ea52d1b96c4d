// e2e in a real guest: `nydus singleton --fscache` serving the kernel's EROFS over cachefiles
// on-demand (issue 14; spec daemon.md §5.8, §6, acceptance A16/A17). The host kernel has no
// CACHEFILES, so each test boots a QEMU guest (test/vm/harness.ts: the project's guest kernel,
// busybox initramfs, the host root over 9p) that runs test/vm/fscache-driver.ts: the daemon
// with the snapshotter's command line, entries added through the API in the snapshotter's
// legacy form, `mount -t erofs -o fsid=..[,domain_id=..]`, every file md5summed on the console.
// The host compares with the source tree (an image from `nydus create` whose blob is in Debian's
// docker-registry, reached from the guest through QEMU user networking) and with the kernel's
// own loop-device EROFS mount of the shared v6-zstd fixture (localfs backend).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bytes, makeTree } from '../builder/tree-fixture.js';
import { isRoot } from '../daemon-helpers.js';
import { fixtureTreeDigest } from '../erofs-helpers.js';
import { cli, fixture, repoRoot, tempDir } from '../helpers.js';
import { skipReason } from '../servers/common.js';
import { pushBlob, startRegistry, REGISTRY_BIN, type RegistryServer } from '../servers/registry.js';
import type { DriverImage, DriverSpec } from '../vm/fscache-driver.js';
import { guestKernel, makeExt4Image, runGuest } from '../vm/harness.js';
import { treeDigest } from '../vm/tree-digest.js';

const USER = { name: 'nydus', password: 'fscache-s3cret' };
const REPO = 'test/fscache';
const skip = !isRoot ? 'needs root' : skipReason(REGISTRY_BIN);

let registry: RegistryServer | undefined;
let work = '';

/** nydus-snapshotter's fsid of a snapshot: hex(sha256("nydus-snapshot-" + id)). */
function fsidOf(snapshot: string): string {
  return createHash('sha256').update(`nydus-snapshot-${snapshot}`).digest('hex');
}

/** A tree built by `nydus create` (v6, its blob pushed to the registry) and its expected digest. */
async function createdImage(name: string, bigFileBytes: number, seed: number): Promise<{ image: DriverImage; expected: Record<string, string> }> {
  const src = join(work, `${name}-src`);
  await makeTree(src, { smallFiles: 40, bigFileBytes: 1 << 20 });
  writeFileSync(join(src, 'big.bin'), bytes(bigFileBytes, seed));
  const boot = join(work, `${name}.boot`);
  const blobs = join(work, `${name}-blobs`);
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs, '--no-blob-toc']);
  for (const b of readdirSync(blobs)) await pushBlob((registry as RegistryServer).url, REPO, readFileSync(join(blobs, b)), { user: USER.name, password: USER.password });
  return {
    image: {
      name,
      fsid: fsidOf(name),
      bootstrap: boot,
      backendType: 'registry',
      backendConfig: {
        readahead: false,
        host: `10.0.2.2:${(registry as RegistryServer).host.split(':')[1]}`,
        repo: REPO,
        auth: Buffer.from(`${USER.name}:${USER.password}`).toString('base64'),
        scheme: 'http',
        proxy: { fallback: false },
        timeout: 30,
        connect_timeout: 10,
        retry_limit: 2,
      },
      bigFile: 'big.bin',
    },
    expected: treeDigest(src),
  };
}

/** The guest run: returns the driver's results by step; fails with the console tail on a driver error. */
async function runDriver(spec: DriverSpec): Promise<Map<string, unknown>> {
  const specFile = join(work, `spec-${spec.mode}.json`);
  writeFileSync(specFile, JSON.stringify(spec));
  const disk = join(work, `cache-${spec.mode}.img`);
  makeExt4Image(disk, 256);
  const r = await runGuest({
    script: `cd ${repoRoot} && ${process.execPath} dist/test/vm/fscache-driver.js ${specFile}`,
    drives: [disk],
    net: true,
    timeoutMs: 12 * 60_000,
  });
  const results = new Map<string, unknown>();
  for (const line of r.output.split('\n')) {
    const m = /^@@result (.*)$/.exec(line.trim());
    if (!m) continue;
    const { step, value } = JSON.parse(m[1]) as { step: string; value: unknown };
    results.set(step, value);
  }
  if (r.exitCode !== 0 || !r.output.includes('@@driver-done')) {
    const tail = r.output.split('\n').slice(-40).map((l) => (l.length > 400 ? `${l.slice(0, 400)}...` : l));
    throw new Error(`the guest driver failed (exit ${r.exitCode}):\n${tail.join('\n')}`);
  }
  return results;
}

function assertTree(got: unknown, expected: Record<string, string>, what: string): void {
  const tree = got as Record<string, string>;
  assert.ok(tree, `${what}: no tree reported`);
  assert.equal(Object.keys(tree), Object.keys(expected), `${what}: the paths`);
  for (const [p, v] of Object.entries(expected)) assert.is(tree[p], v, `${what}: ${p}`);
}

let fixtureTree: Record<string, string> = {};

test.before(async () => {
  if (skip) return;
  work = tempDir('nydus-fscache-guest-');
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
  fixtureTree = await fixtureTreeDigest(work);
  await guestKernel(); // built once per machine (cached); minutes the first time
});

test.after(async () => {
  await registry?.stop();
});

test('A16: snapshotter fscache flow in a guest: a registry image and the v6-zstd fixture in a shared domain read correctly through EROFS; sendfd, delete, cull', async () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  const created = await createdImage('created', 6 << 20, 7);
  const fixtureImage: DriverImage = {
    name: 'fixture',
    fsid: fsidOf('fixture'),
    domain: 'shared-domain',
    bootstrap: fixture.v6.bootstrap,
    backendType: 'localfs',
    backendConfig: { dir: fixture.v6.blobs },
    prefetch: true,
  };
  // A dead backend (nothing listens on that port): reads fail with EIO, the daemon serves the
  // images added after it.
  const dead: DriverImage = {
    ...(await createdImage('dead', 1 << 20, 5)).image,
    backendConfig: { host: '10.0.2.2:9', repo: REPO, scheme: 'http', timeout: 3, connect_timeout: 2, retry_limit: 0 },
    bigFile: undefined,
    expectEio: 'big.bin',
  };
  const r = await runDriver({ repo: repoRoot, mode: 'lifecycle', cacheDevice: '/dev/vda', images: [dead, created.image, fixtureImage] });

  assert.is(r.get('dead:read'), 'EIO', 'a read whose backend is dead fails with EIO');
  for (const name of ['dead', 'created', 'fixture']) {
    assert.is(r.get(`${name}:put`), 204, `${name}: PUT /api/v2/blobs`);
    assert.is(r.get(`${name}:put-again`), 500, `${name}: the same entry again`);
    assert.is(r.get(`${name}:sendfd`), 204, `${name}: sendfd with the /dev/cachefiles fd`);
    assert.equal(r.get(`${name}:mount`), { code: 0, text: '' }, `${name}: mount -t erofs`);
  }
  assertTree(r.get('created:tree'), created.expected, 'nydus create image over the registry');
  assertTree(r.get('fixture:tree'), fixtureTree, 'v6-zstd fixture over localfs');
  for (const name of ['dead', 'created', 'fixture']) {
    assert.is(r.get(`${name}:delete`), 204, `${name}: DELETE by domain`);
    assert.is(r.get(`${name}:delete-again`), 500, `${name}: DELETE of a gone entry`);
    assert.is(r.get(`${name}:umount`), 0, `${name}: umount`);
    assert.is(r.get(`${name}:cached`), '1', `${name}: after umount the bootstrap's cache file is in its volume`);
    assert.is(r.get(`${name}:put-remount`), 204, `${name}: added again`);
    assert.is(r.get(`${name}:remount`), 0, `${name}: mounted again over the cached files`);
    assert.is(r.get(`${name}:cull-busy`), 500, `${name}: culling a cache file in use is refused`);
    assert.is(r.get(`${name}:umount-again`), 0);
    assert.is(r.get(`${name}:delete-remount`), 204);
    assert.is(r.get(`${name}:cull`), 204, `${name}: DELETE ?blob_id culls after umount`);
    assert.is(r.get(`${name}:culled`), '0', `${name}: no cache file of the bootstrap is left`);
  }
  assert.is(r.get('stopped'), true, 'SIGTERM stops the daemon');
  const errors = String(r.get('daemon-errors')).split('\n').filter(Boolean);
  assert.ok(errors.length > 0, 'the failed reads are logged');
  for (const line of errors) assert.ok(line.includes(dead.fsid), `only the dead backend's reads fail: ${line}`);
});

test('A17: SIGKILL mid-read in a guest: nydus failover restarts the daemon, it takes /dev/cachefiles over with restore, the read completes with the right bytes', async () => {
  if (skip) return console.log(`  skipped: ${skip}`);
  const created = await createdImage('failover', 24 << 20, 11);
  const later: DriverImage = { name: 'later', fsid: fsidOf('later'), bootstrap: fixture.v6.bootstrap, backendType: 'localfs', backendConfig: { dir: fixture.v6.blobs } };
  const r = await runDriver({ repo: repoRoot, mode: 'failover', cacheDevice: '/dev/vda', images: [created.image], afterUpgrade: later });
  assert.is(r.get('failover:put'), 204);
  assert.equal(r.get('failover:mount'), { code: 0, text: '' });
  assert.ok((r.get('failover:saves') as number) >= 2, `the supervisor saved the state after the entry was added:\n${r.get('supervisor')}`);
  const killedAfter = r.get('failover:killed-after') as number;
  assert.ok(killedAfter >= 1 << 20 && killedAfter < 24 << 20, `killed mid-read (after ${killedAfter} bytes)`);
  const big = r.get('failover:big') as { md5: string; bytes: number };
  assert.is(big.bytes, 24 << 20, 'the whole file was read');
  assert.is(`md5:${big.md5}`, created.expected['big.bin'], 'the bytes read across the kill are right');
  assert.is(r.get('failover:recoveries'), 1, 'one recovery by nydus failover');
  assertTree(r.get('failover:tree'), created.expected, 'the whole tree after the takeover');
  const up = r.get('upgrade') as { code: number; tail: string };
  assert.is(up.code, 0, `nydus upgrade of the fscache daemon: ${up.tail}`);
  assert.is(r.get('later:put'), 204, 'the upgraded daemon takes new entries');
  assert.equal(r.get('later:mount'), { code: 0, text: '' });
  assertTree(r.get('later:tree'), fixtureTree, 'an image served by the upgraded daemon');
  assert.is(r.get('later:umount'), 0);
  assert.is(r.get('stopped'), true);
});

test.run();
