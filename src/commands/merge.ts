// `nydus merge BOOT... -B OUT`: flatten layer bootstraps into one (nydus-image merge).
import { Args, Flags } from '@oclif/core';
import { readPrefetchList } from '../builder/build.js';
import { mergeBootstraps } from '../builder/merge.js';
import { NydusCommand } from '../cli/base.js';
import { jsonFlag } from '../cli/flags.js';

export default class Merge extends NydusCommand {
  static override summary = 'Merge layer bootstraps into one image bootstrap (like nydus-image merge).';
  static override description =
    'The bootstraps are layers, lowest first: an upper layer\'s entries replace lower ones, its OCI whiteouts (.wh.NAME) ' +
    'remove lower entries and its opaque markers (.wh..wh..opq) hide a directory\'s lower contents. The result lists every ' +
    'layer\'s blobs once and refers to the same chunks; no blob is read or written. All layers must share the RAFS version, ' +
    'digester, compressor and chunk size.';
  static override examples = [
    '<%= config.bin %> merge base.boot app.boot --bootstrap image.boot',
  ];
  static override strict = false;
  static override args = { bootstraps: Args.string({ description: 'layer bootstraps, lowest first', required: true }) };
  static override flags = {
    bootstrap: Flags.string({ char: 'B', description: 'merged bootstrap to write', required: true }),
    'prefetch-files': Flags.string({ description: 'file listing absolute paths to prefetch, one per line' }),
    ...jsonFlag,
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parse(Merge);
    const summary = await mergeBootstraps({
      bootstraps: argv as string[],
      output: flags.bootstrap,
      prefetchFiles: flags['prefetch-files'] ? await readPrefetchList(flags['prefetch-files']) : [],
    });
    if (flags.json) this.printJson(summary);
    else process.stdout.write(`bootstrap ${summary.bootstrap} (RAFS v${summary.fs_version}, ${summary.bootstrap_size} bytes): ${summary.layers} layers, ${summary.blobs.length} blob(s)\n`);
  }
}
