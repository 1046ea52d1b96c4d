// `nydus daemon info --apisock S`: a running daemon's version, state and mounts (GET /api/v1/daemon).
import { NydusCommand } from '../../cli/base.js';
import { apisockFlag, renderInfo } from '../../cli/daemon-report.js';
import { jsonFlag } from '../../cli/flags.js';
import { ApiClient } from '../../daemon/api/client.js';

export default class DaemonInfo extends NydusCommand {
  static override summary = 'Show a running daemon\'s version, state and mounted filesystems.';
  static override description = 'Asks the daemon over its API socket (GET /api/v1/daemon), as `nydusctl info` does.';
  static override examples = [
    '<%= config.bin %> daemon info --apisock /run/nydus/api.sock',
    '<%= config.bin %> daemon info -S /run/containerd-nydus/socket/d1/api.sock --json',
  ];
  static override flags = { ...apisockFlag, ...jsonFlag };

  async run(): Promise<void> {
    const { flags } = await this.parse(DaemonInfo);
    const info = await new ApiClient(flags.apisock).info();
    if (flags.json) this.printJson(info);
    else process.stdout.write(renderInfo(info));
  }
}
