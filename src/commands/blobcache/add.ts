// `nydus blobcache add`: registers a blob cache entry with a running blob cache daemon
// (PUT /api/v2/blobs, spec api.md §4.8), from an entry file or from flags.
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { blobEntryFromFlags, entryKey } from '../../cli/blobcache.js';
import { apisockFlag } from '../../cli/daemon-report.js';
import { ApiClient } from '../../daemon/api/client.js';

const ENTRY_FLAGS = ['type', 'id', 'domain-id', 'metadata-path', 'config'];

export default class BlobcacheAdd extends NydusCommand {
  static override summary = 'Register a blob cache entry (an image\'s bootstrap with its backend and cache) with a running daemon.';
  static override description =
    'Sends PUT /api/v2/blobs. --file sends an entry JSON as written, e.g. the legacy entry nydus-snapshotter\'s fscache driver sends (daemon.md §2.6); ' +
    'the daemon validates it. Otherwise the entry is made from --id, --domain-id, --metadata-path and --config, where --config is a legacy entry config ' +
    '(with backend_type) or a nydusd config (v1 or v2, JSON or TOML) whose backend and cache become the entry\'s config_v2. ' +
    'A bootstrap\'s data blobs are shared by the entries of one domain. Errors of the daemon are shown with its message, exit 1.';
  static override examples = [
    '<%= config.bin %> blobcache add -S /run/nydus/blobcache.sock --file entry.json',
    '<%= config.bin %> blobcache add -S /run/nydus/blobcache.sock --id img1 --domain-id shared --metadata-path /images/img1/image.boot --config cfg.json',
  ];
  static override flags = {
    ...apisockFlag,
    file: Flags.string({ char: 'f', description: 'blob cache entry JSON file (BlobCacheEntry), sent as written', exclusive: ENTRY_FLAGS, exactlyOne: ['file', 'id'] }),
    type: Flags.option({ description: 'entry type (the daemon refuses datablob when adding) [default: bootstrap]', options: ['bootstrap', 'datablob'] as const, dependsOn: ['id'] })(),
    id: Flags.string({ description: 'blob id; for a bootstrap the image\'s id (EROFS fsid); no "/"', exactlyOne: ['file', 'id'], dependsOn: ['metadata-path', 'config'] }),
    'domain-id': Flags.string({ description: 'domain whose entries share data blobs; no "/" [default: none]', dependsOn: ['id'] }),
    'metadata-path': Flags.string({ description: 'the image\'s RAFS bootstrap file', dependsOn: ['id'] }),
    config: Flags.string({ char: 'C', description: 'legacy entry config or nydusd config (v1/v2, JSON/TOML) giving the backend and cache', dependsOn: ['id'] }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(BlobcacheAdd);
    const entry = await blobEntryFromFlags(flags);
    await new ApiClient(flags.apisock).putBlob(entry);
    const e = entry as { type?: unknown; id?: unknown; domain_id?: unknown };
    process.stdout.write(`added ${String(e.type ?? 'entry')} ${entryKey(e.domain_id, e.id)}\n`);
  }
}
