// `nydus daemon mount`: attaches a RAFS image or a host directory to a running daemon's tree
// at a virtual mountpoint (POST /api/v1/mount), as `nydusctl mount` does.
import { readFile } from 'node:fs/promises';
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { apisockFlag } from '../../cli/daemon-report.js';
import { ApiClient } from '../../daemon/api/client.js';
import { readConfigText } from '../../config/load.js';
import { NydusError } from '../../errors.js';

export default class DaemonMount extends NydusCommand {
  static override summary = 'Mount a RAFS bootstrap (or a passthrough directory) in a running daemon.';
  static override description =
    'Sends the configuration file\'s text as the mount request\'s `config` string; the daemon parses and validates it. ' +
    'The prefetch list file holds one absolute path per line, as nydusd --prefetch-files.';
  static override examples = [
    '<%= config.bin %> daemon mount -S /run/nydus/api.sock -m /sub -s image.boot -c config.json',
    '<%= config.bin %> daemon mount -S /run/nydus/api.sock -m /host -s /srv/data -c /dev/null -t passthrough_fs',
  ];
  static override flags = {
    ...apisockFlag,
    mountpoint: Flags.string({ char: 'm', description: 'virtual mountpoint inside the daemon (absolute)', required: true }),
    source: Flags.string({ char: 's', description: 'bootstrap file (rafs) or host directory (passthrough_fs)', required: true }),
    config: Flags.string({ char: 'c', description: 'nydusd configuration file (v1 or v2, JSON or TOML)', required: true }),
    type: Flags.string({ char: 't', description: 'filesystem type', options: ['rafs', 'passthrough_fs'], default: 'rafs' }),
    'prefetch-files': Flags.string({ description: 'file listing paths to prefetch, one per line' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DaemonMount);
    const config = await readConfigText(flags.config);
    let prefetch: string[] | undefined;
    if (flags['prefetch-files']) {
      const text = await readFile(flags['prefetch-files'], 'utf8').catch((err: Error) => {
        throw new NydusError('EUSAGE', `cannot read ${flags['prefetch-files']}: ${err.message}`, 2);
      });
      prefetch = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    }
    await new ApiClient(flags.apisock).mount(flags.mountpoint, { source: flags.source, fs_type: flags.type, config, prefetch_files: prefetch });
    process.stdout.write(`mounted ${flags.source} at ${flags.mountpoint}\n`);
  }
}
