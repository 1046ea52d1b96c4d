#!/usr/bin/env node
// The `nydus` command: oclif dispatches to the compiled commands in dist/src/commands.
// nydusd compatibility: `nydus --version|-V` prints nydusd's version text, and a command
// line that starts with an option (nydusd's no-subcommand form) runs the FUSE daemon;
// `--version`/`-V` there (or after `fuse`) wins over every other flag, as in nydusd.
import { execute } from '@oclif/core';

const args = process.argv.slice(2);
const daemonForm = args.length > 0 && (args[0] === 'fuse' || args[0].startsWith('-'));
if (daemonForm && (args.includes('--version') || args.includes('-V'))) {
  const { versionText } = await import('../dist/src/daemon/version.js');
  process.stdout.write(versionText());
} else {
  const nydusdForm = args.length > 0 && args[0].startsWith('-') && !['--help', '-h'].includes(args[0]);
  await execute({ dir: import.meta.url, args: nydusdForm ? ['fuse', ...args] : args });
}
