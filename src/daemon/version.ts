// The daemon's version information: `--version` in nydusd's exact format (daemon.md §1.11)
// and the `version` object of GET /api/v1/daemon, from one source so that the snapshotter's
// `Git Commit:` comparison matches for the same code.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../paths.js';

export interface BuildInfo {
  package_ver: string;
  git_commit: string;
  build_time: string;
  profile: string;
  rustc: string;
}

/** The commit of the checkout the code runs from (read from .git, no git process), else "unknown". */
function gitCommit(root: string): string {
  try {
    const gitDir = join(root, '.git');
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = /^ref: (.+)$/.exec(head)?.[1];
    if (!ref) return 'unknown';
    try {
      return readFileSync(join(gitDir, ref), 'utf8').trim();
    } catch {
      const packed = readFileSync(join(gitDir, 'packed-refs'), 'utf8');
      const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
      return line ? line.split(' ')[0] : 'unknown';
    }
  } catch {
    return 'unknown';
  }
}

let cached: BuildInfo | undefined;

export function buildInfo(): BuildInfo {
  if (cached) return cached;
  const root = packageRoot;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  let built = new Date(0);
  try {
    built = statSync(join(root, 'dist', 'src', 'index.js')).mtime;
  } catch {
    // not built from dist: keep the epoch
  }
  cached = {
    package_ver: `v${pkg.version}`,
    git_commit: gitCommit(root),
    build_time: built.toISOString(),
    profile: 'release',
    rustc: `node ${process.version}`,
  };
  return cached;
}

/** nydusd's `--version` text, byte for byte (labels, tabs, the carriage return, the final empty line). */
export function versionText(info: BuildInfo = buildInfo()): string {
  return `nydusd \rVersion: \t${info.package_ver}\nGit Commit: \t${info.git_commit}\nBuild Time: \t${info.build_time}\nProfile: \t${info.profile}\nRustc: \t\t${info.rustc}\n\n`;
}
