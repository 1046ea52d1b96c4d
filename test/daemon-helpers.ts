// Test helpers for the FUSE daemon: start `nydus fuse` as a real process, wait for its mount
// or API state, speak raw HTTP to its API socket, and always clean up (SIGTERM, then a lazy
// unmount of anything left behind).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { execa, type ResultPromise } from 'execa';
import { daemonState, fuseMountInfo, waitPidGone } from '../src/upgrade/daemon-process.js';
import { readRecord } from '../src/upgrade/records.js';
import { cli } from './helpers.js';

export const isRoot = process.getuid?.() === 0;

/** True when `mnt` is a FUSE mount target in this process's mount namespace. */
export function isFuseMounted(mnt: string): boolean {
  return fuseMountInfo(mnt) !== undefined;
}

/** Mount id (first field of /proc/self/mountinfo) of the FUSE mount at `mnt`, or -1. */
export function mountId(mnt: string): number {
  return fuseMountInfo(mnt)?.mountId ?? -1;
}

/** Lazily unmounts every mount below `dir` (a test's work directory), then removes `dir`. */
export async function unmountAndRemove(dir: string): Promise<void> {
  const mounts = readFileSync('/proc/self/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1]).filter((m) => m?.startsWith(dir));
  for (const m of mounts) await execa('umount', ['-l', m], { reject: false });
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Stops a daemon that is not this process's child (an upgrade's successor, a failover's
 * recovery): SIGTERM, SIGKILL after `ms`, and returns only once it is gone, so it cannot keep
 * serving or writing its record while the next test runs. A record's pid may have been reused
 * once its daemon exited: only a process whose command line holds `mountpoint` is signalled.
 */
export async function stopPid(pid: number, mountpoint: string, ms = 15000): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(mountpoint)) return; // not that daemon
      process.kill(pid, signal);
    } catch {
      return; // gone
    }
    if (await waitPidGone(pid, signal === 'SIGTERM' ? ms : 5000)) return;
  }
  throw new Error(`pid ${pid} is still alive after SIGKILL`);
}

/**
 * Waits until a --id daemon's record exists: the daemon serves its API (RUNNING) before it
 * writes the record, and `nydus upgrade|failover <id>` need the record.
 */
export function waitForRecord(stateDir: string, id: string, ms = 15000): Promise<void> {
  return waitFor(async () => (await readRecord(stateDir, id).catch(() => null)) !== null, `the record of ${id} in ${stateDir}`, ms);
}

/** Waits until the daemon behind `sock` reports `state`. */
export function waitForState(sock: string, state: string, ms = 15000): Promise<void> {
  return waitFor(async () => (await daemonState(sock)) === state, `${state} on ${sock}`, ms);
}

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export interface ApiReply {
  status: number;
  body: string;
  json: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request over the daemon's Unix socket. */
export function api(sock: string, method: string, path: string, body?: unknown): Promise<ApiReply> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request({ socketPath: sock, method, path, headers: data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body: text, json, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.setTimeout(30000, () => req.destroy(new Error(`${method} ${path}: no answer in 30 s`)));
    if (data) req.write(data);
    req.end();
  });
}

export interface Daemon {
  proc: ResultPromise;
  mnt: string;
  sock?: string;
  /** SIGTERM and wait for the exit (then unmount anything left). Returns the exit code. */
  stop(): Promise<number | undefined>;
  stderr(): string;
}

/** Starts `nydus fuse ARGS` and waits until it serves (API state RUNNING, or the FUSE mount). */
export async function startDaemon(args: string[], mnt: string, sock?: string, env: Record<string, string> = {}): Promise<Daemon> {
  const proc = execa(process.execPath, [cli, 'fuse', ...args, '--mountpoint', mnt, ...(sock ? ['--apisock', sock] : [])], {
    reject: false,
    env,
    stdin: 'ignore',
    buffer: true,
    all: true,
  });
  let stderr = '';
  proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  let exited = false;
  void proc.then(() => (exited = true));
  const daemon: Daemon = {
    proc,
    mnt,
    sock,
    stderr: () => stderr,
    async stop() {
      if (!exited) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15000);
      const r = await proc;
      clearTimeout(timer);
      if (isFuseMounted(mnt)) await execa('umount', ['-l', mnt], { reject: false });
      return r.exitCode;
    },
  };
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`nydus fuse exited early: ${stderr}`);
      if (sock) {
        if (!existsSync(sock)) return false;
        return (await daemonState(sock)) === 'RUNNING';
      }
      return isFuseMounted(mnt);
    }, `nydus fuse at ${mnt}`);
  } catch (err) {
    await daemon.stop();
    throw err;
  }
  return daemon;
}

export interface ServiceDaemon {
  proc: ResultPromise;
  sock: string;
  /** SIGTERM and wait for the exit. Returns the exit code. */
  stop(): Promise<number | undefined>;
  /** SIGKILL and wait for the exit. */
  kill(): Promise<void>;
  output(): string;
}

/** Starts `nydus <subcommand> ARGS --apisock SOCK` (a daemon without a mount) and waits for `state` (RUNNING). */
export async function startService(subcommand: string, args: string[], sock: string, state = 'RUNNING', env: Record<string, string> = {}): Promise<ServiceDaemon> {
  const proc = execa(process.execPath, [cli, subcommand, ...args, '--apisock', sock], { reject: false, env, stdin: 'ignore', buffer: false });
  let out = '';
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  let exited = false;
  void proc.then(() => (exited = true));
  const stopWith = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (!exited) proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15000);
    const r = await proc;
    clearTimeout(timer);
    return r.exitCode;
  };
  const d: ServiceDaemon = {
    proc,
    sock,
    output: () => out,
    stop: () => stopWith('SIGTERM'),
    kill: async () => {
      await stopWith('SIGKILL');
    },
  };
  try {
    await waitFor(async () => {
      if (exited) throw new Error(`nydus ${subcommand} exited early: ${out}`);
      return existsSync(sock) && (await daemonState(sock)) === state;
    }, `nydus ${subcommand} ${state} on ${sock}`);
  } catch (err) {
    await d.stop();
    throw err;
  }
  return d;
}
