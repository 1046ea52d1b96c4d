// FsService: the mount table of a FUSE daemon (spec daemon.md §4.1, §4.4, §4.5). Turns mount
// commands into opened RAFS images attached to the native VFS at virtual mountpoints, keeps
// the backend descriptors reported by daemon info, and answers the per-mount metrics.
// Control path only: requests are served by the native session, never here.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { ConfigV2, MountCmd } from '../../generated/types.js';
import { ApiFailure, failures } from '../daemon/api/errors.js';
import type { Logger } from '../daemon/log.js';
import type { MountMetrics } from '../daemon/metrics/families.js';
import type { RuntimeConfig } from '../daemon/runtime-config.js';
import { backendWaitMs, imageOptionsFromConfig, parseConfig, redactSecrets } from '../config/index.js';
import { NydusError } from '../errors.js';
import type { FuseSession } from '../native/fuse.js';

/**
 * What serves the VFS to a kernel or a VM: the FUSE session (/dev/fuse) or the virtio-fs
 * session (vhost-user); both expose the native VFS with the same methods.
 */
export type VfsHost = Pick<
  FuseSession,
  'attach' | 'replace' | 'detach' | 'metrics' | 'fileMetrics' | 'latestReadFiles' | 'accessPatterns' | 'backendMetrics' | 'inflight'
>;
import { RafsImage, type BlobcacheMetrics, type ImageOptions } from '../native/image.js';
import { createBackend, type BlobBackend } from '../storage/backend.js';
import { nativeHttpProxyOf } from '../storage/http-proxy.js';
import { blobSourceOf } from '../storage/native-source.js';

export interface BackendDescriptor {
  backend_type: 'Rafs' | 'PassthroughFs';
  mountpoint: string;
  mounted_time: string;
  config: ConfigV2 | null;
}

interface Mounted {
  mountpoint: string;
  cmd: MountCmd;
  config: ConfigV2;
  image: RafsImage;
  /** The network backend serving the image's cache misses (null: localfs, read natively). */
  backend: BlobBackend | null;
  /** Background prefetch is enabled by the config. */
  prefetch: boolean;
  /** fs index in the native VFS; undefined while no FUSE session exists (INIT in upgrade mode). */
  index?: number;
  descriptor: BackendDescriptor;
}

/** `YYYY-MM-DD HH:MM:SS.<fraction> +00:00:00` in UTC (api.md §4.1, parsed by nydusctl). */
export function mountedTime(d: Date = new Date()): string {
  const iso = d.toISOString(); // 2026-07-24T08:12:34.123Z
  const frac = String(d.getUTCMilliseconds() * 1_000_000).padStart(9, '0').replace(/0+$/, '') || '0';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${frac} +00:00:00`;
}

/** A virtual mountpoint normalised (absolute, `.`/`..` interpreted, no trailing slash). */
export function normaliseMountpoint(path: string): string {
  if (!path.startsWith('/')) throw failures.mountOther(`invalid argument \`the mountpoint ${JSON.stringify(path)} is not an absolute path\``);
  const n = posix.normalize(path);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

/** Reads a --prefetch-files list (daemon.md §1.4): trimmed lines, blanks skipped, all absolute. */
export function readPrefetchList(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new NydusError('EINVAL', `the prefetch-files arg is not a file path: ${file}`, 1);
  }
  return text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
}

/**
 * Whether every blob of a localfs image is stored plain (neither compressed nor encrypted), i.e.
 * a blob file already holds what a blob cache's data file would. Reads only the bootstrap; false
 * when it cannot be read (the open that follows reports why).
 */
function storedPlain(bootstrap: string, options: ImageOptions): boolean {
  let probe: RafsImage | undefined;
  try {
    const local: ImageOptions = {};
    if (options.blobFile !== undefined) local.blobFile = options.blobFile;
    if (options.dir !== undefined) local.dir = options.dir;
    if (options.altDirs !== undefined) local.altDirs = options.altDirs;
    probe = RafsImage.open(bootstrap, local);
    return probe.superblock().blobs.every((b) => b.compressor === 'none' && b.cipher === 0);
  } catch {
    return false;
  } finally {
    probe?.close();
  }
}

const PASSTHROUGH = new Set(['passthrough', 'passthroughfs', 'passthrough_fs']);

export class FsService {
  private readonly mounts = new Map<string, Mounted>();
  /** Images replaced by a remount, kept until reads that began on them have finished. */
  private readonly retired = new Set<Mounted>();
  private session: VfsHost | null = null;

  constructor(
    private readonly log: Logger,
    private readonly runtime: RuntimeConfig,
  ) {
    // PUT /api/v1/config reaches the backend registered under that id (api.md §4.7).
    runtime.onChange((id, key, value) => {
      const m = this.mounts.get(id);
      if (!m?.backend || key === 'dragonfly_scheduler_endpoint') return;
      try {
        m.backend.setRuntime(key, value);
        this.log.info(`backend of ${id}: ${key} updated`);
      } catch (err) {
        this.log.warn(`backend of ${id}: cannot apply ${key}: ${(err as Error).message}`);
      }
    });
  }

  /** Binds the session serving the VFS; mounts recorded before it existed are attached now. */
  attachSession(session: VfsHost): void {
    this.session = session;
    for (const m of this.mounts.values()) if (m.index === undefined) m.index = this.attachNative(m);
  }

  get hasSession(): boolean {
    return this.session !== null;
  }

  /** Mounts a filesystem at `mountpoint`; rejects an occupied mountpoint. */
  mount(mountpoint: string, cmd: MountCmd): void {
    const mp = normaliseMountpoint(mountpoint);
    if (this.mounts.has(mp)) throw failures.mountOther('object or filesystem already exists');
    const m = this.build(mp, cmd);
    try {
      if (this.session) m.index = this.attachNative(m);
    } catch (err) {
      this.release(m);
      throw err;
    }
    this.mounts.set(mp, m);
    this.registerBackend(m);
    this.startPrefetch(m);
    this.log.info(`mounted ${m.cmd.source} at ${mp}${m.index !== undefined ? ` (fs index ${m.index})` : ''}`);
  }

  /** Swaps the bootstrap and config of an existing RAFS mount in place. */
  async remount(mountpoint: string, cmd: MountCmd): Promise<void> {
    const mp = normaliseMountpoint(mountpoint);
    const old = this.mounts.get(mp);
    if (!old) throw failures.mountOther("object or filesystem doesn't exist");
    const m = this.build(mp, cmd);
    try {
      if (this.session && old.index !== undefined) {
        await this.session.replace(mp, m.image, this.attachOptions(m.config));
        m.index = old.index;
      }
    } catch (err) {
      this.release(m);
      throw err;
    }
    this.mounts.set(mp, m);
    if (old.backend && old.index !== undefined) {
      // Reads that began on the old image may still wait for its network backend; closing it
      // now would fail them with EIO. Release it once their deadline has surely passed.
      const grace = backendWaitMs(old.config.backend!) || 60_000;
      this.retired.add(old);
      setTimeout(() => {
        if (this.retired.delete(old)) this.release(old);
      }, grace).unref();
    } else {
      this.release(old);
    }
    this.registerBackend(m);
    this.startPrefetch(m);
    this.log.info(`remounted ${m.cmd.source} at ${mp}`);
  }

  /**
   * Takeover (daemon.md §5.5 step 6): binds the adopted session and rebuilds every recorded
   * mount at its recorded fs index. Mounts made while parked in INIT are replaced (restored
   * state wins). All or nothing: on a failure every image opened here is closed again.
   */
  restoreMounts(session: VfsHost, mounts: Array<{ mountpoint: string; index: number; cmd: MountCmd }>): void {
    const built: Mounted[] = [];
    try {
      for (const rec of mounts) {
        const mp = normaliseMountpoint(rec.mountpoint);
        const m = this.build(mp, rec.cmd);
        built.push(m);
        m.index = session.attach(mp, m.image, { ...this.attachOptions(m.config), index: rec.index });
      }
    } catch (err) {
      for (const m of built) this.release(m);
      throw err instanceof ApiFailure ? err : failures.mountOther((err as Error).message);
    }
    this.closeAll();
    this.session = session;
    for (const m of built) {
      this.mounts.set(m.mountpoint, m);
      this.registerBackend(m);
      this.startPrefetch(m);
    }
  }

  /** Detaches a mount: its requests in progress finish, then the kernel's caches of its tree are invalidated. */
  async umount(mountpoint: string): Promise<void> {
    const mp = normaliseMountpoint(mountpoint);
    const m = this.mounts.get(mp);
    if (!m) throw failures.mountOther("object or filesystem doesn't exist");
    this.mounts.delete(mp);
    try {
      if (this.session && m.index !== undefined) await this.session.detach(mp);
    } finally {
      this.release(m);
    }
    this.log.info(`umounted ${mp}`);
  }

  /** Releases everything (shutdown); errors are logged. */
  closeAll(): void {
    for (const m of [...this.mounts.values(), ...this.retired]) this.release(m);
    this.mounts.clear();
    this.retired.clear();
  }

  /** Closes a mount's image (stopping its prefetch, closing its network backend); errors are logged. */
  private release(m: Mounted): void {
    try {
      m.image.close();
    } catch (err) {
      this.log.warn(`closing ${m.mountpoint}: ${(err as Error).message}`);
    }
  }

  /** Starts background prefetch of a new mount: the mount's file list, else the bootstrap's table (storage.md §4.7). */
  private startPrefetch(m: Mounted): void {
    if (!m.prefetch) return;
    try {
      m.image.startPrefetch(m.cmd.prefetch_files ?? []);
      this.log.info(`prefetch started for ${m.mountpoint}${m.cmd.prefetch_files?.length ? ` (${m.cmd.prefetch_files.length} paths)` : ''}`);
    } catch (err) {
      this.log.warn(`prefetch for ${m.mountpoint} not started: ${(err as Error).message}`);
    }
  }

  /** Blob cache metrics of the mount whose config id is `id`, or of the only cached mount (api.md §4.5). */
  blobcacheMetrics(id: string | undefined): BlobcacheMetrics {
    const cached = [...this.mounts.values()]
      .map((m) => ({ id: m.config.id ?? '', metrics: m.image.cacheMetrics() }))
      .filter((c): c is { id: string; metrics: BlobcacheMetrics } => c.metrics !== null);
    const hits = id === undefined ? cached : cached.filter((c) => c.id === id);
    if (hits.length === 0 || (id === undefined && hits.length !== 1)) throw failures.noCounter();
    return hits[0].metrics;
  }

  /**
   * Every mount's figures for a Prometheus scrape: the same native counters the JSON metrics
   * endpoints read (no request is made through FUSE). A figure that cannot be read right now
   * (a mount being detached, no session) is null rather than failing the scrape.
   */
  metricsSnapshot(): MountMetrics[] {
    const read = <T>(what: string, m: Mounted, f: () => T): T | null => {
      try {
        return f();
      } catch (err) {
        this.log.debug(`metrics of ${m.mountpoint}: ${what}: ${(err as Error).message}`);
        return null;
      }
    };
    return [...this.mounts.values()].map((m) => {
      const s = m.index !== undefined ? this.session : null;
      return {
        mountpoint: m.mountpoint,
        fs: s && read('fs', m, () => s.metrics(m.mountpoint)),
        backend: s && read('backend', m, () => ({ backend_type: m.config.backend?.type ?? 'localfs', ...s.backendMetrics(m.mountpoint) })),
        blobcache: read('blobcache', m, () => m.image.cacheMetrics()),
      };
    });
  }

  backendCollection(): Record<string, BackendDescriptor> {
    return Object.fromEntries([...this.mounts.values()].map((m) => [m.mountpoint, m.descriptor]));
  }

  /** The mount commands in effect (for daemon records and takeover state). */
  mountCommands(): Array<{ mountpoint: string; cmd: MountCmd; index?: number }> {
    return [...this.mounts.values()].map((m) => ({ mountpoint: m.mountpoint, cmd: m.cmd, index: m.index }));
  }

  /** The RAFS super-block summary of a mount (api.md §4.3). */
  backendInfo(mountpoint: string): Record<string, unknown> {
    const m = this.mounts.get(mountpoint);
    if (!m) throw failures.metricsDaemon("object or filesystem doesn't exist");
    const sb = m.image.superblock();
    const f = sb.fields;
    const v6 = sb.version === 6;
    return {
      magic: v6 ? 0xe0f5e1e2 : 0x52414653,
      version: v6 ? 0x600 : 0x500,
      sb_size: f.sb_size ?? 4096,
      root_inode: sb.rootIno,
      chunk_size: sb.chunkSize,
      batch_size: 0,
      inodes_count: sb.inodesCount,
      flags: { bits: sb.flags },
      inode_table_entries: f.inode_table_entries ?? 0,
      inode_table_offset: f.inode_table_offset ?? 0,
      blob_table_size: f.blob_table_size ?? 0,
      blob_table_offset: f.blob_table_offset ?? 0,
      extended_blob_table_offset: f.extended_blob_table_offset ?? 0,
      extended_blob_table_entries: f.extended_blob_table_entries ?? 0,
      blob_device_table_count: sb.blobs.length,
      blob_device_table_offset: 0,
      prefetch_table_offset: f.prefetch_table_offset ?? 0,
      prefetch_table_entries: sb.prefetch.length,
      attr_timeout: { secs: 31536000, nanos: 0 },
      entry_timeout: { secs: 31536000, nanos: 0 },
      is_chunk_dict: false,
      meta_blkaddr: f.meta_blkaddr ?? 0,
      root_nid: v6 ? sb.rootIno : 0,
      chunk_table_offset: f.chunk_table_offset ?? 0,
      chunk_table_size: f.chunk_table_size ?? 0,
    };
  }

  /** The mount a metrics request selects: `id` exactly, or the only mount (api.md §4.5). */
  select(id: string | undefined): { mountpoint: string; config: ConfigV2; index?: number } {
    if (id !== undefined) {
      const m = this.mounts.get(id);
      if (!m) throw failures.noCounter();
      return m;
    }
    if (this.mounts.size !== 1) throw failures.noCounter();
    return [...this.mounts.values()][0];
  }

  private attachNative(m: Mounted): number {
    if (!this.session) throw new Error('no FUSE session');
    try {
      return this.session.attach(m.mountpoint, m.image, this.attachOptions(m.config));
    } catch (err) {
      const e = err as NydusError;
      if (e.code === 'EEXIST') throw failures.mountOther('object or filesystem already exists');
      if (e.code === 'ENOTSUP') throw failures.mountOther(`invalid argument \`nested mounts below a mounted filesystem are not supported: ${m.mountpoint}\``);
      throw failures.mountOther(e.message);
    }
  }

  private attachOptions(config: ConfigV2) {
    return {
      iostatsFiles: config.rafs?.iostats_files ?? false,
      accessPattern: config.rafs?.access_pattern ?? false,
      latestReadFiles: config.rafs?.latest_read_files ?? false,
    };
  }

  private registerBackend(m: Mounted): void {
    const b = m.config.backend;
    if (b?.type === 'registry' && b.registry?.auth) this.runtime.register(m.mountpoint, 'registry_auth', b.registry.auth, true);
  }

  /** Config, prefetch list and image of a mount command; every failure is a Mount 500 with its reason. */
  private build(mountpoint: string, cmd: MountCmd): Mounted {
    const fsType = cmd.fs_type ?? '';
    if (PASSTHROUGH.has(fsType)) throw failures.mountUnsupported();
    if (fsType !== 'rafs') {
      throw failures.mountOther(`invalid argument \`only 'rafs' and 'passthrough_fs' are supported, but ${fsType} was specified\``);
    }
    for (const p of cmd.prefetch_files ?? []) if (!p.startsWith('/')) throw failures.mountOther('invalid prefetch file list');
    let config: ConfigV2;
    try {
      config = parseConfig(cmd.config, { source: 'mount request', strictness: 'mount' }).config;
    } catch (err) {
      throw failures.mountOther((err as Error).message);
    }
    let image: RafsImage;
    let backend: BlobBackend | null = null;
    let options: ImageOptions;
    try {
      const setup = imageOptionsFromConfig(config, 'mount request');
      options = setup.options;
      if (!setup.network && options.cache && storedPlain(cmd.source, options)) {
        // An uncompressed local blob is a local file of plain data already: the read path slices
        // it directly, a cache would only copy it. A compressed one keeps its cache (as nydusd
        // does): without it every read would decompress a whole chunk again.
        this.log.info(`${mountpoint}: the blob cache is not used with the localfs backend (every blob is stored uncompressed)`);
        delete options.cache;
      }
      const unixHttp = setup.network && nativeHttpProxyOf(setup.network);
      if (unixHttp) {
        options.unixHttp = unixHttp;
      } else if (setup.network) {
        const log = (level: 'error' | 'warn' | 'info' | 'debug', msg: string) => this.log[level](`${mountpoint}: ${msg}`);
        backend = createBackend(setup.network, { id: mountpoint, log });
        options.backend = blobSourceOf(backend, log);
        options.backendWaitMs = backendWaitMs(setup.network);
      }
      image = RafsImage.open(cmd.source, options);
    } catch (err) {
      backend?.close();
      throw failures.mountOther((err as Error).message);
    }
    return {
      mountpoint,
      cmd: { ...cmd, mountpoint },
      config,
      image,
      backend,
      prefetch: options.prefetch?.enable ?? false,
      descriptor: { backend_type: 'Rafs', mountpoint, mounted_time: mountedTime(), config: redactSecrets(config) as ConfigV2 },
    };
  }
}
