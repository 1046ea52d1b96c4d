// Storage layer retry/deadline policy, range handling, redirects, scheduling and close, driven
// by the fault-injecting test server (test/servers/fault-server.ts; not a real registry).
import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendConfig } from '../../generated/types.js';
import { createBackend } from '../../src/storage/backend.js';
import type { BackendTuning } from '../../src/storage/errors.js';
import { startFaultServer, type FaultServer } from '../servers/fault-server.js';
import { httpProxyConfig, logSink, registryConfig, rejection } from './fixture.js';
import { perTest } from '../helpers.js';

const id = 'a'.repeat(64);
const data = randomBytes(256 * 1024);
const none = { localfs: null, localdisk: null, oss: null, s3: null, registry: null, 'http-proxy': null };
const track = perTest();
let srv: FaultServer;

function make(backend: Partial<BackendConfig> & { type: BackendConfig['type'] }, tuning?: BackendTuning) {
  const sink = logSink();
  const b = createBackend({ ...none, ...backend } as BackendConfig, { id: '/', log: sink.log, tuning });
  track(b);
  return Object.assign(b, { logLines: sink.lines });
}
const direct = (timeout = 5, tuning?: BackendTuning) => make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: srv.url, path: '/blobs', timeout }) }, tuning);

test.before(async () => {
  srv = await startFaultServer({ blobs: new Map([[id, data]]) });
});
test.before.each(() => {
  srv.faults.length = 0;
  srv.requests.length = 0;
});
test.after(async () => {
  await srv.stop();
});

test('5xx answers are retried until one succeeds', async () => {
  srv.faults.push({ kind: 'status', status: 503 }, { kind: 'status', status: 500 });
  assert.equal(await direct().read(id, 10, 1000), data.subarray(10, 1010));
  assert.is(srv.requests.length, 3);
});

test('429 is retried; 403, 404 and 416 fail at once', async () => {
  srv.faults.push({ kind: 'status', status: 429 });
  assert.equal(await direct().read(id, 0, 10), data.subarray(0, 10));
  assert.is(srv.requests.length, 2);
  srv.requests.length = 0;
  srv.faults.push({ kind: 'status', status: 403 });
  const denied = await rejection(direct().read(id, 0, 10));
  assert.is(denied.code, 'EACCES');
  assert.is(denied.status, 403);
  const range = await rejection(direct().read(id, data.length + 10, 10));
  assert.is(range.code, 'EIO');
  assert.match(range.message, /range not satisfiable \(416\)/);
  assert.is((await rejection(direct().read('b'.repeat(64), 0, 10))).code, 'ENOENT');
  assert.is(srv.requests.length, 3, 'one request each');
});

test('a connection dropped mid-body is retried and the read succeeds', async () => {
  srv.faults.push({ kind: 'drop-mid-body' });
  assert.equal(await direct().read(id, 1000, 200_000), data.subarray(1000, 201_000));
  assert.is(srv.requests.length, 2);
});

test('a short body is retried, then fails with EIO "expected N bytes, got M" after 4 attempts', async () => {
  for (let i = 0; i < 4; i++) srv.faults.push({ kind: 'short-body', bytes: 10 });
  const start = Date.now();
  const err = await rejection(direct().read(id, 0, 1000));
  assert.is(err.code, 'EIO');
  assert.match(err.message, /^http-proxy http:\/\/127\.0\.0\.1:\d+: expected 1000 bytes, got 10 \(short body\) \(after 4 attempts\)$/);
  assert.is(srv.requests.length, 4);
  // Backoff 100 + 200 + 400 ms between the attempts.
  assert.ok(Date.now() - start >= 700, `took ${Date.now() - start} ms`);
});

test('prefetch reads get 2 attempts', async () => {
  for (let i = 0; i < 4; i++) srv.faults.push({ kind: 'short-body', bytes: 1 });
  const err = await rejection(direct().read(id, 0, 100, { prefetch: true }));
  assert.match(err.message, /expected 100 bytes, got 1/);
  assert.is(srv.requests.length, 2);
});

test('a slow server fails with ETIMEDOUT within the timeout, without starting another attempt', async () => {
  // The server would answer after 10 s; the 1 s timeout ends the read long before (the upper
  // bound leaves a loaded machine seconds of slack and still tells the two apart).
  srv.faults.push({ kind: 'slow', ms: 10_000 });
  const start = Date.now();
  const err = await rejection(direct(1).read(id, 0, 100));
  const took = Date.now() - start;
  assert.is(err.code, 'ETIMEDOUT');
  assert.ok(took >= 950 && took < 5000, `took ${took} ms`);
  assert.match(err.message, /no complete answer within \d+ ms/);
  assert.is(srv.requests.length, 1);
});

test('the deadline covers all attempts: a retry gets only the budget left', async () => {
  srv.faults.push({ kind: 'status', status: 503 }, { kind: 'slow', ms: 10_000 });
  const start = Date.now();
  const err = await rejection(direct(1).read(id, 0, 100));
  const took = Date.now() - start;
  assert.is(err.code, 'ETIMEDOUT');
  // A fresh 1 s budget for the retry would still end before the 10 s answer, so the proof is
  // the error: ETIMEDOUT of the shared deadline, after the two requests (generous bound).
  assert.ok(took < 5000, `took ${took} ms`);
  assert.is(srv.requests.length, 2);
});

test('a 200 answer ignoring Range yields exactly the requested window', async () => {
  srv.faults.push({ kind: 'ignore-range' }, { kind: 'ignore-range' });
  const b = direct();
  assert.equal(await b.read(id, 12_345, 777), data.subarray(12_345, 13_122));
  assert.equal(await b.read(id, 0, 5), data.subarray(0, 5));
  assert.is(srv.requests.length, 2);
});

test('on-demand reads overtake queued prefetch reads', async () => {
  const b = direct(5, { maxConcurrent: 1 });
  srv.faults.push({ kind: 'slow', ms: 200 });
  const first = b.read(id, 0, 1);
  const prefetches = [1, 2, 3].map((i) => b.read(id, i, 1, { prefetch: true }));
  const onDemand = b.read(id, 9, 1);
  await Promise.all([first, ...prefetches, onDemand]);
  assert.equal(srv.requests.map((r) => r.headers.range), ['bytes=0-0', 'bytes=9-9', 'bytes=1-1', 'bytes=2-2', 'bytes=3-3']);
});

test('close() rejects a pending read at once', async () => {
  srv.faults.push({ kind: 'slow', ms: 10_000 });
  const b = direct(30);
  const pending = rejection(b.read(id, 0, 10));
  await new Promise((r) => setTimeout(r, 50));
  const start = Date.now();
  b.close();
  const err = await pending;
  // Not the server's 10 s answer nor the 30 s timeout: close() itself ended the read.
  assert.ok(Date.now() - start < 3000, `took ${Date.now() - start} ms`);
  assert.match(err.message, /backend closed/);
});

test('registry redirects: storage URL rewritten by blob_redirected_host, cached per blob, dropped on 403', async () => {
  const store = await startFaultServer({ blobs: new Map([[id, data]]) });
  try {
    const b = make({ type: 'registry', registry: registryConfig({ host: `127.0.0.1:${srv.port}`, repo: 'a/b', registry_token: 'static-token', blob_url_scheme: 'http', blob_redirected_host: `127.0.0.1:${store.port}` }) });
    srv.faults.push({ kind: 'redirect', location: `https://cdn.invalid/store/sha256:${id}?sig=1` });
    assert.equal(await b.read(id, 0, 100), data.subarray(0, 100));
    assert.equal(srv.requests.map((r) => [r.url, r.headers.authorization]), [[`/v2/a/b/blobs/sha256:${id}`, 'Bearer static-token']]);
    assert.equal(store.requests.map((r) => [r.url, r.headers.authorization, r.headers.range]), [[`/store/sha256:${id}?sig=1`, undefined, 'bytes=0-99']]);
    // Cached: straight to the storage URL.
    assert.equal(await b.read(id, 100, 100), data.subarray(100, 200));
    assert.is(srv.requests.length, 1);
    assert.is(store.requests.length, 2);
    // Storage refuses the cached URL: it is dropped and the registry is asked again.
    store.faults.push({ kind: 'status', status: 403 });
    srv.faults.push({ kind: 'redirect', location: `http://cdn.invalid/store/sha256:${id}?sig=2` });
    assert.equal(await b.read(id, 200, 100), data.subarray(200, 300));
    assert.is(srv.requests.length, 2);
    assert.equal(store.requests.map((r) => r.url.split('?')[1]), ['sig=1', 'sig=1', 'sig=1', 'sig=2']);
  } finally {
    await store.stop();
  }
});

test('registry https→http fallback with skip_verify when the server speaks plain HTTP', async () => {
  const b = make({ type: 'registry', registry: registryConfig({ host: `127.0.0.1:${srv.port}`, repo: 'a/b', scheme: 'https', skip_verify: true }) });
  assert.equal(await b.read(id, 0, 10), data.subarray(0, 10));
  assert.ok(b.logLines.some((l) => /switching to plain http/.test(l)), b.logLines.join('\n'));
});

test.run();
