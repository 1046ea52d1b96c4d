// `nydus blobcache`: the blob cache manager daemon (nydusd `singleton` without --fscache), flags
// generated from schema/daemon/blobcache.schema.json. Its client commands are `nydus blobcache add|remove|list|metrics`.
import { NydusCommand } from '../../cli/base.js';
import { runBlobcacheDaemon } from '../../cli/daemon-run.js';
import { blobcacheCommandFlags } from '../../cli/flags.js';

export default class Blobcache extends NydusCommand {
  static override summary = 'Run the blob cache manager daemon: blob entries via /api/v2/blobs, one shared cache (nydusd singleton)';
  static override description = `Holds the blob cache entries (an image's bootstrap, backend and cache) that clients register through the HTTP API on --apisock (PUT/DELETE/GET /api/v2/blobs, or nydus blobcache add|remove|list), or at start from the "blobs" list of --config. Entries are persisted in --state-dir. With --shared-sock, FUSE daemons of the host read blobs through this daemon (an http-proxy backend whose addr is that socket), so they share one cache and each chunk is fetched once. Runs in the foreground until SIGTERM/SIGINT or PUT /api/v1/daemon/exit. Exit status: 0 after an orderly shutdown, 1 on a start-up failure, 2 on a usage error. \`nydus singleton\` is the same daemon under nydusd's name.`;
  static override examples = [
    '<%= config.bin %> blobcache --apisock /run/nydus/blobcache.sock --shared-sock /run/nydus/blobs.sock',
    '<%= config.bin %> blobcache --config blobs.json --apisock /run/nydus/blobcache.sock --log-level debug',
    '<%= config.bin %> blobcache --id d1 --apisock /run/containerd-nydus/socket/d1/api.sock --log-level info --supervisor /run/containerd-nydus/supervisor/d1.sock --log-file /var/lib/containerd-nydus/logs/d1/nydusd.log',
  ];
  static override flags = blobcacheCommandFlags;

  async run(): Promise<void> {
    const { flags } = await this.parse(Blobcache);
    await runBlobcacheDaemon(flags);
  }
}
