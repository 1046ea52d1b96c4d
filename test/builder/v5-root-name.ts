// Test helper: RAFS v5 bootstraps whose root record has no name (i_name_size 0), as some
// early bootstraps store it (issue 12), made from any v5 bootstrap, and single-field record
// patches for the refusals. Used by the builder, inspect and FUSE tests of such images.
const INODE_TABLE_OFFSET = 32;
const INODE_TABLE_ENTRIES = 56;
/** Superblock fields holding a table offset (§3.2): inode, prefetch, blob, extended blob. */
const TABLE_OFFSET_FIELDS = [32, 40, 48, 72];
export const NAME_SIZE_FIELD = 100;

/** Byte offset of the record of child index `index` (§3.3). */
export function recordOffset(boot: Buffer, index: number): number {
  const table = Number(boot.readBigUInt64LE(INODE_TABLE_OFFSET));
  return boot.readUInt32LE(table + 4 * (index - 1)) * 8;
}

/**
 * `boot` laid out as a builder that never wrote the root's name would have: i_name_size 0
 * and everything after the root's 128-byte inode moved up by the name's aligned size, with
 * the record and table offsets behind the root moved with it. The root's merkle digest
 * (§3.11) does not cover its name, so it stays valid.
 */
export function withoutRootName(boot: Buffer): Buffer {
  const table = Number(boot.readBigUInt64LE(INODE_TABLE_OFFSET));
  const entries = boot.readUInt32LE(INODE_TABLE_ENTRIES);
  const root = recordOffset(boot, 1);
  const cut = Math.ceil(boot.readUInt16LE(root + NAME_SIZE_FIELD) / 8) * 8;
  if (cut === 0 || table + 4 * entries > root) throw new Error('test bug: the root already has no name, or the inode table follows it');
  const out = Buffer.concat([boot.subarray(0, root + 128), boot.subarray(root + 128 + cut)]);
  out.writeUInt16LE(0, root + NAME_SIZE_FIELD);
  for (let k = 0; k < entries; k++) {
    const units = out.readUInt32LE(table + 4 * k);
    if (units * 8 > root) out.writeUInt32LE(units - cut / 8, table + 4 * k);
  }
  for (const field of TABLE_OFFSET_FIELDS) {
    const off = out.readBigUInt64LE(field);
    if (off > BigInt(root)) out.writeBigUInt64LE(off - BigInt(cut), field);
  }
  return out;
}

/** A copy of `boot` with `width` bytes at `field` of child index `index`'s record set to `value`. */
export function withRecordField(boot: Buffer, index: number, field: number, value: number, width: 2 | 4 | 8): Buffer {
  const out = Buffer.from(boot);
  const at = recordOffset(out, index) + field;
  if (width === 2) out.writeUInt16LE(value, at);
  else if (width === 4) out.writeUInt32LE(value, at);
  else out.writeBigUInt64LE(BigInt(value), at);
  return out;
}
