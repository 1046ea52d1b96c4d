// e2e: `nydus fuse --image REF` against Debian's docker-registry with htpasswd Basic auth (and
// once with token auth). A tree built with `nydus create` (v6, --no-blob-toc: the blob id is the blob file's SHA-256) is
// pushed as a nydus image (data blob layer, gzip tar bootstrap layer, config, OCI manifest) with
// the registry client; the daemon resolves the tag, fetches the bootstrap and serves the same
// tree. Also: the default config (no --config), the cached bootstrap reused while the registry is
// down, hot upgrades (the successor resolves the image again, also with the registry down), a
// missing tag refused with no mount, and --image with --bootstrap a usage error.
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ANNOTATION_NYDUS_BLOB, ANNOTATION_NYDUS_BOOTSTRAP, ANNOTATION_NYDUS_FS_VERSION, type ImageManifest,
  MEDIA_NYDUS_BLOB, MEDIA_OCI_CONFIG, MEDIA_OCI_LAYER_GZIP, MEDIA_OCI_MANIFEST,
} from '../../src/oci/media-types.js';
import { RegistryClient } from '../../src/oci/registry-client.js';
import { readRecord } from '../../src/upgrade/records.js';
import { api, isFuseMounted, isRoot, mountId, startDaemon, stopPid, unmountAndRemove, waitFor, waitForRecord } from '../daemon-helpers.js';
import { cli, perTest, tempDir } from '../helpers.js';
import { skipReason } from '../servers/common.js';
import { REGISTRY_BIN, startRegistry, type RegistryServer } from '../servers/registry.js';
import { startTokenServer, type TokenServer } from '../servers/token-server.js';

const why = !isRoot ? 'needs root (FUSE mounts)' : skipReason(REGISTRY_BIN) ?? skipReason('/usr/bin/htpasswd');
if (why) console.log(`14-fuse-image: skipped, ${why}`);
const imageTest = why ? test.skip : test;
const track = perTest();

const work = tempDir('nydus-image-e2e-');
const USER = { name: 'nydus', password: 'image-s3cret' };
const AUTH = Buffer.from(`${USER.name}:${USER.password}`).toString('base64');
const REPO = 'library/fused';
let registry: RegistryServer;
let tokens: TokenServer;
let tokened: RegistryServer;
let src = '';
let bootstrapLayer = '';
let n = 0;

const sha256 = (b: Buffer) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

function fresh(name: string): string {
  const d = join(work, `${name}${n++}`);
  mkdirSync(d, { recursive: true });
  return d;
}

/**
 * Every entry below `root`: type, mode, size, content digest or link target. Asynchronous: the
 * token server runs in this process, and a synchronous read of the mount would block the event
 * loop that has to answer the daemon's token request.
 */
async function tree(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (rel: string) => {
    for (const name of (await readdir(join(root, rel))).sort()) {
      const p = rel ? `${rel}/${name}` : name;
      const st = await lstat(join(root, p));
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out[p] = `link -> ${await readlink(join(root, p))}`;
      else if (st.isDirectory()) {
        out[p] = `dir ${mode}`;
        await walk(p);
      } else out[p] = `file ${mode} ${st.size} ${sha256(await readFile(join(root, p)))}`;
    }
  };
  await walk('');
  return out;
}

function configFile(cacheDir: string): string {
  const file = join(fresh('cfg'), 'config.json');
  writeFileSync(file, JSON.stringify({
    version: 2,
    backend: { type: 'registry', registry: { scheme: 'http', host: 'ignored.invalid', repo: 'ignored', auth: AUTH, timeout: 5, connect_timeout: 5, retry_limit: 0 } },
    cache: { type: 'blobcache', filecache: { work_dir: cacheDir } },
    rafs: { mode: 'direct', validate: true },
  }));
  return file;
}

test.before(async () => {
  if (why) return;
  src = fresh('src');
  mkdirSync(join(src, 'etc/conf.d'), { recursive: true });
  mkdirSync(join(src, 'usr/bin'), { recursive: true });
  writeFileSync(join(src, 'etc/hostname'), 'nydus-image\n');
  for (let i = 0; i < 20; i++) writeFileSync(join(src, `etc/conf.d/c${i}.conf`), `key${i} = ${'v'.repeat(i * 91)}\n`);
  writeFileSync(join(src, 'usr/bin/tool'), randomBytes(3 * 1024 * 1024 + 5), { mode: 0o755 });
  writeFileSync(join(src, 'usr/empty'), '');
  symlinkSync('../etc/hostname', join(src, 'usr/hostname-link'));

  const blobs = fresh('blobs');
  const bootDir = fresh('layer');
  mkdirSync(join(bootDir, 'image'));
  await execa(process.execPath, [cli, 'create', src, '--bootstrap', join(bootDir, 'image/image.boot'), '--blob-dir', blobs, '--no-blob-toc']);
  const [blobId] = readdirSync(blobs);
  const blob = readFileSync(join(blobs, blobId));
  assert.is(sha256(blob), `sha256:${blobId}`, 'with --no-blob-toc the blob id is the SHA-256 of the blob');
  const layerFile = join(work, 'bootstrap-layer.tar.gz');
  await execa('tar', ['-czf', layerFile, '-C', bootDir, 'image/image.boot']);
  const layer = readFileSync(layerFile);
  bootstrapLayer = sha256(layer);

  registry = await startRegistry({ auth: 'htpasswd', users: [USER] });
  tokens = await startTokenServer({ users: [USER] });
  tokened = await startRegistry({ auth: 'token', tokenServer: tokens });
  for (const server of [registry, tokened]) await pushImage(server, blobs, blobId, blob, bootDir, layer);
});

/** Pushes the data blob, the bootstrap layer, a config and the manifest (tag v1) to `server`. */
async function pushImage(server: RegistryServer, blobs: string, blobId: string, blob: Buffer, bootDir: string, layer: Buffer): Promise<void> {
  const client = new RegistryClient(server.host, REPO, { auth: { username: USER.name, password: USER.password } });
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [sha256(blob), sha256(readFileSync(join(bootDir, 'image/image.boot')))] } }));
  await client.pushBlob(`sha256:${blobId}`, join(blobs, blobId), blob.length);
  await client.pushBlob(bootstrapLayer, layer, layer.length);
  await client.pushBlob(sha256(config), config, config.length);
  const manifest: ImageManifest = {
    schemaVersion: 2, mediaType: MEDIA_OCI_MANIFEST,
    config: { mediaType: MEDIA_OCI_CONFIG, digest: sha256(config), size: config.length },
    layers: [
      { mediaType: MEDIA_NYDUS_BLOB, digest: `sha256:${blobId}`, size: blob.length, annotations: { [ANNOTATION_NYDUS_BLOB]: 'true' } },
      { mediaType: MEDIA_OCI_LAYER_GZIP, digest: bootstrapLayer, size: layer.length, annotations: { [ANNOTATION_NYDUS_BOOTSTRAP]: 'true', [ANNOTATION_NYDUS_FS_VERSION]: '6' } },
    ],
  };
  await client.putManifest('v1', MEDIA_OCI_MANIFEST, Buffer.from(JSON.stringify(manifest)));
}

test.after(async () => {
  await Promise.all([registry?.stop(), tokened?.stop(), tokens?.stop()]);
  await unmountAndRemove(work);
});

const layerGets = () => registry.blobGets(bootstrapLayer).filter((e) => e.status === 200).length;

imageTest('fuse --image with --config mounts the pushed image: same tree and contents; a second start reuses the cached bootstrap', async () => {
  const cache = fresh('cache');
  const cfg = configFile(cache);
  const mnt = fresh('mnt');
  const d = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`, '--config', cfg], mnt, join(work, `api${n++}.sock`)));
  try {
    assert.equal(await tree(mnt), await tree(src));
  } finally {
    assert.is(await d.stop(), 0);
  }
  assert.ok(!isFuseMounted(mnt));
  const boot = join(cache, `${bootstrapLayer.slice(7)}.boot`);
  assert.ok(lstatSync(boot).isFile(), 'the bootstrap is kept in the config cache work_dir, named by the layer digest');
  assert.is(layerGets(), 1);

  const again = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`, '--config', cfg], mnt, join(work, `api${n++}.sock`)));
  try {
    assert.is(readFileSync(join(mnt, 'etc/hostname'), 'utf8'), 'nydus-image\n');
  } finally {
    await again.stop();
  }
  assert.is(layerGets(), 1, 'the bootstrap layer is fetched once');
});

imageTest('fuse --image with --prefetch-files: the listed file is prefetched into the blob cache before it is read', async () => {
  const cache = fresh('cache');
  const cfg = join(fresh('cfg'), 'config.json');
  writeFileSync(cfg, JSON.stringify({
    version: 2,
    backend: { type: 'registry', registry: { scheme: 'http', host: 'ignored.invalid', repo: 'ignored', auth: AUTH, timeout: 5 } },
    cache: { type: 'blobcache', filecache: { work_dir: cache } },
    rafs: { mode: 'direct', prefetch: { enable: true, threads: 1, prefetch_all: false } },
  }));
  const list = join(fresh('list'), 'prefetch.txt');
  writeFileSync(list, '/usr/bin/tool\n');
  const mnt = fresh('mnt');
  const sock = join(work, `api${n++}.sock`);
  const d = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`, '--config', cfg, '--prefetch-files', list], mnt, sock));
  try {
    await waitFor(async () => {
      const r = await api(sock, 'GET', '/api/v1/metrics/blobcache');
      return ((r.json as { prefetch_data_amount?: number })?.prefetch_data_amount ?? 0) >= 3 * 1024 * 1024;
    }, 'the 3 MiB file to be prefetched');
    assert.ok(readFileSync(join(mnt, 'usr/bin/tool')).equals(readFileSync(join(src, 'usr/bin/tool'))));
  } finally {
    await d.stop();
  }
});

imageTest('fuse --image without --config: default config (registry backend, blobcache under $XDG_CACHE_HOME/nydus), auth from IMAGE_PULL_AUTH', async () => {
  const xdg = fresh('xdg');
  const mnt = fresh('mnt');
  const d = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`], mnt, undefined, { XDG_CACHE_HOME: xdg, IMAGE_PULL_AUTH: AUTH }));
  try {
    assert.equal(await tree(mnt), await tree(src));
  } finally {
    await d.stop();
  }
  const cached = readdirSync(join(xdg, 'nydus'));
  assert.ok(cached.includes(`${bootstrapLayer.slice(7)}.boot`), cached.join(','));
  assert.ok(cached.some((f) => f.endsWith('.blob.data')), `blob cache files in the default cache dir: ${cached.join(',')}`);
});

imageTest('fuse --image against a token-auth registry: manifest and blobs read with Bearer tokens', async () => {
  const mnt = fresh('mnt');
  const before = tokens.requests.length;
  const d = track(await startDaemon(['--image', `${tokened.host}/${REPO}:v1`, '--config', configFile(fresh('cache'))], mnt));
  try {
    assert.equal(await tree(mnt), await tree(src));
  } finally {
    await d.stop();
  }
  const asked = tokens.requests.slice(before);
  assert.ok(asked.length > 0 && asked.every((r) => r.granted && r.user === USER.name), JSON.stringify(asked));
});

imageTest('a restart while the registry is down mounts the cached bootstrap (cached data readable)', async () => {
  const cache = fresh('cache');
  const cfg = configFile(cache);
  const mnt = fresh('mnt');
  const first = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`, '--config', cfg], mnt));
  try {
    assert.equal(await tree(mnt), await tree(src)); // warms the blob cache
  } finally {
    await first.stop();
  }
  await registry.kill();
  try {
    const second = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`, '--config', cfg], mnt));
    try {
      assert.is(readFileSync(join(mnt, 'etc/conf.d/c7.conf'), 'utf8'), readFileSync(join(src, 'etc/conf.d/c7.conf'), 'utf8'));
      assert.match(second.stderr(), 'cached by an earlier start');
    } finally {
      await second.stop();
    }
  } finally {
    await registry.restart();
  }
});

imageTest('nydus upgrade of an --image daemon: the record keeps --image; successors take over the same mount, also with the registry down', async () => {
  const id = `img${n++}`;
  const stateDir = fresh('state');
  const mnt = fresh('mnt');
  const supervisor = join(fresh('sup'), 'supervisor.sock');
  const d = track(await startDaemon(['--image', `${registry.host}/${REPO}:v1`, '--config', configFile(fresh('cache')), '--id', id, '--supervisor', supervisor, '--state-dir', stateDir], mnt, join(fresh('sock'), 'api.sock')));
  try {
    await waitForRecord(stateDir, id);
    const rec = await readRecord(stateDir, id);
    assert.ok(rec.argv.join(' ').includes(`--image ${registry.host}/${REPO}:v1`), rec.argv.join(' '));
    assert.equal(await tree(mnt), await tree(src));
    const mount0 = mountId(mnt);
    for (const down of [false, true]) {
      if (down) await registry.kill();
      try {
        const r = await execa(process.execPath, [cli, 'upgrade', id, '--state-dir', stateDir], { reject: false, timeout: 60_000 });
        assert.is(r.exitCode, 0, `${r.stdout}\n${r.stderr}`);
        assert.is((await readRecord(stateDir, id)).state, 'RUNNING');
        assert.is(mountId(mnt), mount0, 'the same mount');
        assert.is(readFileSync(join(mnt, 'etc/conf.d/c3.conf'), 'utf8'), readFileSync(join(src, 'etc/conf.d/c3.conf'), 'utf8'));
      } finally {
        if (down) await registry.restart();
      }
    }
  } finally {
    const rec = await readRecord(stateDir, id).catch(() => null);
    if (rec?.pid) await stopPid(rec.pid, mnt);
    await d.stop();
  }
});

imageTest('a missing tag fails the start with a clear error and mounts nothing', async () => {
  const mnt = fresh('mnt');
  const r = await execa(process.execPath, [cli, 'fuse', '--image', `${registry.host}/${REPO}:no-such-tag`, '--config', configFile(fresh('cache')), '--mountpoint', mnt], { reject: false, timeout: 30_000 });
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, `${registry.host}/${REPO}:no-such-tag: manifest unknown`);
  assert.ok(!isFuseMounted(mnt));
});

imageTest('--image with --bootstrap (or --localfs-dir) is a usage error', async () => {
  const mnt = fresh('mnt');
  for (const other of [['--bootstrap', join(work, 'x.boot')], ['--localfs-dir', work]]) {
    const r = await execa(process.execPath, [cli, 'fuse', '--image', `${registry.host}/${REPO}:v1`, ...other, '--mountpoint', mnt], { reject: false, timeout: 30_000 });
    assert.is(r.exitCode, 2, r.stderr);
    // oclif wraps long lines behind " ›" markers.
    assert.match(r.stderr.replace(/\s*›\s*/g, ' ').replace(/\s+/g, ' '), 'cannot also be provided when using --image', r.stderr);
    assert.ok(!isFuseMounted(mnt));
  }
});

test.run();
