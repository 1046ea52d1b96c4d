// `nydus fscache`: the blob cache manager daemon with the fscache service on (nydusd `singleton
// --fscache DIR`, spec daemon.md §1.6, §6): the kernel's EROFS reads the registered images through
// cachefiles on-demand objects this daemon fills. Flags generated from
// schema/daemon/blobcache.schema.json; --fscache is required here (unless --version).
import { NydusCommand } from '../cli/base.js';
import { runBlobcacheDaemon } from '../cli/daemon-run.js';
import { blobcacheCommandFlags } from '../cli/flags.js';

export default class Fscache extends NydusCommand {
  static override summary = 'Run the fscache daemon: EROFS mounts of registered images read through cachefiles on-demand (nydusd singleton --fscache)';
  static override description = `Binds the kernel's cachefiles cache in --fscache DIR in on-demand mode (/dev/cachefiles, a kernel with CONFIG_CACHEFILES_ONDEMAND and CONFIG_EROFS_FS_ONDEMAND) and serves its OPEN/READ/CLOSE requests on --fscache-threads native workers. Images are registered as blob cache entries through the API on --apisock (PUT /api/v2/blobs, e.g. nydus-snapshotter's fscache entry, or nydus blobcache add) or by the "blobs" of --config; then \`mount -t erofs -o fsid=<id>[,domain_id=<domain>] none M\` mounts one: the kernel reads the bootstrap and the data it lacks through this daemon, and cached data never leaves the kernel. DELETE /api/v2/blobs?blob_id=<id> culls cache files. With --supervisor and --id the /dev/cachefiles fd and the entries survive a crash (nydus failover) or a hot upgrade (nydus upgrade). Exit status: 0 after an orderly shutdown, 1 on a start-up failure (no cachefiles device, on-demand mode refused, another daemon bound), 2 on a usage error.`;
  static override examples = [
    '<%= config.bin %> fscache --fscache /var/lib/nydus/cache --apisock /run/nydus/fscache.sock',
    '<%= config.bin %> fscache --fscache /var/lib/nydus/cache --fscache-threads 8 --id f1 --supervisor /run/nydus/f1.sup --apisock /run/nydus/f1.sock',
  ];
  static override flags = blobcacheCommandFlags;

  async run(): Promise<void> {
    const { flags } = await this.parse(Fscache);
    // Required unless --version: checked here, as oclif's `required` would also refuse --version.
    if (!flags.fscache && !flags.version) this.error('Missing required flag fscache (--fscache DIR, the cachefiles working directory)', { exit: 2 });
    await runBlobcacheDaemon(flags);
  }
}
