// Upgrade layer: the standby protocol between `nydus failover` and a daemon it keeps as a warm
// spare (src/cli/standby.ts): the child reads a pipe named by an environment variable and
// starts on one byte; end of file makes it leave.

/** The environment variable that makes a daemon process a standby (the pipe's fd number). */
export const STANDBY_ENV = 'NYDUS_STANDBY_FD';

/** The byte that tells a standby to start. */
export const STANDBY_GO = 0x67; // 'g'
