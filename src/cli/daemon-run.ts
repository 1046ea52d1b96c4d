// CLI layer: the run of each daemon command once its flags are parsed (by oclif in
// src/commands/, or by src/cli/daemon-entry.ts on the oclif-free start-up path): --version
// prints nydusd's version text; otherwise the options are built (an invalid set is a usage
// error, exit 2), the daemon started and served until it stops. No oclif here, and each
// daemon's code is loaded only when it runs.
import { blobcacheFlagsToOptions, fuseFlagsToOptions, virtiofsFlagsToOptions } from '../../generated/daemon-options.js';
import { ConfigError, NydusError } from '../errors.js';

/** --version: prints nydusd's version text and answers true. */
async function printedVersion(flags: Record<string, unknown>): Promise<boolean> {
  if (!flags.version) return false;
  const { versionText } = await import('../daemon/version.js');
  process.stdout.write(versionText());
  return true;
}

/** Starts a daemon and serves until it has stopped, then leaves (without waiting for stray timers). */
async function serve(start: () => Promise<{ wait(): Promise<void> }>): Promise<void> {
  let daemon: { wait(): Promise<void> };
  try {
    daemon = await start();
  } catch (err) {
    // nydusd exits 1 on any start-up failure, a bad configuration included.
    if (err instanceof ConfigError) throw new NydusError(err.code, err.message, 1);
    throw err;
  }
  await daemon.wait();
  process.exit(0);
}

/** `nydus fuse` (and nydusd's no-subcommand form). */
export async function runFuseDaemon(flags: Record<string, unknown>): Promise<void> {
  if (await printedVersion(flags)) return;
  const [{ fuseDaemon }, { DaemonController }] = await Promise.all([import('../../generated/daemon-builders.js'), import('../daemon/controller.js')]);
  const options = fuseDaemon(fuseFlagsToOptions(flags)).build();
  await serve(() => DaemonController.start(options));
}

/** `nydus virtiofs`. */
export async function runVirtiofsDaemon(flags: Record<string, unknown>): Promise<void> {
  if (await printedVersion(flags)) return;
  const [{ virtiofsDaemon }, { VirtiofsController }] = await Promise.all([import('../../generated/daemon-builders.js'), import('../daemon/virtiofs-controller.js')]);
  const options = virtiofsDaemon(virtiofsFlagsToOptions(flags)).build();
  await serve(() => VirtiofsController.start(options));
}

/** `nydus blobcache`, `nydus singleton`, `nydus fscache`: the blob cache manager daemon. */
export async function runBlobcacheDaemon(flags: Record<string, unknown>): Promise<void> {
  if (await printedVersion(flags)) return;
  const [{ blobcacheDaemon }, { BlobCacheController }] = await Promise.all([import('../../generated/daemon-builders.js'), import('../daemon/blobcache-controller.js')]);
  const options = blobcacheDaemon(blobcacheFlagsToOptions(flags)).build();
  await serve(() => BlobCacheController.start(options));
}
