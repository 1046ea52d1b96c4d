// CLI layer: flag groups shared by several commands.
import { Args, Flags } from '@oclif/core';
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
