// e2e: Prometheus metrics of a real `nydus fuse` daemon with the kernel FUSE. Two images
// mounted (one at start, one through the API), files read through the mount, then scraped at
// GET /api/v1/metrics/prometheus (API socket), at --metrics-addr's /metrics and with `nydus
// daemon metrics prometheus`, each read back with a real text-format parser. A blob cache
// with prefetch behind an http-proxy backend (nginx); a port in use and a malformed address.
import { realpathSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PROMETHEUS_CONTENT_TYPE } from '../../src/daemon/metrics/prometheus.js';
import { api, isFuseMounted, isRoot, startDaemon, unmountAndRemove, waitFor, type Daemon } from '../daemon-helpers.js';
import { cli, fixture, tempDir } from '../helpers.js';
import { httpGet, parseExposition, select, value, type Exposition } from '../prometheus.js';
import { freePort, skipReason } from '../servers/common.js';
import { NGINX_BIN, startNginx } from '../servers/nginx.js';

const skip = isRoot ? null : 'needs root (FUSE mounts)';
if (skip) console.log(`08-prometheus: skipped, ${skip}`);
const rootTest = skip ? test.skip : test;
const nginxWhy = skip ?? skipReason(NGINX_BIN);
const nginxTest = nginxWhy ? test.skip : test;

const work = tempDir('nydus-prom-e2e-');
let n = 0;
async function fresh(name: string): Promise<string> {
  const d = join(work, `${name}${n++}`);
  await mkdir(d, { recursive: true });
  return d;
}

test.after(async () => {
  await unmountAndRemove(work);
});

/** Each family and its type, as the parser must report them. */
const FAMILIES: Record<string, string> = {
  nydus_daemon_info: 'gauge',
  nydus_daemon_mounts: 'gauge',
  nydus_fs_operations_total: 'counter',
  nydus_fs_operation_errors_total: 'counter',
  nydus_fs_read_bytes_total: 'counter',
  nydus_fs_open_files: 'gauge',
  nydus_fs_read_requests_by_size_total: 'counter',
  nydus_fs_read_latency_seconds: 'histogram',
  nydus_backend_reads_total: 'counter',
  nydus_backend_read_errors_total: 'counter',
  nydus_backend_read_bytes_total: 'counter',
  nydus_backend_reads_by_size_total: 'counter',
  nydus_backend_read_latency_seconds: 'histogram',
  nydus_blobcache_reads_total: 'counter',
  nydus_blobcache_whole_hits_total: 'counter',
  nydus_blobcache_partial_hits_total: 'counter',
  nydus_blobcache_entries: 'gauge',
  nydus_blobcache_buffered_backend_bytes: 'gauge',
  nydus_blobcache_data_all_ready: 'gauge',
  nydus_prefetch_data_bytes_total: 'counter',
  nydus_prefetch_requests_total: 'counter',
  nydus_prefetch_unmerged_chunks_total: 'counter',
  nydus_prefetch_duration_seconds_total: 'counter',
  nydus_prefetch_workers: 'gauge',
  nydus_prefetch_begin_timestamp_seconds: 'gauge',
  nydus_prefetch_end_timestamp_seconds: 'gauge',
  nydus_fuse_inflight_requests: 'gauge',
  nydus_fuse_inflight_oldest_age_seconds: 'gauge',
};
const DAEMON_WIDE = new Set(['nydus_daemon_info', 'nydus_daemon_mounts', 'nydus_fuse_inflight_requests', 'nydus_fuse_inflight_oldest_age_seconds']);

/** The family a sample line belongs to (a histogram's _bucket/_sum/_count lines included). */
function familyOf(sample: string): string {
  return FAMILIES[sample] ? sample : sample.replace(/_(bucket|sum|count)$/, '');
}

/** Every family declared with its type; every sample labelled with `daemonId` and, per mount, one of `mounts`. */
function assertShape(e: Exposition, daemonId: string, mounts: string[]): void {
  for (const [name, type] of Object.entries(FAMILIES)) assert.is(e.types.get(name), type, name);
  for (const [name, type] of e.types) assert.is.not(type, 'untyped', `${name}: every sample belongs to a declared family`);
  for (const s of e.samples) {
    const family = familyOf(s.name);
    assert.ok(FAMILIES[family], `unexpected sample ${s.name}`);
    assert.is(s.labels.daemon_id, daemonId, s.name);
    if (DAEMON_WIDE.has(family)) assert.not.ok('mount' in s.labels, s.name);
    else assert.ok(mounts.includes(s.labels.mount), `${s.name}: mount ${s.labels.mount}`);
  }
}

/**
 * Reads every regular file below `dir` (asynchronously: never block this loop on the mount);
 * returns the bytes and files read, each inode once (a hard link's second read comes from the
 * kernel's page cache, not through FUSE).
 */
async function readTree(dir: string, seen = new Set<bigint>()): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await readTree(p, seen);
      bytes += sub.bytes;
      files += sub.files;
    } else if (entry.isFile()) {
      const ino = (await stat(p, { bigint: true })).ino; // nodeids exceed 2^53
      const data = await readFile(p);
      if (seen.has(ino)) continue;
      seen.add(ino);
      bytes += data.length;
      files += 1;
    }
  }
  return { bytes, files };
}

async function scrapeApi(sock: string): Promise<Exposition> {
  const r = await api(sock, 'GET', '/api/v1/metrics/prometheus');
  assert.is(r.status, 200, r.body);
  assert.is(r.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
  return parseExposition(r.body);
}

/** Localfs blobs in `dir`, a blob cache in `workDir` (a fresh one: no data cached by another test). */
function v1Localfs(dir: string, workDir: string): string {
  return JSON.stringify({ device: { backend: { type: 'localfs', config: { dir } }, cache: { type: 'blobcache', config: { work_dir: workDir } } }, mode: 'direct', digest_validate: false });
}

rootTest('two mounts: API, --metrics-addr and the CLI expose every family with daemon_id and mount; read bytes cover what was read', async () => {
  const mnt = await fresh('mnt');
  const sock = join(await fresh('sock'), 'api.sock');
  const port = await freePort();
  const d = await startDaemon(['--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs, '--virtual-mountpoint', '/a', '--metrics-addr', `127.0.0.1:${port}`], mnt, sock);
  try {
    const daemonId = realpathSync(mnt); // no --id: the FUSE mountpoint
    const cmd = { source: fixture.v6.bootstrap, fs_type: 'rafs', config: v1Localfs(fixture.v6.blobs, await fresh('cache')) };
    assert.is((await api(sock, 'POST', '/api/v1/mount?mountpoint=/b', cmd)).status, 204);
    const before = await scrapeApi(sock);
    assertShape(before, daemonId, ['/a', '/b']);

    const read = { '/a': await readTree(join(mnt, 'a')), '/b': await readTree(join(mnt, 'b')) };
    assert.ok(read['/a'].bytes > 0 && read['/b'].bytes > 0, JSON.stringify(read));

    const after = await scrapeApi(sock);
    assertShape(after, daemonId, ['/a', '/b']);
    assert.is(value(after, 'nydus_daemon_info', { state: 'RUNNING' }), 1);
    assert.is(value(after, 'nydus_daemon_mounts'), 2);
    for (const [mount, { bytes, files }] of Object.entries(read)) {
      const at = { mount };
      const grown = value(after, 'nydus_fs_read_bytes_total', at) - value(before, 'nydus_fs_read_bytes_total', at);
      assert.ok(grown >= bytes, `${mount}: read bytes grew by ${grown}, the test read ${bytes}`);
      const reads = value(after, 'nydus_fs_operations_total', { mount, op: 'read' }) - value(before, 'nydus_fs_operations_total', { mount, op: 'read' });
      assert.ok(reads >= 1 && reads <= value(after, 'nydus_fs_read_latency_seconds_count', at), `${mount}: ${reads} READs of ${files} files`);
      const buckets = select(after, 'nydus_fs_read_latency_seconds_bucket', at).map((s) => s.value);
      assert.is(buckets.length, 8);
      assert.ok(buckets.every((v, i) => i === 0 || v >= buckets[i - 1]), `cumulative: ${buckets}`);
      assert.is(buckets[7], value(after, 'nydus_fs_read_latency_seconds_count', at));
      assert.ok(value(after, 'nydus_fs_read_latency_seconds_sum', at) > 0);
      assert.ok(value(after, 'nydus_backend_read_bytes_total', { mount, backend: 'localfs' }) > 0, `${mount}: backend bytes`);
      assert.is(select(after, 'nydus_fs_operations_total', at).length, 15);
    }
    // /a (localfs, blobs stored uncompressed) has no blob cache, /b (zstd) keeps one.
    assert.equal(select(after, 'nydus_blobcache_reads_total').map((s) => s.labels.mount), ['/b']);
    assert.ok(value(after, 'nydus_blobcache_reads_total', { mount: '/b' }) >= 1);
    assert.is(select(after, 'nydus_fuse_inflight_requests').length, 1);

    // The same exposition on the --metrics-addr listener (counters only grow between scrapes).
    const r = await httpGet(port, '/metrics');
    assert.is(r.status, 200);
    assert.is(r.headers['content-type'], PROMETHEUS_CONTENT_TYPE);
    const tcp = parseExposition(r.body);
    assertShape(tcp, daemonId, ['/a', '/b']);
    for (const mount of ['/a', '/b']) assert.ok(value(tcp, 'nydus_fs_read_bytes_total', { mount }) >= value(after, 'nydus_fs_read_bytes_total', { mount }));
    assert.is((await httpGet(port, '/api/v1/metrics/prometheus')).status, 200);
    assert.is((await httpGet(port, '/api/v1/daemon')).status, 404);
    assert.is((await httpGet(port, '/metrics', { method: 'PUT' })).status, 405);

    // nydus daemon metrics prometheus: the same text on stdout.
    const out = await execa(process.execPath, [cli, 'daemon', 'metrics', 'prometheus', '--apisock', sock]);
    const viaCli = parseExposition(out.stdout);
    assertShape(viaCli, daemonId, ['/a', '/b']);
    assert.ok(value(viaCli, 'nydus_fs_read_bytes_total', { mount: '/b' }) >= value(after, 'nydus_fs_read_bytes_total', { mount: '/b' }));

    // A umounted image leaves the scrape.
    assert.is((await api(sock, 'DELETE', '/api/v1/mount?mountpoint=/b')).status, 204);
    const left = await scrapeApi(sock);
    assertShape(left, daemonId, ['/a']);
    assert.is(value(left, 'nydus_daemon_mounts'), 1);
  } finally {
    assert.is(await d.stop(), 0, d.stderr());
  }
  const gone = await httpGet(port, '/metrics').then(
    () => null,
    (e: NodeJS.ErrnoException) => e.code,
  );
  assert.is(gone, 'ECONNREFUSED', 'the listener closed with the daemon');
});

nginxTest('blob cache and prefetch figures of an http-proxy mount', async () => {
  const nginx = await startNginx({ mode: 'blobs', dir: fixture.v6.blobs, prefix: 'blobs' });
  let d: Daemon | undefined;
  try {
    const cfg = join(await fresh('cfg'), 'config.json');
    const doc = {
      version: 2,
      id: '/prom',
      backend: { type: 'http-proxy', 'http-proxy': { addr: nginx.url, path: '/blobs', timeout: 3 } },
      cache: { type: 'blobcache', filecache: { work_dir: await fresh('cache') } },
      rafs: { mode: 'direct', prefetch: { enable: true, threads: 2, batch_size: 1 << 20, prefetch_all: true } },
    };
    await writeFile(cfg, JSON.stringify(doc));
    const mnt = await fresh('mnt');
    const sock = join(await fresh('sock'), 'api.sock');
    d = await startDaemon(['--bootstrap', fixture.v6.bootstrap, '--config', cfg], mnt, sock);
    let e = await scrapeApi(sock);
    await waitFor(async () => {
      e = await scrapeApi(sock);
      return value(e, 'nydus_prefetch_data_bytes_total', { mount: '/' }) > 0;
    }, 'prefetched bytes in the scrape', 10_000);
    const { bytes } = await readTree(mnt);
    e = await scrapeApi(sock);
    assertShape(e, realpathSync(mnt), ['/']);
    assert.ok(value(e, 'nydus_fs_read_bytes_total', { mount: '/' }) >= bytes);
    assert.ok(value(e, 'nydus_backend_read_bytes_total', { mount: '/', backend: 'http-proxy' }) > 0);
    assert.ok(value(e, 'nydus_prefetch_requests_total', { mount: '/' }) >= 1);
    assert.ok(value(e, 'nydus_prefetch_workers', { mount: '/' }) >= 1);
    assert.ok(value(e, 'nydus_prefetch_begin_timestamp_seconds', { mount: '/' }) > 1.6e9);
    assert.ok(value(e, 'nydus_blobcache_entries', { mount: '/' }) >= 1);
    assert.ok(value(e, 'nydus_blobcache_reads_total', { mount: '/' }) >= value(e, 'nydus_blobcache_whole_hits_total', { mount: '/' }));
    assert.ok([0, 1].includes(value(e, 'nydus_blobcache_data_all_ready', { mount: '/' })));
  } finally {
    if (d) assert.is(await d.stop(), 0, d.stderr());
    await nginx.stop();
  }
});

rootTest('--metrics-addr: a port in use fails the start (exit 1, nothing left mounted); a malformed one is a usage error (exit 2)', async () => {
  const blocker: Server = createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
  const port = (blocker.address() as { port: number }).port;
  try {
    const mnt = await fresh('mnt');
    const base = [cli, 'fuse', '--bootstrap', fixture.v5.bootstrap, '--localfs-dir', fixture.v5.blobs, '--mountpoint', mnt];
    const inUse = await execa(process.execPath, [...base, '--metrics-addr', `127.0.0.1:${port}`], { reject: false, timeout: 30_000 });
    assert.is(inUse.exitCode, 1, inUse.stderr);
    assert.match(inUse.stderr, `nydus: cannot serve metrics on 127.0.0.1:${port}: address already in use`);
    assert.not.ok(isFuseMounted(mnt));
    const bad = await execa(process.execPath, [...base, '--metrics-addr', 'localhost'], { reject: false, timeout: 30_000 });
    assert.is(bad.exitCode, 2, bad.stderr);
    assert.match(bad.stderr, 'invalid --metrics-addr "localhost": expected HOST:PORT');
    assert.not.ok(isFuseMounted(mnt));
  } finally {
    await new Promise<void>((r) => blocker.close(() => r()));
  }
});

test.run();
