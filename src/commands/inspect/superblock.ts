// `nydus inspect superblock BOOTSTRAP`: version, flags, algorithms, counts and the blob table.
import { NydusCommand } from '../../cli/base.js';
import { bootstrapArg, jsonFlag } from '../../cli/flags.js';
import { openImage } from '../../inspect/open.js';
import { formatSuperblock, superblockReport } from '../../inspect/report.js';

export default class InspectSuperblock extends NydusCommand {
  static override summary = 'Show a bootstrap\'s superblock: version, flags, compressor, digester, chunk size, counts, blobs.';
  static override description = 'Reads RAFS v5 and v6 bootstraps (and data blobs that carry their bootstrap in a ToC). No blob is read.';
  static override examples = [
    '<%= config.bin %> inspect superblock image.boot',
    '<%= config.bin %> inspect superblock --json /var/lib/nydus/snapshots/1/fs/image/image.boot',
  ];
  static override args = bootstrapArg;
  static override flags = jsonFlag;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectSuperblock);
    const image = await openImage(args.bootstrap);
    const report = superblockReport(image, args.bootstrap);
    if (flags.json) this.printJson(report);
    else process.stdout.write(formatSuperblock(report));
  }
}
