// Native binding with real kernel FUSE mounts: `nydus fuse` serves a RAFS v5 bootstrap whose
// root record has no name, as some early bootstraps store it (issue 12), exactly like the
// fixture it was made from; records nydusd refuses still fail, at start or on access.
// Needs root and /dev/fuse.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { S_IFDIR, S_IFLNK, S_IFMT, S_IFREG, walk } from '../../src/inspect/walk.js';
import { RafsImage } from '../../src/native/image.js';
import { NAME_SIZE_FIELD, withRecordField, withoutRootName } from '../builder/v5-root-name.js';
import { startDaemon, unmountAndRemove } from '../daemon-helpers.js';
import { canMountFuse, cli, fixture, perTest, readExpected, tempDir } from '../helpers.js';

const skip = !canMountFuse();
if (skip) console.log('06-v5-root-name-fuse: skipped, real FUSE mounts need root and /dev/fuse');
const fuseTest = skip ? test.skip : test;

const work = tempDir('nydus-v5-root-name-fuse-');
const track = perTest();
const nameless = withoutRootName(readFileSync(fixture.v5.bootstrap));
let serial = 0;

function save(bytes: Buffer): string {
  const path = join(work, `image-${serial}.boot`);
  writeFileSync(path, bytes);
  return path;
}

function mountpoint(): string {
  const dir = join(work, `mnt-${serial++}`);
  mkdirSync(dir);
  return dir;
}

test.after(async () => {
  await unmountAndRemove(work);
});

fuseTest('nydus fuse mounts the fixture without its root name: entries, attributes, targets and every md5 as in the fixture', async () => {
  const mnt = mountpoint();
  const image = track(RafsImage.open(fixture.v5.bootstrap, { dir: fixture.v5.blobs }));
  const d = await startDaemon(['--bootstrap', save(nameless), '--localfs-dir', fixture.v5.blobs], mnt);
  try {
    const root = lstatSync(mnt);
    assert.ok(root.isDirectory());
    assert.is(root.mode & 0o7777, 0o755);
    const { md5 } = readExpected(fixture.v5.expected);
    let files = 0;
    walk(image, (e) => {
      const host = join(mnt, e.path);
      const st = lstatSync(host);
      const kind = e.attr.mode & S_IFMT;
      assert.is(st.mode & S_IFMT, kind, e.path);
      // The VFS puts the image's slot in the top 8 bits of the inode number.
      assert.is(BigInt.asUintN(56, lstatSync(host, { bigint: true }).ino), BigInt(e.ino), `${e.path} ino`);
      assert.is(st.uid, e.attr.uid, `${e.path} uid`);
      assert.is(st.gid, e.attr.gid, `${e.path} gid`);
      if (e.path !== '/') assert.is(st.mode, e.attr.mode, `${e.path} mode`);
      if (kind === S_IFDIR) {
        assert.equal(readdirSync(host).sort(), image.readdir(e.ino).map((c) => c.name).filter((n) => n !== '.' && n !== '..').sort(), `${e.path} entries`);
      } else if (kind === S_IFLNK) {
        assert.is(readlinkSync(host), image.readlink(e.ino).toString(), `${e.path} target`);
      } else if (kind === S_IFREG) {
        assert.is(st.size, e.attr.size, `${e.path} size`);
        assert.is(st.nlink, e.attr.nlink, `${e.path} nlink`);
        assert.is(createHash('md5').update(readFileSync(host)).digest('hex'), md5.get(e.path), e.path);
        files++;
      }
    });
    assert.is(files, md5.size);
  } finally {
    assert.is(await d.stop(), 0, d.stderr());
  }
});

fuseTest('a nameless root with nlink 0 is refused before anything is mounted, naming inode 1', async () => {
  const mnt = mountpoint();
  const boot = save(withRecordField(nameless, 1, 88, 0, 4));
  const r = await execa(process.execPath, [cli, 'fuse', '--bootstrap', boot, '--localfs-dir', fixture.v5.blobs, '--mountpoint', mnt], { reject: false, timeout: 30000 });
  assert.is(r.exitCode, 1, r.stderr);
  assert.match(r.stderr, 'inode 1: nlink 0');
  assert.not.ok(readFileSync('/proc/self/mounts', 'utf8').includes(` ${mnt} `), 'nothing mounted');
});

fuseTest('another entry without a name mounts, but listing its directory fails with EIO', async () => {
  const mnt = mountpoint();
  const d = await startDaemon(['--bootstrap', save(withRecordField(nameless, 5, NAME_SIZE_FIELD, 0, 2)), '--localfs-dir', fixture.v5.blobs], mnt);
  try {
    assert.ok(readdirSync(mnt).includes('hardlink-test'));
    const ls = () => execFileSync('ls', [join(mnt, 'hardlink-test')], { stdio: 'pipe' });
    assert.throws(ls, /Input\/output error/);
  } finally {
    assert.is(await d.stop(), 0, d.stderr());
  }
});

test.run();
