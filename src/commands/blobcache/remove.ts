// `nydus blobcache remove`: drops blob cache entries of a running daemon, or culls a blob's
// cache file (DELETE /api/v2/blobs, spec api.md §4.8), as nydus-snapshotter's UnbindBlob does.
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { describeRemoval } from '../../cli/blobcache.js';
import { apisockFlag } from '../../cli/daemon-report.js';
import { ApiClient } from '../../daemon/api/client.js';

export default class BlobcacheRemove extends NydusCommand {
  static override summary = 'Remove blob cache entries from a running daemon: one entry, a whole domain, or cull one blob.';
  static override description =
    '--domain-id alone removes every entry of that domain; with --blob-id the one entry (a bootstrap also releases its data blobs, ' +
    'each freed when no entry of the domain uses it any more). --blob-id alone culls that blob\'s cache file (fscache daemons). ' +
    'A missing entry is an error of the daemon, shown with its message, exit 1.';
  static override examples = [
    '<%= config.bin %> blobcache remove -S /run/nydus/blobcache.sock --domain-id shared --blob-id img1',
    '<%= config.bin %> blobcache remove -S /run/nydus/blobcache.sock --domain-id img1',
    '<%= config.bin %> blobcache remove -S /run/nydus/blobcache.sock --blob-id 2fa78cad554b75ac91a4a125ed148d0ddeb25efa4aaa8bd80e5dc292690a4dca',
  ];
  static override flags = {
    ...apisockFlag,
    'domain-id': Flags.string({ description: 'domain of the entries', atLeastOne: ['domain-id', 'blob-id'] }),
    'blob-id': Flags.string({ description: 'blob id of the entry (with --domain-id), or of the blob to cull (alone)', atLeastOne: ['domain-id', 'blob-id'] }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BlobcacheRemove);
    const target = { domainId: flags['domain-id'], blobId: flags['blob-id'] };
    await new ApiClient(flags.apisock).deleteBlob(target);
    process.stdout.write(describeRemoval(target.domainId, target.blobId));
  }
}
