// DaemonBase: what every daemon kind shares (spec daemon.md §1.12, §3): the state machine and
// its reported state, SIGTERM/SIGINT handling from before start-up until the daemon has fully
// stopped, the run loop's promise, the daemon record written for `nydus upgrade|failover`, and
// the API handlers that do not depend on what the daemon serves (log level, events, runtime
// config, start, exit, takeover). FUSE (DaemonController) and blob cache (BlobCacheController)
// daemons extend it.
import { connect } from 'node:net';
import { resolve } from 'node:path';
import type { DaemonRecord } from '../../generated/types.js';
import { readRecord, resolveStateDir, writeRecord } from '../upgrade/records.js';
import { failures } from './api/errors.js';
import type { ApiServer } from './api/server.js';
import { EventRing } from './events.js';
import { isLogLevel, type Logger } from './log.js';
import { RuntimeConfig } from './runtime-config.js';
import { StateMachine, type DaemonAction, type ReportedState } from './state-machine.js';

/** The options every daemon kind has (schema/daemon/*.schema.json). */
export interface BaseDaemonOptions {
  id?: string;
  supervisor?: string;
  stateDir?: string;
  apiSock?: string;
}

/**
 * The command line that starts a daemon again (daemon records; `nydus upgrade|failover` run it):
 * node, bin/run.js, the subcommand and its flags, with the paths of `pathKeys` made absolute
 * (successors start from another cwd).
 */
export function restartCommand<T extends object>(subcommand: string, options: T, pathKeys: readonly (keyof T & string)[], toArgs: (o: T) => string[]): string[] {
  const copy = { ...options } as Record<string, unknown>;
  for (const key of pathKeys) {
    const v = copy[key];
    if (typeof v === 'string') copy[key] = resolve(v);
  }
  const script = new URL('../../../bin/run.js', import.meta.url).pathname;
  return [process.execPath, script, subcommand, ...toArgs(copy as T)];
}

/** Whether something accepts connections on a Unix socket (crash detection: a residual socket nobody serves). */
export function socketAlive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface BaseHooks {
  /** Called after PUT /api/v1/daemon/exit was answered (default: shut the daemon down). */
  onExitRequest?: () => void;
}

export abstract class DaemonBase {
  readonly eventRing = new EventRing();
  readonly runtime = new RuntimeConfig();
  readonly machine: StateMachine;
  protected readonly startedAt = new Date().toISOString();
  /** The API server, once it serves. */
  protected api: ApiServer | null = null;
  private shuttingDown: Promise<void> | null = null;
  private finished!: () => void;
  private readonly done = new Promise<void>((r) => (this.finished = r));
  private booted = false;
  private signalledDuringBoot = false;
  /**
   * SIGTERM/SIGINT: installed before anything is set up and kept until the daemon has fully
   * stopped (removed a turn of the event loop after wait() resolves, when the CLI has already
   * exited): a signal that finds no listener takes the default action and kills the process
   * with 143, e.g. one that arrives while a shutdown writes the record.
   */
  private readonly signalHandler = () => {
    if (this.booted) void this.shutdown('signal');
    else this.signalledDuringBoot = true;
  };

  protected constructor(
    private readonly base: BaseDaemonOptions,
    readonly log: Logger,
    private readonly baseHooks: BaseHooks,
  ) {
    this.machine = new StateMachine((action) => this.act(action));
  }

  /** Runs a state-machine action (daemon.md §3.2). */
  protected abstract act(action: DaemonAction): Promise<void>;
  /** What shutdown releases of the daemon kind, after the API and the machine stopped. */
  protected abstract releaseService(): Promise<void>;
  /** The record's members that depend on the daemon kind. */
  protected abstract recordDetails(): Pick<DaemonRecord, 'kind' | 'argv' | 'mountpoint' | 'mounts'>;

  /**
   * Boots `daemon` with the signal handlers in place; on failure runs `cleanup` and removes
   * them. A signal that arrived during start-up shuts the daemon down once it is up.
   */
  protected static async launch<T extends DaemonBase>(daemon: T, boot: () => Promise<void>, cleanup: () => Promise<void> | void): Promise<T> {
    process.on('SIGINT', daemon.signalHandler);
    process.on('SIGTERM', daemon.signalHandler);
    try {
      await boot();
    } catch (err) {
      await cleanup();
      daemon.releaseSignals();
      throw err;
    }
    daemon.booted = true;
    if (daemon.signalledDuringBoot) {
      daemon.log.info('a stop signal arrived during start-up');
      void daemon.shutdown('signal');
    }
    return daemon;
  }

  /** Reported state. */
  get state(): ReportedState {
    return this.machine.reported;
  }

  /** Resolves once the daemon has shut down (the run loop). */
  wait(): Promise<void> {
    return this.done;
  }

  /**
   * Graceful shutdown (signal, lost connection, exit request); idempotent: the API closes, the
   * machine's stop trigger runs, the kind releases its service, the record is marked STOPPED,
   * the run loop ends (the signal handlers go a turn later).
   */
  shutdown(reason = 'requested'): Promise<void> {
    this.shuttingDown ??= (async () => {
      this.log.info(`shutting down (${reason})`);
      try {
        await this.api?.close();
      } catch (err) {
        this.log.warn(`closing the API server: ${(err as Error).message}`);
      }
      try {
        await this.machine.trigger('stop');
      } catch (err) {
        this.log.warn(`stopping: ${(err as Error).message}`);
      }
      await this.releaseService();
      this.log.info('daemon stopped');
      await this.markRecordStopped();
      this.finished();
      setImmediate(() => this.releaseSignals());
    })();
    return this.shuttingDown;
  }

  protected releaseSignals(): void {
    process.off('SIGINT', this.signalHandler);
    process.off('SIGTERM', this.signalHandler);
  }

  /**
   * Writes this daemon's record (`<state dir>/<id>.json`, atomically) when it runs under a
   * supervisor: what `nydus upgrade` and `nydus failover` act on. Failures are logged.
   */
  protected async saveRecord(): Promise<void> {
    const o = this.base;
    if (!o.id || !o.supervisor) return;
    const dir = resolveStateDir(o.stateDir);
    try {
      await writeRecord(dir, {
        id: o.id,
        ...this.recordDetails(),
        pid: process.pid,
        apiSock: o.apiSock ? resolve(o.apiSock) : null,
        supervisor: resolve(o.supervisor),
        cwd: process.cwd(),
        state: this.state,
        startedAt: this.startedAt,
        updatedAt: new Date().toISOString(),
      });
    } catch (err) {
      this.log.warn(`cannot write the daemon record in ${dir}: ${(err as Error).message}`);
    }
  }

  /** Marks the record STOPPED, unless a successor already owns it (hot upgrade). */
  private async markRecordStopped(): Promise<void> {
    const o = this.base;
    if (!o.id || !o.supervisor) return;
    const dir = resolveStateDir(o.stateDir);
    try {
      const rec = await readRecord(dir, o.id);
      if (rec && rec.pid === process.pid) await writeRecord(dir, { ...rec, state: 'STOPPED', updatedAt: new Date().toISOString() });
    } catch (err) {
      this.log.warn(`cannot update the daemon record in ${dir}: ${(err as Error).message}`);
    }
  }

  // ---- DaemonApiHandler: the kind-independent part ----------------------------------------

  setLogLevel(level: string): void {
    const l = level.toLowerCase();
    if (!isLogLevel(l)) throw failures.payloadType();
    this.log.setLevel(l);
  }

  events() {
    return this.eventRing.body();
  }

  getConfig(id?: string) {
    return this.runtime.get(id);
  }

  putConfig(id: string, values: Record<string, string>): void {
    this.runtime.put(id, values);
  }

  async start(): Promise<void> {
    await this.machine.send('Start');
    await this.saveRecord();
  }

  exit(): Promise<void> {
    return this.machine.trigger('exit');
  }

  afterExit(): void {
    if (this.baseHooks.onExitRequest) this.baseHooks.onExitRequest();
    else void this.shutdown('exit requested');
  }

  async takeover(): Promise<void> {
    await this.machine.send('Takeover');
    await this.saveRecord();
  }
}
