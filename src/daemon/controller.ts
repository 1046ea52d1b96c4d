// DaemonController: the FUSE daemon's lifecycle (spec daemon.md §1.12, §3, §4.6) and the
// handler behind the HTTP API. The seed's three steps map to: prepare the options
// (fuseDaemon() builder or `nydus fuse` flags), `DaemonController.start(options)` (mounts
// and reaches RUNNING, then serves the API), `await controller.wait()` (the run loop; it
// resolves once the daemon has shut down). Control path only; FUSE requests are native.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FuseDaemonOptions } from '../../generated/types.js';
import { NydusError } from '../errors.js';
import { FuseSession, type VfsFlavour } from '../native/fuse.js';
import { closeFd, receiveStateFd, sendStateFd } from '../native/supervisor.js';
import { fuseMountInfo } from '../upgrade/mountinfo.js';
import { fuseOptionsToArgs } from '../../generated/daemon-options.js';
import { failures, ApiFailure } from './api/errors.js';
import type { DaemonApiHandler } from './api/handler.js';
import { Logger } from './log.js';
import { applyNofileLimit } from './rlimit.js';
import { DaemonBase, restartCommand, socketAlive, type BaseHooks } from './daemon-base.js';
import { FsDaemon, initialMountCmd } from './fs-daemon.js';

export { localfsDirConfig } from './fs-daemon.js';
import type { DaemonAction } from './state-machine.js';
import { buildInfo } from './version.js';

export interface ControllerHooks extends BaseHooks {
  /** Logger to use (default: from the options' log level and file). */
  log?: Logger;
}

export class DaemonController extends FsDaemon implements DaemonApiHandler {
  private session: FuseSession | null = null;
  private mountpoint = '';
  /** The VFS flavour of the session (kept in the takeover state: the successor must match it). */
  private flavour: VfsFlavour = 'rafs';

  private constructor(
    readonly options: FuseDaemonOptions,
    hooks: ControllerHooks,
  ) {
    super(options, hooks.log ?? new Logger(options.logLevel, options.logFile, options.logRotationSize), hooks);
  }

  protected get vfsHost(): FuseSession | null {
    return this.session;
  }

  protected get servedAt(): string {
    return this.mountpoint;
  }

  /**
   * Starts a FUSE daemon: validates everything that can be checked before touching the
   * kernel (config, bootstrap, prefetch list), mounts FUSE, attaches the initial image and
   * reaches RUNNING; then serves the API. Upgrade mode (or a detected crashed predecessor)
   * parks the daemon in INIT instead. Throws NydusError (exit code 1 or 2) and leaves
   * nothing mounted on failure.
   */
  static async start(options: FuseDaemonOptions, hooks: ControllerHooks = {}): Promise<DaemonController> {
    const c = new DaemonController(options, hooks);
    return DaemonBase.launch(c, () => c.boot(), () => undefined);
  }

  /** The FUSE session (null while parked in INIT). */
  get fuse(): FuseSession | null {
    return this.session;
  }

  private async boot(): Promise<void> {
    const o = this.options;
    this.log.info(`nydus fuse ${buildInfo().package_ver} (${buildInfo().git_commit}) starting, node ${process.version}`);
    if (o.sharedDir) throw new NydusError('ENOTSUP', '--shared-dir (passthrough filesystem) is not supported by this implementation', 1);
    if (o.backendSource !== undefined) this.log.warn('--backend-source is accepted for nydus-snapshotter compatibility and ignored');
    // A usage error before anything happens. (The takeover, metrics and API code is loaded when used: a lean start.)
    const metricsAddr = o.metricsAddr === undefined ? undefined : (await import('./metrics/listener.js')).parseMetricsAddr(o.metricsAddr);
    const nofile = applyNofileLimit(o.rlimitNofile, (m) => this.log.warn(m));
    if (nofile !== undefined) this.log.debug(`RLIMIT_NOFILE set to ${nofile}`);
    // A mountpoint that is already a FUSE mount may be one nobody serves (a crashed
    // predecessor): never stat it then, the stat would wait for an answer forever.
    const resolved = resolve(o.mountpoint);
    const live = fuseMountInfo(resolved) !== undefined;
    let mp = resolved;
    if (!live) {
      try {
        mp = realpathSync(o.mountpoint);
        if (!statSync(mp).isDirectory()) throw new Error('not a directory');
      } catch (err) {
        throw new NydusError('EINVAL', `invalid mountpoint ${o.mountpoint}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 1);
      }
    }
    this.mountpoint = mp;

    // Everything the initial mount needs is checked before the kernel mount exists.
    const initial = o.bootstrap || o.image ? await initialMountCmd(o, (level, msg) => this.log[level](msg)) : undefined;

    let park = o.upgrade;
    if (!park && o.apiSock && live && existsSync(o.apiSock) && !(await socketAlive(o.apiSock))) {
      this.log.warn(`crashed predecessor detected (live mount at ${mp}, dead API socket ${o.apiSock}): waiting in INIT for a takeover`);
      park = true;
    }
    if (!park) {
      if (initial) this.fs.mount(initial.mountpoint ?? '/', initial); // opens the image; attached once the session exists
      const flavour: VfsFlavour = initial ? 'rafs' : 'passthrough';
      this.flavour = flavour;
      try {
        this.session = FuseSession.mount({ mountpoint: mp, readonly: !o.writable, flavour });
      } catch (err) {
        this.fs.closeAll();
        throw err;
      }
      this.session.onClosed((reason: string) => {
        this.log.info(`FUSE connection closed (${reason}); shutting down`);
        void this.shutdown('connection closed');
      });
      try {
        this.fs.attachSession(this.session);
        await this.machine.send('Mount');
        await this.machine.send('Start');
      } catch (err) {
        await this.session.unmount();
        this.fs.closeAll();
        throw err instanceof ApiFailure ? new NydusError('EIO', err.inner, 1) : err;
      }
    }
    await this.serveControl(o.apiSock, metricsAddr, park);
    this.log.info(`daemon ${this.state} at ${mp}`);
  }

  /** The command line that starts this daemon again (records; `nydus upgrade` adds --upgrade). */
  private commandLine(): string[] {
    const { upgrade: _upgrade, ...rest } = this.options;
    const paths = ['mountpoint', 'bootstrap', 'config', 'localfsDir', 'prefetchFiles', 'apiSock', 'supervisor', 'stateDir', 'logFile'] as const;
    return restartCommand('fuse', rest as FuseDaemonOptions, paths, fuseOptionsToArgs);
  }

  /** The record's FUSE members: the command line, the mountpoint and the mounts. */
  protected recordDetails() {
    return {
      kind: 'fuse' as const,
      argv: this.commandLine(),
      mountpoint: this.mountpoint,
      mounts: this.fs.mountCommands().map((m) => ({ mountpoint: m.mountpoint, source: m.cmd.source })),
    };
  }

  /** The takeover state of this daemon (daemon.md §5.4), for sendfd. */
  private takeoverState(session: FuseSession) {
    return {
      format: 'nydus-service-fuse-state' as const,
      version: 1 as const,
      id: this.options.id ?? null,
      connectionId: session.connectionId,
      mountpoint: this.mountpoint,
      negotiated: session.negotiated() as unknown as Record<string, unknown>,
      vfs: session.vfsSnapshot() as unknown as Record<string, unknown>,
      failoverPolicy: this.options.failoverPolicy,
      flavour: this.flavour,
      mounts: this.fs.mountCommands().filter((m) => m.index !== undefined).map((m) => ({ mountpoint: m.mountpoint, index: m.index as number, cmd: m.cmd })),
    };
  }

  /**
   * Takeover (daemon.md §5.5): receives state and the /dev/fuse fd from the supervisor, adopts
   * the live FUSE connection (nothing is mounted), applies the failover policy, restores the
   * VFS and every mount at its recorded index. Any failure leaves the daemon in INIT with
   * nothing adopted.
   */
  private async restore(): Promise<void> {
    const o = this.options;
    if (!o.supervisor) throw failures.upgradeManager('MissingSupervisorPath: no supervisor configured (--supervisor and --id)');
    let received: { state: Buffer; fd: number };
    try {
      received = await receiveStateFd(o.supervisor);
    } catch (err) {
      throw failures.upgradeManager(`cannot receive the state from the supervisor at ${o.supervisor}: ${(err as Error).message}`);
    }
    let session: FuseSession | null = null;
    try {
      const { decodeState } = await import('../upgrade/state-codec.js');
      const st = decodeState(received.state);
      if (st.mountpoint !== this.mountpoint) this.log.warn(`takeover state is for ${st.mountpoint}, this daemon serves ${this.mountpoint}`);
      session = FuseSession.adopt({ fd: received.fd, mountpoint: this.mountpoint, connectionId: st.connectionId, negotiated: st.negotiated as never, flavour: st.flavour ?? 'rafs' });
      this.flavour = st.flavour ?? 'rafs';
      const policy = o.failoverPolicy ?? 'resend';
      const fo = session.failover(policy);
      if (fo.ok) this.log.info(`failover policy ${policy}: ${fo.detail}`);
      else this.log.warn(`failover policy ${policy} failed: ${fo.detail}`);
      session.restoreVfs(st.vfs as never);
      this.fs.restoreMounts(session, st.mounts);
    } catch (err) {
      if (session) await session.release();
      else closeFd(received.fd);
      if (err instanceof ApiFailure) throw err;
      throw failures.upgradeManager((err as Error).message);
    }
    this.session = session;
    session.onClosed((reason: string) => {
      this.log.info(`FUSE connection closed (${reason}); shutting down`);
      void this.shutdown('connection closed');
    });
    this.log.info(`took over the FUSE connection at ${this.mountpoint} (${this.fs.mountCommands().length} mounts)`);
  }

  /** Runs a state-machine action (daemon.md §3.2). */
  protected async act(action: DaemonAction): Promise<void> {
    const s = this.session;
    switch (action) {
      case 'None':
      case 'StopMachine':
        return;
      case 'StartService':
        if (!s) throw failures.notReady();
        s.start(this.options.fuseThreads);
        return;
      case 'TerminateService':
        await s?.stop();
        return;
      case 'Umount':
        await s?.unmount();
        await s?.stop();
        return;
      case 'Restore':
        await this.restore();
        return;
    }
  }

  /** After the API and the machine stopped (FUSE unmounted unless exit was requested): no worker and no image is left. */
  protected async releaseService(): Promise<void> {
    // A lost connection leaves workers that noticed it; make sure none is left.
    try {
      await this.session?.stop();
    } catch {
      // already stopped
    }
    this.fs.closeAll();
  }

  // ---- DaemonApiHandler (the rest is FsDaemon's) -------------------------------------------

  async sendfd(): Promise<void> {
    const supervisor = this.options.supervisor;
    if (!supervisor) throw failures.upgradeManager('no supervisor configured (--supervisor and --id)');
    const session = this.session;
    if (!session?.initialized()) throw failures.notReady();
    const { encodeState } = await import('../upgrade/state-codec.js');
    const state = encodeState(this.takeoverState(session));
    try {
      await sendStateFd(supervisor, state, session.fd);
    } catch (err) {
      throw failures.upgradeManager(`cannot send the state to the supervisor at ${supervisor}: ${(err as Error).message}`);
    }
    this.log.info(`state (${state.length} bytes) and /dev/fuse fd sent to the supervisor at ${supervisor}`);
  }
}
