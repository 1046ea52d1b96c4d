// e2e: the blob cache daemon as the host's shared cache, with real parts only: Debian's
// docker-registry with htpasswd auth (its access log is the witness of what was fetched), the
// kernel's FUSE, images built by `nydus create`. FUSE daemons read through the daemon's
// --shared-sock with the http-proxy backend; entries and cached ranges survive a restart, a
// kill -9 mid-warming (warming resumes without refetching), `nydus upgrade` and `nydus failover`;
// the `nydus blobcache` client commands against the real daemon.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RafsImage } from '../../src/native/image.js';
import { readRecord } from '../../src/upgrade/records.js';
import { api, isRoot, startDaemon, startService, stopPid, unmountAndRemove, waitFor, waitForRecord, type Daemon, type ServiceDaemon } from '../daemon-helpers.js';
import { cli, perTest, tempDir } from '../helpers.js';
import { skipReason } from '../servers/common.js';
import { pushBlob, startRegistry, REGISTRY_BIN, type RegistryServer } from '../servers/registry.js';

const why = !isRoot ? 'needs root (FUSE mounts)' : (skipReason(REGISTRY_BIN) ?? skipReason('/usr/bin/htpasswd'));
const e2e = why ? test.skip : test;
if (why) console.log(`10-blobcache-shared: skipped, ${why}`);
const track = perTest();

const work = tempDir('nydus-bcshared-e2e-');
const USER = { name: 'nydus', password: 'shared-s3cret' };
const MiB = 1 << 20;
const BLOCK = 4096;

/** An image built by `nydus create` (v6, zstd, no blob-toc: the blob id is its SHA-256). */
interface Image {
  boot: string;
  blobId: string;
  blob: Buffer;
  files: Map<string, Buffer>;
}

let registry: RegistryServer;
/** A tree of small and multi-chunk files (~8 MiB). */
let small: Image;
/** 56 files of 1 MiB of random bytes: 56 MiB that takes seconds to warm at 16 MiB/s. */
let large: Image;
let n = 0;

function fresh(name: string): string {
  const d = join(work, `${name}${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

/** Figures for the log of a run (bytes fetched against the blob size). */
const note = (msg: string) => console.log(`10-blobcache-shared: ${msg}`);

const auth = () => Buffer.from(`${USER.name}:${USER.password}`).toString('base64');

async function buildImage(files: Map<string, Buffer>): Promise<Image> {
  const src = fresh('src');
  for (const [p, data] of files) {
    mkdirSync(join(src, p, '..'), { recursive: true });
    writeFileSync(join(src, p), data);
  }
  const boot = join(fresh('img'), 'image.boot');
  const blobs = fresh('blobs');
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', boot, '--blob-dir', blobs, '--no-blob-toc']);
  const [blobId] = readdirSync(blobs);
  const blob = readFileSync(join(blobs, blobId));
  assert.is(createHash('sha256').update(blob).digest('hex'), blobId);
  return { boot, blobId, blob, files };
}

/** A repository of the test's own holding the image's blob: its requests are in no other test's counts. */
async function ownRepo(img: Image): Promise<string> {
  const repo = `library/shared-${n++}`;
  await pushBlob(registry.url, repo, img.blob, { user: USER.name, password: USER.password });
  return repo;
}

/** Every request the registry logged for `repo` (auth challenges and HEADs included). */
function repoLog(repo: string) {
  return registry.accessLog().filter((e) => e.uri.startsWith(`/v2/${repo}/`));
}

/**
 * Blob bytes the registry sent for `repo`: the sum over its 2xx GETs. Its access log has no
 * Range column, so overlapping fetches cannot be told apart from disjoint ones; a sum no larger
 * than the blob while every byte of it was needed is what "each byte at most once" can mean here.
 */
function repoBytes(repo: string): number {
  return repoLog(repo).filter((e) => e.method === 'GET' && e.uri.includes('/blobs/') && e.status >= 200 && e.status < 300).reduce((s, e) => s + e.written, 0);
}

/** A v2 blob cache entry with a registry backend (htpasswd) and a cache in `workDir`. */
function entry(opts: { id: string; domain: string; repo: string; workDir: string; img: Image; prefetch?: { threads: number; batch: number; bandwidth: number } }) {
  const p = opts.prefetch;
  return {
    type: 'bootstrap',
    id: opts.id,
    domain_id: opts.domain,
    config_v2: {
      version: 2,
      id: opts.id,
      backend: { type: 'registry', registry: { scheme: 'http', host: registry.host, repo: opts.repo, auth: auth(), timeout: 10, connect_timeout: 5 } },
      cache: { type: 'blobcache', filecache: { work_dir: opts.workDir }, prefetch: { enable: p !== undefined, threads: p?.threads ?? 1, batch_size: p?.batch ?? MiB, bandwidth_limit: p?.bandwidth ?? 0 } },
      metadata_path: opts.img.boot,
    },
  };
}

type Blobcache = ServiceDaemon & { stateDir: string; sharedSock: string };

/** `nydus blobcache` with a state dir and a shared read socket (fresh ones unless given). */
async function startBlobcache(opts: { stateDir?: string; sharedSock?: string; sock?: string; extra?: string[] } = {}): Promise<Blobcache> {
  const stateDir = opts.stateDir ?? fresh('state');
  const sharedSock = opts.sharedSock ?? join(fresh('shared'), 'blobs.sock');
  const sock = opts.sock ?? join(fresh('sock'), 'api.sock');
  const d = track(await startService('blobcache', ['--state-dir', stateDir, '--shared-sock', sharedSock, ...(opts.extra ?? [])], sock));
  return Object.assign(d, { stateDir, sharedSock });
}

async function put(sock: string, body: unknown): Promise<void> {
  const r = await api(sock, 'PUT', '/api/v2/blobs', body);
  assert.is(r.status, 204, r.body);
}

interface SharedFig {
  backend_reads: number;
  backend_bytes: number;
  served_bytes: number;
  ready_bytes: number;
  size: number;
  all_ready: boolean;
  in_flight: number;
}

interface BlobFig {
  blob_id: string;
  ready_chunks: number;
  chunk_count: number;
  data_all_ready: boolean;
  warm: string;
  warm_error: string | null;
  shared: SharedFig | null;
}

async function figure(sock: string, blobId: string): Promise<BlobFig> {
  const r = await api(sock, 'GET', `/api/v1/metrics/blobcache?id=${blobId}`);
  assert.is(r.status, 200, r.body);
  return r.json as BlobFig;
}

async function listDomain(sock: string, domain: string): Promise<string[]> {
  const r = await api(sock, 'GET', `/api/v2/blobs?domain_id=${encodeURIComponent(domain)}`);
  assert.is(r.status, 200, r.body);
  return (r.json as { blobs: Array<{ id: string }> }).blobs.map((e) => e.id).sort();
}

/** A FUSE daemon of the image with `backend` (a v2 backend config) and a blob cache in `workDir`. */
async function fuseDaemon(img: Image, backend: Record<string, unknown>, workDir: string): Promise<Daemon & { sock: string }> {
  const cfg = join(fresh('cfg'), 'config.json');
  writeFileSync(cfg, JSON.stringify({ version: 2, backend, cache: { type: 'blobcache', filecache: { work_dir: workDir } }, rafs: { mode: 'direct' } }));
  const d = await startDaemon(['--bootstrap', img.boot, '--config', cfg], fresh('mnt'), join(fresh('sock'), 'fuse.sock'));
  return track(d) as Daemon & { sock: string };
}

/** A FUSE daemon of the image whose backend is the blob cache daemon's shared socket (http-proxy), with a cache of its own. */
function sharedFuse(img: Image, sharedSock: string): Promise<Daemon & { sock: string }> {
  return fuseDaemon(img, { type: 'http-proxy', 'http-proxy': { addr: sharedSock, timeout: 30, connect_timeout: 5 } }, fresh('cache'));
}

/** Reads `paths` (default: every file) through the mount and compares each with its source bytes. */
async function readAll(d: Daemon, img: Image, paths: string[] = [...img.files.keys()]): Promise<void> {
  await Promise.all(
    paths.map(async (rel) => {
      const got = await readFile(join(d.mnt, rel));
      assert.ok(got.equals(img.files.get(rel)!), `${rel} read through ${d.mnt} differs from the source`);
    }),
  );
}

/** The largest stored (compressed) chunk of the image's files. */
function largestStoredChunk(img: Image): number {
  const image = RafsImage.open(img.boot, {});
  try {
    let max = 0;
    for (const [rel, data] of img.files) {
      for (const seg of image.mapRange(image.lookupPath(`/${rel}`), 0, data.length)) max = Math.max(max, seg.chunk?.compressedSize ?? 0);
    }
    return max;
  } finally {
    image.close();
  }
}

async function backendBytes(sock: string): Promise<number> {
  const r = await api(sock, 'GET', '/api/v1/metrics/backend');
  assert.is(r.status, 200, r.body);
  return (r.json as { read_amount_total: number }).read_amount_total;
}

/**
 * The registry logs a request once it has answered it: waits until the repository's logged bytes
 * (beyond `earlier`, an earlier daemon's) equal what the blob cache daemon says its backend
 * delivered, so counts taken afterwards hold every request made so far. Returns those bytes.
 */
async function settled(repo: string, sock: string, blobId: string, earlier = 0): Promise<number> {
  let fig: BlobFig | null = null;
  await waitFor(async () => {
    fig = await figure(sock, blobId);
    return fig.shared !== null && fig.shared.in_flight === 0 && repoBytes(repo) - earlier === fig.shared.backend_bytes;
  }, `the registry log of ${repo} to show the daemon's backend bytes`, 10_000).catch((err: Error) => {
    throw new Error(`${err.message}: log ${repoBytes(repo)} bytes (${earlier} of an earlier daemon), daemon ${JSON.stringify((fig as BlobFig | null)?.shared)}`);
  });
  return repoBytes(repo) - earlier;
}

test.before(async () => {
  if (why) return;
  const a = new Map<string, Buffer>();
  for (let i = 0; i < 40; i++) a.set(`etc/conf${i}.txt`, Buffer.from(`key${i} = ${'v'.repeat(30 + i * 53)}\n`));
  for (let i = 0; i < 4; i++) a.set(`usr/lib/lib${i}.so`, randomBytes(1_200_000 + i * 150_000));
  a.set('usr/share/big.dat', Buffer.concat([randomBytes(2 * MiB + 12345), Buffer.alloc(MiB, 9)]));
  small = await buildImage(a);
  const b = new Map<string, Buffer>();
  for (let i = 0; i < 56; i++) b.set(`data/part${String(i).padStart(2, '0')}.bin`, randomBytes(MiB));
  large = await buildImage(b);
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
});

test.after(async () => {
  await registry?.stop();
  await unmountAndRemove(work);
});

e2e('three FUSE daemons on the shared socket read the whole image at once; the registry sends each blob byte at most once; a fourth reads with no registry request', async () => {
  const repo = await ownRepo(small);
  const bc = await startBlobcache();
  await put(bc.sock, entry({ id: 'img', domain: 'host', repo, workDir: fresh('bcache'), img: small }));
  const fuse = await Promise.all([0, 1, 2].map(() => sharedFuse(small, bc.sharedSock)));
  await Promise.all(fuse.map((d) => readAll(d, small)));
  // Each daemon fetched through the socket: none had the data from elsewhere.
  const perDaemon = await Promise.all(fuse.map((d) => backendBytes(d.sock)));
  for (const b of perDaemon) assert.ok(b > small.blob.length / 2, `a FUSE daemon read ${b} bytes through the shared socket (blob ${small.blob.length})`);

  const fetched = await settled(repo, bc.sock, small.blobId);
  assert.ok(fetched > 0 && fetched <= small.blob.length, `the registry sent ${fetched} bytes of a ${small.blob.length}-byte blob to three daemons`);
  const fig = (await figure(bc.sock, small.blobId)).shared!;
  assert.ok(fig.served_bytes >= 2 * fig.backend_bytes, `served ${fig.served_bytes} bytes from ${fig.backend_bytes} fetched`);
  note(`3 daemons: registry sent ${fetched} B of a ${small.blob.length} B blob in ${fig.backend_reads} GETs; the socket served ${fig.served_bytes} B (${perDaemon.join(' + ')})`);

  const requests = repoLog(repo).length;
  const fourth = await sharedFuse(small, bc.sharedSock);
  await readAll(fourth, small);
  assert.ok((await backendBytes(fourth.sock)) > 0, 'the fourth daemon read through the socket');
  assert.equal(repoLog(repo).slice(requests), [], 'the fourth daemon made no registry request');
  for (const d of [...fuse, fourth]) assert.is(await d.stop(), 0);
});

e2e('a restart (SIGTERM, same --state-dir) restores the entries; cached ranges are served with no registry request, the rest fetched once', async () => {
  const repo = await ownRepo(small);
  const bc = await startBlobcache();
  const workDir = fresh('bcache');
  await put(bc.sock, entry({ id: 'img', domain: 'dom', repo, workDir, img: small }));
  await put(bc.sock, entry({ id: 'img2', domain: 'dom', repo, workDir, img: small }));
  await put(bc.sock, entry({ id: 'other', domain: 'dom2', repo, workDir: fresh('bcache'), img: small }));
  const paths = [...small.files.keys()];
  const firstHalf = paths.filter((_, i) => i % 2 === 0);
  const f1 = await sharedFuse(small, bc.sharedSock);
  await readAll(f1, small, firstHalf);
  assert.is(await f1.stop(), 0);
  const before = await settled(repo, bc.sock, small.blobId);
  assert.ok(before > 0 && before < small.blob.length, `half the files fetched ${before} of ${small.blob.length} bytes`);
  assert.is(await bc.stop(), 0);

  const again = await startBlobcache({ stateDir: bc.stateDir, sharedSock: bc.sharedSock });
  assert.equal(await listDomain(again.sock, 'dom'), ['img', 'img2']);
  assert.equal(await listDomain(again.sock, 'dom2'), ['other']);
  const requests = repoLog(repo).length;
  const f2 = await sharedFuse(small, again.sharedSock);
  await readAll(f2, small, firstHalf);
  assert.equal(repoLog(repo).slice(requests), [], 'ranges cached before the restart are served without the registry');
  await readAll(f2, small);
  assert.is(await f2.stop(), 0);
  const total = before + (await settled(repo, again.sock, small.blobId, before));
  assert.ok(total <= small.blob.length, `over both runs the registry sent ${total} bytes of a ${small.blob.length}-byte blob`);
  note(`restart: ${before} B fetched before, ${total - before} B after, blob ${small.blob.length} B`);
});

e2e('kill -9 during warming, then a restart resumes it without fetching the ready chunks again; a FUSE daemon on that work_dir then reads with no registry request', async () => {
  const repo = await ownRepo(large);
  const size = large.blob.length;
  const threads = 1;
  const batch = MiB;
  // What the registry may have sent that the kill kept from the cache: each warming thread's
  // request in flight at the kill (a merged range is at most one batch, or one chunk when a
  // chunk is larger; the range store widens it to whole 4 KiB blocks at both ends). Its bytes
  // are fetched again after the restart, and may be logged after the restart point too when the
  // registry finishes the request late. Block edges alone cost nothing: the range store keeps
  // the whole blocks it fetched, so a neighbouring chunk's part of an edge block is not fetched twice.
  const slack = threads * (Math.max(batch, largestStoredChunk(large)) + 2 * BLOCK);
  const workDir = fresh('bcache');
  const bc = await startBlobcache();
  // Any nonzero limit below 16 MiB/s is raised to 16 MiB/s: the 56 MiB blob takes ~2.5 s after
  // the bucket's first 16 MiB. A v2 entry whose prefetch_all is left false still warms the whole
  // blob (daemon.md §6.3; it used to warm only the image's empty prefetch table and say "failed").
  await put(bc.sock, entry({ id: 'warm', domain: 'w', repo, workDir, img: large, prefetch: { threads, batch, bandwidth: MiB } }));
  let last: BlobFig | null = null;
  await waitFor(async () => {
    last = await figure(bc.sock, large.blobId);
    if (last.data_all_ready) throw new Error(`warming finished before it could be interrupted: ${JSON.stringify(last)}`);
    return last.ready_chunks >= 1 && (last.shared?.ready_bytes ?? 0) >= Math.max(4 * slack, size / 4);
  }, 'warming to be partly done', 30_000);
  await bc.kill();
  const seen = last as unknown as BlobFig;
  assert.ok(seen.ready_chunks >= 1 && seen.ready_chunks < seen.chunk_count, `killed with ${seen.ready_chunks} of ${seen.chunk_count} chunks ready`);
  const readyBefore = seen.shared!.ready_bytes;
  const fetchedBefore = repoBytes(repo);

  const again = await startBlobcache({ stateDir: bc.stateDir });
  assert.equal(await listDomain(again.sock, 'w'), ['warm']);
  await waitFor(async () => (await figure(again.sock, large.blobId)).data_all_ready, 'warming to finish after the restart', 60_000);
  const fig = await figure(again.sock, large.blobId);
  assert.is(fig.ready_chunks, fig.chunk_count);
  await waitFor(async () => (await figure(again.sock, large.blobId)).warm === 'done', 'the warming state done', 10_000);
  // The restarted daemon's own fetches are all in the log once the bytes logged since the kill
  // reach its backend byte count (a request of the killed daemon may be logged late, among them).
  let restarted = 0;
  await waitFor(async () => {
    const s = (await figure(again.sock, large.blobId)).shared;
    restarted = s?.backend_bytes ?? 0;
    return s !== null && s.in_flight === 0 && repoBytes(repo) - fetchedBefore >= restarted;
  }, 'the registry log to show the restarted daemon\'s fetches', 10_000);
  const total = repoBytes(repo);
  const after = total - fetchedBefore;
  const report = `blob ${size} B, ready at the kill ${readyBefore} B (${seen.ready_chunks}/${seen.chunk_count} chunks), fetched before ${fetchedBefore} B, after ${after} B, slack ${slack} B; the restarted daemon fetched ${restarted} B`;
  assert.ok(restarted > 0, `the restart fetched the rest: ${report}`);
  assert.ok(restarted <= size - readyBefore + slack, `the restarted daemon fetched ready bytes again: ${report}`);
  assert.ok(after <= size - readyBefore + slack, `ready bytes were fetched again: ${report}`);
  assert.ok(total <= size + slack, `over both runs: ${report}`);
  note(`kill -9 mid-warming: ${report}`);

  // The warmed work_dir in nydusd's layout serves a FUSE daemon with its registry backend alone.
  const requests = repoLog(repo).length;
  const fuse = await fuseDaemon(large, { type: 'registry', registry: { scheme: 'http', host: registry.host, repo, auth: auth(), timeout: 10 } }, workDir);
  await readAll(fuse, large);
  assert.is(await fuse.stop(), 0);
  assert.equal(repoLog(repo).slice(requests), [], 'no registry request after warming');
});

/** A blob cache daemon under an id with a supervisor socket, as nydus-snapshotter starts one; its record written. */
async function supervisedBlobcache(): Promise<Blobcache & { id: string }> {
  const id = `bc${n++}`;
  const supervisor = join(fresh('sup'), 'supervisor.sock');
  const bc = await startBlobcache({ extra: ['--id', id, '--supervisor', supervisor] });
  await waitForRecord(bc.stateDir, id);
  return Object.assign(bc, { id });
}

/** Stops whatever process the record names now (an upgrade's successor, a failover's restart) and waits until it is gone. */
async function stopRecorded(bc: Blobcache & { id: string }): Promise<void> {
  const rec = await readRecord(bc.stateDir, bc.id).catch(() => null);
  // Its command line holds the shared socket path: a reused pid is left alone.
  if (rec?.pid) await stopPid(rec.pid, bc.sharedSock);
}

e2e('nydus upgrade of a blob cache daemon: the successor holds the same entries and serves the same shared socket; the old process is gone', async () => {
  const repo = await ownRepo(small);
  const bc = await supervisedBlobcache();
  try {
    const workDir = fresh('bcache');
    await put(bc.sock, entry({ id: 'img', domain: 'up', repo, workDir, img: small }));
    await put(bc.sock, entry({ id: 'img2', domain: 'up', repo, workDir, img: small }));
    // A FUSE daemon reads half the image before the upgrade.
    const paths = [...small.files.keys()];
    const firstHalf = paths.filter((_, i) => i % 2 === 0);
    const fuse = await sharedFuse(small, bc.sharedSock);
    await readAll(fuse, small, firstHalf);
    const before = await settled(repo, bc.sock, small.blobId);
    const old = await readRecord(bc.stateDir, bc.id);

    const r = await execa(process.execPath, [cli, 'upgrade', bc.id, '--state-dir', bc.stateDir], { reject: false });
    assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
    assert.is((await bc.proc).exitCode, 0, 'the old daemon exited on request');
    const rec = await readRecord(bc.stateDir, bc.id);
    assert.is.not(rec.pid, old.pid);
    assert.is(rec.state, 'RUNNING');
    assert.is(rec.kind, 'blobcache');
    assert.equal(rec.mounts.map((m) => m.mountpoint).sort(), ['up/img', 'up/img2'], 'the record lists the entries');
    assert.not.ok(existsSync(`/proc/${old.pid}`) && readFileSync(`/proc/${old.pid}/cmdline`, 'utf8').includes(bc.sharedSock), `old pid ${old.pid} is gone`);
    const sock = rec.apiSock!;
    assert.is.not(sock, bc.sock);
    assert.equal(await listDomain(sock, 'up'), ['img', 'img2']);

    // A new FUSE daemon gets the ranges cached before the upgrade from the successor's cache; the
    // one that ran across the upgrade reads the rest through the same socket path, now the successor's.
    const requests = repoLog(repo).length;
    const reread = await sharedFuse(small, bc.sharedSock);
    await readAll(reread, small, firstHalf);
    assert.equal(repoLog(repo).slice(requests), [], 'ranges cached before the upgrade come from the cache');
    await readAll(fuse, small);
    const after = await settled(repo, sock, small.blobId, before);
    assert.ok(before + after <= small.blob.length, `before ${before} + after ${after} bytes of a ${small.blob.length}-byte blob`);
    note(`upgrade: ${before} B fetched before, ${after} B after, blob ${small.blob.length} B`);
    assert.is(await fuse.stop(), 0);
    assert.is(await reread.stop(), 0);
  } finally {
    await stopRecorded(bc);
  }
});

e2e('nydus failover of a blob cache daemon: kill -9, the supervisor restarts it with every entry (also one added after supervision began), RUNNING and serving the shared socket', async () => {
  const repo = await ownRepo(small);
  const bc = await supervisedBlobcache();
  const failover = execa(process.execPath, [cli, 'failover', bc.id, '--state-dir', bc.stateDir], { reject: false, all: true });
  let log = '';
  failover.all?.on('data', (c: Buffer) => (log += c.toString()));
  try {
    const workDir = fresh('bcache');
    await put(bc.sock, entry({ id: 'first', domain: 'fo', repo, workDir, img: small }));
    await waitFor(async () => (await readRecord(bc.stateDir, bc.id)).failover !== undefined, 'failover to hold the state', 15_000);
    // Added once the supervisor holds a state: it must save the state again to know it.
    await put(bc.sock, entry({ id: 'late', domain: 'fo', repo, workDir, img: small }));
    await waitFor(() => /saved the state of daemon .*2 blob cache entries/.test(log), `the supervisor to save the state with both entries: ${log}`, 15_000);
    const fuse = await sharedFuse(small, bc.sharedSock);
    await readAll(fuse, small, ['usr/share/big.dat']);
    const before = await settled(repo, bc.sock, small.blobId);

    const dead = (await readRecord(bc.stateDir, bc.id)).pid;
    process.kill(dead, 'SIGKILL');
    await waitFor(async () => {
      const rec = await readRecord(bc.stateDir, bc.id);
      return rec.pid !== dead && rec.state === 'RUNNING';
    }, `recovery: ${log}`, 30_000);
    const r = await api(bc.sock, 'GET', '/api/v2/daemon');
    assert.is((r.json as { state: string }).state, 'RUNNING');
    assert.equal(await listDomain(bc.sock, 'fo'), ['first', 'late']);
    // The entries in the state dir are the restored ones too.
    const stored = JSON.parse(readFileSync(join(bc.stateDir, `${bc.id}.blobs.json`), 'utf8')) as { entries: Record<string, string> };
    assert.equal(Object.keys(stored.entries).sort(), ['fo/first', 'fo/late']);
    // A new FUSE daemon gets the ranges cached before the crash from the cache; the one that ran
    // across the crash reads the rest through the restarted daemon's socket.
    const requests = repoLog(repo).length;
    const reread = await sharedFuse(small, bc.sharedSock);
    await readAll(reread, small, ['usr/share/big.dat']);
    assert.equal(repoLog(repo).slice(requests), [], 'ranges cached before the crash come from the cache');
    await readAll(fuse, small);
    const after = await settled(repo, bc.sock, small.blobId, before);
    assert.ok(before + after <= small.blob.length, `before ${before} + after ${after} bytes of a ${small.blob.length}-byte blob`);
    note(`failover: ${before} B fetched before, ${after} B after, blob ${small.blob.length} B`);
    assert.is(await fuse.stop(), 0);
    assert.is(await reread.stop(), 0);
  } finally {
    failover.kill('SIGTERM');
    await failover;
    await stopRecorded(bc);
  }
});

e2e('the nydus blobcache client commands against the daemon: add --file (the snapshotter\'s fscache entry), list --json, metrics --json, remove, with exit codes', async () => {
  const repo = await ownRepo(small);
  const bc = await startBlobcache();
  // Each command is a process of its own (about a second): independent ones run side by side.
  const nydus = (...args: string[]) => execa(process.execPath, [cli, 'blobcache', ...args, '--apisock', bc.sock], { reject: false });
  const workDir = fresh('bcache');
  // daemon.md §2.6, as nydus-snapshotter's fscache driver writes it (our registry and paths).
  const legacy = {
    type: 'bootstrap',
    id: 'snap1',
    domain_id: 'snap1',
    config: {
      id: 'snap1',
      backend_type: 'registry',
      backend_config: { readahead: false, host: registry.host, repo, auth: auth(), scheme: 'http', proxy: { fallback: false }, timeout: 5, connect_timeout: 5, retry_limit: 2 },
      cache_type: 'fscache',
      cache_config: { work_dir: workDir },
      prefetch_config: { enable: true, threads_count: 8, merging_size: 1048576, bandwidth_rate: 0, prefetch_all: false },
      metadata_path: small.boot,
    },
  };
  const file = join(fresh('entry'), 'entry.json');
  writeFileSync(file, JSON.stringify(legacy));
  const notJson = join(fresh('entry'), 'bad.json');
  writeFileSync(notJson, '{ "type": ');
  const added = await nydus('add', '--file', file);
  assert.is(added.exitCode, 0, added.stderr);
  assert.is(added.stdout.trim(), 'added bootstrap snap1/snap1');
  // The entry warms (prefetch enabled) meanwhile.
  const [dup, bad, listJson, listText, missing] = await Promise.all([
    nydus('add', '--file', file),
    nydus('add', '--file', notJson),
    nydus('list', '--domain-id', 'snap1', '--json'),
    nydus('list', '--domain-id', 'snap1'),
    nydus('metrics', '--id', 'no-such-blob'),
  ]);
  assert.is(dup.exitCode, 1, 'a duplicate is the daemon\'s 500');
  assert.match(dup.stderr, /bootstrap blob already exists/);
  assert.is(bad.exitCode, 2, `a file that is not JSON: ${bad.stderr}`);
  assert.is(listJson.exitCode, 0, listJson.stderr);
  const list = JSON.parse(listJson.stdout) as { blobs: Array<{ id: string; domain_id: string; config_v2: { cache: { type: string; prefetch: { enable: boolean; threads: number; prefetch_all: boolean } }; metadata_path: string } }> };
  assert.equal(list.blobs.map((b) => `${b.domain_id}/${b.id}`), ['snap1/snap1']);
  const v2 = list.blobs[0].config_v2;
  assert.is(v2.cache.type, 'fscache');
  assert.equal([v2.cache.prefetch.enable, v2.cache.prefetch.threads, v2.cache.prefetch.prefetch_all], [true, 8, true]);
  assert.is(v2.metadata_path, small.boot);
  assert.is(listText.exitCode, 0, listText.stderr);
  assert.match(listText.stdout, /snap1\/snap1/);
  assert.is(missing.exitCode, 1, missing.stdout);

  await waitFor(async () => (await figure(bc.sock, small.blobId)).warm === 'done', 'warming to finish', 30_000);
  const [one, all] = await Promise.all([nydus('metrics', '--json', '--id', small.blobId), nydus('metrics', '--json')]);
  assert.is(one.exitCode, 0, one.stderr);
  const m = JSON.parse(one.stdout) as BlobFig;
  assert.is(m.blob_id, small.blobId);
  assert.is(m.ready_chunks, m.chunk_count);
  assert.ok(m.data_all_ready);
  assert.ok(existsSync(join(workDir, `${small.blobId}.blob.data.chunk_map`)));
  assert.is(all.exitCode, 0, all.stderr);
  assert.equal((JSON.parse(all.stdout) as BlobFig[]).map((f) => f.blob_id), [small.blobId]);

  const removed = await nydus('remove', '--domain-id', 'snap1', '--blob-id', 'snap1');
  assert.is(removed.exitCode, 0, removed.stderr);
  assert.is(removed.stdout.trim(), 'removed snap1/snap1');
  const [again, cull, none, empty] = await Promise.all([
    nydus('remove', '--domain-id', 'snap1', '--blob-id', 'snap1'),
    nydus('remove', '--blob-id', small.blobId),
    nydus('remove'),
    nydus('list', '--domain-id', 'snap1', '--json'),
  ]);
  assert.is(again.exitCode, 1, 'removing it again is the daemon\'s 500');
  assert.match(again.stderr, /not found/);
  assert.is(cull.exitCode, 1, 'culling needs the fscache service (501)');
  assert.match(cull.stderr, /Unsupported/);
  assert.is(none.exitCode, 2, 'no target is a usage error');
  assert.is(empty.exitCode, 0, empty.stderr);
  assert.equal(JSON.parse(empty.stdout), { blobs: [] });
});

test.run();
