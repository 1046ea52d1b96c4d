// Storage layer against a real docker-registry (distribution 2.8): reads, sizes, htpasswd
// Basic auth, the token flow (POST, GET fallback, refresh), runtime registry_auth, bearer
// registry_token, 404, and a registry killed and restarted mid-run.
import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createBackend } from '../../src/storage/backend.js';
import { pushBlob, REGISTRY_BIN, startRegistry, type RegistryServer } from '../servers/registry.js';
import { startTokenServer, type TokenServer } from '../servers/token-server.js';
import { basicAuth, logSink, registryConfig, rejection, skipFor, sleep, testUnless, until } from './fixture.js';
import { perTest } from '../helpers.js';

const reason = skipFor(REGISTRY_BIN, '/usr/bin/htpasswd');
const it = testUnless(reason);
const repo = 'nydus/storage-test';
const data = randomBytes(3 * 1024 * 1024 + 17);
const users = [{ name: 'alice', password: 'alice-pw' }, { name: 'bob', password: 'bob-pw' }];

let open: RegistryServer;
let basic: RegistryServer;
let tokens: TokenServer;
let tokened: RegistryServer;
let blobId = '';
const track = perTest();

function registry(server: RegistryServer, extra: Parameters<typeof registryConfig>[0] extends infer P ? Partial<P> : never = {}, tuning?: { tokenRefreshTickMs?: number }) {
  const sink = logSink();
  const b = createBackend({ type: 'registry', registry: registryConfig({ host: server.host, repo, ...extra }), localfs: null, localdisk: null, oss: null, s3: null, 'http-proxy': null }, { id: '/', log: sink.log, tuning });
  track(b);
  return Object.assign(b, { logLines: sink.lines });
}

test.before(async () => {
  if (reason) return;
  tokens = await startTokenServer({ users });
  [open, basic, tokened] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'htpasswd', users }),
    startRegistry({ auth: 'token', tokenServer: tokens }),
  ]);
  blobId = await pushBlob(open.url, repo, data);
  assert.is(await pushBlob(basic.url, repo, data, { user: 'alice', password: 'alice-pw' }), blobId);
  assert.is(await pushBlob(tokened.url, repo, data, { user: 'alice', password: 'alice-pw' }), blobId);
});

test.after(async () => {
  await Promise.all([open?.stop(), basic?.stop(), tokened?.stop(), tokens?.stop()]);
});

it('no auth: blobSize is the pushed length and ranged reads return the exact bytes', async () => {
  const b = registry(open);
  assert.is(await b.blobSize(blobId), data.length);
  assert.equal(await b.read(blobId, 0, 4096), data.subarray(0, 4096));
  assert.equal(await b.read(blobId, 1_000_000, 2_100_000), data.subarray(1_000_000, 3_100_000));
  assert.equal(await b.read(`sha256:${blobId}`, data.length - 5, 5), data.subarray(data.length - 5));
  // The registry's access log shows ranged GETs that wrote exactly the asked bytes.
  await until(() => open.blobGets(`sha256:${blobId}`).length >= 3);
  const gets = open.blobGets(`sha256:${blobId}`);
  assert.equal(gets.map((g) => [g.status, g.written]), [[206, 4096], [206, 2_100_000], [206, 5]]);
});

it('a missing blob fails at once with ENOENT naming the blob', async () => {
  const b = registry(open);
  const missing = '0'.repeat(64);
  const before = open.accessLog().length;
  const err = await rejection(b.read(missing, 0, 10));
  assert.is(err.code, 'ENOENT');
  assert.match(err.message, `blob sha256:${missing} not found (404)`);
  await sleep(100);
  assert.is(open.accessLog().length - before, 1, 'a 404 is not retried');
});

it('htpasswd: the right password reads through Basic auth', async () => {
  const b = registry(basic, { auth: basicAuth('alice', 'alice-pw') });
  assert.equal(await b.read(blobId, 10, 100), data.subarray(10, 110));
  assert.equal(await b.read(blobId, 200, 100), data.subarray(200, 300));
  await sleep(100);
  // First request: 401 challenge, then the authorised one; afterwards the header is cached.
  assert.equal(basic.blobGets(`sha256:${blobId}`).slice(-3).map((g) => g.status), [401, 206, 206]);
});

it('htpasswd: a wrong password fails quickly with EACCES, a clear message and no retry storm', async () => {
  const b = registry(basic, { auth: basicAuth('bob', 'wrong') });
  const before = basic.accessLog().length;
  const start = Date.now();
  const err = await rejection(b.read(blobId, 0, 10));
  assert.is(err.code, 'EACCES');
  assert.is(err.message, `registry ${basic.host}/${repo}: authentication failed: 401 Unauthorized for user "bob" (check the auth / registry_auth credentials)`);
  // No retries (the request count below) and no backoff: well under the 5 s timeout.
  assert.ok(Date.now() - start < 4000, `took ${Date.now() - start} ms`);
  await sleep(100);
  assert.is(basic.accessLog().length - before, 2, 'one challenge and one refused authorised request');
});

it('htpasswd: no credentials at all fails with EACCES', async () => {
  const err = await rejection(registry(basic).blobSize(blobId));
  assert.is(err.code, 'EACCES');
  assert.match(err.message, /requires Basic authentication \(no credentials configured\)/);
});

it('token auth: POST oauth form with Basic credentials and client_id, then bearer reads', async () => {
  tokens.requests.length = 0;
  const b = registry(tokened, { auth: basicAuth('alice', 'alice-pw') });
  assert.equal(await b.read(blobId, 5, 50), data.subarray(5, 55));
  assert.is(await b.blobSize(blobId), data.length);
  assert.equal(tokens.requests.map((r) => [r.method, r.user, r.clientId, r.scope, r.granted]), [['POST', 'alice', 'nydus-registry-client', `repository:${repo}:pull`, true]]);
});

it('token auth: concurrent first reads perform one handshake', async () => {
  tokens.requests.length = 0;
  const b = registry(tokened, { auth: basicAuth('alice', 'alice-pw') });
  const reads = await Promise.all(Array.from({ length: 8 }, (_, i) => b.read(blobId, i * 1000, 1000)));
  reads.forEach((r, i) => assert.equal(r, data.subarray(i * 1000, i * 1000 + 1000)));
  assert.is(tokens.requests.length, 1);
});

it('token auth: a token server rejecting POST is asked with GET, and GET is kept for that realm', async () => {
  tokens.requests.length = 0;
  tokens.options.rejectPost = true;
  try {
    const b = registry(tokened, { auth: basicAuth('bob', 'bob-pw') });
    assert.equal(await b.read(blobId, 0, 16), data.subarray(0, 16));
    b.setRuntime('registry_auth', basicAuth('alice', 'alice-pw'));
    assert.equal(await b.read(blobId, 16, 16), data.subarray(16, 32));
    assert.equal(tokens.requests.map((r) => [r.method, r.user, r.granted]), [['POST', 'bob', false], ['GET', 'bob', true], ['GET', 'alice', true]]);
  } finally {
    tokens.options.rejectPost = false;
  }
});

it('token auth: wrong credentials fail with EACCES naming the user', async () => {
  const b = registry(tokened, { auth: basicAuth('alice', 'nope') });
  const err = await rejection(b.read(blobId, 0, 1));
  assert.is(err.code, 'EACCES');
  assert.match(err.message, /authentication failed: token server 127\.0\.0\.1:\d+ answered 401 Unauthorized for user "alice"/);
});

it('token auth: a token with a short expires_in is refreshed in the background', async () => {
  tokens.options.expiresIn = 1;
  tokens.requests.length = 0;
  try {
    const b = registry(tokened, { auth: basicAuth('alice', 'alice-pw') }, { tokenRefreshTickMs: 200 });
    assert.equal(await b.read(blobId, 0, 8), data.subarray(0, 8));
    await sleep(700);
    assert.ok(tokens.requests.length >= 2, `token requests: ${tokens.requests.length}`);
    await sleep(100);
    const registryRequests = tokened.accessLog().length;
    assert.equal(await b.read(blobId, 8, 8), data.subarray(8, 16));
    await sleep(100);
    assert.is(tokened.accessLog().length - registryRequests, 1, 'the refreshed token is used without a new 401');
  } finally {
    tokens.options.expiresIn = undefined;
  }
});

it('setRuntime registry_auth switches credentials: cached token dropped, new user authenticated', async () => {
  const b = registry(basic, { auth: basicAuth('bob', 'wrong') });
  assert.is((await rejection(b.read(blobId, 0, 1))).code, 'EACCES');
  b.setRuntime('registry_auth', basicAuth('bob', 'bob-pw'));
  assert.equal(await b.read(blobId, 0, 64), data.subarray(0, 64));

  tokens.requests.length = 0;
  const t = registry(tokened, { auth: basicAuth('alice', 'alice-pw') });
  await t.read(blobId, 0, 1);
  t.setRuntime('registry_auth', basicAuth('bob', 'bob-pw'));
  await t.read(blobId, 1, 1);
  assert.equal(tokens.requests.map((r) => r.user), ['alice', 'bob']);
  assert.throws(() => t.setRuntime('no_such_key', 'x'), /unknown runtime configuration key "no_such_key"/);
});

it('registry_token is sent as the bearer token as is', async () => {
  // A token from the token server, configured statically: no token request is made by the backend.
  // The backend has no credentials, so a token request of its own would be anonymous; every
  // other test's backend authenticates as a user, so counting anonymous requests is this test's own.
  const res = await fetch(`${tokens.realm}?service=${tokens.service}&scope=repository:${repo}:pull`, { headers: { Authorization: `Basic ${basicAuth('alice', 'alice-pw')}` } });
  const { token } = (await res.json()) as { token: string };
  const anonymous = () => tokens.requests.filter((r) => r.user === null).length;
  const anonymousBefore = anonymous();
  const getsBefore = tokened.blobGets(`sha256:${blobId}`).length;
  const b = registry(tokened, { registry_token: token });
  assert.equal(await b.read(blobId, 100, 10), data.subarray(100, 110));
  assert.is(anonymous(), anonymousBefore);
  // One GET, answered 206 at once: the static token was accepted without a 401 challenge.
  await until(() => tokened.blobGets(`sha256:${blobId}`).length > getsBefore);
  await sleep(100);
  assert.equal(tokened.blobGets(`sha256:${blobId}`).slice(getsBefore).map((g) => g.status), [206]);
});

it('registry killed mid-run: reads fail within the timeout, then succeed after a restart', async () => {
  const b = registry(open, { timeout: 2 });
  assert.equal(await b.read(blobId, 0, 10), data.subarray(0, 10));
  await open.kill();
  const start = Date.now();
  const err = await rejection(b.read(blobId, 10, 10));
  const took = Date.now() - start;
  // Within the 2 s timeout, plus slack for a loaded machine.
  assert.ok(took < 2000 + 1500, `failed after ${took} ms`);
  assert.ok(err.code === 'EIO' || err.code === 'ETIMEDOUT', err.code);
  assert.match(err.message, /ECONNREFUSED|ECONNRESET|socket hang up|timed out/);
  await open.restart();
  assert.equal(await b.read(blobId, 10, 10), data.subarray(10, 20));
});

test.run();
