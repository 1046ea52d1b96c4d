// CLI layer: the base class of every command. Maps the project's errors to nydusd's exit
// codes (2 usage/config, 1 runtime) with one clean message, no stack trace.
import { Command, Errors } from '@oclif/core';
import { NydusError } from '../errors.js';
import { nydusErrorText } from './error-text.js';

/** oclif's error printer, for the daemon entry's reports (it loads oclif only through here). */
export { Errors };

export abstract class NydusCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (err instanceof NydusError) {
      process.stderr.write(nydusErrorText(err));
      return this.exit(err.exitCode);
    }
    markUsageError(err);
    return super.catch(err);
  }

  /** Writes a JSON document to stdout. */
  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}

/** oclif's own parse errors (unknown flag, missing arg) are usage errors: exit 2 as nydusd. */
export function markUsageError(err: Error & { oclif?: { exit?: number } }): void {
  if (err instanceof Errors.CLIError && !(err instanceof Errors.ExitError) && err.oclif?.exit === undefined) {
    err.oclif = { ...err.oclif, exit: 2 };
  }
}
