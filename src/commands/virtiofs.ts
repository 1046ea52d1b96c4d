// `nydus virtiofs`: the virtio-fs daemon (nydusd `virtiofs`, spec daemon.md §1.5, §7), the
// vhost-user-fs backend a VMM connects to. Flags generated from schema/daemon/virtiofs.schema.json.
import { Flags } from '@oclif/core';
import { virtiofsDaemonFlags } from '../../generated/daemon-flags.js';
import { NydusCommand } from '../cli/base.js';
import { runVirtiofsDaemon } from '../cli/daemon-run.js';

export default class Virtiofs extends NydusCommand {
  static override summary = 'Serve RAFS images to a VM over virtio-fs: the vhost-user-fs backend QEMU or Cloud Hypervisor connects to (nydusd virtiofs)';
  static override description = `Listens on --sock (a vhost-user socket; start the daemon before the VMM) and serves the VFS of RAFS images to the guest's virtio-fs driver: the image of --bootstrap at the root (or --virtual-mountpoint), more through the API on --apisock (nydus daemon mount). QEMU: -object memory-backend-memfd,id=mem,size=SIZE,share=on -numa node,memdev=mem -chardev socket,id=c0,path=SOCK -device vhost-user-fs-pci,queue-size=1024,chardev=c0,tag=TAG; in the guest: mount -t virtiofs TAG /mnt. One front-end at a time; after it disconnects (VM shut down or rebooted) the next one is accepted. Hot upgrade and failover are unsupported in this mode. Runs in the foreground until SIGTERM/SIGINT or PUT /api/v1/daemon/exit. Exit status: 0 after an orderly shutdown, 1 on a start-up failure, 2 on a usage error.`;
  static override examples = [
    '<%= config.bin %> virtiofs --sock /run/nydus/vhost.sock --bootstrap image.boot --localfs-dir blobs/ --apisock /run/nydus/api.sock',
    '<%= config.bin %> virtiofs --sock /run/nydus/vhost.sock --config config.json --bootstrap image.boot --log-level debug',
  ];
  static override flags = {
    ...virtiofsDaemonFlags,
    // Required unless --version: checked in run(), as oclif's `required` would also refuse --version.
    sock: Flags.string({ description: virtiofsDaemonFlags.sock.description }),
    version: Flags.boolean({ char: 'V', description: "print nydusd's version text and exit" }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Virtiofs);
    if (!flags.sock && !flags.version) this.error('Missing required flag sock (--sock PATH, the vhost-user socket)', { exit: 2 });
    await runVirtiofsDaemon(flags);
  }
}
