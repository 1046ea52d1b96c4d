// Config layer: the "prepare" step of blob cache entries (spec daemon.md §2.6): the legacy
// entry nydus-snapshotter's fscache driver sends becomes config_v2 exactly as the spec says,
// config_v2 wins, and what §2.4 refuses is refused naming the field.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlobCacheEntry } from '../../generated/types.js';
import { validateBlobCacheEntry } from '../../generated/validate.js';
import { legacyEntryToV2, prepareBlobEntry } from '../../src/config/blob-entry.js';
import { ConfigError } from '../../src/errors.js';

// The snapshotter's fscache entry, verbatim from spec daemon.md §2.6 (placeholders filled).
const SNAPSHOTTER_ENTRY = {
  type: 'bootstrap',
  id: 'fsid-1',
  domain_id: 'fsid-1',
  config: {
    id: 'fsid-1',
    backend_type: 'registry',
    backend_config: {
      readahead: false, host: 'index.docker.io', repo: 'library/ubuntu', auth: 'dXNlcjpwYXNz', scheme: 'https',
      proxy: { fallback: false }, timeout: 5, connect_timeout: 5, retry_limit: 2,
    },
    cache_type: 'fscache',
    cache_config: { work_dir: '/var/lib/snap/1/fs' },
    prefetch_config: { enable: true, threads_count: 8, merging_size: 1048576, bandwidth_rate: 0, prefetch_all: false },
    metadata_path: '/var/lib/snap/1/fs/image/image.boot',
  },
};

/** What the API router does first: schema validation with defaults applied. */
function parsed(body: unknown): BlobCacheEntry {
  const doc = structuredClone(body);
  assert.ok(validateBlobCacheEntry(doc), JSON.stringify(validateBlobCacheEntry.errors));
  return doc as BlobCacheEntry;
}

function refusal(entry: BlobCacheEntry): ConfigError {
  try {
    prepareBlobEntry(entry);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

test("the snapshotter's legacy fscache entry converts to config_v2 as §2.6 says", () => {
  const entry = parsed(SNAPSHOTTER_ENTRY);
  const p = prepareBlobEntry(entry);
  const v2 = p.config_v2;
  assert.is(p.config, undefined);
  assert.is(v2.version, 2);
  assert.is(v2.id, 'fsid-1');
  assert.is(v2.backend.type, 'registry');
  const reg = v2.backend.registry!;
  assert.equal([reg.host, reg.repo, reg.auth, reg.scheme, reg.timeout, reg.retry_limit, reg.proxy.fallback], ['index.docker.io', 'library/ubuntu', 'dXNlcjpwYXNz', 'https', 5, 2, false]);
  assert.is(v2.cache.type, 'fscache');
  assert.is(v2.cache.fscache?.work_dir, '/var/lib/snap/1/fs');
  assert.equal([v2.cache.compressed, v2.cache.validate], [false, false]);
  // threads_count -> threads, merging_size -> batch_size, bandwidth_rate -> bandwidth_limit; prefetch_all forced on.
  assert.equal(v2.cache.prefetch, { enable: true, threads: 8, batch_size: 1048576, bandwidth_limit: 0, prefetch_all: true, stream_prefetch: false });
  assert.is(v2.metadata_path, '/var/lib/snap/1/fs/image/image.boot');
  // The request is not modified.
  assert.ok(entry.config);
});

test('an absent prefetch_config gives all-zero prefetch with prefetch_all on', () => {
  const body = structuredClone(SNAPSHOTTER_ENTRY) as { config: Record<string, unknown> };
  delete body.config.prefetch_config;
  const v2 = legacyEntryToV2(parsed(body).config!);
  assert.equal(v2.cache.prefetch, { enable: false, threads: 0, batch_size: 0, bandwidth_limit: 0, prefetch_all: true, stream_prefetch: false });
});

test('config_v2 wins over config', () => {
  const body = {
    ...SNAPSHOTTER_ENTRY,
    config_v2: { version: 2, backend: { type: 'localfs', localfs: { dir: '/blobs' } }, cache: { type: 'blobcache', filecache: { work_dir: '/cache' } } },
  };
  const v2 = prepareBlobEntry(parsed(body)).config_v2;
  assert.is(v2.backend.type, 'localfs');
  assert.is(v2.backend.localfs?.dir, '/blobs');
  assert.is(v2.cache.filecache?.work_dir, '/cache');
});

test('§2.4 refusals name the field: registry without host, empty work_dir, prefetch threads out of range', () => {
  const noHost = structuredClone(SNAPSHOTTER_ENTRY) as { config: { backend_config: Record<string, unknown> } };
  delete noHost.config.backend_config.host;
  assert.equal(refusal(parsed(noHost)).problems.map((p) => p.pointer), ['/config_v2/backend/registry/host']);

  const noWorkDir = structuredClone(SNAPSHOTTER_ENTRY) as { config: { cache_config: Record<string, unknown> } };
  noWorkDir.config.cache_config.work_dir = '';
  assert.ok(refusal(parsed(noWorkDir)).problems.some((p) => p.pointer === '/config_v2/cache/fscache/work_dir'));

  const threads = structuredClone(SNAPSHOTTER_ENTRY) as { config: { prefetch_config: Record<string, unknown> } };
  threads.config.prefetch_config.threads_count = 0;
  const err = refusal(parsed(threads));
  assert.equal(err.problems.map((p) => p.pointer), ['/config_v2/cache/prefetch/threads']);
  assert.match(err.message, /blob entry fsid-1: invalid configuration/);
});

test('an entry with neither config nor config_v2 is refused', () => {
  const err = refusal(parsed({ type: 'bootstrap', id: 'x' }));
  assert.equal(err.problems.map((p) => p.pointer), ['/config_v2']);
});

test.run();
