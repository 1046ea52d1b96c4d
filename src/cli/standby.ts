// CLI layer: a daemon started as a standby (a warm spare for `nydus failover`). The failover
// supervisor starts the daemon's recorded command line ahead of time with NYDUS_STANDBY_FD
// naming the read end of a pipe. The standby loads everything its start-up will need (the
// daemon's modules, the lazily loaded API server and state codec, the native addon), then
// waits, touching neither the kernel nor the API socket nor the daemon record. One byte on
// the pipe ("go") lets it start exactly as a restarted daemon does (it detects the crash and
// parks in INIT, daemon.md §5.3); end of file (the supervisor stopped, or replaced the
// standby) makes it leave quietly with exit 0. What a recovery then waits for is the daemon's
// own start-up, without node's start and module loading.
import { closeSync, read } from 'node:fs';
import { STANDBY_ENV, STANDBY_GO } from '../upgrade/standby-protocol.js';

/** Loads the modules and addon the daemon command `command` uses once it starts. */
async function preload(command: string): Promise<void> {
  const common: Promise<unknown>[] = [import('./daemon-run.js'), import('../../generated/daemon-builders.js'), import('../daemon/api/server.js'), import('../upgrade/state-codec.js')];
  const own: Promise<unknown>[] =
    command === 'virtiofs'
      ? [import('../daemon/virtiofs-controller.js')]
      : ['blobcache', 'singleton', 'fscache'].includes(command)
        ? [import('../daemon/blobcache-controller.js')]
        : [import('../daemon/controller.js')];
  await Promise.all([...common, ...own]);
  (await import('../native/binding.js')).nativeInfo(); // dlopen the addon now
}

/** Resolves true on the go byte, false on end of file or a read error. */
function waitForGo(fd: number): Promise<boolean> {
  return new Promise((resolve) => {
    const buf = Buffer.alloc(1);
    const next = () =>
      read(fd, buf, 0, 1, null, (err, n) => {
        if (err) {
          if ((err as NodeJS.ErrnoException).code === 'EAGAIN') setTimeout(next, 20);
          else resolve(false);
        } else if (n === 0) resolve(false);
        else if (buf[0] === STANDBY_GO) resolve(true);
        else next();
      });
    next();
  });
}

/**
 * When this process was started as a standby: preloads, waits, and answers whether to go on
 * starting (false: leave). Answers true at once for an ordinary start. A preload failure is
 * not fatal: the start then reports it as an ordinary start would.
 */
export async function standBy(argv: readonly string[]): Promise<boolean> {
  const raw = process.env[STANDBY_ENV];
  if (raw === undefined) return true;
  delete process.env[STANDBY_ENV]; // not inherited by anything the daemon starts
  const fd = Number(raw);
  if (!Number.isInteger(fd) || fd < 0) return true;
  await preload(argv[0] ?? 'fuse').catch(() => undefined);
  const go = await waitForGo(fd);
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
  return go;
}
