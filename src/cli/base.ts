// CLI layer: the base class of every command. Maps the project's errors to nydusd's exit
// codes (2 usage/config, 1 runtime) with one clean message, no stack trace.
import { Command, Errors } from '@oclif/core';
import { NativeError, NydusError } from '../errors.js';

export abstract class NydusCommand extends Command {
  protected override async catch(err: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (err instanceof NydusError) {
      process.stderr.write(`nydus: ${err.message}${err instanceof NativeError ? ` (${err.code})` : ''}\n`);
      return this.exit(err.exitCode);
    }
    // oclif's own parse errors (unknown flag, missing arg) are usage errors: exit 2 as nydusd.
    if (err instanceof Errors.CLIError && !(err instanceof Errors.ExitError) && err.oclif?.exit === undefined) {
      err.oclif = { ...err.oclif, exit: 2 };
    }
    return super.catch(err);
  }

  /** Writes a JSON document to stdout. */
  protected printJson(value: unknown): void {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }
}
