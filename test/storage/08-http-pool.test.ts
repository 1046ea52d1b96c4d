// Storage layer: the network backends' connection pool against a real local HTTP server (node
// http, test code) that counts TCP connections and requests in flight: serial reads reuse one
// keep-alive connection (registry and http-proxy), parallel reads are several requests in
// flight at once, never more than the backend's limit, over no more connections than that.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendConfig } from '../../generated/types.js';
import { createBackend } from '../../src/storage/backend.js';
import type { BackendTuning } from '../../src/storage/errors.js';
import { perTest } from '../helpers.js';
import { httpProxyConfig, registryConfig } from './fixture.js';

const id = 'b'.repeat(64);
const data = randomBytes(4 << 20);
const none = { localfs: null, localdisk: null, oss: null, s3: null, registry: null, 'http-proxy': null };
const track = perTest();

interface PoolServer {
  url: string;
  host: string;
  connections: number;
  requests: number;
  inFlight: number;
  maxInFlight: number;
  /** Answers are held until this many requests are in flight (0: answer at once). */
  holdUntil: number;
  stop(): Promise<void>;
}

/** Serves `data` as /blobs/<id> and /v2/<repo>/blobs/sha256:<id>, with Range. */
async function startPoolServer(): Promise<PoolServer> {
  const held: Array<() => void> = [];
  const state = { connections: 0, requests: 0, inFlight: 0, maxInFlight: 0, holdUntil: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    const answer = () => {
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!req.url?.endsWith(id) || !m) {
        state.inFlight--;
        res.writeHead(404).end();
        return;
      }
      const [start, end] = [Number(m[1]), Number(m[2])];
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${data.length}`, 'Content-Length': String(end - start + 1) });
      state.inFlight--;
      res.end(req.method === 'HEAD' ? undefined : data.subarray(start, end + 1));
    };
    held.push(answer);
    if (state.inFlight >= state.holdUntil) for (const a of held.splice(0)) a();
  });
  server.on('connection', () => state.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  });
}

let srv: PoolServer;
test.before.each(async () => {
  srv = await startPoolServer();
});
test.after.each(async () => {
  await srv.stop();
});

function make(backend: Partial<BackendConfig> & { type: BackendConfig['type'] }, tuning?: BackendTuning) {
  return track(createBackend({ ...none, ...backend } as BackendConfig, { id: '/', tuning }));
}
const proxyBackend = (tuning?: BackendTuning) => make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: srv.url, path: '/blobs' }) }, tuning);
const registryBackend = (tuning?: BackendTuning) => make({ type: 'registry', registry: registryConfig({ host: srv.host, repo: 'pool/test' }) }, tuning);

for (const [name, backend] of [['http-proxy', proxyBackend], ['registry', registryBackend]] as const) {
  test(`${name}: serial reads reuse one keep-alive connection`, async () => {
    const b = backend();
    for (let i = 0; i < 20; i++) {
      const offset = (i * 104_729) % (data.length - 70_000);
      assert.ok((await b.read(id, offset, 65_536 + i)).equals(data.subarray(offset, offset + 65_536 + i)), `read ${i}`);
    }
    assert.is(srv.requests, 20);
    assert.is(srv.connections, 1);
  });
}

test('parallel reads: as many in flight as the limit allows, over that many connections at most', async () => {
  const b = proxyBackend({ maxConcurrent: 4 });
  srv.holdUntil = 4; // the server answers only once 4 requests wait together
  const reads = Array.from({ length: 16 }, (_, i) => b.read(id, i * 200_000, 100_000));
  const got = await Promise.all(reads);
  got.forEach((buf, i) => assert.ok(buf.equals(data.subarray(i * 200_000, i * 200_000 + 100_000)), `read ${i}`));
  assert.is(srv.requests, 16);
  assert.is(srv.maxInFlight, 4);
  assert.ok(srv.connections <= 4, `${srv.connections} connections`);
});

test('the default limit: 16 requests in flight at once, none beyond', async () => {
  const b = registryBackend();
  await b.read(id, 0, 10); // the registry's first request runs alone (auth handshake)
  srv.holdUntil = 16;
  const got = await Promise.all(Array.from({ length: 32 }, (_, i) => b.read(id, i * 100_000, 4096)));
  got.forEach((buf, i) => assert.ok(buf.equals(data.subarray(i * 100_000, i * 100_000 + 4096)), `read ${i}`));
  assert.is(srv.maxInFlight, 16);
  assert.ok(srv.connections <= 16, `${srv.connections} connections`);
});

test.run();
