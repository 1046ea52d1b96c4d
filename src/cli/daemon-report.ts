// CLI layer: shared flags and text rendering of the `nydus daemon ...` commands, a
// nydusctl-like client of a running daemon's API socket (spec api.md §5 "nydusctl").
import { Flags } from '@oclif/core';
import type { DaemonInfo } from '../../generated/types.js';

export const apisockFlag = {
  apisock: Flags.string({ char: 'S', description: 'path of the daemon\'s API socket (nydusd --apisock)', required: true }),
};

function table(rows: Array<[string, string]>): string {
  const width = Math.max(0, ...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)}${v}\n`).join('');
}

/** `nydus daemon info`: what nydusctl info prints, then one line per mounted filesystem. */
export function renderInfo(info: DaemonInfo): string {
  let out = table([
    ['Version', info.version.package_ver],
    ['Status', info.state],
    ['Profile', info.version.profile],
    ['Commit', info.version.git_commit],
    ['ID', info.id ?? '-'],
    ['Supervisor', info.supervisor ?? '-'],
  ]);
  const mounts = Object.entries(info.backend_collection ?? {});
  if (info.backend_collection === null) out += 'Filesystems: none (no filesystem service)\n';
  else if (mounts.length === 0) out += 'Filesystems: none mounted\n';
  else {
    out += 'Filesystems:\n';
    for (const [mp, b] of mounts) out += `  ${mp}  ${b.backend_type}  mounted ${b.mounted_time}\n`;
  }
  return out;
}

function scalar(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : v.map((x) => (Array.isArray(x) ? `[${x.join(',')}]` : String(x))).join(' ');
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Any metrics document as readable lines: objects as `key: value`, lists one item a line. */
export function renderMetrics(kind: string, doc: unknown): string {
  if (Array.isArray(doc)) {
    if (doc.length === 0) return `${kind}: none\n`;
    return doc.map((item) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? Object.entries(item).map(([k, v]) => `${k}=${scalar(v)}`).join(' ') : scalar(item))).join('\n') + '\n';
  }
  if (doc !== null && typeof doc === 'object') {
    const rows = Object.entries(doc).map(([k, v]): [string, string] => [k, scalar(v)]);
    return rows.length === 0 ? `${kind}: none\n` : table(rows);
  }
  return `${scalar(doc)}\n`;
}
