// `nydus inspect cat BOOTSTRAP PATH --blob-dir DIR`: a file's bytes, read through the data path.
import { once } from 'node:events';
import { Args, Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { blobFlags, bootstrapArg } from '../../cli/flags.js';
import { NydusError } from '../../errors.js';
import { openImage } from '../../inspect/open.js';
import { S_IFMT, S_IFREG } from '../../inspect/walk.js';

export default class InspectCat extends NydusCommand {
  static override summary = 'Write a file of the image to stdout, read chunk by chunk from its blobs.';
  static override description =
    'Chunks are decompressed and, with --validate (or rafs.validate in --config), checked against their digests; ' +
    'a chunk with a CRC-32C is always checked. Holes read as zeros.';
  static override examples = [
    '<%= config.bin %> inspect cat image.boot /etc/os-release --blob-dir ./blobs',
    '<%= config.bin %> inspect cat image.boot /bin/busybox --config nydusd.json --validate | sha256sum',
  ];
  static override args = { ...bootstrapArg, path: Args.string({ description: 'path of a regular file inside the image', required: true }) };
  static override flags = { ...blobFlags, validate: Flags.boolean({ description: 'verify chunk digests while reading', allowNo: true }) };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectCat);
    const image = await openImage(args.bootstrap, { blobDir: flags['blob-dir'], blobFile: flags['blob-file'], config: flags.config, validate: flags.validate });
    const ino = image.lookupPath(args.path);
    if ((image.getattr(ino).mode & S_IFMT) !== S_IFREG) throw new NydusError('EISDIR', `${args.path}: not a regular file`);
    for await (const buf of image.stream(ino)) {
      if (!process.stdout.write(buf)) await once(process.stdout, 'drain');
    }
  }
}
