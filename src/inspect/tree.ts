// Inspect layer: the image tree in `tree`'s shapes: `tree -J` JSON (root node + report) and
// the text drawing. Links count as directories in the report when they resolve to one
// inside the image, as `tree` counts a mounted image.
import type { InspectTree, TreeNode } from '../../generated/types.js';
import type { RafsImage } from '../native/image.js';
import { children, resolveInImage, S_IFDIR, S_IFMT, typeOfMode } from './walk.js';

export interface TreeResult {
  root: TreeNode;
  directories: number;
  files: number;
}

export function buildTree(image: RafsImage, rootName = ''): TreeResult {
  let directories = 0;
  let files = 0;
  const seen = new Set<number>();
  // Returns the node and whether it counts as a directory in the report.
  const node = (dirPath: string, name: string, ino: number, depth: number): [TreeNode, boolean] => {
    const attr = image.getattr(ino);
    const type = typeOfMode(attr.mode);
    if (type === 'directory') {
      if (seen.has(ino) || depth > 4096) throw new Error(`${dirPath}: directory cycle in the image`);
      seen.add(ino);
      const path = depth === 0 ? '' : `${dirPath}/${name}`;
      const contents = children(image, ino).map((c) => {
        const [child, isDir] = node(path, c.name, c.ino, depth + 1);
        if (isDir) directories++;
        else files++;
        return child;
      });
      seen.delete(ino);
      return [{ type: 'directory', name, contents }, true];
    }
    if (type === 'link') {
      const target = image.readlink(ino).toString();
      const resolved = resolveInImage(image, dirPath || '/', target);
      const isDir = resolved !== undefined && (resolved.attr.mode & S_IFMT) === S_IFDIR;
      return [{ type: 'link', name, target, contents: [] }, isDir];
    }
    return [{ type: type === 'unknown' ? 'file' : type, name }, false];
  };
  const [root] = node('', rootName, image.rootIno, 0);
  return { root, directories, files };
}

export function treeJson(result: TreeResult): InspectTree {
  return [result.root, { type: 'report', directories: result.directories, files: result.files }];
}

/** `tree -J` formatting: one entry per line, nested by indentation. */
export function formatTreeJson(tree: InspectTree): string {
  const fmt = (n: TreeNode, indent: string): string => {
    const { contents, ...rest } = n;
    const head = JSON.stringify(rest).slice(0, -1);
    if (!contents) return `${indent}${head}}`;
    if (n.type === 'link') return `${indent}${head},"contents":[]}`;
    const body = contents.map((c) => fmt(c, `${indent}  `)).join(',\n');
    return `${indent}${head},"contents":[\n${body}${body ? '\n' : ''}${indent}]}`;
  };
  return `[\n${tree.map((n) => fmt(n, '  ')).join(',\n')}\n]\n`;
}

/** The text drawing of `tree`. */
export function formatTreeText(result: TreeResult): string {
  const lines: string[] = [result.root.name || '.'];
  const draw = (n: TreeNode, prefix: string) => {
    const list = n.contents ?? [];
    list.forEach((c, i) => {
      const last = i === list.length - 1;
      const label = c.type === 'link' ? `${c.name} -> ${c.target}` : c.name;
      lines.push(`${prefix}${last ? '└── ' : '├── '}${label}`);
      if (c.type === 'directory') draw(c, `${prefix}${last ? '    ' : '│   '}`);
    });
  };
  draw(result.root, '');
  const d = result.directories;
  const f = result.files;
  lines.push('', `${d} director${d === 1 ? 'y' : 'ies'}, ${f} file${f === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}
