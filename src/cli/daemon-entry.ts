// CLI layer: the daemon commands' start-up path without oclif (bin/run.js tries it first). A
// daemon's command line that is plainly valid (src/cli/daemon-argv.ts) runs the daemon directly:
// neither oclif (its config, manifest and command loading) nor any other command is loaded, so
// the daemon, a failover restart and a hot-upgrade successor start sooner and stay smaller. Any
// other command line is left to oclif (runDaemonEntry answers false), whose messages, help and
// exit codes it keeps; failures of a started daemon are reported as NydusCommand reports them.
import { blobcacheDaemonFlagSpecs, fuseDaemonFlagSpecs, virtiofsDaemonFlagSpecs, type DaemonFlagSpec } from '../../generated/daemon-options.js';
import { NydusError } from '../errors.js';
import { parseDaemonArgv } from './daemon-argv.js';
import { nydusErrorText } from './error-text.js';

interface DaemonCommand {
  readonly specs: Readonly<Record<string, DaemonFlagSpec>>;
  /** Flags the command itself requires (checked in its run(), not by the parser). */
  readonly needs?: string;
  readonly run: (flags: Record<string, unknown>) => Promise<void>;
}

const run = (name: 'runFuseDaemon' | 'runVirtiofsDaemon' | 'runBlobcacheDaemon') => async (flags: Record<string, unknown>) => (await import('./daemon-run.js'))[name](flags);

/** The daemon commands by id (nydusd's no-subcommand form arrives as `fuse`). */
const COMMANDS: Readonly<Record<string, DaemonCommand>> = {
  fuse: { specs: fuseDaemonFlagSpecs, run: run('runFuseDaemon') },
  virtiofs: { specs: virtiofsDaemonFlagSpecs, run: run('runVirtiofsDaemon') },
  blobcache: { specs: blobcacheDaemonFlagSpecs, run: run('runBlobcacheDaemon') },
  singleton: { specs: blobcacheDaemonFlagSpecs, run: run('runBlobcacheDaemon') },
  fscache: { specs: blobcacheDaemonFlagSpecs, needs: 'fscache', run: run('runBlobcacheDaemon') },
};

/** The flags of `argv` (command id first) when the oclif-free path takes it, else null. */
export function daemonFlags(argv: readonly string[]): Record<string, unknown> | null {
  const cmd = Object.hasOwn(COMMANDS, argv[0] ?? '') ? COMMANDS[argv[0]] : undefined;
  if (!cmd) return null;
  const flags = parseDaemonArgv(argv.slice(1), cmd.specs);
  if (!flags || (cmd.needs && flags[cmd.needs] === undefined)) return null;
  return flags;
}

/**
 * Runs the daemon command of `argv` (command id first) when its command line is plainly valid;
 * answers false, having done nothing, when oclif must take it. A daemon that ran leaves the
 * process itself (exit 0 after an orderly shutdown, 1 or 2 on a failure).
 */
export async function runDaemonEntry(argv: readonly string[]): Promise<boolean> {
  const flags = daemonFlags(argv);
  if (!flags) return false;
  // What loading @oclif/core does to the process, kept: its warning for a vanished working
  // directory, and process warnings printed with their stack (Config's displayWarnings).
  try {
    process.cwd();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') process.stderr.write('WARNING: current directory does not exist\n');
  }
  if (process.listenerCount('warning') <= 1) {
    process.on('warning', (warning) => {
      console.error(warning.stack);
      if ((warning as Error & { detail?: string }).detail) console.error((warning as Error & { detail?: string }).detail);
    });
  }
  try {
    await COMMANDS[argv[0]].run(flags);
  } catch (err) {
    if (err instanceof NydusError) {
      process.stderr.write(nydusErrorText(err));
      process.exit(err.exitCode);
    }
    // Anything else is printed and mapped to an exit code by oclif, as under a command.
    const { Errors, markUsageError } = await import('./base.js');
    markUsageError(err as Error);
    await Errors.handle(err as Error);
  }
  return true;
}
