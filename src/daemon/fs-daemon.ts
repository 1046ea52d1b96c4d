// FsDaemon: what the daemons serving a VFS of RAFS images share, whatever carries the FUSE
// protocol (/dev/fuse for DaemonController, vhost-user virtqueues for VirtiofsController): the
// FsService (mounts at virtual paths, backends, prefetch) and the API handlers on top of it
// (daemon info, mount/remount/umount, per-mount metrics, in-flight requests, Prometheus, and the
// blob endpoints a non-singleton daemon answers). Control path.
import { resolve } from 'node:path';
import type { DaemonInfo, FuseDaemonOptions, MountCmd } from '../../generated/types.js';
import { parseConfig, readConfigText } from '../config/index.js';
import { NydusError } from '../errors.js';
import { FsService, readPrefetchList, type VfsHost } from '../service/fs-service.js';
import { failures } from './api/errors.js';
import type { DaemonApiHandler } from './api/handler.js';
import { DaemonBase, type BaseDaemonOptions, type BaseHooks } from './daemon-base.js';
import type { Logger } from './log.js';
import { daemonFamilies } from './metrics/families.js';
import type { MetricsAddr, MetricsListener } from './metrics/listener.js';
import { renderExposition } from './metrics/prometheus.js';
import { buildInfo } from './version.js';

/** daemon.md §1.8: the built-in configuration of --localfs-dir. */
export function localfsDirConfig(dir: string): string {
  return JSON.stringify({
    device: { backend: { type: 'localfs', config: { dir, readahead: true } }, cache: { type: 'blobcache', config: { compressed: false, work_dir: dir } } },
    mode: 'direct',
    digest_validate: false,
    iostats_files: false,
  });
}

/** The options that describe the image mounted at start (the same in `nydus fuse` and `nydus virtiofs`). */
export type InitialMountOptions = Pick<FuseDaemonOptions, 'bootstrap' | 'image' | 'config' | 'configDocument' | 'localfsDir' | 'prefetchFiles' | 'virtualMountpoint'>;

/**
 * The mount command of --bootstrap (with --config, --localfs-dir or a config document) or of
 * --image (resolved in the registry now, so a restart resolves it again), validated before
 * anything is mounted.
 */
export async function initialMountCmd(o: InitialMountOptions, log?: (level: 'info' | 'warn', msg: string) => void): Promise<MountCmd> {
  let text: string;
  let source = 'built-in --localfs-dir configuration';
  let bootstrap = o.bootstrap;
  if (o.image) {
    const { resolveImageMount } = await import('../oci/image-mount.js');
    const m = await resolveImageMount({ image: o.image, config: o.config, configDocument: o.configDocument, log });
    text = m.config;
    source = `configuration for --image ${o.image}`;
    bootstrap = m.bootstrap;
  } else if (o.localfsDir) text = localfsDirConfig(resolve(o.localfsDir));
  else if (o.configDocument) {
    text = JSON.stringify(o.configDocument);
    source = 'configuration document';
  } else if (o.config) {
    source = o.config;
    text = await readConfigText(o.config);
  } else throw new NydusError('EINVAL', 'both --config and --localfs-dir are missing', 1);
  // Validate now so that a bad config is a clear error before anything is mounted.
  const loaded = parseConfig(text, { source, strictness: 'mount' });
  const auth = process.env.IMAGE_PULL_AUTH;
  if (auth && o.config && !o.image && loaded.config.backend?.type === 'registry' && loaded.config.backend.registry) {
    loaded.config.backend.registry.auth = auth;
    text = JSON.stringify(loaded.config);
  }
  let prefetch: string[] | null = null;
  if (o.prefetchFiles) {
    prefetch = readPrefetchList(o.prefetchFiles);
    if (prefetch.some((p) => !p.startsWith('/'))) throw new NydusError('EINVAL', `invalid prefetch file list in ${o.prefetchFiles}`, 1);
  }
  // Absolute, so the takeover state names the same file whatever the successor's cwd.
  return { fs_type: 'rafs', source: resolve(bootstrap as string), config: text, mountpoint: o.virtualMountpoint, prefetch_files: prefetch };
}

export abstract class FsDaemon extends DaemonBase {
  readonly fs: FsService;
  private metricsListener: MetricsListener | null = null;

  protected constructor(
    private readonly fsOptions: BaseDaemonOptions,
    log: Logger,
    hooks: BaseHooks,
  ) {
    super(fsOptions, log, hooks);
    this.fs = new FsService(this.log, this.runtime);
  }

  /** `host:port` the --metrics-addr listener is bound to (null: none, or still waiting for the address). */
  get metricsAddress(): string | null {
    return this.metricsListener?.address() ?? null;
  }

  /**
   * The control side, once the service is up (or parked): the daemon record first (once the API
   * answers, `nydus upgrade|failover ID` may act on it), the API server, the --metrics-addr
   * listener (a parked successor waits for its predecessor to release the address).
   */
  protected async serveControl(apiSock: string | undefined, metricsAddr: MetricsAddr | undefined, parked: boolean): Promise<void> {
    await this.saveRecord();
    // The API server and the metrics listener are loaded only by a daemon that serves them.
    if (apiSock) {
      try {
        const { startApiServer } = await import('./api/server.js');
        this.api = await startApiServer(apiSock, this as unknown as DaemonApiHandler, this.log);
      } catch (err) {
        await this.shutdown('API server failed');
        throw new NydusError('EIO', `cannot serve the API on ${apiSock}: ${(err as Error).message}`, 1);
      }
    }
    if (metricsAddr) {
      try {
        const { startMetricsListener } = await import('./metrics/listener.js');
        this.metricsListener = await startMetricsListener(metricsAddr, () => this.prometheusMetrics(), this.log, { waitForAddress: parked });
      } catch (err) {
        await this.shutdown('metrics listener failed');
        throw err;
      }
      const listener = this.metricsListener;
      void this.wait().then(() => listener.close());
    }
  }

  /** The session serving the VFS (null while none exists, e.g. parked in INIT). */
  protected abstract get vfsHost(): VfsHost | null;

  /** Where the daemon serves (FUSE mountpoint, vhost-user socket): the Prometheus daemon_id without --id. */
  protected abstract get servedAt(): string;

  // ---- DaemonApiHandler -------------------------------------------------------------------

  daemonInfo(version: 1 | 2): DaemonInfo {
    return {
      version: buildInfo(),
      id: this.fsOptions.id ?? null,
      supervisor: this.fsOptions.supervisor ?? null,
      state: this.state,
      backend_collection: version === 1 ? (this.fs.backendCollection() as DaemonInfo['backend_collection']) : null,
    };
  }

  backendCollection(): Record<string, unknown> {
    return this.fs.backendCollection() as unknown as Record<string, unknown>;
  }

  backendInfo(mountpoint: string) {
    return this.fs.backendInfo(mountpoint);
  }

  async mount(mountpoint: string, cmd: MountCmd): Promise<void> {
    if (this.state === 'STOPPED') throw failures.channelClosed();
    this.fs.mount(mountpoint, cmd);
    await this.saveRecord();
  }

  async remount(mountpoint: string, cmd: MountCmd): Promise<void> {
    await this.fs.remount(mountpoint, cmd);
    await this.saveRecord();
  }

  async umount(mountpoint: string): Promise<void> {
    await this.fs.umount(mountpoint);
    await this.saveRecord();
  }

  private native(): VfsHost {
    const host = this.vfsHost;
    if (!host) throw failures.noCounter();
    return host;
  }

  metrics(id?: string) {
    const m = this.fs.select(id);
    const r = m.config.rafs;
    return {
      files_account_enabled: r?.iostats_files ?? false,
      access_pattern_enabled: r?.access_pattern ?? false,
      record_latest_read_files_enabled: r?.latest_read_files ?? false,
      measure_latency: true,
      id: m.mountpoint,
      ...this.native().metrics(m.mountpoint),
    };
  }

  fileMetrics(id: string | undefined, latest: boolean) {
    const m = this.fs.select(id);
    return latest ? this.native().latestReadFiles(m.mountpoint) : this.native().fileMetrics(m.mountpoint);
  }

  accessPatterns(id?: string) {
    const m = this.fs.select(id);
    return this.native().accessPatterns(m.mountpoint);
  }

  backendMetrics(id?: string) {
    const m = this.fs.select(id);
    return { backend_type: m.config.backend?.type ?? 'localfs', ...this.native().backendMetrics(m.mountpoint) };
  }

  blobcacheMetrics(id?: string) {
    return this.fs.blobcacheMetrics(id);
  }

  inflight() {
    const host = this.vfsHost;
    if (!host) return null;
    const ops = host.inflight();
    return ops.length > 0 ? ops : null;
  }

  /** Every mount's figures in the Prometheus text format; `daemon_id` is --id, else where the daemon serves (mountpoint, socket). */
  prometheusMetrics(): string {
    const host = this.vfsHost;
    return renderExposition(
      daemonFamilies({
        daemonId: this.fsOptions.id ?? this.servedAt,
        version: buildInfo().package_ver,
        state: this.state,
        mounts: this.fs.metricsSnapshot(),
        inflight: host ? host.inflight() : null,
        now: Date.now() / 1000,
      }),
    );
  }

  async putBlob(): Promise<void> {
    throw failures.unsupported();
  }

  async deleteBlob(domainId?: string): Promise<void> {
    if (domainId !== undefined) throw failures.unsupported();
  }
}
