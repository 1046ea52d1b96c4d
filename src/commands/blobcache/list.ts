// `nydus blobcache list`: the blob cache entries of a domain in a running daemon
// (GET /api/v2/blobs?domain_id=D, spec api.md §4.8).
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { renderBlobList } from '../../cli/blobcache.js';
import { apisockFlag } from '../../cli/daemon-report.js';
import { jsonFlag } from '../../cli/flags.js';
import { ApiClient } from '../../daemon/api/client.js';

export default class BlobcacheList extends NydusCommand {
  static override summary = 'List the blob cache entries of a domain in a running daemon.';
  static override description =
    'One line per entry: key (<domain>/<id>), type, backend, cache and bootstrap. --json prints the daemon\'s answer, a BlobCacheList ({"blobs": [...]}).';
  static override examples = [
    '<%= config.bin %> blobcache list -S /run/nydus/blobcache.sock --domain-id shared',
    '<%= config.bin %> blobcache list -S /run/nydus/blobcache.sock --domain-id shared --blob-id img1 --json',
  ];
  static override flags = {
    ...apisockFlag,
    ...jsonFlag,
    'domain-id': Flags.string({ description: 'domain whose entries are listed', required: true }),
    'blob-id': Flags.string({ description: 'only the entry with this blob id' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BlobcacheList);
    const list = await new ApiClient(flags.apisock).listBlobs(flags['domain-id'], flags['blob-id']);
    if (flags.json) this.printJson(list);
    else process.stdout.write(renderBlobList(list));
  }
}
