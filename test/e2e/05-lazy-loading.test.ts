// e2e: lazy loading for real. `nydus fuse` mounts an image whose blob lives in Debian's
// docker-registry (htpasswd Basic auth) on 127.0.0.1, with a blob cache in a temp work dir:
// one small file fetches only its chunks (backend metrics and the registry's access log
// agree), two full reads fetch each blob byte at most once, a restart with the warm cache
// fetches nothing, the registry killed mid-read gives EIO within the timeout and the same
// read succeeds once it is back, a wrong password is a clear auth error, prefetch fills the
// cache, and the http-proxy backend works through nginx.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RafsImage } from '../../src/native/image.js';
import { validateBlobcacheMetrics } from '../../generated/validate.js';
import { api, isRoot, startDaemon, unmountAndRemove, waitFor, type Daemon } from '../daemon-helpers.js';
import { cli, perTest, tempDir } from '../helpers.js';
import { skipReason } from '../servers/common.js';
import { startNginx, NGINX_BIN } from '../servers/nginx.js';
import { pushBlob, startRegistry, REGISTRY_BIN, type RegistryServer } from '../servers/registry.js';

const why = !isRoot ? 'needs root (FUSE mounts)' : skipReason(REGISTRY_BIN) ?? skipReason('/usr/bin/htpasswd');
if (why) console.log(`03-lazy-loading: skipped, ${why}`);
const lazyTest = why ? test.skip : test;
const track = perTest();

const work = tempDir('nydus-lazy-e2e-');
const USER = { name: 'nydus', password: 'lazy-s3cret' };
const REPO = 'library/lazy';
let registry: RegistryServer;
let boot = '';
let srcDir = '';
let bootV6 = '';
let blobIdV6 = '';
let blobId = '';
let blobSize = 0;
let blobV5: Buffer;
let blobV6: Buffer;
const files = new Map<string, Buffer>(); // relative path -> contents
let n = 0;

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

function fresh(name: string): string {
  const d = join(work, `${name}${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

/**
 * A repository of its own holding both blobs, for a test that counts registry requests: its
 * URIs are in no other test's traffic (a request of an earlier test's daemon that the
 * registry logs late cannot land in this test's counts).
 */
async function ownRepo(): Promise<string> {
  const repo = `library/lazy-${n++}`;
  for (const blob of [blobV5, blobV6]) await pushBlob(registry.url, repo, blob, { user: USER.name, password: USER.password });
  return repo;
}

/** Access log entries of one repository. */
function repoLog(repo: string) {
  return registry.accessLog().filter((e) => e.uri.startsWith(`/v2/${repo}/`));
}

/** A v2 registry config (JSON) with a blob cache in `cacheDir`. */
function registryConfig(cacheDir: string, opts: { password?: string; prefetch?: boolean; timeout?: number; compressed?: boolean; validate?: boolean; repo?: string } = {}): string {
  const auth = Buffer.from(`${USER.name}:${opts.password ?? USER.password}`).toString('base64');
  const cfg = {
    version: 2,
    id: '/lazy',
    backend: { type: 'registry', registry: { scheme: 'http', host: registry.host, repo: opts.repo ?? REPO, auth, timeout: opts.timeout ?? 3, connect_timeout: 2 } },
    cache: { type: 'blobcache', compressed: opts.compressed ?? false, validate: opts.validate ?? false, filecache: { work_dir: cacheDir } },
    rafs: { mode: 'direct', batch_size: 0, ...(opts.prefetch ? { prefetch: { enable: true, threads: 2, batch_size: 1 << 20, prefetch_all: false } } : {}) },
  };
  return writeConfig(cfg);
}

/** Writes a config document to a fresh file; returns its path. */
function writeConfig(doc: unknown): string {
  const file = join(fresh('cfg'), 'config.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** A v2 http-proxy config for blobs at `<url>/blobs/<id>`, with a fresh blob cache. */
function httpProxyConfig(url: string): string {
  return writeConfig({
    version: 2,
    backend: { type: 'http-proxy', 'http-proxy': { addr: url, path: '/blobs', timeout: 3 } },
    cache: { type: 'blobcache', filecache: { work_dir: fresh('cache') } },
    rafs: { mode: 'direct', batch_size: 0 },
  });
}

async function mountImage(config: string, extra: string[] = [], bootstrap = boot): Promise<Daemon & { sock: string }> {
  const mnt = fresh('mnt');
  const sock = join(fresh('sock'), 'api.sock');
  const d = await startDaemon(['--bootstrap', bootstrap, '--config', config, ...extra], mnt, sock);
  return d as Daemon & { sock: string };
}

async function backendBytes(sock: string): Promise<number> {
  const r = await api(sock, 'GET', '/api/v1/metrics/backend');
  assert.is(r.status, 200, r.body);
  return (r.json as { read_amount_total: number }).read_amount_total;
}

/** Bytes of a blob (default: the v5 one) the registry sent for `repo` (2xx GETs in its access log). */
function registryBlobBytes(repo: string, id = blobId): number {
  return repoLog(repo).filter((e) => e.method === 'GET' && e.uri.endsWith(`/blobs/sha256:${id}`) && e.status >= 200 && e.status < 300).reduce((sum, e) => sum + e.written, 0);
}

test.before(async () => {
  if (why) return;
  // A tree with many small files, a few multi-chunk files and one large file.
  const src = fresh('src');
  srcDir = src;
  mkdirSync(join(src, 'etc'));
  mkdirSync(join(src, 'usr/lib'), { recursive: true });
  for (let i = 0; i < 60; i++) files.set(`etc/conf${i}.txt`, Buffer.from(`setting ${i} = ${'x'.repeat(100 + i * 37)}\n`));
  for (let i = 0; i < 6; i++) files.set(`usr/lib/lib${i}.so`, randomBytes(2_500_000 + i * 100_000));
  files.set('usr/lib/big.dat', Buffer.concat([randomBytes(4 << 20), Buffer.alloc(4 << 20, 7)]));
  for (const [p, data] of files) writeFileSync(join(src, p), data);
  boot = join(work, 'image.boot');
  const blobs = fresh('blobs');
  // RAFS v5 + lz4: a blob without a digest array, so its id is the SHA-256 the registry
  // stores it under (storage.md §1.14).
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs, '--fs-version', '5', '--compressor', 'lz4_block', '--digester', 'sha256']);
  blobId = readdirSync(blobs)[0];
  const blob = readFileSync(join(blobs, blobId));
  blobV5 = blob;
  blobSize = blob.length;
  writeFileSync(join(work, 'blob'), blob);
  assert.is(sha256(blob), blobId, 'a v5 blob id is the SHA-256 of the blob file');
  // The same tree as RAFS v6 + zstd without the blob-toc tail (so the blob id is its SHA-256):
  // the data path then needs the blob's chunk-info array (blob meta) from the registry too.
  bootV6 = join(work, 'image-v6.boot');
  const blobsV6 = fresh('blobs');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', bootV6, '--blob-dir', blobsV6, '--no-blob-toc']);
  blobIdV6 = readdirSync(blobsV6)[0];
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
  assert.is((await pushBlob(registry.url, REPO, blob, { user: USER.name, password: USER.password })).replace(/^sha256:/, ""), blobId);
  blobV6 = readFileSync(join(blobsV6, blobIdV6));
  await pushBlob(registry.url, REPO, blobV6, { user: USER.name, password: USER.password });
});

test.after(async () => {
  await registry?.stop();
  await unmountAndRemove(work);
});

lazyTest('one small file fetches only the chunks covering it; metrics and registry log agree', async () => {
  const repo = await ownRepo();
  const d = await mountImage(registryConfig(fresh('cache'), { repo }));
  try {
    const rel = 'etc/conf7.txt';
    assert.ok((await readFile(join(d.mnt, rel))).equals(files.get(rel)!));
    const image = RafsImage.open(boot, {});
    const segs = image.mapRange(image.lookupPath(`/${rel}`), 0, files.get(rel)!.length);
    image.close();
    const stored = segs.reduce((sum, s) => sum + (s.chunk?.compressedSize ?? 0), 0);
    const fetched = await backendBytes(d.sock);
    assert.ok(fetched > 0 && fetched <= stored, `fetched ${fetched} bytes, the file's chunks hold ${stored}`);
    await waitFor(() => registryBlobBytes(repo) === fetched, 'the registry log to show the same bytes', 5000).catch(() => undefined);
    assert.is(registryBlobBytes(repo), fetched, `registry log: ${JSON.stringify(repoLog(repo).slice(-5))}`);
    const r = await api(d.sock, 'GET', '/api/v1/metrics/blobcache');
    assert.is(r.status, 200, r.body);
    assert.ok(validateBlobcacheMetrics(r.json), JSON.stringify(validateBlobcacheMetrics.errors));
    const m = r.json as { underlying_files: string[]; total: number };
    assert.ok(m.underlying_files.some((f) => f.endsWith(`${blobId}.blob.data`)), m.underlying_files.join(','));
  } finally {
    await d.stop();
  }
});

lazyTest('reading everything twice fetches each blob byte at most once; a warm restart fetches nothing', async () => {
  const cache = fresh('cache');
  const repo = await ownRepo();
  const config = registryConfig(cache, { repo });
  const d = await mountImage(config);
  let fetched = 0;
  try {
    for (let pass = 0; pass < 2; pass++) {
      await Promise.all([...files].map(async ([p, data]) => assert.ok((await readFile(join(d.mnt, p))).equals(data), `${p} pass ${pass}`)));
      // Drop the kernel's page cache of the mount so the second pass reaches the daemon.
      writeFileSync('/proc/sys/vm/drop_caches', '1');
    }
    fetched = await backendBytes(d.sock);
    assert.ok(fetched <= blobSize, `fetched ${fetched} bytes of a ${blobSize}-byte blob`);
  } finally {
    await d.stop();
  }
  // The registry logs a request after answering it: count from once all of d's bytes show.
  await waitFor(() => registryBlobBytes(repo) === fetched, 'the registry log to show the first daemon\'s bytes', 10_000);
  const gets = repoLog(repo).length;
  const d2 = await mountImage(config);
  try {
    for (const [p, data] of files) assert.ok((await readFile(join(d2.mnt, p))).equals(data), p);
    assert.is(await backendBytes(d2.sock), 0, 'a warm cache serves everything');
    assert.is(repoLog(repo).length, gets, 'the registry saw no request at all');
  } finally {
    await d2.stop();
  }
});

lazyTest('v6 (blob meta from the registry): lazy reads, then a warm restart makes no request at all', async () => {
  const cache = fresh('cache');
  const repo = await ownRepo();
  const config = registryConfig(cache, { repo });
  const d = await mountImage(config, [], bootV6);
  let fetched = 0;
  try {
    assert.ok((await readFile(join(d.mnt, 'etc/conf3.txt'))).equals(files.get('etc/conf3.txt')!));
    const small = await backendBytes(d.sock);
    assert.ok(small > 0 && small < 64 << 10, `one small file (+ the blob meta) fetched ${small} bytes`);
    for (const [p, data] of files) assert.ok((await readFile(join(d.mnt, p))).equals(data), p);
    fetched = await backendBytes(d.sock);
  } finally {
    await d.stop();
  }
  // The registry logs a request after answering it: count from once all of d's bytes show.
  await waitFor(() => registryBlobBytes(repo, blobIdV6) === fetched, 'the registry log to show the first daemon\'s bytes', 10_000);
  assert.ok(readdirSync(cache).some((f) => f === `${blobIdV6}.blob.meta`), `blob meta cached: ${readdirSync(cache).join(', ')}`);
  const requests = repoLog(repo).length;
  const d2 = await mountImage(config, [], bootV6);
  try {
    for (const [p, data] of files) assert.ok((await readFile(join(d2.mnt, p))).equals(data), p);
    assert.is(await backendBytes(d2.sock), 0);
    assert.is(repoLog(repo).length, requests, 'no request reached the registry');
  } finally {
    await d2.stop();
  }
});

lazyTest('8 processes reading one uncached file at once fetch each of its chunks once', async () => {
  const d = await mountImage(registryConfig(fresh('cache')));
  try {
    const rel = 'usr/lib/big.dat';
    const path = join(d.mnt, rel);
    const want = createHash('sha256').update(files.get(rel)!).digest('hex');
    const sums = await Promise.all(Array.from({ length: 8 }, () => execa('sha256sum', [path]).then((r) => r.stdout.split(' ')[0])));
    assert.equal(sums, sums.map(() => want));
    const image = RafsImage.open(boot, {});
    const segs = image.mapRange(image.lookupPath(`/${rel}`), 0, files.get(rel)!.length);
    image.close();
    const stored = new Map(segs.filter((x) => x.chunk).map((x) => [x.chunk!.index, x.chunk!.compressedSize]));
    const total = [...stored.values()].reduce((a, b) => a + b, 0);
    const fetched = await backendBytes(d.sock);
    assert.ok(fetched <= total, `fetched ${fetched} bytes; the file's distinct chunks hold ${total}`);
  } finally {
    await d.stop();
  }
});

lazyTest('compressed (raw) cache mode with validation: stored bytes in B.blob.raw, a warm restart fetches nothing, a corrupted cache file is fetched again', async () => {
  const cache = fresh('cache');
  const config = registryConfig(cache, { compressed: true, validate: true });
  const d = await mountImage(config, [], bootV6);
  try {
    for (const [p, data] of files) assert.ok((await readFile(join(d.mnt, p))).equals(data), p);
  } finally {
    await d.stop();
  }
  const raw = join(cache, `${blobIdV6}.blob.raw`);
  assert.ok(readdirSync(cache).includes(`${blobIdV6}.blob.raw`), readdirSync(cache).join(', '));
  // Flip bytes inside the cached stored data of big.dat's first chunk.
  const image = RafsImage.open(bootV6, {});
  const seg = image.mapRange(image.lookupPath('/usr/lib/big.dat'), 0, 4096)[0];
  image.close();
  const fd = openSync(raw, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, seg.chunk!.compressedOffset + 16);
  closeSync(fd);
  const d2 = await mountImage(config, [], bootV6);
  try {
    for (const [p, data] of files) assert.ok((await readFile(join(d2.mnt, p))).equals(data), p);
    const fetched = await backendBytes(d2.sock);
    assert.ok(fetched > 0 && fetched <= seg.chunk!.compressedSize, `only the corrupted chunk is fetched again (${fetched} bytes)`);
  } finally {
    await d2.stop();
  }
});

lazyTest('registry killed after the first reads: uncached data gets EIO within the timeout, the daemon stays healthy, the read succeeds once it is back', async () => {
  const d = await mountImage(registryConfig(fresh('cache'), { timeout: 2 }));
  try {
    assert.ok((await readFile(join(d.mnt, 'usr/lib/lib0.so'))).equals(files.get('usr/lib/lib0.so')!));
    await registry.kill();
    const started = Date.now();
    const err = await readFile(join(d.mnt, 'usr/lib/big.dat')).then(() => null, (e: NodeJS.ErrnoException) => e);
    const took = Date.now() - started;
    assert.is(err?.code, 'EIO', 'a read of uncached data fails with EIO');
    // A refused connection fails at once; the bound only tells that EIO from a read that waited
    // on the dead registry far beyond its 2 s timeout. Generous for a loaded machine.
    assert.ok(took < 2000 + 13_000, `EIO after ${took} ms (timeout 2 s)`);
    const info = await api(d.sock, 'GET', '/api/v1/daemon');
    assert.is((info.json as { state: string }).state, 'RUNNING');
    await registry.restart();
    assert.ok((await readFile(join(d.mnt, 'usr/lib/big.dat'))).equals(files.get('usr/lib/big.dat')!), 'nothing corrupt was cached');
  } finally {
    await registry.restart().catch(() => undefined); // a no-op when it is running
    await d.stop();
  }
});

lazyTest('a wrong password: EIO on read and a clear authentication error in the log', async () => {
  const log = join(fresh('log'), 'nydus.log');
  const d = await mountImage(registryConfig(fresh('cache'), { password: 'wrong' }), ['--log-file', log]);
  try {
    const err = await readFile(join(d.mnt, 'etc/conf1.txt')).then(() => null, (e: NodeJS.ErrnoException) => e);
    assert.is(err?.code, 'EIO');
    await waitFor(() => /authentication failed|401/i.test(readFileSync(log, 'utf8')), 'the auth error in the log', 5000);
    assert.match(readFileSync(log, 'utf8'), /auth/i);
    // The hot-reloaded credential (api.md §4.7) fixes it without a remount.
    const good = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
    const put = await api(d.sock, 'PUT', '/api/v1/config?id=%2F', { registry_auth: good });
    assert.is(put.status, 204, put.body);
    assert.ok((await readFile(join(d.mnt, 'etc/conf1.txt'))).equals(files.get('etc/conf1.txt')!));
  } finally {
    await d.stop();
  }
});

lazyTest('prefetch: the listed files are fetched in the background and then read without backend requests', async () => {
  const list = join(fresh('list'), 'prefetch.txt');
  const wanted = ['/usr/lib/lib3.so', '/etc'];
  writeFileSync(list, `${wanted.join('\n')}\n`);
  const d = await mountImage(registryConfig(fresh('cache'), { prefetch: true }), ['--prefetch-files', list]);
  try {
    await waitFor(async () => {
      const r = await api(d.sock, 'GET', '/api/v1/metrics/blobcache');
      const m = r.json as { prefetch_data_amount: number; prefetch_end_time_secs: number };
      return m.prefetch_data_amount > 0 && m.prefetch_end_time_secs > 0;
    }, 'prefetch to finish', 20000);
    const before = await backendBytes(d.sock);
    assert.ok((await readFile(join(d.mnt, 'usr/lib/lib3.so'))).equals(files.get('usr/lib/lib3.so')!));
    for (let i = 0; i < 60; i += 7) assert.ok((await readFile(join(d.mnt, `etc/conf${i}.txt`))).equals(files.get(`etc/conf${i}.txt`)!));
    assert.is(await backendBytes(d.sock), before, 'prefetched files come from the cache');
  } finally {
    await d.stop();
  }
});

lazyTest('a snapshotter-style v1 config (fs_prefetch with prefetch_all) caches the whole image in the background', async () => {
  const cache = fresh('cache');
  const auth = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
  const cfg = writeConfig({
    device: {
      id: '/snap1',
      backend: { type: 'registry', config: { scheme: 'http', host: registry.host, repo: REPO, auth, timeout: 3 } },
      cache: { type: 'blobcache', config: { work_dir: cache, disable_indexed_map: false } },
    },
    mode: 'direct', digest_validate: false, enable_xattr: true, amplify_io: 1048576,
    fs_prefetch: { enable: true, prefetch_all: true, threads_count: 4, merging_size: 1048576 },
  });
  for (const bootstrap of [boot, bootV6]) {
    const d = await mountImage(cfg, [], bootstrap);
    try {
      await waitFor(async () => {
        const r = await api(d.sock, 'GET', '/api/v1/metrics/blobcache?id=/snap1');
        return (r.json as { data_all_ready?: boolean }).data_all_ready === true;
      }, 'the whole blob to be cached', 30000);
      const fetched = await backendBytes(d.sock);
      for (const [p, data] of files) assert.ok((await readFile(join(d.mnt, p))).equals(data), p);
      assert.is(await backendBytes(d.sock), fetched, 'every read came from the cache');
      const m = (await api(d.sock, 'GET', '/api/v1/metrics/blobcache?id=/snap1')).json as { prefetch_data_amount: number };
      assert.ok(m.prefetch_data_amount > 0);
    } finally {
      await d.stop();
    }
  }
});

lazyTest('a shared daemon (no --bootstrap): registry images mounted through the API, per-mount metrics and credentials', async () => {
  const mnt = fresh('mnt');
  const sock = join(fresh('sock'), 'api.sock');
  const d = await startDaemon([], mnt, sock);
  try {
    const auth = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
    const config = (sid: string, bootstrapAuth: string) => JSON.stringify({
      device: {
        id: `/${sid}`,
        backend: { type: 'registry', config: { scheme: 'http', host: registry.host, repo: REPO, auth: bootstrapAuth, timeout: 3 } },
        cache: { type: 'blobcache', config: { work_dir: fresh('cache') } },
      },
      mode: 'direct', amplify_io: 0,
    });
    const wrong = Buffer.from(`${USER.name}:nope`).toString('base64');
    for (const [sid, bootstrap, a] of [['s1', boot, auth], ['s2', bootV6, wrong]] as const) {
      const r = await api(sock, 'POST', `/api/v1/mount?mountpoint=%2F${sid}`, { source: bootstrap, fs_type: 'rafs', config: config(sid, a) });
      assert.is(r.status, 204, r.body);
    }
    assert.ok((await readFile(join(mnt, 's1/etc/conf2.txt'))).equals(files.get('etc/conf2.txt')!));
    const err = await readFile(join(mnt, 's2/etc/conf2.txt')).then(() => null, (e: NodeJS.ErrnoException) => e);
    assert.is(err?.code, 'EIO', 's2 has a wrong password');
    // nydus-snapshotter's UpdateAuthConfig for one instance only.
    assert.is((await api(sock, 'PUT', '/api/v1/config?id=%2Fs2', { registry_auth: auth })).status, 204);
    assert.ok((await readFile(join(mnt, 's2/etc/conf2.txt'))).equals(files.get('etc/conf2.txt')!));
    for (const sid of ['s1', 's2']) {
      const m = await api(sock, 'GET', `/api/v1/metrics/blobcache?id=%2F${sid}`);
      assert.is(m.status, 200, m.body);
      assert.ok((m.json as { total: number }).total > 0);
      const b = await api(sock, 'GET', `/api/v1/metrics/backend?id=%2F${sid}`);
      assert.is((b.json as { backend_type: string }).backend_type, 'registry');
    }
    assert.is((await api(sock, 'GET', '/api/v1/metrics/blobcache')).status, 404, 'two instances: an id is needed');
    // A remount while reads of uncached data are in flight: none of them fails.
    const reads = [...files].filter(([p]) => p.startsWith('usr/')).map(async ([p, data]) => (await readFile(join(mnt, 's1', p))).equals(data));
    const again = await api(sock, 'PUT', '/api/v1/mount?mountpoint=%2Fs1', { source: boot, fs_type: 'rafs', config: config('s1', auth) });
    assert.is(again.status, 204, again.body);
    assert.equal(await Promise.all(reads), reads.map(() => true));
    assert.ok((await readFile(join(mnt, 's1/etc/conf4.txt'))).equals(files.get('etc/conf4.txt')!));
    assert.is((await api(sock, 'DELETE', '/api/v1/mount?mountpoint=%2Fs1')).status, 204);
    assert.is((await api(sock, 'DELETE', '/api/v1/mount?mountpoint=%2Fs2')).status, 204);
  } finally {
    await d.stop();
  }
});

lazyTest('umount and SIGTERM while reads of uncached data are in flight: no hang, the daemon stays healthy until it exits', async () => {
  const mnt = fresh('mnt');
  const sock = join(fresh('sock'), 'api.sock');
  const d = await startDaemon([], mnt, sock);
  const auth = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
  const config = () => JSON.stringify({
    device: { backend: { type: 'registry', config: { scheme: 'http', host: registry.host, repo: REPO, auth, timeout: 3 } }, cache: { type: 'blobcache', config: { work_dir: fresh('cache') } } },
    mode: 'direct',
  });
  let exited = false;
  try {
    assert.is((await api(sock, 'POST', '/api/v1/mount?mountpoint=%2Fa', { source: boot, fs_type: 'rafs', config: config() })).status, 204);
    const bigs = [...files.keys()].filter((p) => p.startsWith('usr/'));
    const inflight = bigs.map((p) => readFile(join(mnt, 'a', p)).then(() => 'ok', (e: NodeJS.ErrnoException) => e.code ?? 'error'));
    await new Promise((r) => setTimeout(r, 20));
    // A hang fails without a timed assertion: api() gives up after 30 s, stop() SIGKILLs after 15 s (exit code not 0).
    const del = await api(sock, 'DELETE', '/api/v1/mount?mountpoint=%2Fa');
    assert.is(del.status, 204, del.body);
    await Promise.all(inflight); // each either completed or failed; none hangs
    assert.is(((await api(sock, 'GET', '/api/v1/daemon')).json as { state: string }).state, 'RUNNING');
    // Again, and this time the daemon is stopped with reads in flight.
    assert.is((await api(sock, 'POST', '/api/v1/mount?mountpoint=%2Fb', { source: bootV6, fs_type: 'rafs', config: config() })).status, 204);
    const more = bigs.map((p) => readFile(join(mnt, 'b', p)).then(() => 'ok', (e: NodeJS.ErrnoException) => e.code ?? 'error'));
    await new Promise((r) => setTimeout(r, 20));
    assert.is(await d.stop(), 0);
    exited = true;
    await Promise.all(more);
  } finally {
    if (!exited) await d.stop();
  }
});

const nginxWhy = skipReason(NGINX_BIN);
(why || nginxWhy ? test.skip : test)('http-proxy backend through nginx in front of the registry', async () => {
  // An open registry behind nginx: the http-proxy backend sends no credentials.
  const open = track(await startRegistry());
  await pushBlob(open.url, REPO, readFileSync(join(work, 'blob')));
  const nginx = track(await startNginx({ mode: 'reverse', upstream: open.url, repo: REPO, prefix: 'blobs' }));
  const cfg = httpProxyConfig(nginx.url);
  const d = await mountImage(cfg);
  try {
    for (const p of ['etc/conf3.txt', 'usr/lib/lib5.so']) assert.ok((await readFile(join(d.mnt, p))).equals(files.get(p)!), p);
    assert.ok(nginx.accessLog().some((l) => l.includes(blobId)), 'requests went through nginx');
  } finally {
    await d.stop();
  }
});

(why || nginxWhy ? test.skip : test)('a v6 blob with the blob-toc tail (served by nginx from a directory): one small file fetches blob meta and its chunk, no ToC or digest array', async () => {
  const boot6 = join(work, 'image-v6-toc.boot');
  const dir = fresh('blobs');
  await execa(process.execPath, [cli, 'create', srcDir, '--bootstrap', boot6, '--blob-dir', dir]);
  const id = readdirSync(dir)[0];
  const nginx = track(await startNginx({ mode: 'blobs', dir, prefix: 'blobs' }));
  const cfg = httpProxyConfig(nginx.url);
  const d = await mountImage(cfg, [], boot6);
  try {
    const rel = 'etc/conf9.txt';
    assert.ok((await readFile(join(d.mnt, rel))).equals(files.get(rel)!));
    const image = RafsImage.open(boot6, { dir });
    const seg = image.mapRange(image.lookupPath(`/${rel}`), 0, files.get(rel)!.length);
    const b = image.superblock().blobs[0];
    image.close();
    const chunkBytes = seg.reduce((sum, x) => sum + (x.chunk?.compressedSize ?? 0), 0);
    const fetched = await backendBytes(d.sock);
    assert.ok(fetched <= chunkBytes + b.ciCompressedSize + 4096, `fetched ${fetched} bytes: chunk ${chunkBytes} + blob meta ${b.ciCompressedSize + 4096} at most`);
    assert.not.ok(nginx.accessLog().some((l) => l.startsWith('HEAD')), `no HEAD for the blob size (the ToC is not needed): ${nginx.accessLog().join(' | ')}`);
    for (const [p, data] of files) assert.ok((await readFile(join(d.mnt, p))).equals(data), p);
    assert.ok(nginx.accessLog().some((l) => l.includes(id)));
  } finally {
    await d.stop();
  }
});

test.run();
