// `nydus convert` end to end with real parts: docker-registry with htpasswd auth holds an OCI
// image the test builds from its own layer tarballs (GNU tar: whiteouts, an opaque directory,
// hard links, symlinks, xattrs, owners, files changed and replaced between layers); the
// converted image is mounted lazily over FUSE from the registry and, for v6, by the kernel's
// EROFS over loop devices, and its tree must equal the layers unpacked in order. A second
// version converted with --chunk-dict must upload only its changed chunks. Bad sources and a
// registry killed mid-push must leave nothing under the target tag.
import { execa } from 'execa';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isRoot, startDaemon, unmountAndRemove } from '../daemon-helpers.js';
import { compress } from '../../src/native/binding.js';
import { mountErofs } from '../erofs-helpers.js';
import { canMountFuse, cli, tempDir } from '../helpers.js';
import { applyLayers, assertTree, fixTimes, getBlob, getManifest, pushImage, pushRawImage, put, putManifest, sampleLayers, sh, snapshotTree, type EntrySnapshot } from '../oci/oci-fixture.js';
import { REGISTRY_BIN, startRegistry, type RegistryServer } from '../servers/registry.js';

const why = !isRoot ? 'needs root' : !existsSync(REGISTRY_BIN) ? `${REGISTRY_BIN} missing` : !canMountFuse() ? 'no FUSE' : '';
const it = why ? test.skip : test;
const USER = { name: 'conv', password: 'conv-secret' };
const auth = { user: USER.name, password: USER.password };
const authFlags = ['--source-auth', `${USER.name}:${USER.password}`, '--target-auth', `${USER.name}:${USER.password}`];

let work = '';
let registry: RegistryServer;
let layers: string[] = [];
let expected: Record<string, EntrySnapshot> = {};
let counter = 0;
const fresh = (name: string): string => {
  const d = join(work, `${name}-${counter++}`);
  mkdirSync(d, { recursive: true });
  return d;
};

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** Mounts with `nydus fuse ARGS` and checks the tree against `want`; unmounts. */
async function checkMount(args: string[], want: Record<string, EntrySnapshot>): Promise<void> {
  const mnt = fresh('mnt');
  const d = await startDaemon(args, mnt);
  try {
    assertTree(mnt, want);
  } finally {
    await d.stop();
  }
}

async function convert(args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string; json?: any }> {
  const r = await execa(process.execPath, [cli, 'convert', ...args], { reject: false, all: false });
  let json: unknown;
  if (args.includes('--json') && r.exitCode === 0) json = JSON.parse(r.stdout);
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr, json };
}

function registryConfig(repo: string, host = registry.host): string {
  const file = join(fresh('cfg'), 'config.json');
  writeFileSync(file, JSON.stringify({
    version: 2,
    backend: { type: 'registry', registry: { scheme: 'http', host, repo, auth: Buffer.from(`${USER.name}:${USER.password}`).toString('base64'), timeout: 5 } },
    cache: { type: 'blobcache', filecache: { work_dir: fresh('cache') } },
    rafs: { mode: 'direct' },
  }));
  return file;
}

/** The converted image's bootstrap, fetched from the registry like nydus-snapshotter does. */
async function fetchBootstrap(repo: string, tag: string): Promise<{ boot: string; manifest: any }> {
  const m = await getManifest(registry.url, repo, tag, auth);
  assert.ok(m, `${repo}:${tag} exists`);
  const bootLayer = m!.json.layers.find((l: any) => l.annotations?.['containerd.io/snapshot/nydus-bootstrap'] === 'true');
  const dir = fresh('boot');
  writeFileSync(join(dir, 'layer.tgz'), await getBlob(registry.url, repo, bootLayer.digest, auth));
  await execa('tar', ['-xzf', join(dir, 'layer.tgz'), '-C', dir]);
  return { boot: join(dir, 'image/image.boot'), manifest: m!.json };
}


test.before(async () => {
  if (why) return;
  work = tempDir('nydus-convert-');
  layers = sampleLayers(fresh('layers'));
  const union = join(work, 'union');
  applyLayers(layers, union, fresh('scratch'));
  expected = snapshotTree(union);
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
  await pushImage(registry.url, 'app', '1', layers, auth);
});

test.after(async () => {
  await registry?.stop();
  if (work) await unmountAndRemove(work);
});

it('the overlay oracle itself: whiteouts, opaque dir and replaced entries applied', () => {
  assert.ok(!expected['/etc/b.txt'] && !expected['/gone'] && !expected['/data/x'] && !expected['/opq/old1'] && !expected['/opq/sub']);
  assert.is(expected['/data/y'].nlink, 1);
  assert.is(expected['/data/q'].nlink, 1);
  assert.is(expected['/dirreplaced'].type, 'file');
  assert.is(expected['/filereplaced'].type, 'dir');
  assert.is(expected['/etc'].xattrs['user.dir'], '0x74776f');
  assert.ok(!Object.keys(expected).some((p) => p.includes('.wh.')));
});

it('convert v6: pushed layout (nydus blob layers, annotated bootstrap layer, diff_ids); `nydus fuse --image` mounts it and the tree equals the overlay of the layers', async () => {
  const r = await convert(['--source', `${registry.host}/app:1`, '--target', `${registry.host}/app:1-nydus`, ...authFlags, '--json']);
  assert.is(r.exitCode, 0, r.stderr);
  const s = r.json;
  assert.is(s.platforms.length, 1);
  assert.is(s.platforms[0].blobs.length, 3, 'one blob per layer');
  const { boot, manifest } = await fetchBootstrap('app', '1-nydus');
  assert.is(manifest.mediaType, 'application/vnd.oci.image.manifest.v1+json');
  assert.is(manifest.layers.length, 4);
  for (const l of manifest.layers.slice(0, 3)) {
    assert.is(l.mediaType, 'application/vnd.oci.image.layer.nydus.blob.v1');
    assert.is(l.annotations['containerd.io/snapshot/nydus-blob'], 'true');
  }
  const bootLayer = manifest.layers[3];
  assert.is(bootLayer.mediaType, 'application/vnd.oci.image.layer.v1.tar+gzip');
  assert.is(bootLayer.annotations['containerd.io/snapshot/nydus-fs-version'], '6');
  assert.match(bootLayer.annotations['containerd.io/uncompressed'], /^sha256:[0-9a-f]{64}$/);
  const config = JSON.parse((await getBlob(registry.url, 'app', manifest.config.digest, auth)).toString());
  assert.equal(config.rootfs.diff_ids, [...manifest.layers.slice(0, 3).map((l: any) => l.digest), bootLayer.annotations['containerd.io/uncompressed']]);
  assert.equal(config.config.Cmd, ['/bin/sh'], 'the rest of the config is kept');
  // Every blob is fetchable under the id the bootstrap records (the layer digest).
  const info = await execa(process.execPath, [cli, 'inspect', 'superblock', boot, '--json']);
  const ids = (JSON.parse(info.stdout).blobs as Array<{ blob_id?: string; blobId?: string }>).map((b) => b.blob_id ?? b.blobId);
  assert.equal(ids, manifest.layers.slice(0, 3).map((l: any) => l.digest.slice(7)));

  // Mounted by reference, as a user of the converted image would (the config lends the auth).
  await checkMount(['--image', `${registry.host}/app:1-nydus`, '--config', registryConfig('app')], expected);
});

it('convert v5 (lz4, sha256) mounts with the same tree', async () => {
  const r = await convert(['--source', `${registry.host}/app:1`, '--target', `${registry.host}/app:1-v5`, ...authFlags, '--fs-version', '5', '--compressor', 'lz4_block', '--digester', 'sha256']);
  assert.is(r.exitCode, 0, r.stderr);
  const { boot } = await fetchBootstrap('app', '1-v5');
  await checkMount(['--bootstrap', boot, '--config', registryConfig('app')], expected);
});

it('a v6 result without compression mounts through the kernel\'s EROFS (loop devices) with the same tree', async () => {
  const r = await convert(['--source', `${registry.host}/app:1`, '--target', `${registry.host}/app:1-raw`, ...authFlags, '--compressor', 'none']);
  assert.is(r.exitCode, 0, r.stderr);
  const { boot, manifest } = await fetchBootstrap('app', '1-raw');
  const dir = fresh('devs');
  const devices: string[] = [];
  for (const l of manifest.layers.filter((x: any) => x.mediaType === 'application/vnd.oci.image.layer.nydus.blob.v1')) {
    const f = join(dir, l.digest.slice(7));
    writeFileSync(f, await getBlob(registry.url, 'app', l.digest, auth));
    devices.push(f);
  }
  const mnt = fresh('erofs');
  const cleanup = await mountErofs(boot, devices, mnt);
  try {
    assertTree(mnt, expected);
  } finally {
    await cleanup();
  }
});

it('--chunk-dict: a second version with one changed file uploads only that file\'s chunks', async () => {
  const base = await convert(['--source', `${registry.host}/app:1`, '--target', `${registry.host}/dict:1-nydus`, ...authFlags, '--json']);
  assert.is(base.exitCode, 0, base.stderr);
  // Version 2: the same two lower layers, the top layer's config changed.
  const l2b = fresh('l2b');
  put(l2b, 'app/config.json', JSON.stringify({ version: 2, pad: 'd'.repeat(5000) }));
  fixTimes(l2b);
  await pushImage(registry.url, 'dict', '2', [layers[0], layers[1], l2b], auth);
  const before = registry.accessLog().length;
  const r = await convert(['--source', `${registry.host}/dict:2`, '--target', `${registry.host}/dict:2-nydus`, ...authFlags,
    '--chunk-dict', `${registry.host}/dict:1-nydus`, '--json']);
  assert.is(r.exitCode, 0, r.stderr);
  const uploads = registry.accessLog().slice(before).filter((e) => e.method === 'PUT' && e.uri.includes('/dict/blobs/uploads/') && e.status === 201);
  const pushedBlobs = r.json.platforms[0].blobs.filter((b: any) => b.pushed);
  assert.is(pushedBlobs.length, 1, JSON.stringify(r.json.platforms[0].blobs));
  // One data blob (the changed file's one chunk), the bootstrap layer and the config.
  assert.is(uploads.length, 3, JSON.stringify(uploads));
  assert.ok(pushedBlobs[0].size < 16 << 10, `the new blob holds only the changed chunk: ${pushedBlobs[0].size} bytes`);
  const { boot } = await fetchBootstrap('dict', '2-nydus');
  const union = fresh('union2');
  applyLayers([layers[0], layers[1], l2b], union, fresh('scratch'));
  await checkMount(['--bootstrap', boot, '--config', registryConfig('dict')], snapshotTree(union));
});

it('a hard link in an upper layer to a file of a lower layer joins its link group (one inode, nlink 2, the lower content)', async () => {
  const lower = fresh('hl-lower');
  put(lower, 'usr/bin/tool', 'the tool '.repeat(20000), { mode: 0o755 });
  fixTimes(lower);
  // The upper layer's tar: GNU tar writes tool as a file and alias as a link to it; deleting
  // tool from the archive leaves a hard link to a file only the lower layer has.
  const stage = fresh('hl-upper');
  put(stage, 'usr/bin/tool', 'the tool '.repeat(20000), { mode: 0o755 });
  sh('ln', [join(stage, 'usr/bin/tool'), join(stage, 'usr/bin/alias')]);
  fixTimes(stage);
  const tarFile = join(fresh('hl-tar'), 'upper.tar');
  sh('tar', ['--numeric-owner', '-C', stage, '-cf', tarFile, './usr/bin/tool', './usr/bin/alias']);
  sh('tar', ['--delete', '-f', tarFile, './usr/bin/tool']);
  const listing = sh('tar', ['-tvf', tarFile]).toString();
  assert.match(listing, /alias link to/, listing);
  const upperTar = readFileSync(tarFile);
  const lowerTar = sh('tar', ['--sort=name', '--numeric-owner', '-C', lower, '-cf', '-', '.']);
  await pushRawImage(registry.url, 'hl', '1', [lowerTar, upperTar].map((t) => ({ blob: gzipSync(t), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', diffId: sha(t) })), auth);
  const r = await convert(['--source', `${registry.host}/hl:1`, '--target', `${registry.host}/hl:1-nydus`, ...authFlags]);
  assert.is(r.exitCode, 0, r.stderr);
  const mnt = fresh('mnt');
  const d = await startDaemon(['--image', `${registry.host}/hl:1-nydus`, '--config', registryConfig('hl')], mnt);
  try {
    const a = statSync(join(mnt, 'usr/bin/tool'));
    const b = statSync(join(mnt, 'usr/bin/alias'));
    assert.is(a.ino, b.ino, 'one inode');
    assert.is(a.nlink, 2);
    assert.is(b.nlink, 2);
    assert.ok(readFileSync(join(mnt, 'usr/bin/alias')).equals(readFileSync(join(lower, 'usr/bin/tool'))));
  } finally {
    await d.stop();
  }
});

it('tar+zstd layers (OCI media type) convert like gzip ones', async () => {
  const tars = [layers[0], layers[2]].map((dir) => sh('tar', ['--sort=name', '--numeric-owner', '--xattrs', '--xattrs-include=user.*', '-C', dir, '-cf', '-', '.']));
  await pushRawImage(registry.url, 'zst', '1', tars.map((t) => ({ blob: compress('zstd', t), mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', diffId: sha(t) })), auth);
  const r = await convert(['--source', `${registry.host}/zst:1`, '--target', `${registry.host}/zst:1-nydus`, ...authFlags]);
  assert.is(r.exitCode, 0, r.stderr);
  const union = fresh('zst-union');
  applyLayers([layers[0], layers[2]], union, fresh('scratch'));
  await checkMount(['--image', `${registry.host}/zst:1-nydus`, '--config', registryConfig('zst')], snapshotTree(union));
});

it('a two-platform Docker manifest list: --platform all gives an OCI index of nydus manifests, --platform picks one; --prefetch-files fills the prefetch table', async () => {
  const amd = await pushImage(registry.url, 'multi', 'amd64', [layers[0]], auth, { docker: true, platform: { os: 'linux', architecture: 'amd64' } });
  const arm = await pushImage(registry.url, 'multi', 'arm64', [layers[0], layers[1]], auth, { docker: true, platform: { os: 'linux', architecture: 'arm64' } });
  const list = Buffer.from(JSON.stringify({
    schemaVersion: 2, mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
    manifests: [
      { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: amd.manifestDigest, size: (await getManifest(registry.url, 'multi', 'amd64', auth))!.bytes.length, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: 'application/vnd.docker.distribution.manifest.v2+json', digest: arm.manifestDigest, size: (await getManifest(registry.url, 'multi', 'arm64', auth))!.bytes.length, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    ],
  }));
  await putManifest(registry.url, 'multi', 'list', 'application/vnd.docker.distribution.manifest.list.v2+json', list, auth);
  const prefetch = join(fresh('pf'), 'list.txt');
  writeFileSync(prefetch, '/etc/keep.txt\n/bin/tool\n');
  const r = await convert(['--source', `${registry.host}/multi:list`, '--target', `${registry.host}/multi:list-nydus`, ...authFlags,
    '--platform', 'all', '--prefetch-files', prefetch, '--json']);
  assert.is(r.exitCode, 0, r.stderr);
  const index = await getManifest(registry.url, 'multi', 'list-nydus', auth);
  assert.is(index!.json.mediaType, 'application/vnd.oci.image.index.v1+json');
  assert.equal(index!.json.manifests.map((m: any) => `${m.platform.os}/${m.platform.architecture}`), ['linux/amd64', 'linux/arm64']);
  for (const m of index!.json.manifests) assert.ok(m.platform['os.features'].includes('nydus.remoteimage.v1'));
  const armManifest = await getManifest(registry.url, 'multi', index!.json.manifests[1].digest, auth);
  assert.is(armManifest!.json.layers.length, 3, 'two blob layers and the bootstrap');

  const one = await convert(['--source', `${registry.host}/multi:list`, '--target', `${registry.host}/multi:arm-nydus`, ...authFlags, '--platform', 'linux/arm64', '--json']);
  assert.is(one.exitCode, 0, one.stderr);
  const { manifest } = await fetchBootstrap('multi', 'arm-nydus');
  assert.is(manifest.layers.length, 3);
  const config = JSON.parse((await getBlob(registry.url, 'multi', manifest.config.digest, auth)).toString());
  assert.is(config.architecture, 'arm64');
  const { boot: pfBoot } = await fetchBootstrap('multi', index!.json.manifests[0].digest);
  const sb = JSON.parse((await execa(process.execPath, [cli, 'inspect', 'superblock', pfBoot, '--json'])).stdout);
  assert.is(sb.prefetch.length, 2, `the prefetch table names the two files: ${JSON.stringify(sb.prefetch)}`);
  const unknown = await convert(['--source', `${registry.host}/multi:list`, '--target', `${registry.host}/multi:x`, ...authFlags, '--platform', 'linux/s390x']);
  assert.is.not(unknown.exitCode, 0);
  assert.match(unknown.stderr, /linux\/amd64/, 'the error lists the platforms the index has');
});

it('bad sources: a missing tag, an unknown layer media type, a corrupt layer, a tar escaping with ../ — clear errors naming the layer, nothing tagged', async () => {
  const target = (t: string) => `${registry.host}/bad:${t}`;
  const missing = await convert(['--source', `${registry.host}/app:nope`, '--target', target('a'), ...authFlags]);
  assert.is.not(missing.exitCode, 0);
  assert.match(missing.stderr, /nope/);
  assert.match(missing.stderr, /manifest unknown|not found|ENOENT/i);

  // A manifest whose layer has a media type the converter cannot read.
  await pushRawImage(registry.url, 'bad', 'odd', [{ blob: Buffer.from('not a tar'), mediaType: 'application/x-made-up-layer', diffId: `sha256:${'0'.repeat(64)}` }], auth);
  const r1 = await convert(['--source', `${registry.host}/bad:odd`, '--target', target('b'), ...authFlags]);
  assert.is.not(r1.exitCode, 0);
  assert.match(r1.stderr, /layer 0/);
  assert.match(r1.stderr, /application\/x-made-up-layer/);

  // A layer whose stored bytes no longer match its digest (corrupted in the registry's storage).
  // A layer of its own: the registry stores a blob once for all repositories, so corrupting a
  // shared one would corrupt other tests' images too.
  const own = fresh('corrupt-layer');
  put(own, 'data.bin', randomBytes(4096));
  const pushed = await pushImage(registry.url, 'bad', 'corrupt', [own], auth);
  const hex = pushed.layers[0].digest.slice(7);
  const data = join(dirname(registry.logFile), 'data/docker/registry/v2/blobs/sha256', hex.slice(0, 2), hex, 'data');
  const bytes = readFileSync(data);
  bytes[bytes.length - 20] ^= 0xff;
  writeFileSync(data, bytes);
  const r2 = await convert(['--source', `${registry.host}/bad:corrupt`, '--target', target('c'), ...authFlags]);
  assert.is.not(r2.exitCode, 0);
  assert.match(r2.stderr, /layer 0/);
  assert.match(r2.stderr, new RegExp(hex.slice(0, 12)));

  // A layer tar with an entry outside the root.
  const evil = fresh('evil');
  put(evil, 'evil', 'x');
  const tar = sh('tar', ['--transform', 's,^\\./evil$,../evil,', '-C', evil, '-cf', '-', './evil']);
  await pushRawImage(registry.url, 'bad', 'evil', [{ blob: gzipSync(tar), mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', diffId: sha(tar) }], auth);
  const r3 = await convert(['--source', `${registry.host}/bad:evil`, '--target', target('d'), ...authFlags]);
  assert.is.not(r3.exitCode, 0);
  assert.match(r3.stderr, /layer 0/);
  assert.match(r3.stderr, /escapes the image root/);

  for (const t of ['a', 'b', 'c', 'd']) assert.is(await getManifest(registry.url, 'bad', t, auth), null, `nothing under bad:${t}`);
  assert.is(readdirSync(join(dirname(registry.logFile), 'data/docker/registry/v2/repositories/bad/_manifests/tags')).sort().join(','), 'corrupt,evil,odd');
});

it('a registry named other than 127.0.0.0/8 or localhost is https by default; --source-plain-http/--target-plain-http reach it over http', async () => {
  // [::ffff:127.0.0.1] reaches the registry's IPv4 socket but is not one of the default-http names.
  const host = `[::ffff:127.0.0.1]:${registry.port}`;
  const refused = await convert(['--source', `${host}/app:1`, '--target', `${host}/app:1-plain`, ...authFlags]);
  assert.is.not(refused.exitCode, 0);
  assert.match(refused.stderr, /https:\/\/\[::ffff:/);
  const r = await convert(['--source', `${host}/app:1`, '--target', `${host}/app:1-plain`, ...authFlags, '--source-plain-http', '--target-plain-http']);
  assert.is(r.exitCode, 0, r.stderr);
  assert.ok(await getManifest(registry.url, 'app', '1-plain', auth), 'the target tag exists');
});

it('the registry dies mid-push: a clear error, no manifest under the target tag', async () => {
  const big = fresh('big');
  put(big, 'blob.bin', randomBytes(6 << 20));
  await pushImage(registry.url, 'die', 'src', [big], auth);
  // A TCP relay in front of the same registry: once 1 MiB of a blob upload went through it,
  // the registry process is killed (a real death, at a deterministic point of the upload).
  let up = 0;
  let killed: Promise<void> | null = null;
  const relay = net.createServer((client) => {
    const server = net.connect(registry.port, '127.0.0.1');
    client.on('data', (chunk: Buffer) => {
      up += chunk.length;
      if (up > 1 << 20 && !killed) killed = registry.kill();
      server.write(chunk);
    });
    server.on('data', (chunk) => client.write(chunk));
    const close = () => { client.destroy(); server.destroy(); };
    client.on('error', close);
    server.on('error', close);
    client.on('close', close);
    server.on('close', close);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const relayHost = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
  try {
    const r = await convert(['--source', `${registry.host}/die:src`, '--target', `${relayHost}/die:dst`, ...authFlags]);
    assert.ok(killed, 'the registry was killed during the push');
    assert.is.not(r.exitCode, 0, r.stdout);
    assert.match(r.stderr, /push of the blob of source layer 0/);
  } finally {
    await new Promise((resolve) => relay.close(resolve));
    await killed;
    await registry.restart();
  }
  assert.is(await getManifest(registry.url, 'die', 'dst', auth), null, 'no manifest under die:dst');
});

test.run();
