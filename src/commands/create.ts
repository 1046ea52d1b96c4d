// `nydus create SOURCE --bootstrap FILE --blob-dir DIR`: build a RAFS image (nydus-image create).
import { Args, Flags } from '@oclif/core';
import { createImage, readPrefetchList, type CreateSummary } from '../builder/build.js';
import { NydusCommand } from '../cli/base.js';
import { buildFlags, buildOptionsOf, jsonFlag } from '../cli/flags.js';
import { progressFlag, withProgress } from '../cli/progress.js';

function mib(n: number): string {
  return `${(n / (1 << 20)).toFixed(1)} MiB`;
}

export default class Create extends NydusCommand {
  static override summary = 'Build a RAFS image (bootstrap + data blob) from a directory or an OCI layer tarball.';
  static override description =
    'Like nydus-image create: RAFS v6 by default (v5 on request), zstd chunks, BLAKE3 digests, 1 MiB chunks, ' +
    'deduplicated within the image. The blob is named by its SHA-256 (blob id), the digest it has as a registry layer. The same input and flags give ' +
    'byte-identical outputs. Outputs appear whole or not at all.';
  static override examples = [
    '<%= config.bin %> create ./rootfs --bootstrap image.boot --blob-dir ./blobs',
    '<%= config.bin %> create layer.tar.gz --bootstrap image.boot --blob-dir ./blobs --fs-version 5 --compressor lz4_block --digester sha256',
    '<%= config.bin %> create ./rootfs --bootstrap image.boot --blob-dir ./blobs --compressor none --chunk-size 0x10000 --json',
  ];
  static override args = { source: Args.string({ description: 'source directory, or a layer tarball (plain, gzip or zstd)', required: true }) };
  static override flags = {
    bootstrap: Flags.string({ char: 'B', description: 'bootstrap file to write', required: true }),
    'blob-dir': Flags.string({ char: 'D', description: 'directory to write the data blob into (named by blob id)', required: true }),
    ...buildFlags,
    'chunk-dict': Flags.string({ description: 'a bootstrap whose chunks the new image references instead of storing them again (its blobs join the blob table; they must be where the image is read from)' }),
    'blob-toc': Flags.boolean({
      description: 'v6: end the blob with the blob-toc tail (chunk digest array + ToC, like nydus-image --features blob-toc); ' +
        '--no-blob-toc keeps only the chunk-info array. Either way the blob id is the SHA-256 of the blob file, so the blob can be pushed to a registry under it',
      default: true,
      allowNo: true,
    }),
    ...jsonFlag,
    ...progressFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Create);
    const prefetchFiles = flags['prefetch-files'] ? await readPrefetchList(flags['prefetch-files']) : [];
    const summary: CreateSummary = await withProgress('create', flags, (progress) => createImage({
      source: args.source,
      bootstrap: flags.bootstrap,
      blobDir: flags['blob-dir'],
      ...buildOptionsOf(flags),
      prefetchFiles,
      chunkDict: flags['chunk-dict'],
      blobToc: flags['blob-toc'],
      progress,
    }));
    if (flags.json) this.printJson(summary);
    else {
      process.stdout.write(
        `bootstrap ${summary.bootstrap} (RAFS v${summary.fs_version}, ${summary.bootstrap_size} bytes)\n` +
          `blob ${summary.blob_id || '(none: no new file data)'} (${summary.blob_size} bytes, ${summary.chunk_count} chunks)\n` +
          (summary.chunk_dict_blobs.length > 0 ? `chunk dictionary blobs used: ${summary.chunk_dict_blobs.join(', ')}\n` : '') +
          `${summary.files} files, ${mib(summary.bytes_in)} in, ${mib(summary.bytes_stored)} unique, dedup ratio ${summary.dedup_ratio}, ${summary.seconds.toFixed(2)} s\n`,
      );
    }
  }
}
