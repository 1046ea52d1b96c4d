// `nydus inspect tree BOOTSTRAP`: the image's tree, as `tree` draws it or as `tree -J`.
import { Flags } from '@oclif/core';
import { NydusCommand } from '../../cli/base.js';
import { bootstrapArg, jsonFlag } from '../../cli/flags.js';
import { openImage } from '../../inspect/open.js';
import { buildTree, formatTreeJson, formatTreeText, treeJson } from '../../inspect/tree.js';

export default class InspectTree extends NydusCommand {
  static override summary = 'List the files of a bootstrap like `tree`; --json gives the shape of `tree -J`.';
  static override description =
    'Entries are sorted by name (byte order). Links count as directories in the report when they resolve to a ' +
    'directory inside the image, as `tree` counts a mounted image.';
  static override examples = ['<%= config.bin %> inspect tree image.boot', '<%= config.bin %> inspect tree --json image.boot > tree.json'];
  static override args = bootstrapArg;
  static override flags = {
    ...jsonFlag,
    'root-name': Flags.string({ description: 'name shown for the root directory', default: '' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(InspectTree);
    const result = buildTree(await openImage(args.bootstrap), flags['root-name']);
    process.stdout.write(flags.json ? formatTreeJson(treeJson(result)) : formatTreeText(result));
  }
}
