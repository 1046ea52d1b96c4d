// e2e: the kernel's EROFS driver as an oracle for RAFS v6. The v6 bootstrap is mounted with
// loop devices (bootstrap + the blob's uncompressed image rebuilt through our data path);
// names, modes, sizes, mtimes, uids and file contents, the root's included, must equal what
// our reader reports and what our FUSE daemon serves with the image at its mount's root.
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RafsImage } from '../../src/native/image.js';
import { S_IFLNK, S_IFMT, S_IFREG, walk } from '../../src/inspect/walk.js';
import { describeHostTree } from '../builder/tree-fixture.js';
import { mountErofs, uncompressedImage } from '../erofs-helpers.js';
import { isRoot, startDaemon, unmountAndRemove } from '../daemon-helpers.js';
import { fixture, tempDir } from '../helpers.js';

interface Meta {
  mode: number;
  size: number;
  uid: number;
  gid: number;
  nlink: number;
  mtime: number;
  target?: string;
}

test('v6 metadata and content equal the kernel EROFS mount of the same bootstrap', async () => {
  if (process.getuid?.() !== 0) throw new Error('this test mounts EROFS and needs root (CI runs as root)');
  const image = RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs });
  const work = tempDir('nydus-erofs-');
  const mnt = join(work, 'mnt');
  await execa('mkdir', [mnt]);
  const dev = join(work, 'blob0.img');
  writeFileSync(dev, await uncompressedImage(image, 0));
  const umount = await mountErofs(fixture.v6.bootstrap, [dev], mnt);
  try {
    const ours = new Map<string, Meta>();
    walk(image, (e) => {
      const a = e.attr;
      ours.set(e.path, {
        mode: a.mode, size: a.size, uid: a.uid, gid: a.gid, nlink: a.nlink, mtime: a.mtime,
        ...((a.mode & S_IFMT) === S_IFLNK ? { target: image.readlink(e.ino).toString() } : {}),
      });
    });
    const kernel = new Map<string, Meta>();
    const root = lstatSync(mnt);
    kernel.set('/', { mode: root.mode, size: root.size, uid: root.uid, gid: root.gid, nlink: root.nlink, mtime: Math.floor(root.mtimeMs / 1000) });
    const visit = (dir: string, rel: string) => {
      for (const name of readdirSync(dir).sort()) {
        const p = join(dir, name);
        const st = lstatSync(p);
        kernel.set(`${rel}/${name}`, {
          mode: st.mode, size: st.size, uid: st.uid, gid: st.gid, nlink: st.nlink, mtime: Math.floor(st.mtimeMs / 1000),
          ...(st.isSymbolicLink() ? { target: readlinkSync(p) } : {}),
        });
        if (st.isDirectory()) visit(p, `${rel}/${name}`);
      }
    };
    visit(mnt, '');
    assert.equal(ours, kernel);
    for (const [path, meta] of ours) {
      if ((meta.mode & S_IFMT) !== S_IFREG) continue;
      const ino = image.lookupPath(path);
      assert.ok((await image.read(ino, 0, meta.size)).equals(readFileSync(join(mnt, path))), `content of ${path}`);
    }
  } finally {
    image.close();
    await umount();
    rmSync(work, { recursive: true, force: true });
  }
});

test('v6-zstd fixture through the FUSE daemon equals the kernel EROFS mount, the mount root included', async () => {
  if (!isRoot) throw new Error('this test mounts EROFS and FUSE and needs root (CI runs as root)');
  const image = RafsImage.open(fixture.v6.bootstrap, { dir: fixture.v6.blobs });
  const work = tempDir('nydus-erofs-fuse-');
  const emnt = join(work, 'erofs');
  const fmnt = join(work, 'fuse');
  mkdirSync(emnt);
  mkdirSync(fmnt);
  const dev = join(work, 'blob0.img');
  writeFileSync(dev, await uncompressedImage(image, 0));
  image.close();
  const umount = await mountErofs(fixture.v6.bootstrap, [dev], emnt);
  try {
    const d = await startDaemon(['--bootstrap', fixture.v6.bootstrap, '--localfs-dir', fixture.v6.blobs], fmnt);
    try {
      const kernel = describeHostTree(emnt, { content: true });
      const ours = describeHostTree(fmnt, { content: true });
      assert.equal([...ours.keys()], [...kernel.keys()]);
      // The root is the image's root inode (its mode, nlink, size and mtime), not the daemon's.
      assert.equal(ours.get('/'), kernel.get('/'), 'the mount root');
      for (const [path, meta] of kernel) assert.equal(ours.get(path), meta, path);
    } finally {
      assert.is(await d.stop(), 0);
    }
  } finally {
    await umount();
    await unmountAndRemove(work);
  }
});

test.run();
