// `nydus singleton`: nydusd's name for the blob cache manager daemon, for nydus-snapshotter's
// command lines (spec daemon.md §1.13). Same flags and daemon as `nydus blobcache`; with --fscache it is `nydus fscache`.
import { NydusCommand } from '../cli/base.js';
import { runBlobcacheDaemon } from '../cli/daemon-run.js';
import { blobcacheCommandFlags } from '../cli/flags.js';

export default class Singleton extends NydusCommand {
  static override summary = 'Run the blob cache manager daemon under nydusd\'s subcommand name (nydusd singleton)';
  static override description = `The daemon of \`nydus blobcache\`, accepting nydus-snapshotter's singleton command lines (the subcommand first, then --upgrade, --id, --config, --apisock, --log-level, --log-rotation-size, --supervisor, --log-file). Without --fscache it is the blob cache service of \`nydus blobcache\`; with --fscache DIR [--fscache-tag T] [--fscache-threads N] it is the fscache daemon of \`nydus fscache\` (cachefiles on-demand for EROFS mounts). Hot upgrade: the same command line plus --upgrade and a different --apisock. Exit status: 0 after an orderly shutdown, 1 on a start-up failure, 2 on a usage error.`;
  static override examples = [
    '<%= config.bin %> singleton --fscache /var/lib/containerd-nydus/cache --fscache-threads 4 --id d1 --apisock /run/containerd-nydus/socket/d1/api.sock --log-level info --supervisor /run/containerd-nydus/supervisor/d1.sock --log-file /var/lib/containerd-nydus/logs/d1/nydusd.log',
    '<%= config.bin %> singleton --id d1 --apisock /run/containerd-nydus/socket/d1/api.sock --log-level info --supervisor /run/containerd-nydus/supervisor/d1.sock --log-file /var/lib/containerd-nydus/logs/d1/nydusd.log',
    '<%= config.bin %> singleton --upgrade --id d1 --apisock /run/containerd-nydus/socket/d1/api1.sock --log-level info --supervisor /run/containerd-nydus/supervisor/d1.sock',
    '<%= config.bin %> singleton --config blobs.json --apisock /run/nydus/api.sock',
  ];
  static override flags = blobcacheCommandFlags;

  async run(): Promise<void> {
    const { flags } = await this.parse(Singleton);
    await runBlobcacheDaemon(flags);
  }
}
