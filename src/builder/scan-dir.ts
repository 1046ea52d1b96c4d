// Builder layer: turns a source directory into the image tree (BuildNode): every file type,
// modes, owners, nanosecond mtimes, xattrs, sparse extents and hard links (by dev/ino).
// Reads metadata only; file contents are read later by the blob writer.
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { NydusError } from '../errors.js';
import { dataExtents, readXattrs } from '../native/host-fs.js';
import { type BuildNode, S_IFDIR, S_IFLNK, S_IFMT, S_IFREG } from './model.js';

/** Longest file name RAFS stores. */
export const MAX_NAME = 255;

function fail(path: string, what: string, err?: unknown): NydusError {
  const why = err instanceof Error ? `: ${err.message}` : '';
  return new NydusError('EINVAL', `${path}: ${what}${why}`, 1, { cause: err });
}

/** Sorts children by raw name bytes, as RAFS orders directory entries. */
export function sortChildren(nodes: BuildNode[]): BuildNode[] {
  return nodes.sort((a, b) => Buffer.compare(a.name, b.name));
}

export async function scanDirectory(source: string): Promise<BuildNode> {
  const links = new Map<string, BuildNode>(); // "dev:ino" -> group leader
  const visit = async (hostPath: string, imagePath: string, name: Buffer): Promise<BuildNode> => {
    let st;
    try {
      st = await lstat(hostPath, { bigint: true });
    } catch (err) {
      throw fail(hostPath, 'cannot read', err);
    }
    if (name.length > MAX_NAME) throw fail(hostPath, `name of ${name.length} bytes exceeds the ${MAX_NAME}-byte limit of RAFS`);
    let xattrs: Array<[string, Buffer]>;
    try {
      xattrs = readXattrs(hostPath);
    } catch (err) {
      throw fail(hostPath, 'cannot read extended attributes', err);
    }
    const node: BuildNode = {
      name,
      path: imagePath,
      mode: Number(st.mode),
      uid: Number(st.uid),
      gid: Number(st.gid),
      mtime: Number(st.mtimeNs / 1_000_000_000n),
      mtimeNsec: Number(st.mtimeNs % 1_000_000_000n),
      size: 0,
      rdev: Number(st.rdev),
      nlink: 1,
      xattrs,
    };
    const type = node.mode & S_IFMT;
    if (type === S_IFDIR) {
      let names: Buffer[];
      try {
        names = await readdir(hostPath, { encoding: 'buffer' });
      } catch (err) {
        throw fail(hostPath, 'cannot list', err);
      }
      const children: BuildNode[] = [];
      for (const child of names) {
        const text = child.toString();
        // Paths travel as strings (Node and the native helpers decode them as UTF-8).
        if (!Buffer.from(text).equals(child)) throw fail(join(hostPath, text), 'file names that are not UTF-8 are not supported yet');
        children.push(await visit(join(hostPath, text), imagePath === '/' ? `/${text}` : `${imagePath}/${text}`, child));
      }
      node.children = sortChildren(children);
      node.nlink = 2 + children.filter((c) => (c.mode & S_IFMT) === S_IFDIR).length;
    } else if (type === S_IFLNK) {
      node.target = await readlink(hostPath, { encoding: 'buffer' });
      node.size = node.target.length;
    } else if (type === S_IFREG) {
      node.size = Number(st.size);
      node.source = { kind: 'file', path: hostPath };
      // Fewer allocated blocks than the size says: look for holes.
      if (st.blocks * 512n < st.size) {
        const extents = dataExtents(hostPath, node.size);
        if (!(extents.length === 1 && extents[0].offset === 0 && extents[0].length === node.size)) node.extents = extents;
      }
      if (st.nlink > 1n) {
        const key = `${st.dev}:${st.ino}`;
        const leader = links.get(key);
        if (leader) {
          node.linkLeader = leader;
          leader.nlink++;
        } else {
          node.linkLeader = node;
          links.set(key, node);
        }
      }
    }
    return node;
  };
  const root = await visit(source, '/', Buffer.from('/'));
  if ((root.mode & S_IFMT) !== S_IFDIR) throw fail(source, 'is not a directory');
  // Hard-link members carry the group's link count.
  const fix = (n: BuildNode) => {
    if (n.linkLeader && n.linkLeader !== n) n.nlink = n.linkLeader.nlink;
    n.children?.forEach(fix);
  };
  fix(root);
  return root;
}
