// Config layer: the "prepare" step of a blob cache entry (spec daemon.md §2.6), shared by
// PUT /api/v2/blobs and the blob cache manager's --config "blobs": a legacy entry config
// (what nydus-snapshotter's fscache driver sends) becomes config_v2, which must then pass §2.4.
import type { BlobCacheEntry, BlobCacheEntryConfigV1, BlobCacheEntryConfigV2 } from '../../generated/types.js';
import { validateBlobCacheEntry } from '../../generated/validate.js';
import { ConfigError, type ConfigProblem } from '../errors.js';
import { problemsFromAjv } from '../schema/problems.js';
import { checkConfigV2 } from './semantics.js';

/** A blob cache entry whose config_v2 is present, defaulted and valid. */
export type PreparedBlobEntry = BlobCacheEntry & { config_v2: BlobCacheEntryConfigV2 };

const MAX_BATCH = 0x10000000;

/** The v2 form of a legacy entry config (§2.6): prefetch_all forced on, cache flags off. */
export function legacyEntryToV2(c: BlobCacheEntryConfigV1): BlobCacheEntryConfigV2 {
  const p = c.prefetch_config;
  const cacheKey = c.cache_type === 'blobcache' || c.cache_type === 'filecache' ? 'filecache' : c.cache_type === 'fscache' ? 'fscache' : undefined;
  return {
    version: 2,
    id: c.id,
    backend: { type: c.backend_type, [c.backend_type]: structuredClone(c.backend_config) } as unknown as BlobCacheEntryConfigV2['backend'],
    external_backends: structuredClone(c.external_backends),
    cache: {
      type: c.cache_type,
      compressed: false,
      validate: false,
      prefetch: {
        enable: p?.enable ?? false,
        threads: p?.threads_count ?? 0,
        batch_size: p?.merging_size ?? 0,
        bandwidth_limit: p?.bandwidth_rate ?? 0,
        prefetch_all: true,
        stream_prefetch: false,
      },
      ...(cacheKey ? { [cacheKey]: structuredClone(c.cache_config) } : {}),
    } as unknown as BlobCacheEntryConfigV2['cache'],
    metadata_path: c.metadata_path,
  };
}

/** The §2.4 checks a blob entry's backend and cache must pass (registry host/repo included). */
function entryProblems(v2: BlobCacheEntryConfigV2): ConfigProblem[] {
  const { errors, mountProblems } = checkConfigV2(v2);
  const problems = [...errors, ...mountProblems.filter((p) => p.pointer.startsWith('/backend/'))];
  const cache = v2.cache as unknown as Record<string, unknown> & { type: string; prefetch?: { enable: boolean; threads: number; batch_size: number } };
  const workDir = (key: string) => ((cache[key] as { work_dir?: unknown } | null | undefined)?.work_dir ?? '') as string;
  if ((cache.type === 'blobcache' || cache.type === 'filecache') && !workDir('filecache')) {
    problems.push({ pointer: '/cache/filecache/work_dir', message: 'expected a non-empty cache directory' });
  }
  if (cache.type === 'fscache' && !workDir('fscache')) {
    problems.push({ pointer: '/cache/fscache/work_dir', message: 'expected a non-empty cache directory' });
  }
  const pf = cache.prefetch;
  if (pf?.enable) {
    if (pf.batch_size > MAX_BATCH) problems.push({ pointer: '/cache/prefetch/batch_size', message: `expected at most ${MAX_BATCH}, found ${pf.batch_size}` });
    if (pf.threads < 1 || pf.threads > 1024) problems.push({ pointer: '/cache/prefetch/threads', message: `expected 1..1024 prefetch threads, found ${pf.threads}` });
  }
  return problems;
}

/**
 * Prepares a schema-valid entry: converts `config` when `config_v2` is absent, fills the v2
 * defaults and applies §2.4. Throws ConfigError (the API answers 400 BadRequest) naming each
 * problem by its JSON pointer inside config_v2. The input is not modified.
 */
export function prepareBlobEntry(entry: BlobCacheEntry): PreparedBlobEntry {
  const v2 = entry.config_v2 ? structuredClone(entry.config_v2) : entry.config ? legacyEntryToV2(entry.config) : undefined;
  const source = `blob entry ${entry.id}`;
  if (!v2) throw new ConfigError([{ pointer: '/config_v2', message: 'expected config or config_v2, found neither' }], source);
  const prepared = { ...structuredClone(entry), config_v2: v2 };
  delete prepared.config;
  if (!validateBlobCacheEntry(prepared)) {
    throw new ConfigError(problemsFromAjv(validateBlobCacheEntry.errors), source);
  }
  const problems = entryProblems(prepared.config_v2 as BlobCacheEntryConfigV2);
  if (problems.length) throw new ConfigError(problems.map((p) => ({ ...p, pointer: `/config_v2${p.pointer}` })), source);
  return prepared as PreparedBlobEntry;
}
