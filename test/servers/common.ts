// Test servers (shared by storage and e2e tests): free ports, readiness, process lifecycle,
// and the skip rule (these servers run real binaries; without root or the binary a test skips).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tempDir } from '../helpers.js';

export interface ServerHandle {
  /** Base URL, e.g. http://127.0.0.1:5000 */
  url: string;
  port: number;
  /** File that collects the server's log (access log included). */
  logFile: string;
  /** Kills the server by pid and removes its temporary directory. */
  stop(): Promise<void>;
}

/** Why a test needing `binary` cannot run here, or null when it can. */
export function skipReason(binary: string): string | null {
  if (process.getuid?.() !== 0) return `needs root (runs ${binary} with its own config)`;
  if (!existsSync(binary)) return `${binary} is not installed (apt-get install ${binary.includes('nginx') ? 'nginx' : binary.includes('htpasswd') ? 'apache2-utils' : 'docker-registry'})`;
  return null;
}

export function serverTempDir(prefix: string): string {
  return tempDir(`nydus-${prefix}-`);
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on the port; rejects after `timeoutMs`. */
export async function waitForPort(port: number, timeoutMs = 10_000, child?: ChildProcess, logFile?: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child && child.exitCode !== null) {
      throw new Error(`server exited with ${child.exitCode} before listening on ${port}${logFile ? `:\n${readFileSync(logFile, 'utf8').slice(-2000)}` : ''}`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms${logFile ? `:\n${readFileSync(logFile, 'utf8').slice(-2000)}` : ''}`);
}

const SETPRIV = '/usr/bin/setpriv';

/**
 * Spawns `cmd` with stdout and stderr appended to `logFile`. The server must not outlive the
 * test process even when that process never reaches stop() (crash, process.exit, SIGKILL):
 * it runs under `setpriv --pdeathsig SIGKILL` when available, and is also killed on 'exit'.
 */
export function spawnLogged(cmd: string, args: string[], logFile: string, cwd?: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  try {
    const [file, argv] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'SIGKILL', '--', cmd, ...args]] : [cmd, args];
    const child = spawn(file, argv, { stdio: ['ignore', fd, fd], cwd });
    const onExit = () => {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        try {
          process.kill(child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    };
    process.once('exit', onExit);
    child.once('exit', () => process.removeListener('exit', onExit));
    child.unref();
    return child;
  } finally {
    closeSync(fd);
  }
}

/** SIGTERM by pid, SIGKILL after `graceMs`; resolves when the process is gone. */
export async function killPid(child: ChildProcess, graceMs = 2000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, graceMs);
  await gone;
  clearTimeout(timer);
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
