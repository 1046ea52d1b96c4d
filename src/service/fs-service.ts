// FsService: the mount table of a FUSE daemon (spec daemon.md §4.1, §4.4, §4.5). Turns mount
// commands into opened RAFS images attached to the native VFS at virtual mountpoints, keeps
// the backend descriptors reported by daemon info, and answers the per-mount metrics.
// Control path only: requests are served by the native session, never here.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import type { ConfigV2, MountCmd } from '../../generated/types.js';
import { failures } from '../daemon/api/errors.js';
import type { Logger } from '../daemon/log.js';
import type { RuntimeConfig } from '../daemon/runtime-config.js';
import { localfsFromConfig, parseConfig, redactSecrets } from '../config/index.js';
import { NydusError } from '../errors.js';
import type { FuseSession } from '../native/fuse.js';
import { RafsImage } from '../native/image.js';

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

const PASSTHROUGH = new Set(['passthrough', 'passthroughfs', 'passthrough_fs']);

export class FsService {
  private readonly mounts = new Map<string, Mounted>();
  private session: FuseSession | null = null;

  constructor(
    private readonly log: Logger,
    private readonly runtime: RuntimeConfig,
  ) {}

  /** Binds the FUSE session; mounts recorded before it existed are attached now. */
  attachSession(session: FuseSession): void {
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
      m.image.close();
      throw err;
    }
    this.mounts.set(mp, m);
    this.registerBackend(m);
    this.log.info(`mounted ${m.cmd.source} at ${mp}${m.index !== undefined ? ` (fs index ${m.index})` : ''}`);
  }

  /** Swaps the bootstrap and config of an existing RAFS mount in place. */
  remount(mountpoint: string, cmd: MountCmd): void {
    const mp = normaliseMountpoint(mountpoint);
    const old = this.mounts.get(mp);
    if (!old) throw failures.mountOther("object or filesystem doesn't exist");
    const m = this.build(mp, cmd);
    try {
      if (this.session && old.index !== undefined) {
        this.session.replace(mp, m.image, this.attachOptions(m.config));
        m.index = old.index;
      }
    } catch (err) {
      m.image.close();
      throw err;
    }
    this.mounts.set(mp, m);
    old.image.close();
    this.registerBackend(m);
    this.log.info(`remounted ${m.cmd.source} at ${mp}`);
  }

  /** Detaches a mount; the kernel's caches of its tree are invalidated first. */
  umount(mountpoint: string): void {
    const mp = normaliseMountpoint(mountpoint);
    const m = this.mounts.get(mp);
    if (!m) throw failures.mountOther("object or filesystem doesn't exist");
    if (this.session && m.index !== undefined) this.session.detach(mp);
    this.mounts.delete(mp);
    m.image.close();
    this.log.info(`umounted ${mp}`);
  }

  /** Detaches everything (shutdown); errors are logged. */
  closeAll(): void {
    for (const m of this.mounts.values()) {
      try {
        m.image.close();
      } catch (err) {
        this.log.warn(`closing ${m.mountpoint}: ${(err as Error).message}`);
      }
    }
    this.mounts.clear();
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
    try {
      const options = localfsFromConfig(config, 'mount request');
      image = RafsImage.open(cmd.source, options);
    } catch (err) {
      throw failures.mountOther((err as Error).message);
    }
    return {
      mountpoint,
      cmd: { ...cmd, mountpoint },
      config,
      image,
      descriptor: { backend_type: 'Rafs', mountpoint, mounted_time: mountedTime(), config: redactSecrets(config) as ConfigV2 },
    };
  }
}
