// `nydus upgrade ID`: hot upgrade of a supervised FUSE daemon (spec daemon.md §5.7): the
// successor takes over the live /dev/fuse connection; the mount never goes away.
import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { NydusCommand } from '../cli/base.js';
import { jsonFlag } from '../cli/flags.js';
import { NydusError } from '../errors.js';
import { listRecords, readRecord, resolveStateDir } from '../upgrade/records.js';
import { runUpgrade, type UpgradeReport } from '../upgrade/upgrade.js';

export default class Upgrade extends NydusCommand {
  static override summary = 'Replace a running FUSE daemon by a new process without unmounting (hot upgrade).';
  static override description =
    'Reads the daemon record <state dir>/<ID>.json (written by `nydus fuse --id ID --supervisor S`), saves the daemon\'s state and /dev/fuse fd over the supervisor socket (sendfd), ' +
    'starts the same command line (or --binary) with --upgrade and the next API socket (api.sock → api1.sock → ...), hands it the state (takeover), stops the old daemon (exit) and starts the new one. ' +
    'Prints each step with its duration and the gap during which no daemon served the mount. If a step fails before the old daemon was stopped, the successor is killed and the old daemon keeps serving. Exit status 0 once the successor serves, 1 on failure.';
  static override examples = [
    '<%= config.bin %> upgrade d1',
    '<%= config.bin %> upgrade d1 --state-dir /run/nydus --binary /opt/nydus-next/bin/run.js --json',
    '<%= config.bin %> upgrade --apisock /run/nydus/d1.sock',
  ];
  static override args = {
    id: Args.string({ description: 'daemon id (--id of the daemon); or give --apisock', required: false }),
  };
  static override flags = {
    'state-dir': Flags.string({ description: 'directory of daemon records (default: $NYDUS_STATE_DIR, else /run/nydus)' }),
    apisock: Flags.string({ char: 'A', description: 'the daemon\'s current API socket, instead of its id (the record naming it is used)' }),
    binary: Flags.string({ description: 'entry point of the new daemon: a .js file (run with this node, e.g. another bin/run.js) or an executable; default: the recorded command' }),
    'start-timeout': Flags.integer({ description: 'milliseconds the successor may take to answer in INIT (a slow machine or VM needs more)', default: 10_000, min: 100 }),
    ...jsonFlag,
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Upgrade);
    const stateDir = resolveStateDir(flags['state-dir']);
    let record;
    if (args.id !== undefined) {
      if (flags.apisock !== undefined) this.error('give a daemon id or --apisock, not both', { exit: 2 });
      record = await readRecord(stateDir, args.id);
    } else if (flags.apisock !== undefined) {
      const sock = resolve(flags.apisock);
      record = (await listRecords(stateDir)).find((r) => r.apiSock !== null && resolve(r.apiSock) === sock);
      if (!record) throw new NydusError('ENOENT', `no daemon record in ${stateDir} has the API socket ${sock} (the daemon must run with --id and --supervisor)`, 1);
    } else {
      this.error('expected a daemon id or --apisock (see --help)', { exit: 2 });
    }
    const quiet = flags.json;
    const log = {
      info: (m: string) => {
        if (!quiet) process.stdout.write(`${m}\n`);
      },
      warn: (m: string) => process.stderr.write(`nydus: warning: ${m}\n`),
    };
    const report: UpgradeReport = await runUpgrade({ record, stateDir, binary: flags.binary, log, startTimeoutMs: flags['start-timeout'] });
    if (flags.json) this.printJson(report);
    else process.stdout.write(`upgraded daemon ${report.id}: pid ${report.oldPid} → ${report.newPid}, API ${report.newApiSock}, gap ${report.gapMs} ms, total ${report.totalMs} ms\n`);
    // Leave at once: the successor is detached; nothing of ours must linger.
    this.exit(0);
  }
}
