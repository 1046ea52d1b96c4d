// `nydus inspect check BOOTSTRAP --blob-dir DIR`: read every chunk, verify every digest.
import { NydusCommand } from '../../cli/base.js';
import { blobFlags, bootstrapArg, jsonFlag } from '../../cli/flags.js';
import { progressFlag, withProgress } from '../../cli/progress.js';
import { checkImage, formatCheck } from '../../inspect/check.js';
import { openImage } from '../../inspect/open.js';

export default class InspectCheck extends NydusCommand {
  static override summary = 'Read every chunk of every file and verify digests; report each corrupt chunk by file and offset.';
  static override description = 'Exit code 0 when every chunk reads and verifies; 1 when any is corrupt or missing, or the bootstrap is unreadable; 2 on a bad config or usage.';
  static override examples = ['<%= config.bin %> inspect check image.boot --blob-dir ./blobs', '<%= config.bin %> inspect check --json image.boot --config nydusd.json'];
  static override args = bootstrapArg;
  static override flags = { ...blobFlags, ...jsonFlag, ...progressFlag };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectCheck);
    const image = await openImage(args.bootstrap, { blobDir: flags['blob-dir'], blobFile: flags['blob-file'], config: flags.config, validate: true });
    const result = await withProgress('check', flags, (progress) => checkImage(image, progress));
    if (flags.json) this.printJson(result);
    else process.stdout.write(formatCheck(result));
    if (!result.ok) this.exit(1);
  }
}
