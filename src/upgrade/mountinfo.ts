// Upgrade layer: the kernel's view of a FUSE mountpoint (/proc/self/mountinfo), apart from the
// process handling of daemon-process.ts so that a starting daemon reads it without loading that.
import { readFileSync } from 'node:fs';

function unescapeMountinfo(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** The mountinfo line fields of the FUSE mount at `mountpoint` (last one wins), or undefined. */
export function fuseMountInfo(mountpoint: string): { mountId: number; fstype: string } | undefined {
  let found: { mountId: number; fstype: string } | undefined;
  let text: string;
  try {
    text = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return undefined;
  }
  for (const line of text.split('\n')) {
    const f = line.split(' ');
    const sep = f.indexOf('-');
    if (sep < 0 || unescapeMountinfo(f[4] ?? '') !== mountpoint) continue;
    const fstype = f[sep + 1] ?? '';
    if (fstype.startsWith('fuse')) found = { mountId: Number(f[0]), fstype };
  }
  return found;
}
