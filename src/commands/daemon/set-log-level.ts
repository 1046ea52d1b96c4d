// `nydus daemon set-log-level LEVEL`: changes a running daemon's log level (PUT /api/v1/daemon).
import { Args } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { apisockFlag } from '../../cli/daemon-report.js';
import { ApiClient } from '../../daemon/api/client.js';

export default class DaemonSetLogLevel extends NydusCommand {
  static override summary = 'Set the log level of a running daemon.';
  static override description = 'Takes effect immediately, as `nydusctl set log-level` does. An unknown level is refused by the daemon.';
  static override examples = [
    '<%= config.bin %> daemon set-log-level -S /run/nydus/api.sock debug',
    '<%= config.bin %> daemon set-log-level --apisock /run/nydus/api.sock info',
  ];
  static override args = {
    level: Args.string({ description: 'off, error, warn, info, debug or trace', required: true }),
  };
  static override flags = apisockFlag;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(DaemonSetLogLevel);
    await new ApiClient(flags.apisock).setLogLevel(args.level);
    process.stdout.write(`log level set to ${args.level}\n`);
  }
}
