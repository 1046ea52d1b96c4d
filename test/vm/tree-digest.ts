// Test helper: a tree's digest for comparing mounts, on the host and in the guest: every path
// under the root (sorted) mapped to "dir", "link:<target>", "md5:<content md5>" or "other".
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readdirSync, readlinkSync, readSync } from 'node:fs';
import { join } from 'node:path';

export function md5File(path: string): string {
  const h = createHash('md5');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n <= 0) break;
      h.update(buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** Every entry under `root`: regular files with their md5, symlinks with their target, dirs. */
export function treeDigest(root: string): Record<string, string> {
  const tree: Record<string, string> = {};
  const visit = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(root, r));
      if (st.isDirectory()) {
        tree[r] = 'dir';
        visit(r);
      } else if (st.isSymbolicLink()) tree[r] = `link:${readlinkSync(join(root, r))}`;
      else if (st.isFile()) tree[r] = `md5:${md5File(join(root, r))}`;
      else tree[r] = 'other';
    }
  };
  visit('');
  return tree;
}
