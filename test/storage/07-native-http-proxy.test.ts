// Storage: the native http-proxy client of a Unix socket (nativeHttpProxyOf + the addon's
// unixHttp option) reads an image's files through a real SharedBlobReads server, and the
// NYDUS_NATIVE_HTTP_PROXY=0 escape hatch keeps the TS backend. Upstream is a stand-in backend
// over the fixture's blob files (the server, not the upstream, is what is tested).
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BackendConfig } from '../../generated/types.js';
import { S_IFMT, S_IFREG, walk } from '../../src/inspect/walk.js';
import { RafsImage, type ImageOptions } from '../../src/native/image.js';
import { SharedBlobReads } from '../../src/service/shared-blob-reads.js';
import { createBackend, type BlobBackend } from '../../src/storage/backend.js';
import { nativeHttpProxyOf } from '../../src/storage/http-proxy.js';
import { blobSourceOf } from '../../src/storage/native-source.js';
import { fixture, perTest, readExpected, tempDir } from '../helpers.js';
import { httpProxyConfig } from './fixture.js';

const track = perTest();
const none = { localfs: null, localdisk: null, oss: null, s3: null, registry: null, 'http-proxy': null };

/** Upstream of the shared reads: the fixture's blob files; counts the bytes it served. */
function fileBackend(dir: string, served: { bytes: number }): BlobBackend {
  return {
    type: 'registry',
    blobSize: async (id) => statSync(join(dir, id)).size,
    read: async (id, offset, length) => {
      served.bytes += length;
      return readFileSync(join(dir, id)).subarray(offset, offset + length);
    },
    setRuntime: () => undefined,
    close: () => undefined,
  };
}

async function sharedSocket(served: { bytes: number }): Promise<string> {
  const workDir = tempDir();
  const upstream = fileBackend(fixture.v5.blobs, served);
  const reads = track(new SharedBlobReads({ resolve: () => ({ backend: upstream, workDir }) }));
  const socket = join(tempDir(), 'blobs.sock');
  await reads.listen(socket);
  return socket;
}

function proxyBackend(socket: string, path = ''): BackendConfig {
  return { ...none, type: 'http-proxy', 'http-proxy': httpProxyConfig({ addr: socket, path, timeout: 30 }) } as BackendConfig;
}

/** md5 of every regular file, read through the image's data path. */
async function md5s(image: RafsImage): Promise<Map<string, string>> {
  const files: Array<{ path: string; ino: number }> = [];
  walk(image, (e) => {
    if ((e.attr.mode & S_IFMT) === S_IFREG) files.push({ path: e.path, ino: e.ino });
  });
  const out = new Map<string, string>();
  for (const f of files) {
    const parts: Buffer[] = [];
    for await (const b of image.stream(f.ino)) parts.push(b);
    out.set(f.path, createHash('md5').update(Buffer.concat(parts)).digest('hex'));
  }
  return out;
}

test('http-proxy on a unix socket is served natively: every file matches through SharedBlobReads', async () => {
  const served = { bytes: 0 };
  const socket = await sharedSocket(served);
  const unixHttp = nativeHttpProxyOf(proxyBackend(socket, '/ns/blobs'), {});
  assert.ok(unixHttp);
  assert.is(unixHttp.socket, socket);
  assert.is(unixHttp.path, '/ns/blobs');
  assert.is(unixHttp.timeoutMs, 30_000);
  assert.equal(unixHttp.headers, ['User-Agent: nydusd/1.0.0']);
  const image = track(RafsImage.open(fixture.v5.bootstrap, { unixHttp, validate: true }));
  assert.equal(await md5s(image), readExpected(fixture.v5.expected).md5);
  assert.ok(served.bytes > 0, 'the bytes came from the shared server');
});

test('NYDUS_NATIVE_HTTP_PROXY=0, a proxy url or a remote addr keep the TS backend, which reads the same bytes', async () => {
  const served = { bytes: 0 };
  const socket = await sharedSocket(served);
  const backend = proxyBackend(socket);
  assert.is(nativeHttpProxyOf(backend, { NYDUS_NATIVE_HTTP_PROXY: '0' }), null);
  const proxied = proxyBackend(socket);
  proxied['http-proxy']!.proxy = { ...proxied['http-proxy']!.proxy, url: 'http://127.0.0.1:1' };
  assert.is(nativeHttpProxyOf(proxied, {}), null);
  assert.is(nativeHttpProxyOf(proxyBackend('http://127.0.0.1:1'), {}), null);
  const options: ImageOptions = { validate: true, backend: blobSourceOf(createBackend(backend, { id: 'js' })) };
  const image = track(RafsImage.open(fixture.v5.bootstrap, options));
  assert.equal(await md5s(image), readExpected(fixture.v5.expected).md5);
  assert.ok(served.bytes > 0);
});

test('a missing blob is an ENOENT read error naming the blob, not a hang', async () => {
  const reads = track(new SharedBlobReads({ resolve: () => null }));
  const socket = join(tempDir(), 'blobs.sock');
  await reads.listen(socket);
  const unixHttp = nativeHttpProxyOf(proxyBackend(socket), {})!;
  const image = track(RafsImage.open(fixture.v5.bootstrap, { unixHttp }));
  const ino = image.lookupPath('/hardlink-test/foo');
  const err = await image.read(ino, 0, 10).then(() => null, (e: Error) => e);
  assert.ok(err, 'the read failed');
  assert.match(err.message, /not found/);
});

test.run();
