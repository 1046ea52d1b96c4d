// FsDaemon: what the daemons serving a VFS of RAFS images share, whatever carries the FUSE
// protocol (/dev/fuse for DaemonController, vhost-user virtqueues for VirtiofsController): the
// FsService (mounts at virtual paths, backends, prefetch) and the API handlers on top of it
// (daemon info, mount/remount/umount, per-mount metrics, in-flight requests, Prometheus, and the
// blob endpoints a non-singleton daemon answers). Control path.
import type { DaemonInfo, MountCmd } from '../../generated/types.js';
import { FsService, type VfsHost } from '../service/fs-service.js';
import { failures } from './api/errors.js';
import { DaemonBase, type BaseDaemonOptions, type BaseHooks } from './daemon-base.js';
import type { Logger } from './log.js';
import { daemonFamilies } from './metrics/families.js';
import { renderExposition } from './metrics/prometheus.js';
import { buildInfo } from './version.js';

export abstract class FsDaemon extends DaemonBase {
  readonly fs: FsService;

  protected constructor(
    private readonly fsOptions: BaseDaemonOptions,
    log: Logger,
    hooks: BaseHooks,
  ) {
    super(fsOptions, log, hooks);
    this.fs = new FsService(this.log, this.runtime);
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
