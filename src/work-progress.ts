// Shared by the long operations (builder, inspect check, later convert) and the CLI's progress
// bar (src/cli/progress.ts): how a library function says how much work there is and how much is
// done. A type only, so the lower layers report without importing the CLI.

export interface WorkProgress {
  /** The size of the work, once known and before the first tick. */
  start(files: number, bytes: number): void;
  /** Work finished since the last call: files completed, bytes processed. Must stay cheap. */
  tick(files: number, bytes: number): void;
}
