// BlobCacheManager: the blob cache manager of a singleton daemon (spec daemon.md §2.6, §6.1):
// blob cache entries keyed `<domain_id>/<id>`, each bootstrap entry expanding to records of its
// data blobs, shared inside a domain by reference count; warming (prefetch of every chunk into
// the entry's work_dir in nydusd's cache layout); per-blob figures. Used by the blobcache
// daemon now and by the fscache service next. Control path only: the chunk I/O is native.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BlobCacheEntry, BlobCacheEntryConfigV2, BlobMetrics, ConfigV2 } from '../../generated/types.js';
import { imageOptionsFromConfig, parseConfig } from '../config/index.js';
import type { PreparedBlobEntry } from '../config/blob-entry.js';
import { RafsImage, type BlobcacheMetrics, type BlobInfo, type ImageOptions } from '../native/image.js';
import { createBackend, type BlobBackend } from '../storage/backend.js';
import { blobSourceOf } from '../storage/native-source.js';

/** A failure of add/remove: the API answers 500 with this message (api.md §4.8). */
export class BlobCacheError extends Error {
  constructor(
    message: string,
    readonly code: 'EINVAL' | 'ENOENT' | 'EEXIST' | 'ENOTSUP' | 'EIO' = 'EINVAL',
  ) {
    super(message);
    this.name = 'BlobCacheError';
  }
}


/** A bootstrap ("meta blob") record. */
interface MetaRecord {
  key: string;
  domainId: string;
  id: string;
  /** Canonical bootstrap path. */
  bootstrap: string;
  /** The entry as prepared (config_v2 filled), what the state keeps. */
  entry: PreparedBlobEntry;
  workDir: string;
  dataKeys: string[];
  /** The image opened for warming and metrics (null: nothing to warm). */
  image: RafsImage | null;
  /** The image reads without a cache of its own: cachefiles objects are the cache (fscache daemon). */
  objectCache: boolean;
  /** Network backend of the entry (null: localfs). */
  backend: BlobBackend | null;
  warm: WarmState;
  warmError?: string;
  addedAt: string;
}

/** A data blob record, shared inside a domain by reference count. */
interface DataRecord {
  key: string;
  domainId: string;
  blob: BlobInfo;
  /** The meta record whose config serves this blob (the first that added it). */
  owner: MetaRecord;
  refs: number;
}

/** Per-blob figures: the manager's part of BlobMetrics (schema/api/blob-metrics.schema.json). */
export type BlobFigures = Pick<
  BlobMetrics,
  | 'key'
  | 'domain_id'
  | 'blob_id'
  | 'refs'
  | 'owner'
  | 'store_path'
  | 'underlying_files'
  | 'compressed_size'
  | 'uncompressed_size'
  | 'chunk_count'
  | 'ready_chunks'
  | 'data_all_ready'
  | 'warm'
  | 'warm_error'
>;

/** Warming of an entry (BlobMetrics.warm). */
export type WarmState = BlobMetrics['warm'];

/** What the manager needs from its daemon. */
export interface ManagerHooks {
  log: (level: 'error' | 'warn' | 'info' | 'debug', message: string) => void;
  /**
   * The backend the warming image reads through (default: the entry's own backend). The
   * blobcache daemon routes it through its shared store so warming fills it too.
   */
  warmingSource?: (backend: BlobBackend, meta: { key: string }) => BlobBackend;
  /** A blob id no entry refers to any more (its backend is about to close). */
  blobReleased?: (blobId: string) => void;
  /**
   * The fscache daemon: entries of cache type `fscache` keep no cache files of their own (the
   * kernel's cachefiles objects are their cache, filled by the on-demand handler), so their
   * images read straight from the backend and are not warmed here.
   */
  fscacheObjects?: boolean;
}

/** What the fscache on-demand handler serves for the entries (daemon.md §6.3, §6.4). */
export type FscacheObject =
  | { kind: 'bootstrap'; key: string; domainId: string; fsid: string; bootstrap: string }
  | { kind: 'blob'; key: string; domainId: string; blobId: string; image: RafsImage; prefetch: boolean; batchSize: number };

/** `<domain>/<id>`: the key of the manager (daemon.md §6.1 uses the bare id for an empty domain; records always carry the slash). */
export function entryKey(domainId: string, id: string): string {
  return domainId === '' ? id : `${domainId}/${id}`;
}

/** The state/record key of an entry (api.md §4.8): always `<domain_id>/<id>`. */
export function recordKey(domainId: string, id: string): string {
  return `${domainId}/${id}`;
}

function validateId(what: string, value: string): void {
  if (value.includes('/')) throw new BlobCacheError(`invalid ${what} ${JSON.stringify(value)}: it must not contain "/"`);
  if (value.includes('\0')) throw new BlobCacheError(`invalid ${what}: it contains a NUL byte`);
}

/** The entry's config as a daemon config (rafs absent; fscache work dirs hold filecache files here). */
function daemonConfigOf(v2: BlobCacheEntryConfigV2): { config: ConfigV2; workDir: string } {
  const cache = v2.cache ?? { type: '' };
  let workDir: string;
  let filecache = cache.filecache ?? null;
  if (cache.type === 'fscache') workDir = cache.fscache?.work_dir ?? '';
  else if (cache.type === 'blobcache' || cache.type === 'filecache') workDir = cache.filecache?.work_dir ?? '';
  else throw new BlobCacheError(`unknown cache type ${JSON.stringify(cache.type ?? '')}: expected fscache, blobcache or filecache`);
  let canonical: string;
  try {
    canonical = realpathSync(workDir);
    if (!statSync(canonical).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (err) {
    throw new BlobCacheError(`invalid cache work_dir ${JSON.stringify(workDir)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (cache.type === 'fscache') filecache = { work_dir: canonical, disable_indexed_map: false, enable_encryption: false, encryption_key: '' } as never;
  else filecache = { ...(filecache as object), work_dir: canonical } as never;
  const doc = { version: 2, id: v2.id ?? '', backend: v2.backend, cache: { ...cache, type: 'filecache', filecache, fscache: null }, rafs: { mode: 'direct', batch_size: 0 } };
  let config: ConfigV2;
  try {
    // Through the daemon config loader: schema defaults (registry mirrors, timeouts, ...) and §2.4.
    config = parseConfig(JSON.stringify(doc), { source: 'blob cache entry', strictness: 'mount' }).config;
  } catch (err) {
    throw new BlobCacheError((err as Error).message);
  }
  return { config, workDir: canonical };
}

/** Ready chunks in a PersistMap chunk map file (storage.md §4.3); 0 when it is absent or malformed. */
export function readyChunks(mapFile: string, chunkCount: number): number {
  let fd: number;
  try {
    fd = openSync(mapFile, 'r');
  } catch {
    return 0;
  }
  try {
    const bytes = Math.ceil(chunkCount / 8);
    const buf = Buffer.alloc(4096 + bytes);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n !== buf.length || buf.readUInt32LE(0) !== 0x424d4150) return 0;
    if (buf.readUInt32LE(12) === 0x4d4d4150) return chunkCount;
    let count = 0;
    for (let i = 0; i < chunkCount; i++) if (buf[4096 + (i >> 3)] & (0x80 >> (i & 7))) count++;
    return count;
  } finally {
    closeSync(fd);
  }
}

export class BlobCacheManager {
  private readonly metas = new Map<string, MetaRecord>();
  private readonly datas = new Map<string, DataRecord>();
  private readonly warmTimer: NodeJS.Timeout;

  constructor(private readonly hooks: ManagerHooks) {
    // Warming progress is read from the native counters; a slow poll, unref'd.
    this.warmTimer = setInterval(() => this.pollWarming(), 500);
    this.warmTimer.unref();
  }

  /**
   * Adds a prepared bootstrap entry (daemon.md §6.1): checks, loads the super block (RAFS v6
   * only), inserts the meta record and its data blobs, and starts warming when the entry's
   * prefetch is enabled. All or nothing: a failure leaves no record and no open image.
   */
  add(entry: PreparedBlobEntry): void {
    if (entry.type !== 'bootstrap') throw new BlobCacheError(`invalid blob cache entry type "${entry.type}": only bootstrap entries can be added (their data blobs follow)`);
    const domainId = entry.domain_id ?? '';
    validateId('blob id', entry.id);
    validateId('domain id', domainId);
    if (entry.id === '') throw new BlobCacheError('invalid blob id: it is empty');
    const v2 = entry.config_v2;
    const metadataPath = v2.metadata_path;
    if (!metadataPath) throw new BlobCacheError('`config.metadata_path` of the bootstrap entry is empty');
    let bootstrap: string;
    try {
      bootstrap = realpathSync(metadataPath);
      if (!statSync(bootstrap).isFile()) throw new Error('not a regular file');
    } catch (err) {
      throw new BlobCacheError(`invalid metadata_path ${JSON.stringify(metadataPath)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const { config, workDir } = daemonConfigOf(v2);
    const key = entryKey(domainId, entry.id);
    if (this.metas.has(key)) throw new BlobCacheError(`bootstrap blob already exists: ${key}`, 'EEXIST');
    if (this.datas.has(key)) throw new BlobCacheError(`a data blob is registered under ${key} already`, 'EEXIST');

    // The super block alone first: RAFS v5 is refused before any cache file is created.
    let blobs: BlobInfo[];
    try {
      const probe = RafsImage.open(bootstrap);
      try {
        const sb = probe.superblock();
        if (sb.version !== 6) throw new BlobCacheError('RAFSv5 image is not supported', 'ENOTSUP');
        blobs = sb.blobs;
      } finally {
        probe.close();
      }
    } catch (err) {
      if (err instanceof BlobCacheError) throw err;
      throw new BlobCacheError(`cannot load the bootstrap ${bootstrap}: ${(err as Error).message}`, 'EIO');
    }
    for (const b of blobs) validateId('blob id in the blob table', b.blobId);

    const meta: MetaRecord = {
      key,
      domainId,
      id: entry.id,
      bootstrap,
      entry,
      workDir,
      dataKeys: [],
      image: null,
      objectCache: this.hooks.fscacheObjects === true && v2.cache?.type === 'fscache',
      backend: null,
      warm: 'off',
      addedAt: new Date().toISOString(),
    };
    this.openImage(meta, config);
    // Records: the meta, then each data blob (shared by count). Nothing can fail from here.
    this.metas.set(key, meta);
    for (const b of blobs) {
      const dkey = entryKey(domainId, b.blobId);
      meta.dataKeys.push(dkey);
      const existing = this.datas.get(dkey);
      if (existing) existing.refs++;
      else this.datas.set(dkey, { key: dkey, domainId, blob: b, owner: meta, refs: 1 });
    }
    this.startWarming(meta);
    this.hooks.log('info', `blob cache entry ${key} added: ${bootstrap}, ${blobs.length} data blob(s), work_dir ${workDir}`);
  }

  /** Opens the image used for warming and metrics; on failure nothing stays open. */
  private openImage(meta: MetaRecord, config: ConfigV2): void {
    let options: ImageOptions;
    let backend: BlobBackend | null = null;
    try {
      const setup = imageOptionsFromConfig(config, `blob cache entry ${meta.key}`);
      options = setup.options;
      options.validate = false;
      // Warming takes the whole blob whatever prefetch_all says (daemon.md §6.3: with prefetch
      // enabled every data blob is requested entirely); a v2 entry's prefetch_all defaults to
      // false, which would warm only the image's prefetch table, usually empty.
      if (options.prefetch) options.prefetch.prefetchAll = true;
      if (meta.objectCache) {
        delete options.cache;
        delete options.prefetch;
      }
      if (setup.network) {
        const log = (level: 'error' | 'warn' | 'info' | 'debug', msg: string) => this.hooks.log(level, `${meta.key}: ${msg}`);
        backend = createBackend(setup.network, { id: meta.key, log });
        const source = this.hooks.warmingSource ? this.hooks.warmingSource(backend, meta) : backend;
        options.backend = blobSourceOf(source, log);
        // The entry's backend is closed by remove(), not by the image.
        const wrapped = options.backend;
        options.backend = { read: wrapped.read.bind(wrapped), blobSize: wrapped.blobSize.bind(wrapped) };
      } else if (options.cache) {
        // localfs blobs are local files already: nothing to warm (the FUSE daemon reads them in place).
        delete options.cache;
        delete options.prefetch;
      }
      meta.image = RafsImage.open(meta.bootstrap, options);
      meta.backend = backend;
    } catch (err) {
      backend?.close();
      if (err instanceof BlobCacheError) throw err;
      throw new BlobCacheError(`cannot open the bootstrap ${meta.bootstrap} for the cache: ${(err as Error).message}`, 'EIO');
    }
  }

  private startWarming(meta: MetaRecord): void {
    const p = meta.entry.config_v2.cache?.prefetch;
    if (!meta.image || !meta.backend || !p?.enable || meta.objectCache) return;
    try {
      meta.image.startPrefetch([]);
      meta.warm = 'warming';
      this.hooks.log('info', `${meta.key}: warming ${meta.workDir} (threads ${p.threads || 8}, merging ${p.batch_size || 1 << 20} bytes, bandwidth ${p.bandwidth_limit ? `${p.bandwidth_limit} B/s` : 'unlimited'})`);
    } catch (err) {
      meta.warm = 'failed';
      meta.warmError = (err as Error).message;
      this.hooks.log('warn', `${meta.key}: warming not started: ${meta.warmError}`);
    }
  }

  private pollWarming(): void {
    for (const meta of this.metas.values()) {
      if (meta.warm !== 'warming' || !meta.image) continue;
      let m: BlobcacheMetrics | null;
      try {
        m = meta.image.cacheMetrics();
      } catch {
        continue;
      }
      if (!m) continue;
      if (m.data_all_ready) {
        meta.warm = 'done';
        this.hooks.log('info', `${meta.key}: warm (${m.prefetch_data_amount} bytes prefetched in ${m.prefetch_cumulative_time_millis} ms)`);
      } else if (m.prefetch_end_time_secs > 0) {
        meta.warm = 'failed';
        meta.warmError = 'prefetch ended with chunks missing (backend errors; see the log)';
        this.hooks.log('warn', `${meta.key}: warming ended before every chunk was cached; the rest is fetched on demand`);
      }
    }
  }

  /**
   * Removes entries (daemon.md §6.1): `blobId` undefined or empty with a domain removes every
   * record of the domain; otherwise the one record (a bootstrap releases its data blobs).
   * Returns the removed meta keys.
   */
  remove(domainId: string, blobId?: string): string[] {
    if (!blobId) {
      if (domainId === '') throw new BlobCacheError('invalid request: an empty domain_id needs a blob_id');
      const prefix = `${domainId}/`;
      const removed: string[] = [];
      for (const meta of [...this.metas.values()]) if (meta.key.startsWith(prefix)) removed.push(this.removeMeta(meta));
      for (const [k] of [...this.datas]) if (k.startsWith(prefix)) this.dropData(k);
      return removed;
    }
    const key = entryKey(domainId, blobId);
    const meta = this.metas.get(key);
    if (meta) return [this.removeMeta(meta)];
    const data = this.datas.get(key);
    if (data) {
      data.refs--;
      if (data.refs <= 0) this.dropData(data.key);
      return [];
    }
    throw new BlobCacheError(`blob cache entry ${key} not found`, 'ENOENT');
  }

  /** Drops a data record; tells the daemon when no record of that blob id is left. */
  private dropData(key: string): void {
    const d = this.datas.get(key);
    if (!d) return;
    this.datas.delete(key);
    const id = d.blob.blobId;
    if (![...this.datas.values()].some((o) => o.blob.blobId === id)) this.hooks.blobReleased?.(id);
  }

  private removeMeta(meta: MetaRecord): string {
    this.metas.delete(meta.key);
    for (const dkey of meta.dataKeys) {
      const d = this.datas.get(dkey);
      if (!d) continue;
      d.refs--;
      if (d.refs <= 0) this.dropData(dkey);
      else if (d.owner === meta) {
        // Another bootstrap still refers to it: it serves the blob from now on.
        const heir = [...this.metas.values()].find((m) => m.dataKeys.includes(dkey));
        if (heir) d.owner = heir;
      }
    }
    this.release(meta);
    this.hooks.log('info', `blob cache entry ${meta.key} removed`);
    return meta.key;
  }

  private release(meta: MetaRecord): void {
    try {
      meta.image?.close();
    } catch (err) {
      this.hooks.log('warn', `${meta.key}: closing the image: ${(err as Error).message}`);
    }
    meta.image = null;
    meta.backend?.close();
    meta.backend = null;
  }

  /** Whether a bootstrap entry is registered under (domain, id). */
  has(domainId: string, id: string): boolean {
    return this.metas.has(entryKey(domainId, id));
  }

  /** Removes every entry (a takeover replaces them with the predecessor's). */
  removeAll(): void {
    for (const meta of [...this.metas.values()]) this.removeMeta(meta);
    this.datas.clear();
  }

  /**
   * A runtime update (PUT /api/v1/config?id=<domain>/<id>) for an entry's backend; false when
   * `id` names no entry with a network backend.
   */
  setRuntime(id: string, key: string, value: string): boolean {
    const meta = [...this.metas.values()].find((m) => recordKey(m.domainId, m.id) === id || m.key === id);
    if (!meta?.backend) return false;
    meta.backend.setRuntime(key, value);
    return true;
  }

  /** The entries of a domain (and id), as added (BlobCacheEntry, config_v2 form). */
  list(domainId?: string, blobId?: string): BlobCacheEntry[] {
    return [...this.metas.values()]
      .filter((m) => domainId === undefined || m.domainId === domainId)
      .filter((m) => !blobId || m.id === blobId)
      .map((m) => structuredClone(m.entry));
  }

  /** Every entry keyed `<domain>/<id>` as JSON text (the reference's upgrade-state form). */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.metas.values()].map((m) => [recordKey(m.domainId, m.id), JSON.stringify(m.entry)]));
  }

  get size(): number {
    return this.metas.size;
  }

  /** The backend and work dir serving a data blob (first domain that has it), for the shared read service. */
  resolve(blobId: string): { backend: BlobBackend; workDir: string } | null {
    for (const d of this.datas.values()) {
      if (d.blob.blobId !== blobId || !d.owner.backend) continue;
      return { backend: d.owner.backend, workDir: d.owner.workDir };
    }
    return null;
  }

  /** Blob ids of every data blob with a network backend. */
  networkBlobIds(): string[] {
    return [...new Set([...this.datas.values()].filter((d) => d.owner.backend).map((d) => d.blob.blobId))];
  }

  /** Figures of each data blob; `id` selects by blob id or key. */
  figures(id?: string): BlobFigures[] {
    this.pollWarming();
    const out: BlobFigures[] = [];
    for (const d of this.datas.values()) {
      if (id !== undefined && id !== d.blob.blobId && id !== d.key) continue;
      const meta = d.owner;
      const compressed = meta.entry.config_v2.cache?.compressed ?? false;
      const file = join(meta.workDir, `${d.blob.blobId}.blob.${compressed ? 'raw' : 'data'}`);
      const local = !meta.backend;
      // An fscache entry's data lives in the kernel's cachefiles objects: no files of ours, and
      // which chunks are there is the kernel's to know (reported as none).
      const ready = local ? d.blob.chunkCount : meta.objectCache ? 0 : readyChunks(join(meta.workDir, `${d.blob.blobId}.blob.data.chunk_map`), d.blob.chunkCount);
      out.push({
        key: d.key,
        domain_id: d.domainId,
        blob_id: d.blob.blobId,
        refs: d.refs,
        owner: meta.key,
        store_path: meta.workDir,
        underlying_files: local || meta.objectCache ? [] : [file],
        compressed_size: d.blob.compressedSize,
        uncompressed_size: d.blob.uncompressedSize,
        chunk_count: d.blob.chunkCount,
        ready_chunks: ready,
        data_all_ready: ready >= d.blob.chunkCount,
        warm: meta.warm,
        warm_error: meta.warmError ?? null,
      });
    }
    return out;
  }

  /** The native cache counters of an entry's warming image (BlobcacheMetrics), by entry key or blob id. */
  cacheMetrics(id: string): BlobcacheMetrics | null {
    const meta = this.metas.get(id) ?? [...this.datas.values()].find((d) => d.blob.blobId === id || d.key === id)?.owner;
    return meta?.image?.cacheMetrics() ?? null;
  }

  /**
   * The objects the fscache handler serves: each bootstrap entry under `<domain>/<id>` (EROFS
   * mounts it with `fsid=<id>`), each data blob under `<domain>/<blob id>` through the image of
   * the entry that serves it, prefetched when that entry's prefetch is enabled (§6.3 step 5).
   */
  fscacheObjects(): FscacheObject[] {
    const out: FscacheObject[] = [];
    for (const m of this.metas.values()) out.push({ kind: 'bootstrap', key: m.key, domainId: m.domainId, fsid: m.id, bootstrap: m.bootstrap });
    for (const d of this.datas.values()) {
      const image = d.owner.image;
      if (!image) continue;
      const p = d.owner.entry.config_v2.cache?.prefetch;
      out.push({ kind: 'blob', key: d.key, domainId: d.domainId, blobId: d.blob.blobId, image, prefetch: p?.enable === true, batchSize: p?.batch_size ?? 0 });
    }
    return out;
  }

  /** Closes every image and backend (shutdown). */
  close(): void {
    clearInterval(this.warmTimer);
    for (const meta of this.metas.values()) this.release(meta);
    this.metas.clear();
    this.datas.clear();
  }
}
