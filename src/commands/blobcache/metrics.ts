// `nydus blobcache metrics`: a blob cache's hit and prefetch counters (GET /api/v1/metrics/blobcache,
// spec api.md §4.5), as `nydus daemon metrics blobcache` and nydusctl `metrics cache` show them.
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { apisockFlag, renderMetrics } from '../../cli/daemon-report.js';
import { jsonFlag } from '../../cli/flags.js';
import { ApiClient } from '../../daemon/api/client.js';

export default class BlobcacheMetrics extends NydusCommand {
  static override summary = 'Show a blob cache\'s hits, entries, cache files and prefetch counters.';
  static override description =
    'Without --id the daemon answers only when it holds exactly one blob cache; otherwise pass the config id of the entry ' +
    '(the v2 config\'s id, e.g. "/<snapshot id>" for nydus-snapshotter). A missing id is the daemon\'s 404 NoCounter, exit 1.';
  static override examples = [
    '<%= config.bin %> blobcache metrics -S /run/nydus/blobcache.sock',
    '<%= config.bin %> blobcache metrics -S /run/nydus/blobcache.sock --id /img1 --json',
  ];
  static override flags = {
    ...apisockFlag,
    ...jsonFlag,
    id: Flags.string({ description: 'config id of the blob cache' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BlobcacheMetrics);
    const doc = await new ApiClient(flags.apisock).blobcacheMetrics(flags.id);
    if (flags.json) this.printJson(doc);
    else process.stdout.write(renderMetrics('blobcache', doc));
  }
}
