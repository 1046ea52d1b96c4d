// Upgrade layer: failover supervision of a FUSE daemon (spec daemon.md §5.7 "Failover"), what
// nydus-snapshotter does with recover_policy = "failover": keep the latest state + /dev/fuse
// fd (sendfd once RUNNING and after every mount change), watch the daemon (an idle
// connection to its API socket, plus its pid), and when it dies without unmounting, start it
// again with the same command line (it detects the crash and parks in INIT), hand it the
// state (takeover) and start it. A hot upgrade (`nydus upgrade`) is followed, not recovered.
// A standby (a warm spare) of the daemon's command line waits with its code loaded
// (src/cli/standby.ts), so a recovery skips node's start and the module loading.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { ApiClient } from '../daemon/api/client.js';
import { NydusError } from '../errors.js';
import { closeFd } from '../native/supervisor.js';
import {
  collectState,
  fuseMountInfo,
  logTail,
  pidAlive,
  restartArgv,
  restoreState,
  sleep,
  spawnDaemon,
  upgradeLockOwner,
  waitDaemonState,
  waitPidGone,
  type StepLog,
} from './daemon-process.js';
import { readRecord, updateRecord, type DaemonRecord } from './records.js';
import { STANDBY_GO } from './standby-protocol.js';
import { describeState } from './state-codec.js';

export interface FailoverOptions {
  record: DaemonRecord;
  stateDir: string;
  log: StepLog;
  /** Ends supervision (the daemon keeps running). */
  signal?: AbortSignal;
  /** Liveness poll period (default 100 ms); the record is re-read every 5 polls. */
  pollMs?: number;
  /**
   * Recovery attempts per crash before giving up (default: unlimited, with a back-off up to
   * 10 s). While this process holds the fd the mount stays and requests wait; once it gives
   * up and exits the kernel aborts the connection.
   */
  attempts?: number;
  /** How long a restarted daemon may take to answer in INIT (default 10 s). */
  startTimeoutMs?: number;
  /**
   * Keep a standby of the daemon's command line (default true): started once the daemon runs,
   * it waits with its code loaded and is what a recovery starts. Only for daemons run by this
   * package's bin/run.js; another binary is started afresh on a recovery.
   */
  standby?: boolean;
}

interface Standby {
  child: ChildProcess;
  pid: number;
  go: Writable;
  /** The command line it was started with (a recovery uses it only if it still matches). */
  key: string;
  exited: boolean;
}

/** How long after a standby exited on its own another is started (one that keeps failing is not restarted in a loop). */
const STANDBY_RESPAWN_MS = 5000;

export interface Recovery {
  oldPid: number;
  newPid: number;
  /** Death noticed → successor RUNNING. */
  ms: number;
  at: string;
}

export interface FailoverResult {
  reason: 'signal' | 'daemon-exited';
  detail: string;
  recoveries: Recovery[];
}

interface Target {
  pid: number;
  apiSock: string;
}

/** Supervises a daemon until `signal` aborts or the daemon shuts down normally (unmounts). */
export async function superviseFailover(opts: FailoverOptions): Promise<FailoverResult> {
  const sup = new FailoverSupervisor(opts);
  return sup.run();
}

class FailoverSupervisor {
  private readonly log: StepLog;
  private readonly id: string;
  private readonly stateDir: string;
  private readonly pollMs: number;
  private record: DaemonRecord;
  private target: Target;
  private state: Buffer | null = null;
  private fd = -1;
  private savedMounts = '';
  private liveness: Socket | null = null;
  private dead = false;
  private wake: (() => void) | null = null;
  private readonly recoveries: Recovery[] = [];
  private children = new Map<number, boolean>(); // pid -> exited
  private standby: Standby | null = null;
  /** When a standby last exited on its own (it is not restarted in a loop). */
  private standbyFailedAt = 0;
  private readonly since = new Date().toISOString();

  constructor(private readonly opts: FailoverOptions) {
    this.log = opts.log;
    this.record = opts.record;
    this.id = opts.record.id;
    this.stateDir = opts.stateDir;
    this.pollMs = opts.pollMs ?? 100;
    if (!opts.record.apiSock) throw new NydusError('EINVAL', `daemon ${this.id} has no API socket (--apisock); it cannot be supervised`, 1);
    if (opts.record.kind === 'virtiofs') throw new NydusError('ENOTSUP', `daemon ${this.id} serves a VM over virtio-fs: failover is unsupported in that mode (daemon.md §7)`, 1);
    this.target = { pid: opts.record.pid, apiSock: opts.record.apiSock };
  }

  private get aborted(): boolean {
    return this.opts.signal?.aborted ?? false;
  }

  private notify(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private alive(pid: number): boolean {
    return this.children.get(pid) !== true && pidAlive(pid);
  }

  async run(): Promise<FailoverResult> {
    const onAbort = () => this.notify();
    this.opts.signal?.addEventListener('abort', onAbort);
    try {
      if (!this.alive(this.target.pid)) throw new NydusError('ESRCH', `daemon ${this.id} (pid ${this.target.pid}) is not running; nothing to supervise`, 1);
      await this.attach();
      await updateRecord(this.stateDir, this.id, { failover: { supervisorPid: process.pid, since: this.since, recoveries: 0 } }).catch(() => undefined);
      let polls = 0;
      while (!this.aborted) {
        if (this.dead || !this.alive(this.target.pid)) {
          const verdict = await this.classify();
          if (verdict.kind === 'normal') return this.finish('daemon-exited', verdict.detail);
          if (verdict.kind === 'follow') {
            this.log.info(`daemon ${this.id} was replaced by pid ${verdict.target.pid} (${verdict.target.apiSock}); following it`);
            this.target = verdict.target;
            await this.attach();
          } else {
            await this.recoverWithRetries();
          }
          continue;
        }
        if (++polls % 5 === 0) await this.checkMounts();
        this.ensureStandby();
        await new Promise<void>((r) => {
          this.wake = r;
          setTimeout(() => this.notify(), this.pollMs);
        });
      }
      return this.finish('signal', 'supervision stopped by signal; the daemon keeps running');
    } finally {
      this.opts.signal?.removeEventListener('abort', onAbort);
      this.detach();
      this.dropStandby();
      if (this.fd >= 0) closeFd(this.fd);
      this.fd = -1;
    }
  }

  private async finish(reason: FailoverResult['reason'], detail: string): Promise<FailoverResult> {
    this.log.info(detail);
    await updateRecord(this.stateDir, this.id, (r) => (r.failover?.supervisorPid === process.pid ? { failover: undefined } : {})).catch(() => undefined);
    return { reason, detail, recoveries: this.recoveries };
  }

  /** Waits for RUNNING, saves state + fd, and opens the idle liveness connection. */
  private async attach(): Promise<void> {
    const { pid, apiSock } = this.target;
    await waitDaemonState(apiSock, ['RUNNING'], 10_000, () => this.alive(pid), `daemon ${this.id} (pid ${pid})`);
    this.dead = false;
    this.watch();
    await this.save();
  }

  /** One idle connection to the API socket: close or error = the daemon is gone (api.md: never closed while idle). */
  private watch(): void {
    this.detach();
    const s = connect(this.target.apiSock);
    const pid = this.target.pid;
    const gone = () => {
      if (this.liveness === s && this.target.pid === pid) {
        this.dead = true;
        this.notify();
      }
    };
    s.on('close', gone);
    s.on('error', gone);
    s.on('data', () => undefined);
    this.liveness = s;
  }

  private detach(): void {
    const s = this.liveness;
    this.liveness = null;
    s?.destroy();
  }

  /** sendfd: replace the held state + fd. */
  private async save(): Promise<void> {
    if (upgradeLockOwner(this.stateDir, this.id) !== undefined) return; // `nydus upgrade` owns the supervisor socket now
    const t = performance.now();
    const rec = await readRecord(this.stateDir, this.id).catch(() => this.record);
    const got = await collectState(rec.supervisor, this.target.apiSock);
    let summary: string;
    try {
      summary = describeState(rec.kind, got.state).detail;
    } catch (err) {
      closeFd(got.fd);
      throw err;
    }
    if (this.fd >= 0) closeFd(this.fd);
    this.state = got.state;
    this.fd = got.fd;
    this.record = rec;
    this.savedMounts = JSON.stringify(rec.mounts);
    this.log.info(`saved the state of daemon ${this.id} (pid ${this.target.pid}, ${got.state.length} bytes, ${summary}) in ${Math.round(performance.now() - t)} ms`);
  }

  /** Re-saves when the record's mounts changed (the daemon rewrites its record on every mount/umount). */
  private async checkMounts(): Promise<void> {
    let rec: DaemonRecord;
    try {
      rec = await readRecord(this.stateDir, this.id);
    } catch {
      return;
    }
    if (rec.pid !== this.target.pid || JSON.stringify(rec.mounts) === this.savedMounts) return;
    if (rec.state !== 'RUNNING') return;
    try {
      await this.save();
    } catch (err) {
      if (this.alive(this.target.pid)) this.log.warn(`cannot refresh the state of daemon ${this.id} after a mount change: ${(err as Error).message}`);
    }
  }

  /** Why the watched daemon is gone: replaced by an upgrade, shut down normally, or crashed. */
  private async classify(): Promise<{ kind: 'follow'; target: Target } | { kind: 'normal'; detail: string } | { kind: 'crash' }> {
    const dead = this.target.pid;
    // A hot upgrade in progress: wait for it to finish, then follow its successor.
    const deadline = Date.now() + 60_000;
    while (upgradeLockOwner(this.stateDir, this.id) !== undefined && Date.now() < deadline) await sleep(50);
    let rec: DaemonRecord;
    try {
      rec = await readRecord(this.stateDir, this.id);
    } catch {
      rec = this.record;
    }
    if (rec.pid !== dead && rec.apiSock && this.alive(rec.pid)) return { kind: 'follow', target: { pid: rec.pid, apiSock: rec.apiSock } };
    // The API connection may close slightly before the process is gone.
    await waitPidGone(dead, 2000);
    if (this.alive(dead)) {
      this.log.warn(`daemon ${this.id}: the API connection closed but pid ${dead} is still alive; watching again`);
      this.watch();
      this.dead = false;
      return { kind: 'follow', target: this.target };
    }
    if (rec.kind === 'blobcache') {
      // No mount to look at: a blob cache daemon that stopped on request marked its record.
      if (rec.pid === dead && rec.state === 'STOPPED') return { kind: 'normal', detail: `daemon ${this.id} (pid ${dead}) stopped on request (record state STOPPED); supervision ends` };
      return { kind: 'crash' };
    }
    if (!fuseMountInfo(rec.mountpoint)) return { kind: 'normal', detail: `daemon ${this.id} (pid ${dead}) shut down and unmounted ${rec.mountpoint}; supervision ends` };
    if (rec.pid === dead && rec.state === 'STOPPED') return { kind: 'normal', detail: `daemon ${this.id} (pid ${dead}) stopped on request (record state STOPPED), leaving ${rec.mountpoint} mounted; supervision ends` };
    return { kind: 'crash' };
  }

  private async recoverWithRetries(): Promise<void> {
    const attempts = this.opts.attempts ?? Infinity;
    const t0 = performance.now();
    const oldPid = this.target.pid;
    this.detach();
    this.log.warn(`daemon ${this.id} (pid ${oldPid}) died with ${this.record.mountpoint} still mounted: recovering`);
    let lastErr: unknown;
    for (let i = 1; i <= attempts; i++) {
      if (this.aborted) {
        this.log.warn(`supervision stopped while daemon ${this.id} is down: ${this.record.mountpoint} will stop working when this process exits`);
        return;
      }
      try {
        const newPid = await this.recover();
        const ms = Math.round((performance.now() - t0) * 10) / 10;
        const rec: Recovery = { oldPid, newPid, ms, at: new Date().toISOString() };
        this.recoveries.push(rec);
        this.log.info(`recovered daemon ${this.id}: pid ${oldPid} → ${newPid} in ${ms} ms (recovery ${this.recoveries.length})`);
        await updateRecord(this.stateDir, this.id, {
          pid: newPid,
          state: 'RUNNING',
          failover: { supervisorPid: process.pid, since: this.since, recoveries: this.recoveries.length, lastRecoveryMs: ms },
        }).catch((err: Error) => this.log.warn(`cannot update the record: ${err.message}`));
        this.record = await readRecord(this.stateDir, this.id).catch(() => this.record);
        return;
      } catch (err) {
        lastErr = err;
        this.log.warn(`recovery attempt ${i}${Number.isFinite(attempts) ? `/${attempts}` : ''} of daemon ${this.id} failed: ${(err as Error).message}`);
        const end = Date.now() + Math.min(10_000, 250 * 2 ** (i - 1));
        while (Date.now() < end && !this.aborted) await sleep(50);
      }
    }
    throw new NydusError('EFAILOVER', `cannot recover daemon ${this.id} after ${attempts} attempts: ${(lastErr as Error).message}`, 1);
  }

  private logFile(): string {
    return join(this.stateDir, `${this.id}.log`);
  }

  /** The command line a recovery starts: the recorded one, minus --upgrade (same --apisock). */
  private restartCommand(): string[] {
    // A FUSE daemon finds its live mount and an fscache daemon its busy /dev/cachefiles (with a
    // dead API socket) and park in INIT by themselves (daemon.md §5.3); a blob cache daemon
    // without fscache has nothing to detect and is told to.
    const told = this.record.kind === 'blobcache' && !this.record.argv.includes('--fscache');
    return told ? [...restartArgv(this.record.argv), '--upgrade'] : restartArgv(this.record.argv);
  }

  /** Starts `argv` detached (as a standby or not), tracking its exit. */
  private startChild(argv: string[], standby: boolean): ChildProcess & { pid: number } {
    const child = spawnDaemon(argv, this.logFile(), { ...process.env, NYDUS_STATE_DIR: this.stateDir }, this.record.cwd, standby);
    if (child.pid === undefined) throw new NydusError('EFAILOVER', `cannot start ${argv[0]}`, 1);
    const pid = child.pid;
    this.children.set(pid, false);
    child.once('exit', () => {
      this.children.set(pid, true);
      if (this.standby?.pid === pid) {
        this.standby.exited = true;
        this.standbyFailedAt = Date.now();
        this.log.warn(`the standby of daemon ${this.id} (pid ${pid}) exited; another is started later`);
        this.standby = null;
      }
      if (this.target.pid === pid) {
        this.dead = true;
        this.notify();
      }
    });
    return child as ChildProcess & { pid: number };
  }

  /** Whether `argv` runs this package's bin/run.js, the entry that knows the standby protocol. */
  private static standbyCapable(argv: readonly string[]): boolean {
    const script = argv[1];
    return argv.length > 2 && typeof script === 'string' && basename(script) === 'run.js' && existsSync(join(dirname(script), '../dist/src/cli/standby.js'));
  }

  /** Starts a standby when supervision wants one and none matches the current command line. */
  private ensureStandby(): void {
    if (this.opts.standby === false || this.dead || this.aborted || !this.state) return;
    if (upgradeLockOwner(this.stateDir, this.id) !== undefined) return; // the command line is about to change
    const argv = this.restartCommand();
    const key = JSON.stringify([argv, this.record.cwd ?? null]);
    if (this.standby?.key === key) return;
    this.dropStandby();
    if (!FailoverSupervisor.standbyCapable(argv) || Date.now() - this.standbyFailedAt < STANDBY_RESPAWN_MS) return;
    try {
      const child = this.startChild(argv, true);
      const go = child.stdio[3] as Writable;
      go.on('error', () => undefined); // a standby that died: its exit event tells
      (go as Writable & { unref?: () => void }).unref?.();
      this.standby = { child, pid: child.pid, go, key, exited: false };
      this.log.info(`started a standby of daemon ${this.id} (pid ${child.pid})`);
    } catch (err) {
      this.log.warn(`cannot start a standby of daemon ${this.id}: ${(err as Error).message}`);
    }
  }

  /** Ends the standby: closing its pipe makes it leave (exit 0). */
  private dropStandby(): void {
    const sb = this.standby;
    this.standby = null;
    if (!sb) return;
    sb.go.destroy();
  }

  /** Tells the standby to start, if it runs `argv`; answers its pid, or undefined (none fits). */
  private releaseStandby(argv: string[]): number | undefined {
    const sb = this.standby;
    if (!sb || sb.exited || !this.alive(sb.pid) || sb.key !== JSON.stringify([argv, this.record.cwd ?? null])) {
      this.dropStandby();
      return undefined;
    }
    this.standby = null;
    sb.go.end(Buffer.from([STANDBY_GO]));
    this.log.info(`daemon ${this.id}: its standby (pid ${sb.pid}) takes over`);
    return sb.pid;
  }

  /** One recovery: same command line, wait INIT, takeover, start. Returns the new pid. */
  private async recover(): Promise<number> {
    if (!this.state || this.fd < 0) throw new NydusError('EFAILOVER', 'no saved state to restore', 1);
    const apiSock = this.target.apiSock;
    // A FUSE daemon finds its live mount and an fscache daemon its busy /dev/cachefiles (with a
    // dead API socket) and park in INIT by themselves (daemon.md §5.3); a blob cache daemon
    // without fscache has nothing to detect and is told to.
    const argv = this.restartCommand();
    const logFile = this.logFile();
    const pid = this.releaseStandby(argv) ?? this.startChild(argv, false).pid;
    const alive = () => {
      if (this.aborted) throw new NydusError('ECANCELED', 'supervision stopped by signal', 1);
      return this.alive(pid);
    };
    try {
      const t = performance.now();
      await waitDaemonState(apiSock, ['INIT'], this.opts.startTimeoutMs ?? 10_000, alive, `the restarted daemon (pid ${pid})`);
      const initMs = performance.now() - t;
      if (initMs > 2000) this.log.warn(`the restarted daemon took ${Math.round(initMs)} ms to answer in INIT (nydus-snapshotter waits ~2 s)`);
      await restoreState(this.record.supervisor, apiSock, this.state, this.fd);
      await new ApiClient(apiSock).start();
      await waitDaemonState(apiSock, ['RUNNING'], 2000, alive, `the restarted daemon (pid ${pid})`);
    } catch (err) {
      if (this.alive(pid)) {
        try {
          process.kill(pid, 'SIGKILL'); // never SIGTERM: a graceful stop would unmount
        } catch {
          // gone
        }
        await waitPidGone(pid, 5000);
      }
      const tail = logTail(logFile, 8);
      throw new NydusError('EFAILOVER', `${(err as Error).message}${tail ? `\n${tail}` : ''}`, 1);
    }
    this.target = { pid, apiSock };
    this.dead = false;
    this.watch();
    return pid;
  }
}
