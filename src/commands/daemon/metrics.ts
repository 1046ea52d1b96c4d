// `nydus daemon metrics [KIND]`: one metrics family of a running daemon (spec api.md §4.5, §4.6).
import { Args, Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { apisockFlag, renderMetrics } from '../../cli/daemon-report.js';
import { jsonFlag } from '../../cli/flags.js';
import { ApiClient, type MetricsKind } from '../../daemon/api/client.js';

const KINDS = ['fs', 'files', 'latest', 'pattern', 'backend', 'blobcache', 'inflight', 'prometheus'] as const;

export default class DaemonMetrics extends NydusCommand {
  static override summary = 'Show a running daemon\'s metrics: fs, files, latest, pattern, backend, blobcache, inflight or prometheus.';
  static override description =
    'fs: per-filesystem FUSE counters; files: per-file counters; latest: inodes read since the last call (clears); ' +
    'pattern: first access per file; backend: storage backend reads; blobcache: cache hits and prefetch; inflight: FUSE requests being handled; ' +
    'prometheus: all of them for every mount in the Prometheus text format (as scraped; --id and --json do not apply). ' +
    'Without --id the daemon answers only when it holds exactly one entry of that family.';
  static override examples = [
    '<%= config.bin %> daemon metrics -S /run/nydus/api.sock',
    '<%= config.bin %> daemon metrics -S /run/nydus/api.sock backend --id /sub --json',
    '<%= config.bin %> daemon metrics -S /run/nydus/api.sock prometheus',
  ];
  static override args = {
    kind: Args.string({ description: 'metrics family', options: [...KINDS], default: 'fs' }),
  };
  static override flags = {
    ...apisockFlag,
    ...jsonFlag,
    id: Flags.string({ description: 'entry id: the virtual mountpoint (fs, files, pattern, backend) or the config id (blobcache)' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DaemonMetrics);
    if (args.kind === 'prometheus') {
      process.stdout.write(await new ApiClient(flags.apisock).prometheus());
      return;
    }
    const kind = args.kind as MetricsKind;
    const doc = await new ApiClient(flags.apisock).metrics(kind, kind === 'inflight' ? undefined : flags.id);
    if (flags.json) this.printJson(doc);
    else process.stdout.write(renderMetrics(kind, doc));
  }
}
