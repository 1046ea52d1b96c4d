// Upgrade layer: hot upgrade of a FUSE daemon (spec daemon.md §5.7), the sequence
// nydus-snapshotter runs: save state + /dev/fuse fd from the old daemon, start the successor
// with --upgrade and a new API socket, hand it the state (takeover), stop the old daemon,
// start the successor. The kernel mount is never touched; requests issued while no daemon
// serves wait in the kernel queue (the "gap").
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../daemon/api/client.js';
import { NydusError } from '../errors.js';
import { closeFd } from '../native/supervisor.js';
import {
  collectState,
  daemonState,
  logTail,
  nextApiSock,
  pidAlive,
  restoreState,
  spawnDaemon,
  successorArgv,
  takeUpgradeLock,
  waitDaemonState,
  waitPidGone,
  type StepLog,
} from './daemon-process.js';
import { readRecord, writeRecord, updateRecord, type DaemonRecord } from './records.js';
import { describeState } from './state-codec.js';

export interface UpgradeOptions {
  /** The record of the daemon to replace. */
  record: DaemonRecord;
  /** State directory holding the record (the successor is told through NYDUS_STATE_DIR). */
  stateDir: string;
  /** Another entry point for the successor (a .js file runs under this node, else executed directly). */
  binary?: string;
  log: StepLog;
  /** How long to wait for the successor's API socket and INIT (default 10 s). */
  startTimeoutMs?: number;
}

export interface UpgradeStep {
  step: string;
  ms: number;
  detail?: string;
}

export interface UpgradeReport {
  id: string;
  oldPid: number;
  newPid: number;
  oldApiSock: string;
  newApiSock: string;
  argv: string[];
  stateBytes: number;
  mounts: number;
  steps: UpgradeStep[];
  /** From the exit request to the old daemon until the successor answered `start`: nobody served the mount. */
  gapMs: number;
  totalMs: number;
}

/** Runs a hot upgrade; resolves once the successor is RUNNING. On failure the old daemon keeps serving whenever possible. */
export async function runUpgrade(opts: UpgradeOptions): Promise<UpgradeReport> {
  const { record, stateDir, log } = opts;
  if (record.kind === 'virtiofs') throw new NydusError('ENOTSUP', `daemon ${record.id} serves a VM over virtio-fs: hot upgrade is unsupported in that mode (daemon.md §7)`, 1);
  const startTimeout = opts.startTimeoutMs ?? 10_000;
  const t0 = performance.now();
  const steps: UpgradeStep[] = [];
  let mark = t0;
  const step = (name: string, detail?: string) => {
    const now = performance.now();
    const s: UpgradeStep = { step: name, ms: Math.round((now - mark) * 10) / 10, detail };
    mark = now;
    steps.push(s);
    log.info(`${steps.length}. ${name}${detail ? ` (${detail})` : ''}: ${s.ms} ms`);
  };

  const oldSock = record.apiSock;
  if (!oldSock) throw new NydusError('EINVAL', `daemon ${record.id} has no API socket (--apisock); it cannot be upgraded`, 1);
  if (!pidAlive(record.pid)) throw new NydusError('ESRCH', `daemon ${record.id} (pid ${record.pid}) is not running`, 1);
  const oldState = await daemonState(oldSock);
  if (oldState !== 'RUNNING') {
    throw new NydusError('EDAEMON', `daemon ${record.id} (pid ${record.pid}) is ${oldState ?? `not answering on ${oldSock}`}, not RUNNING; refusing to upgrade`, 1);
  }
  const release = takeUpgradeLock(stateDir, record.id);
  const logFile = join(stateDir, `${record.id}.log`);
  let fd = -1;
  let child: ReturnType<typeof spawnDaemon> | undefined;
  let newSock = '';
  let oldStopped = false;
  try {
    // 1. Save the old daemon's state and fd.
    const saved = await collectState(record.supervisor, oldSock).catch((err: Error) => {
      throw new NydusError('EUPGRADE', `cannot save the state of daemon ${record.id} (sendfd): ${err.message}`, 1);
    });
    fd = saved.fd;
    const decoded = describeState(record.kind, saved.state);
    step(`saved state${record.kind === 'blobcache' ? '' : ' and /dev/fuse fd'} from the old daemon`, `pid ${record.pid}, ${saved.state.length} bytes, ${decoded.detail}`);

    // 2. Start the successor.
    newSock = nextApiSock(oldSock);
    const argv = successorArgv(record.argv, newSock, opts.binary);
    child = spawnDaemon(argv, logFile, { ...process.env, NYDUS_STATE_DIR: stateDir }, record.cwd);
    const spawned = child;
    let exited = false;
    let how = '';
    spawned.once('exit', (code, signal) => {
      exited = true;
      how = signal ? `killed by ${signal}` : `exit status ${code}`;
    });
    spawned.once('error', (err) => {
      exited = true;
      how = err.message;
    });
    // A successor that died says how (and where its log is), not only that it is gone.
    const explain = (err: unknown): never => {
      if (err instanceof NydusError && exited) throw new NydusError(err.code, `${err.message} (${how}; its log: ${logFile})`, err.exitCode);
      throw err;
    };
    if (spawned.pid === undefined) throw new NydusError('EUPGRADE', `cannot start ${argv[0]}`, 1);
    const newPid = spawned.pid;
    const alive = () => !exited && pidAlive(newPid);
    step('started the successor', `pid ${newPid}, API ${newSock}`);

    // 3. Wait for INIT.
    await waitDaemonState(newSock, ['INIT'], startTimeout, alive, `the successor (pid ${newPid})`).catch(explain);
    step('successor parked in INIT');

    // 4. Takeover: hand over state + fd.
    await restoreState(record.supervisor, newSock, saved.state, fd).catch((err: Error) => {
      throw new NydusError('EUPGRADE', `takeover by the successor failed: ${err.message}`, 1);
    });
    step('successor took over the state (takeover)');

    // 5. READY.
    await waitDaemonState(newSock, ['READY'], 2000, alive, `the successor (pid ${newPid})`).catch(explain);
    step('successor READY');

    // 6. Stop the old daemon (the mount stays; requests queue in the kernel from now on).
    const gapStart = performance.now();
    await new ApiClient(oldSock).exit().catch((err: Error) => {
      throw new NydusError('EUPGRADE', `cannot stop the old daemon (exit): ${err.message}`, 1);
    });
    oldStopped = true;
    if (!(await waitPidGone(record.pid, 10_000))) {
      log.warn(`old daemon pid ${record.pid} did not exit within 10 s of the exit request; killing it`);
      try {
        process.kill(record.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      await waitPidGone(record.pid, 5000);
    }
    step('old daemon exited', `pid ${record.pid}`);

    // 7. Start the successor's workers.
    await new ApiClient(newSock).start();
    const gapMs = Math.round((performance.now() - gapStart) * 10) / 10;
    await waitDaemonState(newSock, ['RUNNING'], 2000, alive, `the successor (pid ${newPid})`);
    step('successor RUNNING (start)', `gap ${gapMs} ms`);

    // 8. Record the successor.
    const fresh = await readRecord(stateDir, record.id).catch(() => record);
    await writeRecord(stateDir, {
      ...fresh,
      pid: newPid,
      apiSock: newSock,
      argv: argv.filter((a) => a !== '--upgrade'),
      state: 'RUNNING',
      startedAt: fresh.pid === newPid ? fresh.startedAt : new Date().toISOString(),
      upgrades: (record.upgrades ?? 0) + 1,
    });
    step('record updated');
    child = undefined; // success: the successor stays
    return {
      id: record.id,
      oldPid: record.pid,
      newPid,
      oldApiSock: oldSock,
      newApiSock: newSock,
      argv: argv.filter((a) => a !== '--upgrade'),
      stateBytes: saved.state.length,
      mounts: decoded.count,
      steps,
      gapMs,
      totalMs: Math.round((performance.now() - t0) * 10) / 10,
    };
  } catch (err) {
    const tail = logTail(logFile);
    if (child?.pid !== undefined && !oldStopped) {
      // Roll back: the old daemon still serves. SIGKILL (not SIGTERM): a graceful stop of a
      // successor holding the fd would unmount the live filesystem.
      log.warn(`rolling back: killing the successor (pid ${child.pid}); the old daemon (pid ${record.pid}) keeps serving`);
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await waitPidGone(child.pid, 5000);
      if (newSock) rmSync(newSock, { force: true });
      await writeRecord(stateDir, record).catch((e: Error) => log.warn(`cannot restore the record: ${e.message}`));
    } else if (oldStopped) {
      log.warn(`the old daemon was stopped; the successor (pid ${child?.pid}) is the only candidate: check ${newSock}`);
      if (child?.pid !== undefined) {
        await updateRecord(stateDir, record.id, { pid: child.pid, apiSock: newSock, state: (await daemonState(newSock)) ?? 'UNKNOWN' }).catch(() => undefined);
      }
    }
    const msg = err instanceof Error ? err.message : String(err);
    throw new NydusError(err instanceof NydusError ? err.code : 'EUPGRADE', `upgrade of daemon ${record.id} failed: ${msg}${tail ? `\nsuccessor log (${logFile}):\n${tail}` : ''}`, 1);
  } finally {
    if (fd >= 0) closeFd(fd);
    release();
  }
}
