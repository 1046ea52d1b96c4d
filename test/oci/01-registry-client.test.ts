// OCI layer: image references, and the registry client against Debian's docker-registry with
// htpasswd Basic auth and with token auth: blob push (twice), verified fetch, cross-repository
// mount, manifests and indexes (platform choice), missing tags, corrupt blobs, media types the
// client does not know, refused credentials, https certificate checks, and network failures
// that end in EIO, not a hang.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { NydusError } from '../../src/errors.js';
import { type ImageIndex, type ImageManifest, MEDIA_OCI_CONFIG, MEDIA_OCI_INDEX, MEDIA_OCI_LAYER_GZIP, MEDIA_OCI_MANIFEST, OS_FEATURE_NYDUS } from '../../src/oci/media-types.js';
import { hostPlatform } from '../../src/oci/platform.js';
import { formatReference, parseReference } from '../../src/oci/reference.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/oci/registry-client.js';
import { tempDir } from '../helpers.js';
import { freePort, skipReason } from '../servers/common.js';
import { REGISTRY_BIN, startRegistry, type RegistryServer } from '../servers/registry.js';
import { startTokenServer, type TokenServer } from '../servers/token-server.js';

const why = skipReason(REGISTRY_BIN) ?? skipReason('/usr/bin/htpasswd');
if (why) console.log(`oci/01-registry-client: registry tests skipped, ${why}`);
const withRegistry = why ? test.skip : test;

const users = [{ name: 'alice', password: 'alice-pw' }];
const alice = { username: 'alice', password: 'alice-pw' };
const work = tempDir('nydus-oci-client-');
let basic: RegistryServer;
let tokens: TokenServer;
let tokened: RegistryServer;

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function rejection(p: Promise<unknown>): Promise<NydusError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof NydusError) return err;
    throw new Error(`expected a NydusError, got ${(err as Error)?.stack ?? String(err)}`);
  }
  throw new Error('expected a rejection, got a value');
}

function reject(fn: () => unknown): NydusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof NydusError) return err;
    throw err;
  }
  throw new Error('expected a throw');
}

test.before(async () => {
  if (why) return;
  tokens = await startTokenServer({ users });
  [basic, tokened] = await Promise.all([startRegistry({ auth: 'htpasswd', users }), startRegistry({ auth: 'token', tokenServer: tokens })]);
});

test.after(async () => {
  await Promise.all([basic?.stop(), tokened?.stop(), tokens?.stop()]);
});

test('parseReference: hosts, ports, tags, digests and the docker.io defaults', () => {
  const d = `sha256:${'ab'.repeat(32)}`;
  assert.equal(parseReference('127.0.0.1:5000/ns/repo:tag'), { registry: '127.0.0.1:5000', repository: 'ns/repo', tag: 'tag' });
  assert.equal(parseReference(`host.example/repo@${d}`), { registry: 'host.example', repository: 'repo', digest: d });
  assert.equal(parseReference(`localhost/a/b:v1@${d}`), { registry: 'localhost', repository: 'a/b', tag: 'v1', digest: d });
  assert.equal(parseReference('repo'), { registry: 'docker.io', repository: 'library/repo', tag: 'latest' });
  assert.equal(parseReference('user/repo:1.0'), { registry: 'docker.io', repository: 'user/repo', tag: '1.0' });
  assert.equal(parseReference('docker.io/busybox'), { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' });
  assert.equal(parseReference('index.docker.io/library/busybox:1'), { registry: 'docker.io', repository: 'library/busybox', tag: '1' });
  assert.equal(parseReference('[::1]:5000/x/y'), { registry: '[::1]:5000', repository: 'x/y', tag: 'latest' });
  assert.equal(parseReference('localhost:5000/a_b__c-d.e'), { registry: 'localhost:5000', repository: 'a_b__c-d.e', tag: 'latest' });
  assert.is(formatReference(parseReference('busybox')), 'docker.io/library/busybox:latest');
  assert.is(formatReference(parseReference(`h:1/r@${d}`)), `h:1/r@${d}`);
});

test('parseReference: malformed references are EINVAL naming the problem', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['Repo/UPPER', /lower-case/],
    ['host:5000/repo:bad tag', /white space/],
    ['127.0.0.1:5000/repo:', /not a valid tag/],
    ['repo@sha256:1234', /not a digest/],
    ['http://127.0.0.1:5000/repo', /no scheme/],
    ['127.0.0.1:5000/', /lower-case/],
    ['host.example/a//b', /lower-case/],
    ['h:1/r:t:u', /lower-case|host/],
  ];
  for (const [text, re] of cases) {
    const err = reject(() => parseReference(text));
    assert.is(err.code, 'EINVAL', text);
    assert.is(err.exitCode, 2);
    assert.match(err.message, re, text);
  }
});

/** The same scenarios against one registry: Basic auth or token auth. */
function suite(label: string, server: () => RegistryServer, opts: () => RegistryClientOptions) {
  const client = (repo: string, extra: RegistryClientOptions = {}) => new RegistryClient(server().host, repo, { ...opts(), ...extra });

  withRegistry(`${label}: a blob pushed twice uploads once; fetchBlob and readBlob return verified bytes`, async () => {
    const c = client('oci/blobs');
    const data = randomBytes(2 * 1024 * 1024 + 3);
    const digest = sha256(data);
    assert.is(await c.hasBlob(digest), false);
    assert.is(await c.pushBlob(digest, data, data.length), true);
    assert.is(await c.pushBlob(digest, data, data.length), false, 'second push finds the blob');
    assert.is(await c.hasBlob(digest), true);
    const dest = join(work, `${label}-fetched`);
    assert.is(await c.fetchBlob(digest, dest), data.length);
    assert.equal(readFileSync(dest), data);
    assert.equal(await c.readBlob(digest), data);
    const uploads = server().accessLog().filter((e) => e.method === 'PUT' && e.uri.includes('/oci/blobs/blobs/uploads/'));
    assert.is(uploads.filter((e) => e.status === 201).length, 1);
  });

  withRegistry(`${label}: a blob streamed from a file, then mounted into another repository`, async () => {
    const data = randomBytes(700_000);
    const file = join(work, `${label}-src`);
    writeFileSync(file, data);
    const digest = sha256(data);
    assert.is(await client('oci/from').pushBlob(digest, file, data.length), true);
    const to = client('oci/to');
    assert.is(await to.mountBlob(digest, 'oci/from'), true);
    assert.equal(await to.readBlob(digest), data);
    assert.is(await to.mountBlob(sha256(Buffer.from('never pushed')), 'oci/from'), false, 'a missing blob is not mounted');
  });

  withRegistry(`${label}: an OCI manifest put by tag reads back by tag and by digest`, async () => {
    const c = client('oci/image');
    const { manifest, bytes, config } = await pushImage(c, 'amd64');
    const digest = await c.putManifest('v1', MEDIA_OCI_MANIFEST, bytes);
    assert.is(digest, sha256(bytes));
    const byTag = await c.getManifest('v1');
    assert.equal({ mediaType: byTag.mediaType, digest: byTag.digest, bytes: byTag.bytes }, { mediaType: MEDIA_OCI_MANIFEST, digest, bytes });
    assert.equal(byTag.json, manifest);
    assert.is((await c.getManifest(digest)).digest, digest);
    const resolved = await c.resolveImage('v1');
    assert.is(resolved.manifestDigest, digest);
    assert.equal(resolved.config, JSON.parse(config.toString()));
    assert.is(resolved.index, undefined);
  });

  withRegistry(`${label}: resolveImage picks the platform from an index and lists the offered ones otherwise`, async () => {
    const c = client('oci/multi');
    const amd = await pushImage(c, 'amd64');
    const arm = await pushImage(c, 'arm64', 'v8');
    const nydusArm = await pushImage(c, 'arm64', 'v8', 'nydus');
    const entry = (img: typeof amd, arch: string, variant?: string, features?: string[]) => ({
      mediaType: MEDIA_OCI_MANIFEST, digest: sha256(img.bytes), size: img.bytes.length,
      platform: { os: 'linux', architecture: arch, ...(variant ? { variant } : {}), ...(features ? { 'os.features': features } : {}) },
    });
    for (const img of [amd, arm, nydusArm]) await c.putManifest(sha256(img.bytes), MEDIA_OCI_MANIFEST, img.bytes);
    const index: ImageIndex = { schemaVersion: 2, mediaType: MEDIA_OCI_INDEX, manifests: [entry(amd, 'amd64'), entry(nydusArm, 'arm64', 'v8', [OS_FEATURE_NYDUS]), entry(arm, 'arm64', 'v8')] };
    const indexBytes = Buffer.from(JSON.stringify(index));
    await c.putManifest('multi', MEDIA_OCI_INDEX, indexBytes);
    const top = await c.getManifest('multi');
    assert.is(top.mediaType, MEDIA_OCI_INDEX);
    assert.equal(top.json, index);

    const onArm = await c.resolveImage('multi', 'linux/arm64');
    assert.is(onArm.manifestDigest, sha256(arm.bytes));
    assert.is(onArm.config.architecture, 'arm64');
    assert.equal(onArm.index, index);
    assert.is((await c.resolveImage('multi', 'linux/arm64/v8', { preferNydus: true })).manifestDigest, sha256(nydusArm.bytes));
    assert.is((await c.resolveImage('multi', 'linux/amd64')).manifestDigest, sha256(amd.bytes));
    if (hostPlatform() === 'linux/amd64') assert.is((await c.resolveImage('multi')).manifestDigest, sha256(amd.bytes), 'default: this machine');
    const err = await rejection(c.resolveImage('multi', 'linux/s390x'));
    assert.is(err.code, 'ENOENT');
    assert.match(err.message, 'no manifest for platform linux/s390x');
    assert.match(err.message, 'linux/amd64, linux/arm64/v8 (nydus), linux/arm64/v8');
  });

  withRegistry(`${label}: a missing tag is ENOENT "repo:tag: manifest unknown"`, async () => {
    const c = client('oci/image');
    const err = await rejection(c.getManifest('no-such-tag'));
    assert.is(err.code, 'ENOENT');
    assert.match(err.message, `${server().host}/oci/image:no-such-tag: manifest unknown`);
    const viaResolve = await rejection(c.resolveImage('no-such-tag'));
    assert.is(viaResolve.code, 'ENOENT');
    const blob = await rejection(c.readBlob(sha256(Buffer.from('absent'))));
    assert.is(blob.code, 'ENOENT');
  });

  withRegistry(`${label}: wrong or missing credentials are EACCES`, async () => {
    const wrong = await rejection(client('oci/image', { auth: { username: 'alice', password: 'nope' } }).getManifest('v1'));
    assert.is(wrong.code, 'EACCES');
    assert.match(wrong.message, 'user "alice"');
    const anonymous = await rejection(new RegistryClient(server().host, 'oci/image').hasBlob(sha256(Buffer.from('x'))));
    assert.is(anonymous.code, 'EACCES');
    assert.match(anonymous.message, 'no credentials');
  });
}

/** Pushes a config and one layer; returns the manifest (not yet put). */
async function pushImage(c: RegistryClient, architecture: string, variant?: string, salt = '') {
  const layer = randomBytes(1000);
  const config = Buffer.from(JSON.stringify({ architecture, os: 'linux', ...(variant ? { variant } : {}), rootfs: { type: 'layers', diff_ids: [sha256(layer)] }, salt }));
  await c.pushBlob(sha256(layer), layer, layer.length);
  await c.pushBlob(sha256(config), config, config.length);
  const manifest: ImageManifest = {
    schemaVersion: 2, mediaType: MEDIA_OCI_MANIFEST,
    config: { mediaType: MEDIA_OCI_CONFIG, digest: sha256(config), size: config.length },
    layers: [{ mediaType: MEDIA_OCI_LAYER_GZIP, digest: sha256(layer), size: layer.length }],
  };
  return { manifest, bytes: Buffer.from(JSON.stringify(manifest)), config };
}

suite('basic', () => basic, () => ({ auth: alice }));
suite('token', () => tokened, () => ({ auth: alice }));

withRegistry('token: one token request per scope, then the token is reused', async () => {
  const c = new RegistryClient(tokened.host, 'oci/reuse', { auth: alice });
  const before = tokens.requests.length;
  const data = randomBytes(1000);
  await c.pushBlob(sha256(data), data, data.length);
  await c.readBlob(sha256(data));
  await c.hasBlob(sha256(data));
  const scopes = tokens.requests.slice(before).map((r) => r.scope);
  assert.equal(scopes, ['repository:oci/reuse:pull,push', 'repository:oci/reuse:pull']);
  assert.ok(tokens.requests.slice(before).every((r) => r.method === 'GET' && r.user === 'alice' && r.granted));
});

withRegistry('a blob corrupted in the registry storage: EBADMSG naming the digest, no file left', async () => {
  const c = new RegistryClient(basic.host, 'oci/corrupt', { auth: alice });
  const data = randomBytes(300_000);
  const digest = sha256(data);
  await c.pushBlob(digest, data, data.length);
  // distribution verifies uploads, so corrupt the stored file (same length) behind its back.
  const stored = join(dirname(basic.logFile), 'data/docker/registry/v2/blobs/sha256', digest.slice(7, 9), digest.slice(7), 'data');
  const bad = Buffer.from(data);
  bad[1234] ^= 0xff;
  writeFileSync(stored, bad);
  const dir = tempDir('nydus-oci-corrupt-');
  const err = await rejection(c.fetchBlob(digest, join(dir, 'blob')));
  assert.is(err.code, 'EBADMSG');
  assert.match(err.message, digest);
  assert.equal(readdirSync(dir), [], 'neither the blob nor a temp file is left');
  assert.is((await rejection(c.readBlob(digest))).code, 'EBADMSG');
});

withRegistry('a manifest of a media type distribution does not take is refused by the registry', async () => {
  // distribution 2.8 only stores manifests of the types it knows, so the client's own check of
  // unknown types is tested against the fake server below.
  const c = new RegistryClient(basic.host, 'oci/odd', { auth: alice });
  const err = await rejection(c.putManifest('odd', 'application/vnd.example.unknown+json', Buffer.from('{"schemaVersion":2,"layers":[]}')));
  assert.is(err.code, 'EINVAL');
  assert.match(err.message, '400 Bad Request (MANIFEST_INVALID');
});

/** A node http server answering every request with `handler`; closed by the caller. */
async function fakeRegistry(handler: http.RequestListener): Promise<{ host: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

test('a reference that is neither a tag nor a digest, and a malformed blob digest, are EINVAL before any request', async () => {
  const c = new RegistryClient('127.0.0.1:1', 'x/y');
  for (const bad of ['../v1', 'a/b', 'sha256:xyz', '']) assert.is((await rejection(c.getManifest(bad))).code, 'EINVAL', bad);
  assert.is((await rejection(c.putManifest('a b', MEDIA_OCI_MANIFEST, Buffer.from('{}')))).code, 'EINVAL');
  assert.is((await rejection(c.fetchBlob('sha256:abc', join(work, 'never')))).code, 'EINVAL');
  assert.is((await rejection(c.pushBlob('md5:abc', Buffer.from('x'), 1))).code, 'EINVAL');
  const d = sha256(Buffer.from('x'));
  assert.match((await rejection(c.pushBlob(d, Buffer.from('x'), 2))).message, 'has 1 bytes, size says 2');
  assert.is((await rejection(c.pushBlob(d, join(work, 'no-such-file'), 1))).code, 'ENOENT');
});

test('a manifest of an unknown media type is EINVAL naming the type', async () => {
  const fake = await fakeRegistry((_req, res) => res.writeHead(200, { 'Content-Type': 'application/vnd.example.unknown+json' }).end('{"schemaVersion":2}'));
  try {
    const err = await rejection(new RegistryClient(fake.host, 'x/y').getManifest('v1'));
    assert.is(err.code, 'EINVAL');
    assert.match(err.message, '"application/vnd.example.unknown+json"');
  } finally {
    await fake.close();
  }
});

test('a manifest fetched by digest whose bytes do not match is EBADMSG', async () => {
  const body = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_OCI_MANIFEST, config: {}, layers: [] });
  const fake = await fakeRegistry((_req, res) => res.writeHead(200, { 'Content-Type': MEDIA_OCI_MANIFEST }).end(body));
  try {
    const other = sha256(Buffer.from('other'));
    const err = await rejection(new RegistryClient(fake.host, 'x/y').getManifest(other));
    assert.is(err.code, 'EBADMSG');
    assert.match(err.message, other);
  } finally {
    await fake.close();
  }
});

test('https: the certificate is verified; caCertFiles trusts a CA, skipVerify accepts any', async () => {
  const dir = tempDir('nydus-oci-tls-');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const body = JSON.stringify({ schemaVersion: 2, mediaType: MEDIA_OCI_MANIFEST, config: {}, layers: [] });
  const server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.writeHead(200, { 'Content-Type': MEDIA_OCI_MANIFEST }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const untrusted = await rejection(new RegistryClient(host, 'x/y', { plainHttp: false }).getManifest('v1'));
    assert.is(untrusted.code, 'EIO');
    assert.match(untrusted.message, /certificate/i);
    assert.is((await new RegistryClient(host, 'x/y', { plainHttp: false, caCertFiles: [cert] }).getManifest('v1')).mediaType, MEDIA_OCI_MANIFEST);
    assert.is((await new RegistryClient(host, 'x/y', { plainHttp: false, skipVerify: true }).getManifest('v1')).mediaType, MEDIA_OCI_MANIFEST);
    assert.is(reject(() => new RegistryClient(host, 'x/y', { caCertFiles: [join(dir, 'missing.pem')] })).code, 'EINVAL');
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('network failures are EIO naming the URL: refused, 500, and a server that never answers', async () => {
  const port = await freePort();
  const refused = await rejection(new RegistryClient(`127.0.0.1:${port}`, 'x/y').hasBlob(sha256(Buffer.from('a'))));
  assert.is(refused.code, 'EIO');
  assert.match(refused.message, `127.0.0.1:${port}/v2/x/y/blobs/`);

  const failing = await fakeRegistry((_req, res) => res.writeHead(500).end('boom'));
  try {
    const err = await rejection(new RegistryClient(failing.host, 'x/y').getManifest('v1'));
    assert.is(err.code, 'EIO');
    assert.match(err.message, '500');
  } finally {
    await failing.close();
  }

  const silent = await fakeRegistry(() => undefined);
  try {
    const started = Date.now();
    const err = await rejection(new RegistryClient(silent.host, 'x/y', { timeoutMs: 300 }).readBlob(sha256(Buffer.from('a'))));
    assert.is(err.code, 'EIO');
    assert.match(err.message, 'no progress for 300 ms');
    assert.ok(Date.now() - started < 5000);
  } finally {
    await silent.close();
  }
  assert.ok(!existsSync(join(work, 'nothing')));
});

test.run();
