// Service layer: SharedBlobReads, the blob cache daemon's host-wide blob read service. Real
// parts: docker-registry with htpasswd auth behind it, our http-proxy backend as the client over
// the Unix socket, the registry's access log as the witness of what was fetched. A fault server
// (MOCK) gives a slow upstream; a gated in-process backend (MOCK) drives coalescing edge cases.
import { linkSync, statSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendConfig } from '../../generated/types.js';
import { createBackend, type BlobBackend } from '../../src/storage/backend.js';
import { BlobRangeStore } from '../../src/service/blob-range-store.js';
import { SharedBlobReads } from '../../src/service/shared-blob-reads.js';
import { startFaultServer } from '../servers/fault-server.js';
import { pushBlob, REGISTRY_BIN, startRegistry, type RegistryServer } from '../servers/registry.js';
import { basicAuth, httpProxyConfig, registryConfig, rejection, skipFor, testUnless, until } from '../storage/fixture.js';
import { perTest, tempDir } from '../helpers.js';

const reason = skipFor(REGISTRY_BIN, '/usr/bin/htpasswd');
const it = testUnless(reason);
const track = perTest();
const repo = 'nydus/shared-reads';
const alice = { user: 'alice', password: 'alice-pw' };
const B = 4096;
const big = randomBytes(9 * 1024 * 1024 + 777);
const other = randomBytes(300_000 + 5);
const none = { localfs: null, localdisk: null, oss: null, s3: null, registry: null, 'http-proxy': null };
let reg: RegistryServer;
let bigId = '';
let otherId = '';
/** Blobs the services resolve (every pushed blob). */
const known = new Set<string>();

test.before(async () => {
  if (reason) return;
  reg = await startRegistry({ auth: 'htpasswd', users: [{ name: alice.user, password: alice.password }] });
  bigId = await pushBlob(reg.url, repo, big, alice);
  otherId = await pushBlob(reg.url, repo, other, alice);
  known.add(bigId).add(otherId);
});

test.after(async () => {
  await reg?.stop();
});

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): (n: number) => number {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Service {
  reads: SharedBlobReads;
  socket: string;
  workDir: string;
  logs: string[];
}

/** SharedBlobReads over the registry (htpasswd), listening on a fresh socket. */
async function service(opts: { workDir?: string; soleBlob?: () => string | null } = {}): Promise<Service> {
  const workDir = opts.workDir ?? tempDir();
  const logs: string[] = [];
  const log = (level: string, msg: string) => logs.push(`${level}: ${msg}`);
  const upstream = track(createBackend({ ...none, type: 'registry', registry: registryConfig({ host: reg.host, repo, auth: basicAuth(alice.user, alice.password) }) } as BackendConfig, { id: 'blobcache', log }));
  const reads = track(new SharedBlobReads({ resolve: (id) => (known.has(id) ? { backend: upstream, workDir } : null), log, soleBlob: opts.soleBlob }));
  const socket = join(tempDir(), 'blobs.sock');
  await reads.listen(socket);
  return { reads, socket, workDir, logs };
}

/** Our http-proxy backend on the service's socket: what a FUSE daemon on the host uses. */
function client(socket: string, path = ''): BlobBackend {
  return track(createBackend({ ...none, type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: socket, path, timeout: 30 }) } as BackendConfig, { id: 'fuse' }));
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(socketPath: string, method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const r = http.request({ socketPath, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    r.on('error', reject);
    r.end();
  });
}

/** Sends raw bytes, returns everything the server wrote until it closed the connection. */
function raw(socketPath: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath, () => s.end(text));
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c));
    s.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    s.on('error', reject);
  });
}

/** A blob pushed for one test only, so every registry log line for its digest is that test's. */
async function fresh(size: number): Promise<{ id: string; data: Buffer }> {
  const data = randomBytes(size);
  const id = await pushBlob(reg.url, repo, data, alice);
  known.add(id);
  return { id, data };
}

/** The registry's successful answers about one blob so far: ranged GETs and HEADs. */
function hits(id: string) {
  const log = reg.accessLog().filter((e) => e.uri.endsWith(`sha256:${id}`) && e.status < 400);
  return { gets: log.filter((e) => e.method === 'GET'), heads: log.filter((e) => e.method === 'HEAD') };
}

/** Waits until the registry has logged (it logs after answering) at least this many GETs and HEADs of `id`. */
async function logged(id: string, gets: number, heads: number) {
  await until(() => hits(id).gets.length >= gets && hits(id).heads.length >= heads, 10_000);
  return hits(id);
}

let marks = 0;
/** A marker request, returned once logged: whatever the registry answered before it is in the log. */
async function registryMark(): Promise<void> {
  const tag = `nydus-mark-${++marks}`;
  await new Promise<void>((resolve, reject) => {
    http.get(`${reg.url}/v2/${tag}`, { agent: false }, (res) => res.resume().on('end', resolve)).on('error', reject);
  });
  await until(() => reg.accessLog().some((e) => e.uri.includes(tag)), 10_000);
}

const written = (entries: Array<{ written: number }>) => entries.reduce((n, e) => n + e.written, 0);

it('ranged reads through the socket equal the pushed blob: random ranges, block edges, last partial block, HEAD size, whole blob', async () => {
  const s = await service();
  const c = client(s.socket, '/any/prefix');
  assert.is(await c.blobSize(bigId), big.length);
  const tail = big.length % B;
  const ranges: Array<[number, number]> = [[0, 1], [B - 1, 2], [B, B], [2 * B - 1, 3], [(4 << 20) - 5, 10], [big.length - 1, 1], [big.length - tail, tail], [big.length - tail - 1, tail + 1]];
  const r = rng(1);
  for (let i = 0; i < 40; i++) {
    const o = r(big.length);
    ranges.push([o, 1 + r(Math.min(600_000, big.length - o))]);
  }
  for (const [o, l] of ranges) assert.equal(await c.read(bigId, o, l), big.subarray(o, o + l), `range ${o}+${l}`);
  const whole = await request(s.socket, 'GET', `/${bigId}`);
  assert.is(whole.status, 200);
  assert.is(whole.headers['content-length'], String(big.length));
  assert.ok(whole.body.equals(big), 'whole blob without Range');
  const suffix = await request(s.socket, 'GET', `/v2/${repo}/blobs/sha256:${bigId}`, { Range: 'bytes=-100' });
  assert.is(suffix.status, 206);
  assert.is(suffix.headers['content-range'], `bytes ${big.length - 100}-${big.length - 1}/${big.length}`);
  assert.equal(suffix.body, big.subarray(big.length - 100));
  const open = await request(s.socket, 'GET', `/${bigId}`, { Range: 'bytes=9000000-' });
  assert.is(open.headers['content-length'], String(big.length - 9_000_000));
  assert.equal(open.body, big.subarray(9_000_000));
  const clipped = await request(s.socket, 'GET', `/${otherId}`, { Range: 'bytes=10-99999999999' });
  assert.is(clipped.headers['content-range'], `bytes 10-${other.length - 1}/${other.length}`);
  assert.equal(clipped.body, other.subarray(10));
  const head = await request(s.socket, 'HEAD', `/${otherId}`);
  assert.equal([head.status, head.headers['content-length'], head.body.length], [200, String(other.length), 0]);
});

it('8 concurrent clients reading overlapping ranges fetch each blob byte from the registry once; a second pass asks the registry nothing', async () => {
  const { id, data } = await fresh(9 * 1024 * 1024 + 777);
  const s = await service();
  const clients = Array.from({ length: 8 }, () => client(s.socket));
  const r = rng(8);
  const slice = Math.ceil(data.length / 8);
  const plans = clients.map((_, k) => {
    const out: Array<[number, number]> = [];
    const end = Math.min(data.length, (k + 1) * slice + 300_000);
    for (let o = Math.max(0, k * slice - 300_000); o < end; ) {
      const l = Math.min(end - o, 50_000 + r(650_000));
      out.push([o, l]);
      o += l;
    }
    return out.sort(() => r(3) - 1);
  });
  const pass = () => Promise.all(clients.map(async (c, k) => {
    for (const [o, l] of plans[k]) assert.equal(await c.read(id, o, l), data.subarray(o, o + l), `client ${k} range ${o}+${l}`);
  }));
  await pass();
  const m = s.reads.metrics(id);
  assert.ok(m);
  assert.equal([m.backend_bytes, m.ready_bytes, m.all_ready, m.in_flight, m.size], [data.length, data.length, true, 0, data.length]);
  assert.ok(m.backend_reads >= 3, `backend reads ${m.backend_reads}: at most 4 MiB each`);
  assert.ok(m.cache_hit_bytes > 0, 'overlaps were served from the cache');
  const first = await logged(id, m.backend_reads, 1);
  assert.is(first.gets.length, m.backend_reads, 'one registry GET per backend read');
  assert.is(written(first.gets), data.length, 'every byte fetched exactly once');
  assert.ok(first.gets.every((g) => g.status === 206 && g.written <= 4 << 20), 'ranged GETs of at most 4 MiB');
  assert.is(first.heads.length, 1, 'one size request');
  await pass();
  await registryMark();
  const second = hits(id);
  assert.equal([second.gets.length, second.heads.length], [first.gets.length, 1], 'the second pass made no registry request');
  assert.is(s.reads.metrics(id)?.backend_reads, m.backend_reads);
  assert.is(s.reads.metrics(id)?.served_bytes, 2 * m.served_bytes);
});

it('reopen over the same work dir: cached bytes and the blob size come from disk with no registry request', async () => {
  const { id, data } = await fresh(300_005);
  const workDir = tempDir();
  const s1 = await service({ workDir });
  assert.equal(await client(s1.socket).read(id, 0, data.length), data);
  const before = await logged(id, s1.reads.metrics(id)?.backend_reads ?? 0, 1);
  await s1.reads.close();
  assert.not.ok(existsSync(s1.socket), 'close removed the socket file');
  const s2 = await service({ workDir });
  const c = client(s2.socket);
  assert.is(await c.blobSize(id), data.length);
  assert.equal(await c.read(id, 12_345, 200_000), data.subarray(12_345, 212_345));
  assert.equal(await c.read(id, data.length - 5, 5), data.subarray(data.length - 5));
  await registryMark();
  const after = hits(id);
  assert.equal([after.gets.length, after.heads.length], [before.gets.length, before.heads.length], 'no registry request after the reopen');
  const m = s2.reads.metrics(id);
  assert.equal([m?.backend_reads, m?.cache_hit_bytes, m?.served_bytes, m?.all_ready], [0, 200_005, 200_005, true]);
});

it('a truncated range_map is discarded (logged) and the blob fetched again; data without map bits is never served', async () => {
  const { id, data } = await fresh(300_005);
  const workDir = tempDir();
  const s1 = await service({ workDir });
  assert.equal(await client(s1.socket).read(id, 0, data.length), data);
  const first = await logged(id, s1.reads.metrics(id)?.backend_reads ?? 0, 1);
  await s1.reads.close();
  const mapFile = join(workDir, `${id}.range_map`);
  writeFileSync(mapFile, readFileSync(mapFile).subarray(0, 100));
  const s2 = await service({ workDir });
  assert.equal(await client(s2.socket).read(id, 0, data.length), data);
  const refetched = await logged(id, first.gets.length + (s2.reads.metrics(id)?.backend_reads ?? 0), 2);
  assert.is(written(refetched.gets.slice(first.gets.length)), data.length, 'the whole blob fetched again');
  assert.ok(s2.logs.some((l) => /^warn: .*discarding .*range_map \(map has 100 bytes/.test(l)), s2.logs.join('\n'));
  await s2.reads.close();

  // A crash between data and bits: the data file holds bytes (here garbage), the map no bits.
  const dir = tempDir();
  await (await BlobRangeStore.open(dir, id, data.length)).close();
  writeFileSync(join(dir, `${id}.blob.range`), Buffer.alloc(data.length, 0xee));
  const s3 = await service({ workDir: dir });
  assert.equal(await client(s3.socket).read(id, 5000, 100_000), data.subarray(5000, 105_000));
  const again = await logged(id, refetched.gets.length + (s3.reads.metrics(id)?.backend_reads ?? 0), 2);
  assert.is(written(again.gets.slice(refetched.gets.length)), 25 * B, 'blocks 1..25 fetched, not read from the data file');
  await registryMark();
  assert.is(hits(id).heads.length, 2, 'no HEAD: the size is recorded by the map');
});

it('protocol answers: 404 unknown blob, 416 with bytes */size, 405, 400 for bad ids, bad Range, "/" without a sole blob, malformed and oversized requests', async () => {
  const s = await service();
  const unknown = 'f'.repeat(64);
  const nf = await request(s.socket, 'GET', `/${unknown}`, { Range: 'bytes=0-9' });
  assert.equal([nf.status, nf.body.toString().includes(unknown)], [404, true]);
  assert.is((await request(s.socket, 'HEAD', `/${unknown}`)).status, 404);
  assert.is((await rejection(client(s.socket).read(unknown, 0, 10))).code, 'ENOENT');
  for (const range of [`bytes=${other.length}-`, `bytes=${other.length + 5}-${other.length + 9}`, 'bytes=-0']) {
    const a = await request(s.socket, 'GET', `/${otherId}`, { Range: range });
    assert.equal([a.status, a.headers['content-range']], [416, `bytes */${other.length}`], range);
  }
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
    const a = await request(s.socket, method, `/${otherId}`);
    assert.equal([a.status, a.headers.allow], [405, 'GET, HEAD'], method);
  }
  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['/..', {}, /not a blob id/],
    ['/blobs/%2e%2e', {}, /not a blob id/],
    ['/a%2Fb', {}, /must not contain "\/"/],
    ['/a%00b', {}, /must not contain/],
    ['/%zz', {}, /percent-encoding/],
    ['/prefix/', {}, /not a blob id/],
    ['/', {}, /no blob id in the request/],
    [`/${otherId}`, { Range: 'bytes=9-2' }, /last byte before first/],
    [`/${otherId}`, { Range: 'bytes=0-1,5-6' }, /multiple ranges/],
    [`/${otherId}`, { Range: 'items=0-1' }, /expected bytes=/],
  ];
  for (const [path, headers, re] of bad) {
    const a = await request(s.socket, 'GET', path, headers);
    assert.is(a.status, 400, path);
    assert.match(a.body.toString(), re);
  }
  assert.match(await raw(s.socket, 'NONSENSE\r\n\r\n'), /^HTTP\/1\.1 400 Bad Request/);
  assert.match(await raw(s.socket, `GET /${otherId} HTTP/1.1\r\nHost: x\r\nX-Big: ${'y'.repeat(20_000)}\r\n\r\n`), /^HTTP\/1\.1 400 Bad Request/);
  assert.match(await raw(s.socket, `GET /${'z'.repeat(5000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`), /^HTTP\/1\.1 400 .*longer than 4096/s);
  assert.equal(await client(s.socket).read(otherId, 1, 2), other.subarray(1, 3), 'still serving');
  assert.equal(s.reads.metrics(unknown), null);
});

it('GET / (what nydusd\'s unix-socket client asks) serves the sole blob', async () => {
  const s = await service({ soleBlob: () => otherId });
  const a = await request(s.socket, 'GET', '/', { Range: 'bytes=100-199' });
  assert.equal([a.status, a.headers['content-range']], [206, `bytes 100-199/${other.length}`]);
  assert.equal(a.body, other.subarray(100, 200));
  assert.is((await request(s.socket, 'HEAD', '/')).headers['content-length'], String(other.length));
});

it('a dead registry: an uncached blob answers 502 naming blob and error, cached blobs are still served, and the blob is fetched after a restart', async () => {
  const s = await service();
  const c = client(s.socket);
  assert.equal(await c.read(otherId, 0, 2 * B), other.subarray(0, 2 * B));
  await reg.kill();
  try {
    const a = await request(s.socket, 'GET', `/${bigId}`, { Range: 'bytes=0-99' });
    assert.is(a.status, 502);
    assert.match(a.body.toString(), new RegExp(`^blob ${bigId}: .*ECONNREFUSED`));
    const uncached = await request(s.socket, 'GET', `/${otherId}`, { Range: 'bytes=100000-100099' });
    assert.is(uncached.status, 502, 'size known, bytes not cached');
    assert.match(uncached.body.toString(), new RegExp(`^blob ${otherId}: `));
    assert.equal(await c.read(otherId, 10, 2 * B - 10), other.subarray(10, 2 * B));
    const err = await rejection(c.read(bigId, 0, 10));
    assert.is(err.code, 'EIO');
    assert.match(err.message, /502/);
    assert.ok(s.logs.some((l) => l.startsWith(`warn: blob ${bigId}: `)), s.logs.join('\n'));
  } finally {
    await reg.restart();
  }
  assert.equal(await c.read(bigId, 0, 10), big.subarray(0, 10));
  assert.is(s.reads.metrics(otherId)?.ready_bytes, 2 * B);
});

it('a client that stops reading or disconnects mid-body does not hold up other requests', async () => {
  const s = await service();
  // One client asks for the whole 9 MiB blob and never reads; another hangs up after the first bytes.
  const stalled = net.connect(s.socket, () => stalled.write(`GET /${bigId} HTTP/1.1\r\nHost: x\r\n\r\n`));
  stalled.pause();
  const quitter = net.connect(s.socket, () => quitter.write(`GET /${bigId} HTTP/1.1\r\nHost: x\r\n\r\n`));
  const quit = new Promise<void>((resolve) => quitter.once('data', () => {
    quitter.destroy();
    resolve();
  }));
  track({ close: () => stalled.destroy() });
  await quit;
  const c = client(s.socket);
  assert.equal(await c.read(bigId, 0, big.length), big);
  const whole = await request(s.socket, 'GET', `/${bigId}`);
  assert.ok(whole.body.equals(big));
  assert.ok(stalled.bytesRead < big.length, `the stalled client got ${stalled.bytesRead} bytes`);
});

it('socket file: mode 0600 by default or as asked, a stale socket is replaced, a live one is EADDRINUSE, a plain file is kept, close removes it', async () => {
  const dir = tempDir();
  const path = join(dir, 'blobs.sock');
  const a = track(new SharedBlobReads({ resolve: () => null }));
  await a.listen(path);
  assert.is(statSync(path).mode & 0o777, 0o600);
  const b = track(new SharedBlobReads({ resolve: () => null }));
  const live = await b.listen(path).then(() => null, (err: NodeJS.ErrnoException) => err);
  assert.is(live?.code, 'EADDRINUSE');
  const stale = join(dir, 'stale.sock');
  linkSync(path, stale); // a second name for the socket: nothing answers on it once `a` closes
  await a.close();
  assert.not.ok(existsSync(path));
  assert.ok(statSync(stale).isSocket());
  await b.listen(stale, { mode: 0o660 });
  assert.is(statSync(stale).mode & 0o777, 0o660);
  assert.is((await request(stale, 'GET', '/x')).status, 404);
  const plain = join(dir, 'plain');
  writeFileSync(plain, 'keep me');
  const c = track(new SharedBlobReads({ resolve: () => null }));
  const refused = await c.listen(plain).then(() => null, (err: NodeJS.ErrnoException) => err);
  assert.is(refused?.code, 'EEXIST');
  assert.is(readFileSync(plain, 'utf8'), 'keep me');
});

it('slow upstream (fault server, MOCK): concurrent requests for the same range make one upstream request', async () => {
  const id = 'c'.repeat(64);
  const blob = randomBytes(200_000);
  const srv = track(await startFaultServer({ blobs: new Map([[id, blob]]) }));
  const upstream = track(createBackend({ ...none, type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: srv.url, path: '/up' }) } as BackendConfig, { id: 'blobcache' }));
  const workDir = tempDir();
  const reads = track(new SharedBlobReads({ resolve: () => ({ backend: upstream, workDir }) }));
  const socket = join(tempDir(), 'blobs.sock');
  await reads.listen(socket);
  const [c1, c2, c3] = [client(socket), client(socket), client(socket)];
  assert.is(await c1.blobSize(id), blob.length);
  srv.faults.push({ kind: 'slow', ms: 3000 });
  const p1 = c1.read(id, 0, 65_536);
  await until(() => srv.requests.some((r) => r.method === 'GET'), 10_000);
  const p2 = c2.read(id, 0, 65_536);
  const p3 = c3.read(id, 32_768, 65_536);
  await until(() => reads.metrics(id)?.served_reads === 3, 10_000);
  const [b1, b2, b3] = await Promise.all([p1, p2, p3]);
  assert.equal([b1, b2, b3], [blob.subarray(0, 65_536), blob.subarray(0, 65_536), blob.subarray(32_768, 98_304)]);
  const gets = srv.requests.filter((r) => r.method === 'GET');
  assert.equal(gets.map((r) => [r.url, r.headers.range]), [[`/up/${id}`, 'bytes=0-65535'], [`/up/${id}`, 'bytes=65536-98303']]);
  assert.is(reads.metrics(id)?.backend_reads, 2);
});

/** MOCK backend (test code): each read waits until the test releases or fails it. */
class GatedBackend implements BlobBackend {
  readonly type = 'http-proxy' as const;
  readonly calls: Array<{ offset: number; length: number; prefetch: boolean; release: () => void; fail: (err: Error) => void }> = [];
  sizeCalls = 0;
  failSize = false;
  closed = false;
  constructor(readonly blob: Buffer) {}
  async blobSize(): Promise<number> {
    this.sizeCalls++;
    await new Promise((r) => setImmediate(r));
    if (this.failSize) throw new Error('size failed');
    return this.blob.length;
  }
  read(_id: string, offset: number, length: number, options: { prefetch?: boolean } = {}): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.calls.push({ offset, length, prefetch: options.prefetch ?? false, release: () => resolve(this.blob.subarray(offset, offset + length)), fail: reject });
    });
  }
  setRuntime(): void {}
  close(): void {
    this.closed = true;
  }
}

test('coalescing (gated MOCK backend): overlapping misses share a fetch; fetches split at maxFetchBytes; the size is asked once', async () => {
  const backend = new GatedBackend(randomBytes(50_000));
  const workDir = tempDir();
  const reads = track(new SharedBlobReads({ resolve: () => ({ backend, workDir }), maxFetchBytes: 16_384 }));
  const id = 'd'.repeat(64);
  const r1 = reads.read(id, 0, 10_000);
  const r2 = reads.read(id, 5000, 30_000);
  await until(() => backend.calls.length === 3);
  assert.is(backend.sizeCalls, 1);
  assert.equal(backend.calls.map((c) => [c.offset, c.length]), [[0, 12_288], [12_288, 16_384], [28_672, 8192]]);
  assert.is(reads.metrics(id)?.in_flight, 3);
  for (const c of [...backend.calls].reverse()) c.release();
  assert.equal(await r1, backend.blob.subarray(0, 10_000));
  assert.equal(await r2, backend.blob.subarray(5000, 35_000));
  const m = reads.metrics(id);
  assert.equal([m?.backend_reads, m?.backend_bytes, m?.ready_bytes, m?.in_flight, m?.cache_hit_bytes], [3, 36_864, 36_864, 0, 0]);
  assert.equal(await reads.read(id, 100, 30_000), backend.blob.subarray(100, 30_100));
  assert.is(backend.calls.length, 3, 'cached: no new fetch');
});

test('coalescing (gated MOCK backend): a failed fetch rejects its owner, a waiter retries once itself, and nothing unwritten is served', async () => {
  const backend = new GatedBackend(randomBytes(20_000));
  const workDir = tempDir();
  const reads = track(new SharedBlobReads({ resolve: () => ({ backend, workDir }) }));
  const id = 'e'.repeat(64);
  const owner = reads.read(id, 0, 4096, true);
  await until(() => backend.calls.length === 1);
  const waiter = reads.read(id, 100, 200);
  await until(() => reads.metrics(id)?.served_reads === 2);
  assert.is(backend.calls.length, 1, 'the waiter waits');
  backend.calls[0].fail(new Error('upstream broke'));
  assert.match((await rejection(owner)).message, /upstream broke/);
  await until(() => backend.calls.length === 2);
  assert.equal([backend.calls[1].offset, backend.calls[1].length, backend.calls[1].prefetch], [0, 4096, false]);
  assert.is(reads.metrics(id)?.ready_bytes, 0);
  backend.calls[1].release();
  assert.equal(await waiter, backend.blob.subarray(100, 300));

  // A waiter whose retry fails too gets the error; no bytes count as cached.
  const a = reads.read(id, 8192, 10).catch((err: Error) => err);
  await until(() => backend.calls.length === 3);
  const b = reads.read(id, 8192, 10).catch((err: Error) => err);
  await until(() => reads.metrics(id)?.served_reads === 4);
  backend.calls[2].fail(new Error('first'));
  await until(() => backend.calls.length === 4);
  backend.calls[3].fail(new Error('second'));
  assert.match(String(await a), /first/);
  assert.match(String(await b), /second/);
  assert.equal([reads.metrics(id)?.ready_bytes, reads.metrics(id)?.in_flight], [4096, 0]);
});

test('a failed blob size is not cached; backendFor() reads through the cache and its close() leaves the real backend open; forget() reopens from disk', async () => {
  const backend = new GatedBackend(randomBytes(10_000));
  const workDir = tempDir();
  const reads = track(new SharedBlobReads({ resolve: () => ({ backend, workDir }) }));
  const id = 'f'.repeat(64);
  backend.failSize = true;
  assert.match((await rejection(reads.size(id))).message, /size failed/);
  backend.failSize = false;
  const view = reads.backendFor();
  assert.is(await view.blobSize(id), 10_000);
  assert.is(backend.sizeCalls, 2);
  const p = view.read(id, 5000, 100, { prefetch: true });
  await until(() => backend.calls.length === 1);
  assert.ok(backend.calls[0].prefetch, 'prefetch passed through');
  backend.calls[0].release();
  assert.equal(await p, backend.blob.subarray(5000, 5100));
  assert.is(reads.metrics(id)?.ready_bytes, 4096);
  assert.throws(() => view.setRuntime('proxy_url', 'http://x'), /unknown runtime configuration key/);
  view.close();
  assert.match((await rejection(view.read(id, 5000, 100))).message, /view closed/);
  assert.not.ok(backend.closed);
  assert.equal(await reads.read(id, 5000, 100), backend.blob.subarray(5000, 5100));
  // forget() drops the state; the next read reopens the store from disk (no size, no fetch).
  await reads.forget(id);
  assert.is(reads.metrics(id), null);
  assert.equal(await reads.read(id, 4096, 4096), backend.blob.subarray(4096, 8192));
  assert.equal([backend.sizeCalls, backend.calls.length], [2, 1]);
});

test('close() waits for fetches in flight, then refuses new reads', async () => {
  const backend = new GatedBackend(randomBytes(10_000));
  const workDir = tempDir();
  const reads = track(new SharedBlobReads({ resolve: () => ({ backend, workDir }) }));
  const id = 'a'.repeat(64);
  const r = reads.read(id, 0, 10).catch((err: Error) => err);
  await until(() => backend.calls.length === 1);
  let closed = false;
  const closing = reads.close().then(() => (closed = true));
  await new Promise((resolve) => setImmediate(resolve));
  assert.not.ok(closed, 'close waits for the fetch');
  backend.calls[0].release();
  await closing;
  await r;
  assert.match((await rejection(reads.read(id, 0, 10))).message, /closed/);
  assert.is(await BlobRangeStore.recordedSize(workDir, id), 10_000);
});

test.run();
