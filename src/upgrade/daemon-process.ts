// Upgrade layer: process-level helpers shared by `nydus upgrade` and `nydus failover` —
// daemon command lines, starting a daemon detached, liveness of pids, the API state poll,
// FUSE mount presence, the state + fd transfer over the supervisor socket, and the
// per-daemon upgrade lock that tells a failover supervisor "this exit is an upgrade".
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { ApiClient } from '../daemon/api/client.js';
import { NydusError } from '../errors.js';
import { SupervisorListener } from '../native/supervisor.js';
import { STANDBY_ENV } from './standby-protocol.js';

export { fuseMountInfo } from './mountinfo.js';
export * from './command-line.js';

/** Where progress goes (a Logger or a console-like object fits). */
export interface StepLog {
  info(message: string): void;
  warn(message: string): void;
}

/** How long the supervisor listens for one transfer (nydus-snapshotter's SendStatesTimeout). */
export const TRANSFER_TIMEOUT_MS = 10_000;

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** True while `pid` exists and is not a zombie. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const st = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return st !== 'Z' && st !== 'X';
  } catch {
    return false;
  }
}

/** Polls until `pid` is gone; true if it went within `ms`. */
export async function waitPidGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (pidAlive(pid)) {
    if (Date.now() >= end) return false;
    await sleep(20);
  }
  return true;
}

/**
 * Starts a daemon detached from this process (in `cwd`, the recorded one), output appended to
 * `logFile`. With `standby`, the child gets a pipe as fd 3 and NYDUS_STANDBY_FD=3: it loads
 * its code and waits for the go byte on that pipe (src/cli/standby.ts); the write end is
 * `child.stdio[3]`.
 */
export function spawnDaemon(argv: readonly string[], logFile: string, env: NodeJS.ProcessEnv = process.env, cwd?: string, standby = false): ChildProcess {
  mkdirSync(dirname(logFile), { recursive: true });
  const out = openSync(logFile, 'a', 0o644);
  try {
    const stdio: ('ignore' | 'pipe' | number)[] = standby ? ['ignore', out, out, 'pipe'] : ['ignore', out, out];
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio, env: standby ? { ...env, [STANDBY_ENV]: '3' } : env, cwd });
    child.unref();
    return child;
  } finally {
    closeSync(out);
  }
}

/** The last lines of a log file (for error messages). */
export function logTail(file: string, lines = 15): string {
  try {
    const all = readFileSync(file, 'utf8').trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Reported state over the API, or undefined when the daemon does not answer. */
export async function daemonState(sock: string): Promise<string | undefined> {
  try {
    return (await new ApiClient(sock).info()).state;
  } catch {
    return undefined;
  }
}

/**
 * Polls GET /api/v1/daemon every 10 ms (a refused connect or a GET on a Unix socket costs
 * well under a millisecond) until the state is one of `want`. Fails when the time is up, or
 * as soon as `alive()` says the process is gone.
 */
export async function waitDaemonState(sock: string, want: readonly string[], ms: number, alive?: () => boolean, what = 'the daemon'): Promise<string> {
  const end = Date.now() + ms;
  let last: string | undefined;
  for (;;) {
    last = await daemonState(sock);
    if (last !== undefined && want.includes(last)) return last;
    if (alive && !alive()) throw new NydusError('EDAEMON', `${what} exited while waiting for ${want.join('/')} on ${sock}`, 1);
    if (Date.now() >= end) throw new NydusError('ETIMEDOUT', `${what} did not reach ${want.join('/')} on ${sock} within ${ms} ms (last state: ${last ?? 'no answer'})`, 1);
    await sleep(10);
  }
}

/** Saves a daemon's state: listen on the supervisor socket, PUT sendfd, receive state + fd. */
export async function collectState(supervisor: string, apiSock: string): Promise<{ state: Buffer; fd: number }> {
  const listener = SupervisorListener.listen(supervisor);
  try {
    const receiving = listener.receive(TRANSFER_TIMEOUT_MS);
    receiving.catch(() => undefined);
    await new ApiClient(apiSock).sendfd();
    return await receiving;
  } finally {
    listener.close();
  }
}

/**
 * Restores a parked daemon: listen on the supervisor socket, PUT takeover, hand over the
 * state + a duplicate of `fd` when it connects. The caller keeps `fd`.
 */
export async function restoreState(supervisor: string, apiSock: string, state: Buffer, fd: number): Promise<void> {
  const listener = SupervisorListener.listen(supervisor);
  try {
    const sending = listener.send(state, fd, TRANSFER_TIMEOUT_MS);
    sending.catch(() => undefined);
    await new ApiClient(apiSock).takeover();
    await sending;
  } finally {
    listener.close();
  }
}

/** Path of a daemon's upgrade lock (present while `nydus upgrade` replaces it). */
export function upgradeLockPath(stateDir: string, id: string): string {
  return join(stateDir, `${id}.upgrade.lock`);
}

/** The pid holding the upgrade lock, if a live process does. */
export function upgradeLockOwner(stateDir: string, id: string): number | undefined {
  try {
    const pid = Number(readFileSync(upgradeLockPath(stateDir, id), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the upgrade lock (a stale lock of a dead process is replaced); returns the release function. */
export function takeUpgradeLock(stateDir: string, id: string): () => void {
  const file = upgradeLockPath(stateDir, id);
  mkdirSync(stateDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw new NydusError('EBUSY', `cannot take the upgrade lock ${file}: ${(err as Error).message}`, 1);
      const owner = upgradeLockOwner(stateDir, id);
      if (owner !== undefined) throw new NydusError('EBUSY', `daemon ${id} is being upgraded by process ${owner} (${file})`, 1);
      rmSync(file, { force: true });
    }
  }
}
