// Storage layer through real nginx: the connection-level forward proxy (spec storage.md §3.8:
// routing, fallback, ping health, runtime proxy_url) and the http-proxy backend (§3.5) behind
// nginx (reverse proxy to a registry, static blob directory) and on a unix socket.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendConfig } from '../../generated/types.js';
import { createBackend } from '../../src/storage/backend.js';
import { removeDir, serverTempDir } from '../servers/common.js';
import { startFaultServer } from '../servers/fault-server.js';
import { NGINX_BIN, startNginx, type NginxServer } from '../servers/nginx.js';
import { pushBlob, REGISTRY_BIN, startRegistry, type RegistryServer } from '../servers/registry.js';
import { httpProxyConfig, logSink, noProxy, registryConfig, rejection, skipFor, sleep, testUnless, until } from './fixture.js';
import { perTest } from '../helpers.js';

const reason = skipFor(REGISTRY_BIN, NGINX_BIN);
const it = testUnless(reason);
const repo = 'nydus/proxy-test';
const data = randomBytes(1024 * 1024 + 3);
let reg: RegistryServer;
let fwd: NginxServer;
let blobId = '';
const track = perTest();
const none = { localfs: null, localdisk: null, oss: null, s3: null, registry: null, 'http-proxy': null };

function make(backend: Partial<BackendConfig> & { type: BackendConfig['type'] }) {
  const sink = logSink();
  const b = createBackend({ ...none, ...backend } as BackendConfig, { id: '/', log: sink.log });
  track(b);
  return Object.assign(b, { logLines: sink.lines });
}
const viaProxy = (proxy: Parameters<typeof noProxy>[0], extra = {}) => make({ type: 'registry', registry: registryConfig({ host: reg.host, repo, proxy: noProxy(proxy), ...extra }) });
const proxied = () => fwd.accessLog().filter((l) => l.includes(`/blobs/sha256:${blobId}`));

test.before(async () => {
  if (reason) return;
  reg = await startRegistry();
  fwd = await startNginx({ mode: 'forward' });
  blobId = await pushBlob(reg.url, repo, data);
});

test.after(async () => {
  await Promise.all([reg?.stop(), fwd?.stop()]);
});

it('forward proxy: registry reads go through nginx (absolute-URI requests) with Dragonfly headers', async () => {
  const b = viaProxy({ url: fwd.url });
  const before = proxied().length;
  assert.equal(await b.read(blobId, 100, 1000), data.subarray(100, 1100));
  assert.equal(await b.read(blobId, 5000, 10, { prefetch: true }), data.subarray(5000, 5010));
  await until(() => proxied().length >= before + 2);
  const lines = proxied().slice(before);
  assert.is(lines.length, 2, lines.join('\n'));
  assert.match(lines[0], `GET "${reg.host}/v2/${repo}/blobs/sha256:${blobId}" 206 1000 "bytes=100-1099" "6"`);
  assert.match(lines[1], `"bytes=5000-5009" "3"`);
});

it('proxy down with fallback=true: requests go directly to the registry', async () => {
  const b = viaProxy({ url: fwd.url, fallback: true });
  await fwd.kill();
  try {
    const gets = reg.blobGets().length;
    assert.equal(await b.read(blobId, 0, 64), data.subarray(0, 64));
    await until(() => reg.blobGets().length > gets);
    assert.is(reg.blobGets().length - gets, 1);
  } finally {
    await fwd.restart();
  }
});

it('proxy down with fallback=false: the read fails with EIO naming the proxy', async () => {
  const b = viaProxy({ url: fwd.url, fallback: false }, { timeout: 3 });
  await fwd.kill();
  try {
    const gets = reg.blobGets().length;
    const err = await rejection(b.read(blobId, 0, 64));
    assert.is(err.code, 'EIO');
    assert.match(err.message, /via proxy 127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    assert.match(err.message, /after 4 attempts/);
    assert.is(reg.blobGets().length, gets, 'nothing reached the registry directly');
  } finally {
    await fwd.restart();
  }
});

it('ping_url health: an unreachable proxy is marked unhealthy, then healthy again after it returns', async () => {
  const b = viaProxy({ url: fwd.url, ping_url: `${fwd.url}/nydus-ping`, check_interval: 1, fallback: false });
  assert.equal(await b.read(blobId, 0, 8), data.subarray(0, 8));
  await fwd.kill();
  await sleep(1500);
  assert.ok(b.logLines.some((l) => /warn: .*unhealthy \(ping/.test(l)), b.logLines.join('\n'));
  const err = await rejection(b.read(blobId, 0, 8));
  assert.match(err.message, /is unhealthy \(ping .*\) and fallback is disabled/);
  await fwd.restart();
  await sleep(1500);
  assert.ok(b.logLines.some((l) => /healthy again/.test(l)), b.logLines.join('\n'));
  const before = proxied().length;
  assert.equal(await b.read(blobId, 8, 8), data.subarray(8, 16));
  await until(() => proxied().length > before);
  assert.is(proxied().length - before, 1);
});

it('runtime proxy_url switches a direct backend onto the proxy', async () => {
  const b = viaProxy({});
  const before = proxied().length;
  await b.read(blobId, 0, 1);
  await sleep(100);
  assert.is(proxied().length, before);
  b.setRuntime('proxy_url', fwd.url);
  await b.read(blobId, 1, 1);
  await until(() => proxied().length > before);
  assert.is(proxied().length, before + 1);
});

it('http-proxy backend: blobs through nginx reverse-proxying the registry', async () => {
  const rev = await startNginx({ mode: 'reverse', upstream: reg.url, repo, prefix: 'blobs' });
  try {
    const b = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: rev.url, path: '/blobs' }) });
    assert.is(await b.blobSize(blobId), data.length);
    assert.equal(await b.read(blobId, 77, 300_000), data.subarray(77, 300_077));
    await until(() => rev.accessLog().length >= 2);
    assert.match(rev.accessLog().pop() ?? '', `GET "127.0.0.1:${rev.port}/blobs/${blobId}" 206 300000 "bytes=77-300076"`);
  } finally {
    await rev.stop();
  }
});

it('http-proxy backend: blobs from a directory served by nginx', async () => {
  const dir = serverTempDir('blobdir');
  mkdirSync(join(dir, 'b'));
  writeFileSync(join(dir, 'b', blobId), data);
  const srv = await startNginx({ mode: 'blobs', dir: join(dir, 'b'), prefix: 'ns/repo/blobs' });
  try {
    const b = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: `${srv.url}/`, path: '/ns/repo/blobs' }) });
    assert.is(await b.blobSize(blobId), data.length);
    assert.equal(await b.read(blobId, data.length - 100, 100), data.subarray(data.length - 100));
    const err = await rejection(b.read('f'.repeat(64), 0, 1));
    assert.is(err.code, 'ENOENT');
  } finally {
    await srv.stop();
    removeDir(dir);
  }
});

it('http-proxy backend on a unix socket: requests name <path>/<blob id> as in remote mode, with the Range header', async () => {
  const dir = serverTempDir('sock');
  const socketPath = join(dir, 'blob.sock');
  const srv = await startFaultServer({ socketPath, blobs: new Map([[blobId, data]]), defaultBlob: blobId });
  try {
    const b = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: socketPath, path: '/ns/blobs' }) });
    assert.is(await b.blobSize(blobId), data.length);
    assert.equal(await b.read(blobId, 3, 4096), data.subarray(3, 4099));
    // nydusd asks for "/" here; we send the id so one socket can serve many blobs (http-proxy.ts).
    assert.equal(srv.requests.map((r) => [r.method, r.url, r.headers.range]), [['HEAD', `/ns/blobs/${blobId}`, undefined], ['GET', `/ns/blobs/${blobId}`, 'bytes=3-4098']]);
  } finally {
    await srv.stop();
    removeDir(dir);
  }
});

test.run();
