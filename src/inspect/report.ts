// Inspect layer: superblock and stat reports (schema/cli/inspect-superblock, inspect-stat)
// and their text renderings.
import type { InspectStat, InspectSuperblock } from '../../generated/types.js';
import type { RafsImage } from '../native/image.js';
import { S_IFLNK, S_IFMT, S_IFREG, typeOfMode, walk } from './walk.js';

const FLAG_NAMES: Array<[number, string]> = [
  [0x1, 'COMPRESSION_NONE'], [0x2, 'COMPRESSION_LZ4'], [0x4, 'HASH_BLAKE3'], [0x8, 'HASH_SHA256'],
  [0x10, 'EXPLICIT_UID_GID'], [0x20, 'HAS_XATTR'], [0x40, 'COMPRESSION_GZIP'], [0x80, 'COMPRESSION_ZSTD'],
  [0x100, 'INLINED_CHUNK_DIGEST'], [0x200, 'TARTFS_MODE'], [0x0100_0000, 'ENCRYPTION_NONE'], [0x0200_0000, 'ENCRYPTION_AES_128_XTS'],
];

export function superblockReport(image: RafsImage, bootstrap: string): InspectSuperblock {
  const sb = image.superblock();
  const counts = { directories: 0, files: 0, symlinks: 0, others: 0, inodes: 0 };
  const inodes = new Set<number>();
  walk(image, (e) => {
    inodes.add(e.ino);
    const t = typeOfMode(e.attr.mode);
    if (t === 'directory') counts.directories++;
    else if (t === 'file') counts.files++;
    else if (t === 'link') counts.symlinks++;
    else counts.others++;
  });
  counts.inodes = inodes.size;
  return {
    bootstrap,
    version: sb.version,
    flags: sb.flags,
    flag_names: FLAG_NAMES.filter(([bit]) => (sb.flags & bit) !== 0 || (bit >= 0x0100_0000 && Math.floor(sb.flags / bit) % 2 === 1)).map(([, n]) => n),
    compressor: sb.compressor,
    digester: sb.digester,
    chunk_size: sb.chunkSize,
    block_size: sb.blockSize,
    inodes_count: sb.inodesCount,
    root_ino: sb.rootIno,
    bootstrap_size: sb.bootstrapSize,
    inlined_bootstrap: sb.inlinedBootstrap,
    fields: sb.fields,
    counts,
    blobs: sb.blobs as unknown as Record<string, unknown>[],
    prefetch: sb.prefetch,
  };
}

export function formatSuperblock(r: InspectSuperblock): string {
  const lines = [
    `bootstrap:        ${r.bootstrap}${r.inlined_bootstrap ? ' (inlined in a data blob)' : ''}`,
    `version:          RAFS v${r.version}`,
    `flags:            0x${r.flags.toString(16)} ${r.flag_names.join('|')}`,
    `compressor:       ${r.compressor}`,
    `digester:         ${r.digester}`,
    `chunk size:       ${r.chunk_size} (0x${r.chunk_size.toString(16)})`,
    ...(r.version === 6 ? [`block size:       ${r.block_size}`] : []),
    `inodes:           ${r.inodes_count} recorded, ${r.counts.inodes} distinct in the tree`,
    `root inode:       ${r.root_ino}`,
    `entries:          ${r.counts.directories} directories, ${r.counts.files} files, ${r.counts.symlinks} symlinks, ${r.counts.others} others`,
    `bootstrap size:   ${r.bootstrap_size}`,
    ...Object.entries(r.fields).map(([k, v]) => `  ${k}: ${v}`),
    `prefetch table:   ${r.prefetch.length ? r.prefetch.join(' ') : '(none)'}`,
    `blobs:            ${r.blobs.length}`,
  ];
  for (const b of r.blobs as Array<Record<string, unknown>>) {
    lines.push(`  [${String(b.index)}] ${String(b.blobId)}`);
    lines.push(`      compressor ${String(b.compressor)}, digester ${String(b.digester)}, features 0x${Number(b.features).toString(16)}, chunks ${String(b.chunkCount)}`);
    lines.push(`      compressed ${String(b.compressedSize)} bytes, uncompressed ${String(b.uncompressedSize)} bytes`);
    if (Number(b.ciCompressedSize) > 0) lines.push(`      blob meta at ${String(b.ciOffset)} (${String(b.ciCompressedSize)}/${String(b.ciUncompressedSize)} bytes)`);
  }
  return `${lines.join('\n')}\n`;
}

function printable(buf: Buffer): string {
  const text = buf.toString('utf8');
  // eslint-disable-next-line no-control-regex
  return Buffer.from(text).equals(buf) && !/[\x00-\x08\x0e-\x1f\x7f]/.test(text) ? text : `base64:${buf.toString('base64')}`;
}

export function statReport(image: RafsImage, path: string): InspectStat {
  const ino = image.lookupPath(path);
  const a = image.getattr(ino);
  const sb = image.superblock();
  const xattrs: Record<string, string> = {};
  for (const name of image.listxattr(ino)) xattrs[name] = printable(image.getxattr(ino, name));
  const chunks =
    (a.mode & S_IFMT) === S_IFREG
      ? image.mapRange(ino, 0, a.size).map((s) => {
          const c = s.chunk;
          const known = c?.hasDetails ?? false;
          return {
            file_offset: s.fileOffset,
            length: s.length,
            hole: s.hole,
            blob_id: c ? (sb.blobs[c.blobIndex]?.blobId ?? null) : null,
            chunk_index: c ? c.index : null,
            compressed_offset: c && known ? c.compressedOffset : null,
            compressed_size: c && known ? c.compressedSize : null,
            uncompressed_offset: c ? c.uncompressedOffset : null,
            uncompressed_size: c ? c.uncompressedSize : null,
            compressed: c && known ? (c.flags & 1) !== 0 : null,
            digest: c && known && !/^0+$/.test(c.digest) ? c.digest : null,
          };
        })
      : [];
  return {
    path,
    ino,
    type: typeOfMode(a.mode),
    mode: a.mode,
    permissions: `0${(a.mode & 0o7777).toString(8).padStart(3, '0')}`,
    uid: a.uid,
    gid: a.gid,
    size: a.size,
    blocks: a.blocks,
    nlink: a.nlink,
    rdev: a.rdev,
    mtime: a.mtime,
    mtime_nsec: a.mtimeNsec,
    target: (a.mode & S_IFMT) === S_IFLNK ? image.readlink(ino).toString() : null,
    xattrs,
    chunks,
  };
}

export function formatStat(r: InspectStat): string {
  const when = r.mtime ? new Date(r.mtime * 1000).toISOString().replace('.000Z', `.${String(r.mtime_nsec).padStart(9, '0')}Z`) : '(not recorded)';
  const lines = [
    `  File: ${r.path}${r.target !== null ? ` -> ${r.target}` : ''}`,
    `  Type: ${r.type}   Inode: ${r.ino}   Links: ${r.nlink}`,
    `  Size: ${r.size}   Blocks: ${r.blocks}${r.rdev ? `   Device: ${r.rdev}` : ''}`,
    `Access: (${r.permissions})  Uid: ${r.uid}  Gid: ${r.gid}`,
    `Modify: ${when}`,
  ];
  const names = Object.keys(r.xattrs);
  if (names.length) {
    lines.push('Xattrs:');
    for (const n of names) lines.push(`  ${n}=${r.xattrs[n]}`);
  }
  if (r.chunks.length) {
    lines.push(`Chunks: ${r.chunks.length}`);
    for (const c of r.chunks) {
      if (c.hole) lines.push(`  [${c.file_offset}, +${c.length}) hole`);
      else
        lines.push(
          `  [${c.file_offset}, +${c.length}) blob ${c.blob_id ?? '?'} chunk ${c.chunk_index}` +
            (c.compressed_offset !== null ? ` at ${c.compressed_offset} (${c.compressed_size} bytes${c.compressed ? ', compressed' : ''})` : '') +
            (c.digest ? ` digest ${c.digest}` : ''),
        );
    }
  }
  return `${lines.join('\n')}\n`;
}
