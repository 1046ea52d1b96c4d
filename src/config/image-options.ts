// Config layer: the native image options a resolved v2 config describes (backend, blob cache,
// prefetch, amplification, validation), shared by `nydus inspect --config` and the daemon's
// mounts. localfs is served natively; the network backends (registry, http-proxy, S3, OSS)
// are returned as their config for the caller to create (src/storage) and bridge in.
import type { BackendConfig, ConfigV2 } from '../../generated/types.js';
import { ConfigError } from '../errors.js';
import type { ImageOptions } from '../native/image.js';

/** The backends created in TypeScript and reached from native code on cache misses. */
export const NETWORK_BACKENDS = ['registry', 'http-proxy', 's3', 'oss'] as const;

/** The settings sub-object of a network backend, or null (localfs, localdisk, or missing). */
function networkSettings(backend: BackendConfig): { timeout?: number } | null {
  return (NETWORK_BACKENDS as readonly string[]).includes(backend.type) ? backend[backend.type as (typeof NETWORK_BACKENDS)[number]] ?? null : null;
}

export interface ImageSetup {
  /** Everything but the network backend object. */
  options: ImageOptions;
  /** The backend config to create with src/storage when blobs come over the network; null for localfs. */
  network: BackendConfig | null;
}

const MIB = 1 << 20;

function fail(pointer: string, message: string, source: string): never {
  throw new ConfigError([{ pointer, message }], source);
}

/** Image options from a resolved config; a clear error for what the data path does not serve. */
export function imageOptionsFromConfig(config: ConfigV2, source: string): ImageSetup {
  const backend = config.backend;
  if (!backend) fail('/backend', 'expected a storage backend to read blobs from', source);
  const options: ImageOptions = {
    validate: config.rafs?.validate ?? false,
    amplifyIo: config.rafs?.batch_size ?? MIB,
  };
  let network: BackendConfig | null = null;
  if (backend.type === 'localfs') {
    if (!backend.localfs) fail('/backend/localfs', 'expected the localfs backend settings', source);
    options.blobFile = backend.localfs.blob_file || undefined;
    options.dir = backend.localfs.dir || undefined;
    options.altDirs = backend.localfs.alt_dirs;
  } else if ((NETWORK_BACKENDS as readonly string[]).includes(backend.type)) {
    if (!networkSettings(backend)) fail(`/backend/${backend.type}`, `expected the ${backend.type} backend settings`, source);
    network = backend;
  } else {
    fail('/backend/type', `expected one of "localfs", ${NETWORK_BACKENDS.map((b) => `"${b}"`).join(', ')} (the ${backend.type} backend is not supported), found "${backend.type}"`, source);
  }

  const cache = config.cache;
  const cacheType = cache?.type ?? '';
  if (cacheType === 'blobcache' || cacheType === 'filecache') {
    const workDir = cache?.filecache?.work_dir || '.';
    if (cache?.filecache?.enable_encryption) fail('/cache/filecache/enable_encryption', 'cache file encryption is not supported', source);
    options.cache = {
      workDir,
      compressed: cache?.compressed ?? false,
      validate: cache?.validate ?? false,
      disableIndexedMap: cache?.filecache?.disable_indexed_map ?? false,
    };
  } else if (cacheType === 'fscache') {
    fail('/cache/type', 'expected "blobcache", "filecache" or "dummycache" for a FUSE mount ("fscache" serves EROFS through the kernel and needs a singleton daemon), found "fscache"', source);
  }

  // fs prefetch (rafs.prefetch) decides whether files are prefetched; the cache's own
  // prefetch settings (legacy fs_prefetch is copied there) size the workers (storage.md §5.2).
  const fsp = config.rafs?.prefetch;
  const cp = cache?.prefetch;
  const workers = cp?.enable ? cp : fsp;
  if (fsp?.enable || cp?.enable) {
    options.prefetch = {
      enable: true,
      threads: workers?.threads || 8,
      batchSize: Math.max(workers?.batch_size || MIB, 128 << 10),
      bandwidthLimit: workers?.bandwidth_limit ?? 0,
      prefetchAll: (fsp?.enable ? fsp.prefetch_all : cp?.prefetch_all) ?? false,
    };
  }
  return { options, network };
}

/** How long a native reader may wait for a network backend: its own deadline plus slack (0 = no deadline). */
export function backendWaitMs(backend: BackendConfig): number {
  const timeout = networkSettings(backend)?.timeout ?? 5;
  return timeout > 0 ? timeout * 1000 + 30_000 : 0;
}
