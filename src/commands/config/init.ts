// `nydus config init`: prints a starter configuration (localfs or registry) from templates/.
import { writeFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { renderStarterConfig, toToml } from '../../config/starter.js';

export default class ConfigInit extends NydusCommand {
  static override summary = 'Print a starter nydusd configuration for a localfs or registry backend.';
  static override description =
    'Renders templates/init/<backend>.v<N>.json.ejs with the flags given, validates the result and prints it ' +
    '(or writes it with --output). Version 1 is the form nydus-snapshotter writes; version 2 may also be TOML.';
  static override examples = [
    '<%= config.bin %> config init --backend localfs --blob-dir ./blobs --work-dir ./cache',
    '<%= config.bin %> config init --backend registry --host 127.0.0.1:5000 --repo library/app --scheme http --config-version 1',
    '<%= config.bin %> config init --backend registry --host ghcr.io --repo org/app --format toml -o nydusd.toml',
  ];
  static override flags = {
    backend: Flags.string({ description: 'storage backend', options: ['localfs', 'registry'], default: 'localfs' }),
    'config-version': Flags.string({ description: 'configuration format version', options: ['1', '2'], default: '2' }),
    format: Flags.string({ description: 'output syntax (toml needs version 2)', options: ['json', 'toml'], default: 'json' }),
    output: Flags.string({ char: 'o', description: 'write to this file instead of stdout' }),
    id: Flags.string({ description: 'instance id' }),
    'blob-dir': Flags.string({ description: 'localfs: directory of blob files named by blob id' }),
    'blob-file': Flags.string({ description: 'localfs: a single blob file', exclusive: ['blob-dir'] }),
    host: Flags.string({ description: 'registry: host[:port]' }),
    repo: Flags.string({ description: 'registry: repository namespace/name' }),
    scheme: Flags.string({ description: 'registry: URL scheme', options: ['http', 'https'] }),
    auth: Flags.string({ description: 'registry: base64 of user:password (or env NYDUS_REGISTRY_AUTH)', env: 'NYDUS_REGISTRY_AUTH' }),
    'skip-verify': Flags.boolean({ description: 'registry: skip TLS verification' }),
    timeout: Flags.integer({ description: 'registry: request timeout in seconds', min: 0 }),
    'retry-limit': Flags.integer({ description: 'registry: retries of a failed request', min: 0, max: 255 }),
    'proxy-url': Flags.string({ description: 'registry: connection-level proxy (Dragonfly dfdaemon) URL' }),
    cache: Flags.string({ description: 'cache type', options: ['blobcache', 'fscache', 'none'] }),
    'work-dir': Flags.string({ description: 'cache work directory' }),
    'digest-validate': Flags.boolean({ description: 'validate chunk digests on read (RAFS v5 only)' }),
    'enable-xattr': Flags.boolean({ description: 'expose extended attributes', allowNo: true }),
    prefetch: Flags.boolean({ description: 'enable filesystem prefetch' }),
    'prefetch-threads': Flags.integer({ description: 'prefetch worker threads', min: 1, max: 1024 }),
    'prefetch-all': Flags.boolean({ description: 'prefetch whole blobs' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(ConfigInit);
    const version = Number(flags['config-version']) as 1 | 2;
    if (flags.format === 'toml' && version !== 2) this.error('--format toml needs --config-version 2 (nydusd reads v1 as JSON only)', { exit: 2 });
    const { document } = await renderStarterConfig({
      backend: flags.backend as 'localfs' | 'registry',
      version,
      id: flags.id,
      blobDir: flags['blob-dir'],
      blobFile: flags['blob-file'],
      host: flags.host,
      repo: flags.repo,
      scheme: flags.scheme as 'http' | 'https' | undefined,
      auth: flags.auth,
      skipVerify: flags['skip-verify'],
      timeout: flags.timeout,
      retryLimit: flags['retry-limit'],
      proxyUrl: flags['proxy-url'],
      cache: flags.cache as 'blobcache' | 'fscache' | 'none' | undefined,
      workDir: flags['work-dir'],
      digestValidate: flags['digest-validate'],
      enableXattr: flags['enable-xattr'],
      prefetch: flags.prefetch,
      prefetchThreads: flags['prefetch-threads'],
      prefetchAll: flags['prefetch-all'],
    });
    const text = flags.format === 'toml' ? toToml(document) : `${JSON.stringify(document, null, 2)}\n`;
    if (flags.output) await writeFile(flags.output, text, { mode: 0o600 });
    else process.stdout.write(text);
  }
}
