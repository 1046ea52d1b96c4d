// CLI layer: flag groups shared by several commands.
import { Args, Flags } from '@oclif/core';
import { NydusError } from '../errors.js';
import { blobcacheDaemonFlags } from '../../generated/daemon-flags.js';

export const jsonFlag = {
  json: Flags.boolean({ description: 'print the result as JSON' }),
};

/** Where the inspect commands find the blobs: a directory, one file, or a nydusd config. */
export const blobFlags = {
  'blob-dir': Flags.string({ char: 'D', description: 'directory of blob files named by blob id (localfs)', exclusive: ['config', 'blob-file'] }),
  'blob-file': Flags.string({ description: 'a single blob file used for every blob id (localfs)', exclusive: ['config', 'blob-dir'] }),
  config: Flags.string({ char: 'C', description: 'nydusd config (v1 or v2) whose localfs backend holds the blobs', exclusive: ['blob-dir', 'blob-file'] }),
};

export const bootstrapArg = {
  bootstrap: Args.string({ description: 'RAFS bootstrap (v5 or v6), or a data blob with the bootstrap inlined', required: true }),
};

/** `nydus blobcache`, `nydus singleton`, `nydus fscache`: the blob cache daemon's generated flags plus nydusd's --version. */
export const blobcacheCommandFlags = {
  ...blobcacheDaemonFlags,
  version: Flags.boolean({ char: 'V', description: "print nydusd's version text and exit" }),
};

/** A size flag: 0x100000, 1048576, 1M, 1MiB, 64k. */
export function parseSize(text: string): number {
  const m = /^(0x[0-9a-f]+|\d+)([kmg]i?b?)?$/i.exec(text.trim());
  if (!m) throw new NydusError('EINVAL', `--chunk-size: expected a size like 0x100000, 1048576 or 1M, found "${text}"`, 2);
  const base = m[1].toLowerCase().startsWith('0x') ? parseInt(m[1], 16) : Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase()[0];
  return base * (unit === 'k' ? 1024 : unit === 'm' ? 1 << 20 : unit === 'g' ? 1 << 30 : 1);
}

/** The image-format flags of the builders (create, convert, merge's output). */
export const buildFlags = {
    'fs-version': Flags.string({ description: 'RAFS version', options: ['5', '6'], default: '6' }),
    compressor: Flags.string({ char: 'c', description: 'chunk compression', options: ['none', 'lz4_block', 'zstd'], default: 'zstd' }),
    digester: Flags.string({ char: 'd', description: 'chunk digest', options: ['sha256', 'blake3'], default: 'blake3' }),
    'chunk-size': Flags.string({ description: 'chunk size: a power of two, 0x1000 .. 0x1000000', default: '0x100000' }),
    'prefetch-files': Flags.string({ description: 'file listing absolute paths to prefetch, one per line' }),
};

/** Build options from `buildFlags` (the prefetch list is read by the caller). */
export function buildOptionsOf(flags: { 'fs-version': string; compressor: string; digester: string; 'chunk-size': string }): {
  fsVersion: 5 | 6; compressor: 'none' | 'lz4_block' | 'zstd'; digester: 'sha256' | 'blake3'; chunkSize: number;
} {
  return {
    fsVersion: Number(flags['fs-version']) as 5 | 6,
    compressor: flags.compressor as 'none' | 'lz4_block' | 'zstd',
    digester: flags.digester as 'sha256' | 'blake3',
    chunkSize: parseSize(flags['chunk-size']),
  };
}
