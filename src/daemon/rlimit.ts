// --rlimit-nofile (spec daemon.md §1.10): raise RLIMIT_NOFILE toward the requested value,
// capped by fs.file-max. Daemon layer; the syscalls are in the native host_fs module.
import { readFileSync } from 'node:fs';
import { NydusError } from '../errors.js';
import { fileLimit, setFileLimit } from '../native/host-fs.js';

/** The limit §1.10 applies for `requested` given fs.file-max and the current soft limit; undefined = leave it. */
export function nofileTarget(requested: number, fileMax: number, currentSoft: number): number | undefined {
  if (requested === 0) return undefined;
  if (fileMax < 32768) throw new NydusError('EINVAL', `fs.file-max too low: ${fileMax} (at least 32768 is needed for --rlimit-nofile)`, 1);
  let cap = Math.min(fileMax - 16384, 1_000_000);
  cap = Math.max(currentSoft, cap);
  return Math.min(requested, cap);
}

/**
 * Applies --rlimit-nofile; returns the limit set (undefined when left unchanged). When the
 * process may not raise its hard limit (no CAP_SYS_RESOURCE; nydusd would exit 1 there),
 * the soft limit is raised to the hard one instead and `warn` says so.
 */
export function applyNofileLimit(requested: number, warn: (msg: string) => void = () => {}): number | undefined {
  if (requested === 0) return undefined;
  const fileMax = Number(readFileSync('/proc/sys/fs/file-max', 'utf8').trim());
  const current = fileLimit();
  const target = nofileTarget(requested, fileMax, current.soft);
  if (target === undefined) return undefined;
  try {
    setFileLimit(target);
    return target;
  } catch (err) {
    if (target <= current.hard) throw new NydusError('EPERM', `cannot set RLIMIT_NOFILE to ${target}: ${(err as Error).message}`, 1);
    warn(`cannot raise RLIMIT_NOFILE to ${target} (${(err as Error).message}); using the hard limit ${current.hard}`);
    try {
      setFileLimit(current.hard);
    } catch (err2) {
      throw new NydusError('EPERM', `cannot set RLIMIT_NOFILE to ${current.hard}: ${(err2 as Error).message}`, 1);
    }
    return current.hard;
  }
}
