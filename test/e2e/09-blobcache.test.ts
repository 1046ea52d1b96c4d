// e2e: `nydus blobcache` (nydusd singleton without --fscache) for real: Debian's docker-registry
// with htpasswd auth as the backend, images built by `nydus create`. The snapshotter's legacy
// fscache-driver entry JSON is accepted as sent; warming fills work_dir in nydusd's layout so a
// FUSE daemon with the same work_dir reads the whole image with no registry request; every
// status of api.md §4.8 with bad input leaving the daemon and its other entries intact; data
// blobs shared by reference count; entries persisted and restored after a restart.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validateBlobMetricsList } from '../../generated/validate.js';
import { api, isRoot, startDaemon, startService, unmountAndRemove, waitFor, type ServiceDaemon } from '../daemon-helpers.js';
import { cli, perTest, tempDir } from '../helpers.js';
import { skipReason } from '../servers/common.js';
import { pushBlob, startRegistry, REGISTRY_BIN, type RegistryServer } from '../servers/registry.js';

const why = !isRoot ? 'needs root (FUSE mounts)' : (skipReason(REGISTRY_BIN) ?? skipReason('/usr/bin/htpasswd'));
const bcTest = why ? test.skip : test;
if (why) console.log(`09-blobcache: skipped, ${why}`);
const track = perTest();

const work = tempDir('nydus-blobcache-e2e-');
const USER = { name: 'nydus', password: 'bc-s3cret' };
let registry: RegistryServer;
let bootV6 = '';
let bootV5 = '';
let blobId = '';
let blob: Buffer;
const files = new Map<string, Buffer>();
let n = 0;

function fresh(name: string): string {
  const d = join(work, `${name}${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

const auth = () => Buffer.from(`${USER.name}:${USER.password}`).toString('base64');

/** A repository of its own holding the blob: its requests are in no other test's counts. */
async function ownRepo(): Promise<string> {
  const repo = `library/bc-${n++}`;
  await pushBlob(registry.url, repo, blob, { user: USER.name, password: USER.password });
  return repo;
}

function repoBlobGets(repo: string) {
  return registry.accessLog().filter((e) => e.uri.startsWith(`/v2/${repo}/blobs/`) && e.method === 'GET');
}

/** The snapshotter's fscache-driver entry (daemon.md §2.6), verbatim but for our registry. */
function snapshotterEntry(opts: { id: string; domain: string; repo: string; workDir: string; boot?: string; prefetch?: boolean }) {
  return {
    type: 'bootstrap',
    id: opts.id,
    domain_id: opts.domain,
    config: {
      id: opts.id,
      backend_type: 'registry',
      backend_config: { readahead: false, host: registry.host, repo: opts.repo, auth: auth(), scheme: 'http', proxy: { fallback: false }, timeout: 5, connect_timeout: 5, retry_limit: 2 },
      cache_type: 'fscache',
      cache_config: { work_dir: opts.workDir },
      prefetch_config: { enable: opts.prefetch ?? true, threads_count: 8, merging_size: 1048576, bandwidth_rate: 0, prefetch_all: false },
      metadata_path: opts.boot ?? bootV6,
    },
  };
}

/** A v2 entry with a blobcache work dir. */
function v2Entry(opts: { id: string; domain: string; repo: string; workDir: string; boot?: string; prefetch?: boolean }) {
  return {
    type: 'bootstrap',
    id: opts.id,
    domain_id: opts.domain,
    config_v2: {
      version: 2,
      id: opts.id,
      backend: { type: 'registry', registry: { scheme: 'http', host: registry.host, repo: opts.repo, auth: auth(), timeout: 5, connect_timeout: 5 } },
      cache: { type: 'blobcache', filecache: { work_dir: opts.workDir }, prefetch: { enable: opts.prefetch ?? false, threads: 4, batch_size: 1 << 20, bandwidth_limit: 0 } },
      metadata_path: opts.boot ?? bootV6,
    },
  };
}

async function startBlobcache(extra: string[] = [], stateDir = fresh('state')): Promise<ServiceDaemon & { stateDir: string }> {
  const sock = join(fresh('sock'), 'api.sock');
  const d = await startService('blobcache', ['--state-dir', stateDir, ...extra], sock);
  track(d);
  return Object.assign(d, { stateDir });
}

interface BlobFig {
  blob_id: string;
  refs: number;
  ready_chunks: number;
  chunk_count: number;
  data_all_ready: boolean;
  warm: string;
  underlying_files: string[];
}

async function figures(sock: string): Promise<BlobFig[]> {
  const r = await api(sock, 'GET', '/api/v1/metrics/blobcache');
  assert.is(r.status, 200, r.body);
  assert.ok(validateBlobMetricsList(r.json), JSON.stringify(validateBlobMetricsList.errors));
  return r.json as BlobFig[];
}

async function listDomain(sock: string, domain: string): Promise<Array<{ id: string; domain_id: string }>> {
  const r = await api(sock, 'GET', `/api/v2/blobs?domain_id=${encodeURIComponent(domain)}`);
  assert.is(r.status, 200, r.body);
  return (r.json as { blobs: Array<{ id: string; domain_id: string }> }).blobs;
}

async function readTree(mnt: string): Promise<void> {
  for (const [rel, data] of files) {
    const got = await readFile(join(mnt, rel));
    assert.ok(got.equals(data), `${rel}: content differs`);
  }
}

test.before(async () => {
  if (why) return;
  const src = fresh('src');
  mkdirSync(join(src, 'etc'));
  mkdirSync(join(src, 'usr/lib'), { recursive: true });
  for (let i = 0; i < 30; i++) files.set(`etc/conf${i}.txt`, Buffer.from(`setting ${i} = ${'y'.repeat(50 + i * 41)}\n`));
  for (let i = 0; i < 4; i++) files.set(`usr/lib/lib${i}.so`, randomBytes(1_500_000 + i * 200_000));
  files.set('usr/lib/big.dat', Buffer.concat([randomBytes(3 << 20), Buffer.alloc(2 << 20, 3)]));
  for (const [p, data] of files) writeFileSync(join(src, p), data);
  bootV6 = join(work, 'image-v6.boot');
  const blobs = fresh('blobs');
  // v6 + zstd without the blob-toc tail: the blob id is the SHA-256 the registry stores it under.
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', bootV6, '--blob-dir', blobs, '--no-blob-toc']);
  blobId = readdirSync(blobs)[0];
  blob = readFileSync(join(blobs, blobId));
  assert.is(createHash('sha256').update(blob).digest('hex'), blobId);
  bootV5 = join(work, 'image-v5.boot');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', bootV5, '--blob-dir', fresh('blobs5'), '--fs-version', '5']);
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
});

test.after(async () => {
  await registry?.stop();
  await unmountAndRemove(work);
});

bcTest("the snapshotter's fscache entry warms work_dir; a FUSE daemon on that work_dir then reads everything with no registry request", async () => {
  const repo = await ownRepo();
  const d = await startBlobcache();
  const workDir = fresh('cache');
  const entry = snapshotterEntry({ id: 'fsid1', domain: 'fsid1', repo, workDir });
  let r = await api(d.sock, 'PUT', '/api/v2/blobs', entry);
  assert.is(r.status, 204, r.body);
  await waitFor(async () => (await figures(d.sock)).some((f) => f.data_all_ready), 'warming to finish', 30_000);
  const [fig] = await figures(d.sock);
  assert.is(fig.blob_id, blobId);
  assert.is(fig.ready_chunks, fig.chunk_count);
  assert.is(fig.warm, 'done');
  for (const f of [`${blobId}.blob.data`, `${blobId}.blob.data.chunk_map`, `${blobId}.blob.meta`]) assert.ok(existsSync(join(workDir, f)), `${f} in work_dir: ${readdirSync(workDir).join(', ')}`);
  assert.equal(readFileSync(join(workDir, `${blobId}.blob.data.chunk_map`)).subarray(0, 4).toString('latin1'), 'PAMB');
  // Each blob byte came from the registry at most once.
  const fetched = repoBlobGets(repo).filter((e) => e.status >= 200 && e.status < 300).reduce((s, e) => s + e.written, 0);
  assert.ok(fetched <= blob.length, `warming fetched ${fetched} bytes of a ${blob.length}-byte blob`);
  r = await api(d.sock, 'GET', `/api/v1/metrics/blobcache?id=${blobId}`);
  assert.is(r.status, 200, r.body);
  assert.is((r.json as BlobFig).blob_id, blobId);

  // A FUSE daemon with the same work_dir and backend: zero registry requests.
  const before = repoBlobGets(repo).length;
  const cfg = join(fresh('cfg'), 'config.json');
  writeFileSync(
    cfg,
    JSON.stringify({
      version: 2,
      backend: { type: 'registry', registry: { scheme: 'http', host: registry.host, repo, auth: auth(), timeout: 5 } },
      cache: { type: 'blobcache', filecache: { work_dir: workDir } },
      rafs: { mode: 'direct' },
    }),
  );
  const fuse = await startDaemon(['--bootstrap', bootV6, '--config', cfg], fresh('mnt'), join(fresh('sock'), 'fuse.sock'));
  try {
    await readTree(fuse.mnt);
  } finally {
    assert.is(await fuse.stop(), 0);
  }
  assert.is(repoBlobGets(repo).length, before, `registry requests after warming: ${JSON.stringify(repoBlobGets(repo).slice(before))}`);
  const list = await listDomain(d.sock, 'fsid1');
  assert.is(list.length, 1);
  assert.is(list[0].id, 'fsid1');
});

bcTest('API v2 statuses: bad input is refused with the reference texts and loses nothing', async () => {
  const repo = await ownRepo();
  const d = await startBlobcache();
  const workDir = fresh('cache');
  const good = v2Entry({ id: 'img', domain: 'dom', repo, workDir });
  assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', good)).status, 204);
  const expectFail = async (body: unknown, status: number, text: RegExp) => {
    const r = await api(d.sock, 'PUT', '/api/v2/blobs', body);
    assert.is(r.status, status, `${JSON.stringify(body).slice(0, 120)} -> ${r.body}`);
    assert.match((r.json as { message: string }).message, text);
  };
  const raw = await api(d.sock, 'PUT', '/api/v2/blobs', '{"type": "bootstrap", ');
  assert.is(raw.status, 400);
  assert.match((raw.json as { message: string }).message, /^ParseBody\(/);
  await expectFail({ type: 'bootstrap', id: 'x' }, 400, /^BadRequest$/); // no config
  await expectFail({ ...good, config_v2: { ...good.config_v2, backend: { type: 'registry', registry: { host: '', repo: '' } } } }, 400, /^BadRequest$/);
  await expectFail({ ...good, id: 'a/b' }, 400, /BadRequest|ParseBody/);
  await expectFail({ ...good, type: 'datablob', id: 'd1' }, 500, /^CreateBlobObject\(DaemonAbnormal\(Other\(".*datablob/);
  await expectFail({ ...good, id: 'nometa', config_v2: { ...good.config_v2, metadata_path: join(work, 'missing.boot') } }, 500, /CreateBlobObject.*ENOENT/);
  await expectFail({ ...good, id: 'v5', config_v2: { ...good.config_v2, metadata_path: bootV5 } }, 500, /RAFSv5 image is not supported/);
  await expectFail(good, 500, /bootstrap blob already exists/);
  await expectFail({ ...good, id: 'nodir', config_v2: { ...good.config_v2, cache: { type: 'blobcache', filecache: { work_dir: join(work, 'no-such-dir') } } } }, 500, /work_dir/);
  // A huge body is refused by the API server before it is parsed.
  const huge = await api(d.sock, 'PUT', '/api/v2/blobs', ' '.repeat(2 << 20));
  assert.ok(huge.status >= 400 && huge.status < 500, `huge body: ${huge.status}`);
  // DELETE forms.
  let r = await api(d.sock, 'DELETE', '/api/v2/blobs?domain_id=dom&blob_id=nope');
  assert.is(r.status, 500, r.body);
  assert.match((r.json as { message: string }).message, /^DeleteBlobObject\(DaemonAbnormal\(Other\(".*not found/);
  r = await api(d.sock, 'DELETE', '/api/v2/blobs?blob_id=whatever');
  assert.is(r.status, 501, r.body);
  assert.is((r.json as { message: string }).message, 'DeleteBlobFile(DaemonAbnormal(Unsupported))');
  r = await api(d.sock, 'DELETE', '/api/v2/blobs');
  assert.is(r.status, 400, r.body);
  r = await api(d.sock, 'GET', '/api/v2/blobs');
  assert.is(r.status, 400, r.body);
  // Nothing half-added, the good entry intact, the daemon RUNNING.
  const list = await listDomain(d.sock, 'dom');
  assert.equal(list.map((e) => e.id), ['img']);
  assert.is((await figures(d.sock)).length, 1);
  r = await api(d.sock, 'GET', '/api/v2/daemon');
  assert.is((r.json as { state: string }).state, 'RUNNING');
  assert.is((r.json as { backend_collection: unknown }).backend_collection, null);
  r = await api(d.sock, 'GET', '/api/v2/daemon/backend');
  assert.is(r.status, 200, r.body);
  assert.ok(!r.body.includes(auth()), 'secrets are redacted');
  assert.ok('dom/img' in (r.json as object), r.body);
  // The FUSE-only endpoints answer as for a daemon without mounts.
  r = await api(d.sock, 'POST', '/api/v1/mount?mountpoint=/x', { source: bootV6, fs_type: 'rafs', config: '{}' });
  assert.is(r.status, 501, r.body);
});

bcTest('data blobs are shared inside a domain by reference count; DELETE by id and by domain', async () => {
  const repo = await ownRepo();
  const d = await startBlobcache();
  const workDir = fresh('cache');
  for (const id of ['a', 'b']) assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', v2Entry({ id, domain: 'shared', repo, workDir }))).status, 204);
  assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', v2Entry({ id: 'c', domain: 'other', repo, workDir }))).status, 204);
  let figs = await figures(d.sock);
  assert.equal(figs.map((f) => f.refs).sort(), [1, 2]);
  assert.is((await api(d.sock, 'DELETE', '/api/v2/blobs?domain_id=shared&blob_id=a')).status, 204);
  figs = await figures(d.sock);
  assert.equal(figs.map((f) => f.refs), [1, 1]);
  assert.equal((await listDomain(d.sock, 'shared')).map((e) => e.id), ['b']);
  assert.is((await api(d.sock, 'DELETE', '/api/v2/blobs?domain_id=shared')).status, 204);
  assert.equal(await listDomain(d.sock, 'shared'), []);
  assert.equal((await listDomain(d.sock, 'other')).map((e) => e.id), ['c']);
  assert.is((await figures(d.sock)).length, 1);
});

bcTest('entries persist in the state dir and come back after a restart; a corrupt file is set aside', async () => {
  const repo = await ownRepo();
  const stateDir = fresh('state');
  const workDir = fresh('cache');
  let d = await startBlobcache([], stateDir);
  assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', snapshotterEntry({ id: 'p1', domain: 'p1', repo, workDir, prefetch: false }))).status, 204);
  assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', v2Entry({ id: 'p2', domain: 'dx', repo, workDir }))).status, 204);
  assert.is(await d.stop(), 0);
  const stored = JSON.parse(readFileSync(join(stateDir, 'blobcache.blobs.json'), 'utf8')) as { entries: Record<string, string> };
  assert.equal(Object.keys(stored.entries).sort(), ['dx/p2', 'p1/p1']);
  d = await startBlobcache([], stateDir);
  assert.equal((await listDomain(d.sock, 'p1')).map((e) => e.id), ['p1']);
  assert.equal((await listDomain(d.sock, 'dx')).map((e) => e.id), ['p2']);
  assert.is(await d.stop(), 0);
  writeFileSync(join(stateDir, 'blobcache.blobs.json'), '{"format": "nydus-service-blob-entries", "version": 1, "entries": ');
  d = await startBlobcache([], stateDir);
  assert.equal(await listDomain(d.sock, 'p1'), []);
  assert.ok(readdirSync(stateDir).some((f) => f.startsWith('blobcache.blobs.json.corrupt-')), readdirSync(stateDir).join(', '));
  assert.match(d.output(), /set aside/);
});

bcTest('--config "blobs" registers every entry at start; a bad one fails start-up with exit 1', async () => {
  const repo = await ownRepo();
  const workDir = fresh('cache');
  const cfg = join(fresh('cfg'), 'singleton.json');
  writeFileSync(cfg, JSON.stringify({ blobs: [v2Entry({ id: 'c1', domain: 'cfg', repo, workDir }), v2Entry({ id: 'c2', domain: 'cfg', repo, workDir })] }));
  const d = await startBlobcache(['--config', cfg]);
  assert.equal((await listDomain(d.sock, 'cfg')).map((e) => e.id).sort(), ['c1', 'c2']);
  const bad = join(fresh('cfg'), 'bad.json');
  writeFileSync(bad, JSON.stringify({ blobs: [v2Entry({ id: 'c3', domain: 'cfg', repo, workDir, boot: bootV5 })] }));
  const r = await execa(process.execPath, [cli, 'blobcache', '--config', bad, '--state-dir', fresh('state'), '--apisock', join(fresh('sock'), 'x.sock')], { reject: false });
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, /RAFSv5 image is not supported/);
  const notJson = join(fresh('cfg'), 'bad.json');
  writeFileSync(notJson, '{ blobs');
  const r2 = await execa(process.execPath, [cli, 'singleton', '--config', notJson, '--state-dir', fresh('state'), '--apisock', join(fresh('sock'), 'y.sock')], { reject: false });
  assert.is(r2.exitCode, 1, r2.stderr);
  assert.match(r2.stderr, /invalid configuration file/);
});

bcTest('a dead backend during warming is logged; the daemon and its other entries keep working', async () => {
  const repo = await ownRepo();
  const d = await startBlobcache();
  const workDir = fresh('cache');
  const dead = { ...v2Entry({ id: 'dead', domain: 'dd', repo, workDir, prefetch: true }) };
  dead.config_v2.backend.registry.host = '127.0.0.1:9'; // discard port: connection refused
  dead.config_v2.backend.registry.timeout = 1;
  assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', dead)).status, 204);
  await waitFor(async () => (await figures(d.sock)).some((f) => f.warm === 'failed'), 'warming to fail', 60_000);
  assert.is((await api(d.sock, 'PUT', '/api/v2/blobs', v2Entry({ id: 'alive', domain: 'dd', repo, workDir: fresh('cache') }))).status, 204);
  assert.equal((await listDomain(d.sock, 'dd')).map((e) => e.id).sort(), ['alive', 'dead']);
  const r = await api(d.sock, 'GET', '/api/v2/daemon');
  assert.is((r.json as { state: string }).state, 'RUNNING');
});

test.run();
