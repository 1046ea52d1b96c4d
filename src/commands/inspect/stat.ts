// `nydus inspect stat BOOTSTRAP PATH`: one inode's attributes, xattrs and chunks.
import { Args } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { bootstrapArg, jsonFlag } from '../../cli/flags.js';
import { openImage } from '../../inspect/open.js';
import { formatStat, statReport } from '../../inspect/report.js';

export default class InspectStat extends NydusCommand {
  static override summary = 'Show mode, owner, size, links, mtime, xattrs and chunks of a path in a bootstrap.';
  static override description = 'PATH is absolute inside the image; symlinks are not followed (the link itself is shown).';
  static override examples = ['<%= config.bin %> inspect stat image.boot /etc/passwd', '<%= config.bin %> inspect stat --json image.boot /usr/bin/env'];
  static override args = { ...bootstrapArg, path: Args.string({ description: 'path inside the image', required: true }) };
  static override flags = jsonFlag;

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectStat);
    const report = statReport(await openImage(args.bootstrap), args.path);
    if (flags.json) this.printJson(report);
    else process.stdout.write(formatStat(report));
  }
}
