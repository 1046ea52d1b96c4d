// Native binding layer: host filesystem facts Node lacks (xattrs, sparse extents), for the
// builder's directory scanner.
import { internal } from './binding.js';

interface HostFsAddon {
  readXattrs(path: string): Array<[string, Buffer]>;
  dataExtents(path: string, size: number): Array<[number, number]>;
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
