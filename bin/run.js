#!/usr/bin/env node
// The `nydus` command: oclif dispatches to the compiled commands in dist/src/commands.
// nydusd compatibility: `nydus --version|-V` prints nydusd's version text, and a command
// line that starts with an option (nydusd's no-subcommand form) runs the FUSE daemon;
// `--version`/`-V` there (or after `fuse`) wins over every other flag, as in nydusd.
// A daemon command (fuse, virtiofs, blobcache, singleton, fscache) whose command line is
// plainly valid starts without oclif (dist/src/cli/daemon-entry.js); oclif takes the rest.
// That path is loaded from the bundle of it (dist/src/cli-bundle/, scripts/bundle.mjs) when the
// bundle is newer than the last tsc run, else from the modules.
// With NYDUS_STANDBY_FD set the process is a failover standby: it loads the daemon's code and
// waits for the supervisor's go before it starts (dist/src/cli/standby.js).
import { statSync } from 'node:fs';

/** The directory of the daemon entry: the bundle when it is current, else the modules. */
function entryDir() {
  let bundle;
  try {
    bundle = statSync(new URL('../dist/src/cli-bundle/daemon-entry.js', import.meta.url)).mtimeMs;
  } catch {
    return 'cli';
  }
  try {
    return bundle >= statSync(new URL('../dist/.tsbuildinfo', import.meta.url)).mtimeMs ? 'cli-bundle' : 'cli';
  } catch {
    return 'cli-bundle'; // an installed package: no tsc runs here
  }
}

const args = process.argv.slice(2);
const daemonForm = args.length > 0 && (args[0] === 'fuse' || args[0].startsWith('-'));
if (daemonForm && (args.includes('--version') || args.includes('-V'))) {
  const { versionText } = await import('../dist/src/daemon/version.js');
  process.stdout.write(versionText());
} else {
  const nydusdForm = args.length > 0 && args[0].startsWith('-') && !['--help', '-h'].includes(args[0]);
  const argv = nydusdForm ? ['fuse', ...args] : args;
  if (process.env.NYDUS_STANDBY_FD !== undefined) {
    const { standBy } = await import(`../dist/src/${entryDir()}/standby.js`);
    if (!(await standBy(argv))) process.exit(0);
  }
  const { runDaemonEntry } = await import(`../dist/src/${entryDir()}/daemon-entry.js`);
  if (!(await runDaemonEntry(argv))) {
    const { execute } = await import('@oclif/core');
    await execute({ dir: import.meta.url, args: argv });
  }
}
