import { Flags } from '@oclif/core';
import { fuseDaemonFlags } from '../../generated/daemon-flags.js';
import { NydusCommand } from '../cli/base.js';
import { runFuseDaemon } from '../cli/daemon-run.js';

export default class Fuse extends NydusCommand {
  static override summary = 'Serve RAFS images through the kernel FUSE (nydusd fuse)';
  static override description = `A nydusd-compatible FUSE daemon. With --bootstrap (and --config or --localfs-dir) the image is mounted at start; with --image REF a nydus image is mounted straight from its registry (the manifest resolved and the bootstrap layer fetched into the cache directory at each start, blobs read lazily through a registry backend; --config lends its cache, filesystem options and registry credentials); without either the daemon starts empty and filesystems are attached through the HTTP API on --apisock (POST /api/v1/mount). Runs in the foreground until SIGTERM/SIGINT, PUT /api/v1/daemon/exit, or an unmount of the mountpoint. Exit status: 0 after an orderly shutdown, 1 on a start-up failure, 2 on a usage error.`;
  static override examples = [
    '<%= config.bin %> fuse --bootstrap image.boot --localfs-dir ./blobs --mountpoint /mnt/img',
    '<%= config.bin %> fuse --config cfg.json --bootstrap image.boot --mountpoint /mnt/img --apisock /run/nydus/api.sock',
    '<%= config.bin %> fuse --image 127.0.0.1:5000/library/app:nydus --mountpoint /mnt/app',
    '<%= config.bin %> fuse --image registry.example/ns/app:v1 --config cfg.json --mountpoint /mnt/app --apisock /run/nydus/app.sock',
    '<%= config.bin %> fuse --thread-num 4 --mountpoint /mnt/shared --apisock /run/nydus/api.sock --log-level info',
  ];
  static override flags = {
    ...fuseDaemonFlags,
    version: Flags.boolean({ char: 'V', description: "print nydusd's version text and exit" }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Fuse);
    await runFuseDaemon(flags);
  }
}
