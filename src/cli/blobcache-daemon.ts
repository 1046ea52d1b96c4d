// CLI layer: the flags and the run of `nydus blobcache` and `nydus singleton` (one daemon under two
// names: nydusd's singleton without --fscache). Kept apart from src/cli/blobcache.ts so the client
// commands do not load the daemon.
import { Flags } from '@oclif/core';
import { blobcacheDaemon } from '../../generated/daemon-builders.js';
import { blobcacheDaemonFlags, blobcacheFlagsToOptions } from '../../generated/daemon-flags.js';
import { BlobCacheController } from '../daemon/blobcache-controller.js';
import { versionText } from '../daemon/version.js';
import { ConfigError, NydusError } from '../errors.js';

/** The daemon's generated flags plus nydusd's --version. */
export const blobcacheCommandFlags = {
  ...blobcacheDaemonFlags,
  version: Flags.boolean({ char: 'V', description: "print nydusd's version text and exit" }),
};

/** --version prints nydusd's version text; otherwise builds the options, starts the daemon and serves until it stops. */
export async function runBlobcacheDaemon(flags: Record<string, unknown>): Promise<void> {
  if (flags.version) {
    process.stdout.write(versionText());
    return;
  }
  const options = blobcacheDaemon(blobcacheFlagsToOptions(flags)).build();
  let controller: BlobCacheController;
  try {
    controller = await BlobCacheController.start(options);
  } catch (err) {
    // nydusd exits 1 on any start-up failure, a bad --config included.
    if (err instanceof ConfigError) throw new NydusError(err.code, err.message, 1);
    throw err;
  }
  await controller.wait();
  // Leave without waiting for stray timers once the daemon has stopped.
  process.exit(0);
}
