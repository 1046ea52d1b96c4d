// Config layer: the exact v1 -> v2 conversion of spec daemon.md §2.3, and the map from v2
// pointers back to v1 ones so that problems found after conversion name the user's keys.
import type { ConfigV1, ConfigV2Input, PrefetchConfig } from '../../generated/types.js';

/** cache.prefetch of every converted v1 config before step 5 (v1 has no blob-level prefetch). */
const V1_CACHE_PREFETCH: PrefetchConfig = {
  enable: false,
  threads: 0,
  batch_size: 0,
  bandwidth_limit: 0,
  prefetch_all: true,
  stream_prefetch: false,
};

function cacheSubKey(type: string): 'filecache' | 'fscache' | undefined {
  if (type === 'blobcache' || type === 'filecache') return 'filecache';
  if (type === 'fscache') return 'fscache';
  return undefined;
}

/**
 * Converts a v1 config whose defaults are applied (as the loader does) to a v2 input
 * document; v2 defaults and validation follow. Never throws on odd input: it copies what
 * it finds and leaves validation to report it.
 */
export function convertV1ToV2(v1: ConfigV1): ConfigV2Input {
  const device = v1.device ?? ({} as ConfigV1['device']);
  const backend = device.backend ?? ({} as ConfigV1['device']['backend']);
  const cache = device.cache ?? ({ type: '' } as ConfigV1['device']['cache']);
  const fsp = v1.fs_prefetch;
  const rafsPrefetch: PrefetchConfig = {
    enable: fsp.enable,
    threads: fsp.threads_count,
    batch_size: fsp.merging_size,
    bandwidth_limit: fsp.bandwidth_rate,
    prefetch_all: fsp.prefetch_all,
    stream_prefetch: fsp.stream_prefetch,
  };
  const sub = cacheSubKey(String(cache.type));
  const cachePrefetch = !V1_CACHE_PREFETCH.enable && rafsPrefetch.enable ? { ...rafsPrefetch } : { ...V1_CACHE_PREFETCH };
  return {
    version: 2,
    id: device.id,
    backend: { type: backend.type, [String(backend.type)]: structuredClone(backend.config) } as ConfigV2Input['backend'],
    external_backends: structuredClone(device.external_backends),
    cache: {
      type: cache.type,
      compressed: cache.compressed,
      validate: cache.validate,
      prefetch: cachePrefetch,
      ...(sub ? { [sub]: structuredClone(cache.config) } : {}),
    } as ConfigV2Input['cache'],
    rafs: {
      mode: v1.mode,
      batch_size: v1.amplify_io,
      validate: v1.digest_validate,
      enable_xattr: v1.enable_xattr,
      iostats_files: v1.iostats_files,
      access_pattern: v1.access_pattern,
      latest_read_files: v1.latest_read_files,
      prefetch: rafsPrefetch,
    },
    overlay: null,
  };
}

const RAFS_TO_V1: Record<string, string> = {
  mode: 'mode',
  batch_size: 'amplify_io',
  validate: 'digest_validate',
  enable_xattr: 'enable_xattr',
  iostats_files: 'iostats_files',
  access_pattern: 'access_pattern',
  latest_read_files: 'latest_read_files',
};
const PREFETCH_TO_V1: Record<string, string> = {
  threads: 'threads_count',
  batch_size: 'merging_size',
  bandwidth_limit: 'bandwidth_rate',
};

/** Maps a JSON pointer into a converted v2 document back to the v1 key it came from. */
export function v2PointerToV1(pointer: string): string {
  const parts = pointer.split('/').slice(1);
  const [head, second, ...rest] = parts;
  const tail = rest.length ? `/${rest.join('/')}` : '';
  switch (head) {
    case 'id':
      return '/device/id';
    case 'external_backends':
      return `/device/external_backends${second !== undefined ? `/${second}` : ''}${tail}`;
    case 'backend':
      if (second === undefined) return '/device/backend';
      if (second === 'type') return '/device/backend/type';
      return `/device/backend/config${tail}`;
    case 'cache':
      if (second === undefined) return '/device/cache';
      if (second === 'filecache' || second === 'fscache') return `/device/cache/config${tail}`;
      if (second === 'prefetch') return `/fs_prefetch${tail.replace(/^\/(\w+)/, (m, k: string) => `/${PREFETCH_TO_V1[k] ?? k}`)}`;
      return `/device/cache/${second}${tail}`;
    case 'rafs':
      if (second === undefined) return '';
      if (second === 'prefetch') return `/fs_prefetch${tail.replace(/^\/(\w+)/, (m, k: string) => `/${PREFETCH_TO_V1[k] ?? k}`)}`;
      return `/${RAFS_TO_V1[second] ?? second}${tail}`;
    default:
      return pointer;
  }
}
