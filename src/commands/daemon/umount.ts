// `nydus daemon umount`: detaches the filesystem at a virtual mountpoint of a running daemon
// (DELETE /api/v1/mount), as `nydusctl umount` does.
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { apisockFlag } from '../../cli/daemon-report.js';
import { ApiClient } from '../../daemon/api/client.js';

export default class DaemonUmount extends NydusCommand {
  static override summary = 'Unmount the filesystem at a virtual mountpoint of a running daemon.';
  static override description = 'The daemon invalidates the kernel\'s caches of that subtree before detaching it.';
  static override examples = [
    '<%= config.bin %> daemon umount -S /run/nydus/api.sock -m /sub',
    '<%= config.bin %> daemon umount --apisock /run/containerd-nydus/socket/d1/api.sock --mountpoint /7e1f9c',
  ];
  static override flags = {
    ...apisockFlag,
    mountpoint: Flags.string({ char: 'm', description: 'virtual mountpoint inside the daemon', required: true }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(DaemonUmount);
    await new ApiClient(flags.apisock).umount(flags.mountpoint);
    process.stdout.write(`unmounted ${flags.mountpoint}\n`);
  }
}
