// Native binding layer: host filesystem facts Node lacks (xattrs, sparse extents), for the
// builder's directory scanner.
import { internal } from './binding.js';

interface HostFsAddon {
  readXattrs(path: string): Array<[string, Buffer]>;
  dataExtents(path: string, size: number): Array<[number, number]>;
  fileLimit(): [number, number];
  setFileLimit(value: number): void;
}

const addon = () => internal.addon() as unknown as HostFsAddon;

/** Every extended attribute of `path` (a final symlink is not followed), sorted by name. */
export function readXattrs(path: string): Array<[string, Buffer]> {
  return internal.callSync(() => addon().readXattrs(path));
}

/** Data regions of a regular file (one [0, size) extent when it has no holes). */
export function dataExtents(path: string, size: number): Array<{ offset: number; length: number }> {
  return internal.callSync(() => addon().dataExtents(path, size)).map(([offset, length]) => ({ offset, length }));
}

/** This process's RLIMIT_NOFILE. */
export function fileLimit(): { soft: number; hard: number } {
  const [soft, hard] = internal.callSync(() => addon().fileLimit());
  return { soft, hard };
}

/** Sets RLIMIT_NOFILE (soft and hard) to `value`. */
export function setFileLimit(value: number): void {
  internal.callSync(() => addon().setFileLimit(value));
}
