// VirtiofsController: the virtio-fs daemon (`nydus virtiofs`, nydusd `virtiofs`; spec daemon.md
// §1.5, §7): the vhost-user-fs backend a VMM connects to on --sock, serving the same VFS of RAFS
// images as the FUSE daemon (FsDaemon: mounts through the API, metrics), to one front-end at a
// time; a front-end that goes away (VM shut down or rebooted) is logged and the next one is
// accepted. Upgrade and takeover are unsupported in this mode (sendfd answers 501). Control path:
// requests are served by native workers on the virtqueues.
import { resolve } from 'node:path';
import { virtiofsOptionsToArgs } from '../../generated/daemon-options.js';
import type { VirtiofsDaemonOptions } from '../../generated/types.js';
import { NydusError } from '../errors.js';
import { VirtiofsSession } from '../native/virtiofs.js';
import { failures } from './api/errors.js';
import type { DaemonApiHandler } from './api/handler.js';
import { DaemonBase, restartCommand, type BaseHooks } from './daemon-base.js';
import { FsDaemon, initialMountCmd } from './fs-daemon.js';
import { Logger } from './log.js';
import { applyNofileLimit } from './rlimit.js';
import type { DaemonAction } from './state-machine.js';
import { buildInfo } from './version.js';

/**
 * Workers on the request queue: the FUSE daemon's default thread count (fuseThreads), so a
 * slow READ does not hold up the requests queued behind it (virtio-fs completes in any order).
 */
const REQUEST_WORKERS = 4;

export interface VirtiofsHooks extends BaseHooks {
  log?: Logger;
}

export class VirtiofsController extends FsDaemon implements DaemonApiHandler {
  private session: VirtiofsSession | null = null;
  private sock = '';

  private constructor(
    readonly options: VirtiofsDaemonOptions,
    hooks: VirtiofsHooks,
  ) {
    super(options, hooks.log ?? new Logger(options.logLevel, options.logFile, options.logRotationSize), hooks);
  }

  /**
   * Starts a virtio-fs daemon: checks the initial image, listens on --sock, attaches the image
   * and reaches RUNNING (workers waiting for a front-end); then serves the API. Throws
   * NydusError (exit code 1 or 2) on failure, leaving no socket behind.
   */
  static async start(options: VirtiofsDaemonOptions, hooks: VirtiofsHooks = {}): Promise<VirtiofsController> {
    const c = new VirtiofsController(options, hooks);
    return DaemonBase.launch(c, () => c.boot(), async () => {
      await c.session?.release().catch(() => undefined);
      c.session = null;
      c.fs.closeAll();
    });
  }

  /** The virtio-fs session (the vhost-user backend). */
  get virtiofs(): VirtiofsSession | null {
    return this.session;
  }

  protected get vfsHost(): VirtiofsSession | null {
    return this.session;
  }

  protected get servedAt(): string {
    return this.sock;
  }

  private async boot(): Promise<void> {
    const o = this.options;
    this.log.info(`nydus virtiofs ${buildInfo().package_ver} (${buildInfo().git_commit}) starting, node ${process.version}`);
    if (o.sharedDir) throw new NydusError('ENOTSUP', '--shared-dir (passthrough filesystem) is not supported by this implementation', 1);
    if (o.backendSource !== undefined) this.log.warn('--backend-source is accepted for nydus-snapshotter compatibility and ignored');
    if (o.hybridMode) this.log.info('--hybrid-mode is accepted and ignored (RAFS images only)');
    const metricsAddr = o.metricsAddr === undefined ? undefined : (await import('./metrics/listener.js')).parseMetricsAddr(o.metricsAddr);
    const nofile = applyNofileLimit(o.rlimitNofile, (m) => this.log.warn(m));
    if (nofile !== undefined) this.log.debug(`RLIMIT_NOFILE set to ${nofile}`);
    this.sock = resolve(o.sock);
    const initial = o.bootstrap ? await initialMountCmd(o) : undefined;
    if (initial) this.fs.mount(initial.mountpoint ?? '/', initial);
    try {
      this.session = VirtiofsSession.listen({ socketPath: this.sock, flavour: initial ? 'rafs' : 'passthrough' });
    } catch (err) {
      this.fs.closeAll();
      throw new NydusError((err as NodeJS.ErrnoException).code ?? 'EIO', `cannot listen on the vhost-user socket ${this.sock}: ${(err as Error).message}`, 1);
    }
    this.session.onConnect(() => this.log.info(`vhost-user front-end connected on ${this.sock}`));
    this.session.onDisconnect((reason: string) => this.log.info(`vhost-user front-end gone (${reason}); waiting for the next one on ${this.sock}`));
    this.fs.attachSession(this.session);
    await this.machine.send('Mount');
    await this.machine.send('Start');
    await this.serveControl(o.apiSock, metricsAddr, false);
    this.log.info(`daemon ${this.state}: vhost-user-fs backend on ${this.sock}`);
  }

  private commandLine(): string[] {
    const paths = ['sock', 'bootstrap', 'config', 'localfsDir', 'prefetchFiles', 'apiSock', 'supervisor', 'stateDir', 'logFile'] as const;
    return restartCommand('virtiofs', this.options, paths, virtiofsOptionsToArgs);
  }

  protected recordDetails() {
    return {
      kind: 'virtiofs' as const,
      argv: this.commandLine(),
      mountpoint: this.sock,
      mounts: this.fs.mountCommands().map((m) => ({ mountpoint: m.mountpoint, source: m.cmd.source })),
    };
  }

  protected async act(action: DaemonAction): Promise<void> {
    const s = this.session;
    switch (action) {
      case 'None':
      case 'StopMachine':
        return;
      case 'StartService':
        if (!s) throw failures.notReady();
        s.start(REQUEST_WORKERS);
        return;
      case 'TerminateService':
      case 'Umount':
        // Nothing is mounted on the host: stopping the workers is all (daemon.md §3.2).
        await s?.stop();
        return;
      case 'Restore':
        throw failures.unsupported();
    }
  }

  /** Workers stopped, the socket closed and removed, every image closed. */
  protected async releaseService(): Promise<void> {
    try {
      await this.session?.release();
    } catch {
      // already released
    }
    this.fs.closeAll();
  }

  /** Upgrade is unsupported in virtio-fs mode (api.md §4.11: 501). */
  async sendfd(): Promise<void> {
    throw failures.unsupported();
  }
}
