// Generated builders: camelCase options in, validated nydusd documents with defaults out.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BlobCacheEntryBuilder, ConfigV2Builder, MountCmdBuilder } from '../../generated/builders.js';
import { validateBlobCacheEntry, validateConfigV2, validateMountCmd } from '../../generated/validate.js';
import { parseConfig } from '../../src/config/index.js';
import { ConfigError } from '../../src/errors.js';

test('registry + blobcache builder (the issue example) validates, with defaults filled', () => {
  const cfg = ConfigV2Builder().registry({ host: '127.0.0.1:5000', repo: 'library/app' }).blobcache({ workDir: '/var/cache/nydus' }).build();
  assert.ok(validateConfigV2(cfg));
  assert.is(cfg.backend?.registry?.host, '127.0.0.1:5000');
  assert.is(cfg.backend?.registry?.timeout, 5);
  assert.is(cfg.cache?.type, 'blobcache');
  assert.is(cfg.cache?.filecache?.work_dir, '/var/cache/nydus');
  assert.is(cfg.rafs?.mode, 'direct');
  // What the builder makes, the loader accepts as is, ready to mount.
  assert.equal(parseConfig(JSON.stringify(cfg), { strictness: 'mount' }).config, cfg);
});

test('camelCase maps to nydusd keys, including nested proxy and hyphenated http-proxy', () => {
  const cfg = ConfigV2Builder()
    .registry({ host: 'h', repo: 'r', registryToken: 't', proxy: { url: 'http://127.0.0.1:65001', checkInterval: 9 } })
    .build();
  assert.is(cfg.backend?.registry?.registry_token, 't');
  assert.is(cfg.backend?.registry?.proxy.check_interval, 9);
  assert.is(cfg.backend?.registry?.proxy.fallback, true);
  const hp = ConfigV2Builder().httpProxy({ addr: 'http://127.0.0.1:8080', path: '/blobs' }).build();
  assert.is(hp.backend?.type, 'http-proxy');
  assert.is(hp.backend?.['http-proxy']?.path, '/blobs');
});

test('rafs, prefetch, fscache, overlay and external backends', () => {
  const cfg = ConfigV2Builder()
    .id('img1')
    .localfs({ dir: '/blobs' })
    .fscache({ workDir: '/fscache', prefetch: { enable: true, threads: 2 } })
    .rafs({ enableXattr: true, iostatsFiles: true })
    .prefetch({ enable: true, prefetchAll: true })
    .overlay({ upperDir: '/u', workDir: '/w' })
    .externalBackend({ type: 'x', patch: { a: 'b' }, config: { c: 'd' } })
    .build();
  assert.is(cfg.id, 'img1');
  assert.is(cfg.cache?.fscache?.work_dir, '/fscache');
  assert.equal(cfg.cache?.prefetch.threads, 2);
  assert.is(cfg.rafs?.enable_xattr, true);
  assert.is(cfg.rafs?.prefetch.prefetch_all, true);
  assert.is(cfg.rafs?.prefetch.threads, 8);
  assert.equal(cfg.overlay, { upper_dir: '/u', work_dir: '/w' });
  assert.is(cfg.external_backends.length, 1);
});

test('build() refuses what does not validate, naming the pointer', () => {
  try {
    ConfigV2Builder().localfs({ dir: '/b' }).prefetch({ enable: true, threads: 0 }).build();
    assert.unreachable();
  } catch (err) {
    assert.instance(err, ConfigError);
    assert.equal((err as ConfigError).problems.map((p) => p.pointer), ['/rafs/prefetch/threads']);
  }
});

test('an unknown option is a TypeError naming it', () => {
  assert.throws(() => ConfigV2Builder().localfs({ directory: '/x' } as never), /unknown option directory/);
});

test('mount command builder', () => {
  const cfg = ConfigV2Builder().localfs({ dir: '/b' }).blobcache({ workDir: '/c' }).build();
  const cmd = MountCmdBuilder().bootstrap('/img/image.boot').config(cfg).mountpoint('/sub').prefetchFiles(['/etc']).build();
  assert.ok(validateMountCmd(cmd));
  assert.is(cmd.fs_type, 'rafs');
  assert.is(cmd.source, '/img/image.boot');
  assert.equal(JSON.parse(cmd.config), cfg);
  assert.equal(cmd.prefetch_files, ['/etc']);
});

test('blob cache entry builder', () => {
  const cfg = ConfigV2Builder().localfs({ dir: '/b' }).fscache({ workDir: '/c' }).build();
  const entry = BlobCacheEntryBuilder().bootstrap('fsid1', '/img/image.boot').domain('d1').config(cfg).build();
  assert.ok(validateBlobCacheEntry(entry));
  assert.is(entry.config_v2?.metadata_path, '/img/image.boot');
  assert.is(entry.domain_id, 'd1');
  assert.throws(() => BlobCacheEntryBuilder().bootstrap('a/b', '/x').build(), /\/id: expected a string matching/);
});

test.run();
