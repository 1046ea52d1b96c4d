// Storage layer: s3 and oss backends end to end against the fault-injecting test server
// (test/servers/fault-server.ts) acting as the object store — NOT a real S3 or OSS: it
// recomputes the expected signature from the request it received and refuses mismatches.
// Also: proxy fallback on a 5xx answer from the proxy, and TLS through a CONNECT tunnel.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendConfig } from '../../generated/types.js';
import { createBackend } from '../../src/storage/backend.js';
import { ossSignature, ossStringToSign } from '../../src/storage/oss.js';
import { signV4 } from '../../src/storage/s3.js';
import { removeDir, serverTempDir } from '../servers/common.js';
import { startFaultServer, type FaultServer } from '../servers/fault-server.js';
import { httpProxyConfig, noProxy, ossConfig, rejection, s3Config } from './fixture.js';
import { perTest } from '../helpers.js';

const id = 'c'.repeat(64);
const data = randomBytes(100_000);
const none = { localfs: null, localdisk: null, oss: null, s3: null, registry: null, 'http-proxy': null };
const track = perTest();
const make = (backend: Partial<BackendConfig> & { type: BackendConfig['type'] }) => {
  const b = createBackend({ ...none, ...backend } as BackendConfig, { id: '/' });
  track(b);
  return b;
};
const SECRET = 'test-secret';

/** The s3 store's check: SigV4 structure, then the signature recomputed from what arrived. */
function checkS3(req: IncomingMessage): number | null {
  const auth = req.headers.authorization ?? '';
  const m = /^AWS4-HMAC-SHA256 Credential=AKIDTEST\/(\d{8})\/us-east-1\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return 400;
  const date = req.headers['x-amz-date'] as string;
  if (!/^\d{8}T\d{6}Z$/.test(date) || date.slice(0, 8) !== m[1]) return 400;
  const signed = m[2].split(';');
  const headers: Record<string, string> = {};
  for (const h of signed) if (!['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h)) headers[h] = String(req.headers[h]);
  const when = new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`);
  const expect = signV4({ method: req.method ?? '', host: req.headers.host ?? '', path: decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname), headers, region: 'us-east-1', accessKeyId: 'AKIDTEST', secretAccessKey: SECRET, date: when });
  return expect.signature === m[3] ? null : 403;
}

/** The oss store's check (reached as a forward proxy, since <bucket>.<endpoint> has no DNS here). */
function checkOss(req: IncomingMessage): number | null {
  const m = /^OSS AKIDTEST:([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
  const date = req.headers.date ?? '';
  if (!m || !/GMT$/.test(date)) return 400;
  const url = new URL(req.url ?? '/');
  if (url.host !== 'bucket.oss.test') return 400;
  const sts = ossStringToSign(req.method ?? '', '', '', date, req.headers as Record<string, string>, `/bucket${url.pathname}`);
  return ossSignature(SECRET, sts) === m[1] ? null : 403;
}

let s3srv: FaultServer;
let osssrv: FaultServer;
test.before(async () => {
  s3srv = await startFaultServer({ blobs: new Map([[id, data]]), check: checkS3 });
  osssrv = await startFaultServer({ blobs: new Map([[id, data]]), check: checkOss });
});
test.after(async () => {
  await Promise.all([s3srv.stop(), osssrv.stop()]);
});

test('s3: HEAD and ranged GET on the path-style URL, signed with SigV4', async () => {
  const b = make({ type: 's3', s3: s3Config({ endpoint: `127.0.0.1:${s3srv.port}`, bucket_name: 'bkt', object_prefix: 'nydus/', access_key_secret: SECRET }) });
  assert.is(await b.blobSize(id), data.length);
  assert.equal(await b.read(id, 500, 20_000), data.subarray(500, 20_500));
  assert.equal(s3srv.requests.map((r) => [r.method, r.url]), [['HEAD', `/bkt/nydus/${id}`], ['GET', `/bkt/nydus/${id}`]]);
  assert.match(s3srv.requests[1].headers.authorization ?? '', /SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,/);
});

test('s3: a wrong secret is refused (403) and fails at once with EACCES', async () => {
  s3srv.requests.length = 0;
  const b = make({ type: 's3', s3: s3Config({ endpoint: `127.0.0.1:${s3srv.port}`, access_key_secret: 'wrong' }) });
  const err = await rejection(b.read(id, 0, 10));
  assert.is(err.code, 'EACCES');
  assert.is(s3srv.requests.length, 1);
});

test('oss: <bucket>.<endpoint>/<prefix><id> signed with OSS V1 (through a forward proxy)', async () => {
  const b = make({ type: 'oss', oss: ossConfig({ endpoint: 'oss.test', object_prefix: 'p/', access_key_secret: SECRET, proxy: noProxy({ url: osssrv.url, fallback: false }) }) });
  assert.is(await b.blobSize(id), data.length);
  assert.equal(await b.read(id, 99_990, 10), data.subarray(99_990));
  assert.equal(osssrv.requests.map((r) => [r.method, r.url]), [['HEAD', `http://bucket.oss.test/p/${id}`], ['GET', `http://bucket.oss.test/p/${id}`]]);
});

test('proxy answering 5xx with fallback=true: the request is re-sent to the origin', async () => {
  const proxy = await startFaultServer();
  const origin = await startFaultServer({ blobs: new Map([[id, data]]) });
  try {
    proxy.faults.push({ kind: 'status', status: 502 });
    const b = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: origin.url, proxy: noProxy({ url: proxy.url }) }) });
    assert.equal(await b.read(id, 0, 100), data.subarray(0, 100));
    assert.equal(proxy.requests.map((r) => [r.url, r.headers['x-dragonfly-priority']]), [[`${origin.url}/${id}`, '6']]);
    assert.is(origin.requests.length, 1);
    assert.is(origin.requests[0].headers['x-dragonfly-priority'], undefined);
  } finally {
    await Promise.all([proxy.stop(), origin.stop()]);
  }
});

test('https origin through a CONNECT proxy, trusting the server certificate via ca_cert_files', async () => {
  const dir = serverTempDir('tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const origin = await startFaultServer({ blobs: new Map([[id, data]]), tls: { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') } });
  const proxy = await startFaultServer();
  try {
    const untrusted = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: origin.url }) });
    assert.match((await rejection(untrusted.read(id, 0, 1))).message, /self[- ]signed certificate/);
    const b = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: origin.url, ca_cert_files: [cert], proxy: noProxy({ url: proxy.url, fallback: false }) }) });
    assert.equal(await b.read(id, 10, 1000), data.subarray(10, 1010));
    assert.equal(await b.read(id, 2000, 10), data.subarray(2000, 2010));
    assert.equal(proxy.requests.map((r) => [r.method, r.url]), [['CONNECT', `127.0.0.1:${origin.port}`]], 'one kept-alive tunnel');
    const skip = make({ type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: origin.url, skip_verify: true }) });
    assert.equal(await skip.read(id, 0, 5), data.subarray(0, 5));
  } finally {
    await Promise.all([proxy.stop(), origin.stop()]);
    removeDir(dir);
  }
});

test.run();
