// Test helpers around the kernel's EROFS as an oracle for RAFS v6 images: a blob's uncompressed
// device image rebuilt through our chunk reads, and loop-device mounts of a bootstrap with its
// blob devices. Used by the e2e oracle tests and the fscache guest tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { S_IFMT, S_IFREG, walk } from '../src/inspect/walk.js';
import { RafsImage } from '../src/native/image.js';
import { fixture } from './helpers.js';
import { treeDigest } from './vm/tree-digest.js';

/** Rebuilds a blob's uncompressed image (what EROFS sees as the device) from our chunk reads. */
export async function uncompressedImage(image: RafsImage, blobIndex: number): Promise<Buffer> {
  const blob = image.superblock().blobs[blobIndex];
  const out = Buffer.alloc(blob.uncompressedSize);
  const files: number[] = [];
  walk(image, (e) => {
    if ((e.attr.mode & S_IFMT) === S_IFREG) files.push(e.ino);
  });
  for (const ino of files) {
    const size = image.getattr(ino).size;
    for (const seg of image.mapRange(ino, 0, size)) {
      if (seg.hole || seg.chunk!.blobIndex !== blobIndex) continue;
      const data = await image.read(ino, seg.fileOffset, seg.length);
      data.copy(out, seg.chunk!.uncompressedOffset + seg.offsetInChunk);
    }
  }
  return out;
}

/**
 * Mounts a RAFS v6 bootstrap with the kernel's EROFS, read-only, over loop devices: the
 * bootstrap as the primary device and each file of `devices` (uncompressed blob images) as an
 * extra one. Returns the cleanup (unmount, detach the loops).
 */
export async function mountErofs(bootstrap: string, devices: string[], mnt: string): Promise<() => Promise<void>> {
  const loops: string[] = [];
  const cleanup = async () => {
    await execa('umount', [mnt], { reject: false });
    for (const l of loops) await execa('losetup', ['-d', l], { reject: false });
  };
  try {
    for (const f of [bootstrap, ...devices]) loops.push((await execa('losetup', ['-f', '--show', '-r', f])).stdout.trim());
    const opts = ['ro', ...loops.slice(1).map((l) => `device=${l}`)].join(',');
    await execa('mount', ['-t', 'erofs', '-o', opts, loops[0], mnt]);
  } catch (err) {
    await cleanup();
    throw err;
  }
  return cleanup;
}

/**
 * The shared v6-zstd fixture's tree digest (test/vm/tree-digest.ts) as the kernel's own EROFS
 * sees it: the bootstrap on loop devices with the blob's uncompressed image, built under `work`.
 */
export async function fixtureTreeDigest(work: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(work, 'v6-oracle-'));
  const image = RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs });
  const dev = join(dir, 'blob.img');
  try {
    writeFileSync(dev, await uncompressedImage(image, 0));
  } finally {
    image.close();
  }
  const mnt = join(dir, 'mnt');
  await execa('mkdir', [mnt]);
  const umount = await mountErofs(fixture.v6.bootstrap, [dev], mnt);
  try {
    return treeDigest(mnt);
  } finally {
    await umount();
    rmSync(dir, { recursive: true, force: true });
  }
}
