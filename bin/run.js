#!/usr/bin/env node
// The `nydus` command: oclif dispatches to the compiled commands in dist/src/commands.
// nydusd compatibility: `nydus --version|-V` prints nydusd's version text, and a command
// line that starts with an option (nydusd's no-subcommand form) runs the FUSE daemon;
// `--version`/`-V` there (or after `fuse`) wins over every other flag, as in nydusd.
// A daemon command (fuse, virtiofs, blobcache, singleton, fscache) whose command line is
// plainly valid starts without oclif (dist/src/cli/daemon-entry.js); oclif takes the rest.
// With NYDUS_STANDBY_FD set the process is a failover standby: it loads the daemon's code and
// waits for the supervisor's go before it starts (dist/src/cli/standby.js).
const args = process.argv.slice(2);
const daemonForm = args.length > 0 && (args[0] === 'fuse' || args[0].startsWith('-'));
if (daemonForm && (args.includes('--version') || args.includes('-V'))) {
  const { versionText } = await import('../dist/src/daemon/version.js');
  process.stdout.write(versionText());
} else {
  const nydusdForm = args.length > 0 && args[0].startsWith('-') && !['--help', '-h'].includes(args[0]);
  const argv = nydusdForm ? ['fuse', ...args] : args;
  if (process.env.NYDUS_STANDBY_FD !== undefined) {
    const { standBy } = await import('../dist/src/cli/standby.js');
    if (!(await standBy(argv))) process.exit(0);
  }
  const { runDaemonEntry } = await import('../dist/src/cli/daemon-entry.js');
  if (!(await runDaemonEntry(argv))) {
    const { execute } = await import('@oclif/core');
    await execute({ dir: import.meta.url, args: argv });
  }
}
